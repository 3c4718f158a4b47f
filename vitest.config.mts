import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));
// type-graphql is CommonJS and requires "graphql"; without one aliased copy vitest loads the ESM and
// CJS builds side by side and graphql throws "Duplicate graphql modules".
const alias = { graphql: path.resolve(root, "node_modules/graphql/index.js") };

/** Tests that need no database: they run first, in parallel, and alone with `npm run test:unit`. */
const UNIT = ["src/**/*.test.ts", "bench/**/*.test.ts", "test/docker-compose.test.ts"];
/**
 * Tests that take long or disturb the database for everyone (fuzzing, killing Neo4j, the launcher,
 * real browsers): they run last, after the integration tier.
 */
const SLOW = [
  "test/security/fuzz.test.ts",
  "test/curation/write-fuzz.test.ts",
  "test/faults/**/*.test.ts",
  "test/integration/neo4j-manager.int.test.ts",
  // Starts a second Neo4j and writes curated state into the shared one (and removes it).
  "test/integration/export-backup.int.test.ts",
  "test/browser/**/*.test.ts",
];

/** Both database tiers: the real Neo4j, seeded once per tier, one file at a time. */
const database = {
  setupFiles: ["test/setup.ts"],
  // Loads the schema and seed graph into the real Neo4j, or fails the run saying how to start it.
  globalSetup: ["test/global-setup.ts"],
  // One database for all files: one file at a time keeps them independent of each other.
  fileParallelism: false,
  testTimeout: 30_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  resolve: { alias },
  test: {
    setupFiles: ["test/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Tiers run one after another (groupOrder): unit, then integration, then slow; within a tier,
    // files run as the tier says. Each runs alone too: npm run test:unit | test:integration | test:slow.
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: UNIT,
          setupFiles: ["test/setup.ts"],
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          exclude: [...UNIT, ...SLOW],
          sequence: { groupOrder: 1 },
          ...database,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "slow",
          include: SLOW,
          sequence: { groupOrder: 2 },
          ...database,
        },
      },
    ],
  },
});
