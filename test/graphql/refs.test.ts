import { describe, expect, it } from "vitest";
import { gql, serveForFile, type Data } from "../helpers/server";

const api = serveForFile();
const ok = api.ok;

async function refused(query: string): Promise<Data> {
  const response = await gql<Data>(api.url, query);
  expect(response.errors, "expected an error").toHaveLength(1);
  const [error] = response.errors!;
  expect(error!.extensions?.code).toBe("BAD_USER_INPUT");
  return error!;
}

describe("entry points by name", () => {
  it("answer a name as they answer the id it resolves to", async () => {
    const byName = await ok(`{
      entity(name: "双流县") { id }
      neighborhood(name: "锦江区", depth: 1) { nodes { id } edges { id } }
      paths(from: "电子科大", to: "雙流縣", maxHops: 4) { nodes { id } }
      innovationChain(industry: "汽车") { industry { id } stages { key items { entity { id } } } }
      upstream(name: "汽车") { entity { id } }
    }`);
    const byId = await ok(`{
      entity(id: "shuangliu-county") { id }
      neighborhood(id: "jinjiang-district", depth: 1) { nodes { id } edges { id } }
      paths(fromId: "uestc", toId: "shuangliu-county", maxHops: 4) { nodes { id } }
      innovationChain(industryId: "industry-automobile") { industry { id } stages { key items { entity { id } } } }
      upstream(id: "industry-automobile") { entity { id } }
    }`);
    expect(byName).toEqual(byId);
    expect(byName.entity).toEqual({ id: "shuangliu-county" });
    expect(byName.paths[0].nodes.map((n: Data) => n.id)).toEqual([
      "uestc",
      "uestc-chengdu-research-institute",
      "shuangliu-county",
    ]);
  });

  it("refuse a name that names nothing, naming the argument and the closest names", async () => {
    const error = await refused(`{ paths(fromId: "uestc", to: "双流区县") { length } }`);
    expect(error.extensions.argumentName).toBe("to");
    expect(error.extensions.candidates[0]).toEqual({
      id: "shuangliu-county",
      name: "双流县",
      kind: "District",
    });
    expect(error.message).toMatch(/^to: no entity is named "双流区县"; the closest names: 双流县/);
  });

  it("refuse both or neither of the pair", async () => {
    const both = await refused(`{ entity(id: "uestc", name: "电子科大") { id } }`);
    expect(both.extensions.argumentName).toBe("id");
    const neither = await refused(`{ neighborhood { truncated } }`);
    expect(neither.message).toBe("give id or name, one of the two");
  });

  it("keep answering null for an unknown id, as before", async () => {
    expect(await ok(`{ entity(id: "no-such-entity") { id } }`)).toEqual({ entity: null });
  });
});

describe("list filters", () => {
  it("take a district or an industry by name or id, with the same answer", async () => {
    const query = (district: string, industry: string): string => `{
      carriers(filter: { district: "${district}" }) { totalCount nodes { id } }
      entities(filter: { industry: "${industry}" }) { totalCount nodes { id } } }`;
    const byName = await ok(query("金牛区", "轨道交通"));
    const byId = await ok(query("jinniu-district", "industry-rail-transit"));
    expect(byName).toEqual(byId);
    expect(byName.carriers.totalCount).toBeGreaterThan(0);
    expect(byName.entities.totalCount).toBeGreaterThan(0);
  });

  it("refuse a value that names no entity instead of answering nothing", async () => {
    const error = await refused(
      `{ carriers(filter: { district: "no-such-district" }) { totalCount } }`,
    );
    expect(error.extensions.argumentName).toBe("filter.district");
    const misspelt = await refused(
      `{ entities(filter: { industry: "轨道交通业" }) { totalCount } }`,
    );
    expect(misspelt.extensions.argumentName).toBe("filter.industry");
    expect(misspelt.extensions.candidates[0].id).toBe("industry-rail-transit");
  });
});
