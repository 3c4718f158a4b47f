import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));
// type-graphql is CommonJS and requires "graphql"; without one aliased copy vitest loads the ESM and
// CJS builds side by side and graphql throws "Duplicate graphql modules".
const alias = { graphql: path.resolve(root, "node_modules/graphql/index.js") };

export default defineConfig({
  resolve: { alias },
  test: {
    setupFiles: ["test/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          setupFiles: ["test/setup.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          setupFiles: ["test/setup.ts"],
          // Loads the schema and seed graph into the real Neo4j once, or fails the run saying how
          // to start Neo4j.
          globalSetup: ["test/global-setup.ts"],
          // One database for all files: one file at a time keeps them independent of each other.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
