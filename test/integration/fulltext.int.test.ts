import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, startTestServer, type TestServer } from "../helpers/server";

interface SearchData {
  search: { totalCount: number; edges: { node: { name: string; nameEn: string | null } }[] };
}

describe("the full-text index over every name form", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  const search = async (query: string): Promise<string[]> => {
    const response = await gql<SearchData>(
      server.url,
      `query ($q: String!) { search(query: $q, first: 50) { totalCount edges { node { name nameEn } } } }`,
      { q: query },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.search.edges.map((edge) => edge.node.name);
  };

  it("finds 电子科大成都研究院 by the Chinese substring 电子科", async () => {
    expect(await search("电子科")).toContain("电子科大成都研究院");
  });

  it("finds an entity by a word of its English name", async () => {
    expect(await search("Kechuangtong")).toEqual(["科创通"]);
  });

  it("finds an entity by an alias only", async () => {
    expect(await search("企业14条")).toContain("成都市支持企业创新能力建设若干政策");
  });

  it("ranks the exact name first", async () => {
    expect((await search("双流县"))[0]).toBe("双流县");
  });
});
