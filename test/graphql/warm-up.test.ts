import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WARM_UP_OPERATIONS } from "../../src/graphql/warm-up";
import { gql, startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

describe("warm-up operations", () => {
  it.each(WARM_UP_OPERATIONS.map((document, index) => [index, print(document)] as const))(
    "operation %i answers with data and no error, within the default limits",
    async (_index, query) => {
      const response = await gql(server.url, query);
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      expect(response.status).toBe(200);
      expect(Object.values(response.data ?? {}).every((value) => value !== null)).toBe(true);
    },
  );
});
