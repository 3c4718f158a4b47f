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

  it("finds what a query means when not every word matches: the best match first", async () => {
    expect((await search("轨道交通产业"))[0]).toBe("轨道交通");
    expect((await search("汽车 轨道交通")).slice(0, 2).sort()).toEqual(["汽车", "轨道交通"]);
    const institutes = await search("双流县的研究院");
    expect(institutes[0]).toBe("双流县");
    expect(institutes).toEqual(
      expect.arrayContaining(["电子科大成都研究院", "西南交大成都研究院"]),
    );
  });

  it("folds traditional characters, drops emoji and finds English words by their stem", async () => {
    expect((await search("電子科技大學"))[0]).toBe("电子科技大学");
    expect(await search("电子科🚀")).toEqual(await search("电子科"));
    expect(await search("incubator")).toContain("校院地共建科技企业孵化器");
  });

  it("finds today's names and pinyin, which the index holds besides the document's forms", async () => {
    expect((await search("双流区"))[0]).toBe("双流县");
    expect((await search("shuangliu"))[0]).toBe("双流县");
    expect((await search("dianzi keji daxue"))[0]).toBe("电子科技大学");
    expect((await search("Pidu District"))[0]).toBe("郫县");
  });

  it("finds the entities at both ends of a relationship whose own properties match, saying so", async () => {
    const response = await gql<any>(
      server.url,
      `{ search(query: "试点高校", first: 50) { edges { node { id }
          match { field relationType text spans { start end } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    // First: the six first-batch pilot universities and the programme they are pilots of, found
    // by the batch their PILOT_OF relationships hold (no name of theirs says 试点高校).
    const byRelationship = response.data.search.edges.slice(0, 7);
    expect(new Set(byRelationship.map((edge: any) => edge.node.id))).toEqual(
      new Set([
        "scu",
        "uestc",
        "swjtu",
        "swpu",
        "cuit",
        "chengdu-university",
        "sub-2-5-classified-demonstration",
      ]),
    );
    for (const { match } of byRelationship) {
      expect(match).toEqual({
        field: "relationship",
        relationType: "PILOT_OF",
        text: "首批试点高校 (first batch of pilot universities)",
        spans: [{ start: 2, end: 6 }],
      });
    }
  });
});
