import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { gql, startTestServer, type TestServer } from "../helpers/server";

/**
 * Every request has a deadline (REQUEST_TIMEOUT_MS). A database that answers too slowly is
 * simulated by holding each transaction for a second before it runs.
 */

const DEADLINE_MS = 300;
const HOLD_MS = 1_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ REQUEST_TIMEOUT_MS: String(DEADLINE_MS) });
});
afterAll(async () => {
  await server.stop();
});

describe("the request deadline", () => {
  it("answers 503 SERVICE_UNAVAILABLE 'deadline exceeded' on time and starts no further database work", async () => {
    const driver = (server.db as unknown as { driver: Driver }).driver;
    const open = driver.session.bind(driver);
    const timeouts: number[] = [];
    const sessions = vi.spyOn(driver, "session").mockImplementation((config) => {
      const session = open(config);
      // Reads run as auto-commit transactions (session.run), retried as managed ones
      // (executeRead): both are held.
      const read = session.executeRead.bind(session);
      session.executeRead = (async (work: any, txConfig: any) => {
        timeouts.push(txConfig?.timeout);
        await sleep(HOLD_MS);
        return read(work, txConfig);
      }) as typeof session.executeRead;
      const run = session.run.bind(session);
      session.run = ((query: any, params: any, txConfig: any) => {
        timeouts.push(txConfig?.timeout);
        return sleep(HOLD_MS).then(() => run(query, params, txConfig));
      }) as unknown as typeof session.run;
      return session;
    });
    try {
      const started = performance.now();
      // Two levels: the entity, then its relations; the second level must never start.
      const response = await gql(
        server.url,
        `{ entity(id: "uestc") { name relations { node { name } } } }`,
      );
      const elapsed = performance.now() - started;
      expect(response.status).toBe(503);
      expect(response.errors).toEqual([
        { message: "deadline exceeded", extensions: { code: "SERVICE_UNAVAILABLE" } },
      ]);
      expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 20);
      expect(elapsed).toBeLessThan(HOLD_MS);

      // The held transaction finishes in the background; nothing after it reaches the driver.
      await sleep(HOLD_MS + 500);
      expect(sessions).toHaveBeenCalledTimes(1);
      // Neo4j is told to stop the transaction at the deadline too, not after NEO4J_TX_TIMEOUT_MS.
      expect(timeouts[0]).toBeLessThanOrEqual(DEADLINE_MS);
    } finally {
      sessions.mockRestore();
    }
  });

  it("keeps serving: the late answer of the abandoned request is dropped, not crashed on", async () => {
    const response = await gql(server.url, `{ entity(id: "uestc") { name } }`);
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ entity: { name: "电子科技大学" } });
  });
});
