import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECOND_DOCUMENT_DATE } from "../fixtures/documents/second-document";
import { AUTH_ENV, as } from "../helpers/curation";
import { removeIngested, reviewSecondDocument } from "../helpers/ingested";
import { gql, startTestServer, type Data, type TestServer } from "../helpers/server";

// FIXTURE: the second document (test/fixtures/documents/second-document.ts) is fictional test
// data, dated 2016-06-30. Review accepts its institute 测试理工大学成都研究院, co-built by 双流县
// and focused on 新能源: a route from the county to the industry's roadmap (新能源产业技术路线图), three
// hops, that only exists from that day; the seeds' own routes between them take six.
// What the tests write is removed after the file, as dates.int.test.ts removes it.

const COUNTY = "shuangliu-county";
const INDUSTRY = "industry-new-energy";
const ROADMAP = "roadmap-new-energy";

const PATHS = `query ($from: ID!, $to: ID!, $asOf: String) {
  pathSearch(fromId: $from, toId: $to, maxHops: 6, limit: 50, asOf: $asOf) {
    paths { length nodes { id } hops { id } } exhaustive } }`;

let server: TestServer;
let instituteId = "";
/** The county's paths to the roadmap before the document was ingested. */
let before: string[] = [];

async function ok(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const response = await gql<Data>(server.url, query, variables, as("editor"));
  expect(response.errors).toBeUndefined();
  return response.data as Data;
}

/** Each path as its entity ids joined by >, sorted. */
async function routes(from: string, to: string, asOf: string | null): Promise<string[]> {
  const data = await ok(PATHS, { from, to, asOf });
  expect(data.pathSearch.exhaustive).toBe(true);
  return (data.pathSearch.paths as { nodes: { id: string }[] }[])
    .map((path) => path.nodes.map((node) => node.id).join(">"))
    .sort();
}

beforeAll(async () => {
  server = await startTestServer(AUTH_ENV);
  await removeIngested();
  before = await routes(COUNTY, ROADMAP, null);
  ({ instituteId } = await reviewSecondDocument(server.url));
});

afterAll(async () => {
  if (process.env.KEEP) return;
  await removeIngested();
  await server.stop();
});

describe("paths as of a day", () => {
  it("go through what a later document added after its date, and around it before", async () => {
    const through = `${COUNTY}>${instituteId}>${INDUSTRY}>${ROADMAP}`;
    // Not vacuous: before the document the county was six hops from the roadmap, four ways.
    expect(before.map((route) => route.split(">").length - 1)).toEqual([6, 6, 6, 6]);
    expect(await routes(COUNTY, ROADMAP, null)).toEqual([through]);
    expect(await routes(COUNTY, ROADMAP, SECOND_DOCUMENT_DATE)).toEqual([through]);
    // The day before, the search leaves the institute out and finds the longer routes, exactly
    // those of the graph without the document; a filter after the search would find none.
    expect(await routes(COUNTY, ROADMAP, "2016-06-29")).toEqual(before);
    // paths takes the day too.
    const paths = await ok(
      `{ paths(fromId: "${COUNTY}", toId: "${ROADMAP}", maxHops: 6, limit: 50, asOf: "2016-06-29") { nodes { id } } }`,
    );
    expect(
      (paths.paths as { nodes: { id: string }[] }[])
        .map((path) => path.nodes.map((node) => node.id).join(">"))
        .sort(),
    ).toEqual(before);
  });

  it("refuse an end no document had stated by the day as NOT_FOUND, saying so", async () => {
    expect(await routes(instituteId, COUNTY, "2016-07-01")).toEqual([`${instituteId}>${COUNTY}`]);
    for (const [from, to, argument] of [
      [instituteId, COUNTY, "fromId"],
      [COUNTY, instituteId, "toId"],
    ] as const) {
      const response = await gql<Data>(server.url, PATHS, { from, to, asOf: "2015-12-31" });
      expect(response.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
        [
          "NOT_FOUND",
          `entity ${instituteId} (${argument}) was not stated by any document by 2015-12-31`,
        ],
      ]);
    }
  });

  it("refuse a day that is not YYYY-MM-DD as BAD_USER_INPUT on asOf", async () => {
    const response = await gql<Data>(server.url, PATHS, {
      from: COUNTY,
      to: ROADMAP,
      asOf: "2016-02-30",
    });
    expect(response.errors?.map((e) => [e.extensions?.code, e.extensions?.argumentName])).toEqual([
      ["BAD_USER_INPUT", "asOf"],
    ]);
  });
});
