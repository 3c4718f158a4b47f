import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, startTestServer, type TestServer } from "../helpers/server";

interface SearchPage {
  totalCount: number;
  exhaustive: boolean;
  edges: { node: { id: string; name: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const QUERY = `query ($q: String!, $first: Int, $after: String) {
  search(query: $q, first: $first, after: $after) {
    totalCount exhaustive
    edges { node { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Searches whose hits run from one (双流县) to the seeded graph's most (成都: 23). */
const QUERIES = ["研究院", "成都", "大学", "汽车 轨道交通", "双流县", "企业"];

/**
 * SEARCH_HIT_BOUND: each full-text index gives a search its best hits only (search-entities.cypher).
 * On the seeded graph every search is below the default bound, so its answers are exhaustive; a
 * server with a bound of 1 shows on the same data what a large graph's common words meet.
 */
describe("search's bound on full-text hits", () => {
  let wide: TestServer;
  let narrow: TestServer;
  beforeAll(async () => {
    [wide, narrow] = await Promise.all([
      startTestServer(),
      startTestServer({ SEARCH_HIT_BOUND: "1" }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([wide.stop(), narrow.stop()]);
  });

  const search = async (
    server: TestServer,
    q: string,
    first: number,
    after: string | null = null,
  ): Promise<SearchPage> => {
    const response = await gql<{ search: SearchPage }>(server.url, QUERY, { q, first, after });
    expect(response.errors).toBeUndefined();
    return response.data!.search;
  };

  /** Every page of a search, `first` at a time, as the ids it lists, in order. */
  const allPages = async (server: TestServer, q: string, first: number): Promise<string[]> => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const result: SearchPage = await search(server, q, first, after);
      ids.push(...result.edges.map((edge) => edge.node.id));
      if (!result.pageInfo.hasNextPage) return ids;
      after = result.pageInfo.endCursor;
    }
    throw new Error(`${q}: more than 50 pages`);
  };

  it("reads every hit below the bound: exhaustive, and totalCount counts them all", async () => {
    for (const q of QUERIES) {
      const result = await search(wide, q, 100);
      expect({ q, exhaustive: result.exhaustive }).toEqual({ q, exhaustive: true });
      expect(result.totalCount).toBe(result.edges.length);
      expect(result.pageInfo.hasNextPage).toBe(false);
    }
    expect((await search(wide, "成都", 100)).totalCount).toBe(23);
  });

  it("past the bound says so: not exhaustive, a total that is a floor, and a next page", async () => {
    const all = await search(wide, "成都", 100);
    const first = await search(narrow, "成都", 2);
    expect(first.exhaustive).toBe(false);
    expect(first.totalCount).toBeGreaterThanOrEqual(2);
    expect(first.totalCount).toBeLessThan(all.totalCount);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.edges.map((edge) => edge.node.name)).toEqual(["成都", "中共成都市委员会"]);
  });

  it("pages on past the bound, reading deeper, to exactly the hits of an unbounded search", async () => {
    for (const q of QUERIES) {
      const all = (await search(wide, q, 100)).edges.map((edge) => edge.node.id);
      const paged = await allPages(narrow, q, 2);
      expect({ q, paged: [...paged].sort() }).toEqual({ q, paged: [...all].sort() });
      expect(new Set(paged).size).toBe(paged.length);
    }
  });

  it("puts an entity named exactly as typed first even when the index ranks it past the bound", async () => {
    // The index's best hit for 企业 is 行业龙头企业: the entity named 企业 comes from its name form.
    const result = await search(narrow, "企业", 1);
    expect(result.exhaustive).toBe(false);
    expect(result.edges.map((edge) => edge.node.name)).toEqual(["企业"]);
    expect((await search(wide, "企业", 1)).edges.map((edge) => edge.node.name)).toEqual(["企业"]);
  });
});
