import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { Database } from "../../src/db/database";
import { graphChecksum, seedFromDirectory, SEEDS_DIR } from "../../src/services/seeding";

describe("seeding", () => {
  let db: Database;
  beforeAll(() => {
    db = Database.connect(loadConfig({ ...process.env, NODE_ENV: "test" }));
  });
  afterAll(async () => {
    await db.close();
  });

  it("leaves the whole graph identical when run a second time", async () => {
    const before = await graphChecksum(db);
    const summary = await seedFromDirectory(db, SEEDS_DIR);
    const after = await graphChecksum(db);
    expect(summary.entities).toBeGreaterThan(100);
    expect(after).toBe(before);
  });

  it("changes no count when run a second time, even in batches of three", async () => {
    const counts = await db.read("graph-counts");
    await seedFromDirectory(db, SEEDS_DIR, 3);
    expect(await db.read("graph-counts")).toEqual(counts);
  });
});
