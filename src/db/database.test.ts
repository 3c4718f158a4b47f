import { describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { Database } from "./database";

describe("Database.connect", () => {
  // The driver refuses encryption settings beside a +s URI; the URI alone must carry them, so
  // an Aura URI works as it is given. Creating the driver connects to nothing yet.
  it.each([["neo4j://db.example:7687"], ["neo4j+s://a1b2c3d4.databases.neo4j.io"]])(
    "makes a routing driver for %s with nothing else set",
    async (uri) => {
      const db = Database.connect(loadConfig({ NEO4J_URI: uri }));
      expect(db.runCount).toBe(0);
      await db.close();
    },
  );
});
