import path from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const RULE = "import-x/no-restricted-paths";

/**
 * The project's own eslint.config.mjs, run on small files that exist only in memory, at the path
 * given: only the layer rule, and without type information (the files are not on disk, so the
 * TypeScript project cannot hold them; the import resolver reads the real tree).
 */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: [{ files: ["**/*.ts"], ...tseslint.configs.disableTypeChecked }],
    ruleFilter: ({ ruleId }) => ruleId === RULE,
  });
});

async function layerErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? "parse"}: ${m.message}`);
}

describe("the layer rule (eslint.config.mjs)", () => {
  it("refuses src/db in src/graphql, type-only imports too, saying what to do", async () => {
    const errors = await layerErrors(
      "src/graphql/layer-probe.ts",
      'import type { Database } from "../db/database";\nexport type Probe = Database;\n',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${RULE}: Unexpected path "../db/database"`);
    expect(errors[0]).toContain("call a service (src/services)");
  });

  it.each([
    ["src/graphql/layer-probe.ts", "../db/database"],
    ["src/graphql/layer-probe.ts", "../repositories/list.repository"],
    ["src/graphql/layer-probe.ts", "../seeds/validate"],
    ["src/services/layer-probe.ts", "../graphql/context"],
    ["src/services/layer-probe.ts", "../db/values"],
    ["src/repositories/layer-probe.ts", "../services/seed-rows"],
    ["src/repositories/layer-probe.ts", "../graphql/context"],
    ["src/db/layer-probe.ts", "../repositories/store"],
    ["src/db/layer-probe.ts", "../services/seeding"],
    ["src/db/layer-probe.ts", "../loaders"],
    ["src/model/layer-probe.ts", "../seeds/types"],
    ["src/model/layer-probe.ts", "../config"],
    ["src/layer-probe.ts", "../scripts/neo4j/manager"],
    ["src/graphql/layer-probe.ts", "../../bench/lib/synthetic"],
  ])("refuses %s importing %s", async (file, from) => {
    const errors = await layerErrors(file, `export * from "${from}";\n`);
    expect(errors).toEqual([expect.stringContaining(`${RULE}: Unexpected path "${from}"`)]);
  });

  it.each([
    ["src/graphql/layer-probe.ts", "../services"],
    ["src/graphql/layer-probe.ts", "../model/records"],
    ["src/services/layer-probe.ts", "../repositories/store"],
    ["src/services/layer-probe.ts", "../seeds"],
    ["src/repositories/layer-probe.ts", "../db/database"],
    ["src/repositories/layer-probe.ts", "../model/seed-rows"],
    ["src/db/layer-probe.ts", "../model/plain"],
    ["src/model/layer-probe.ts", "./vocabulary"],
  ])("allows %s importing %s", async (file, from) => {
    expect(await layerErrors(file, `export * from "${from}";\n`)).toEqual([]);
  });
});
