import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderSchema, SCHEMA_FILE } from "../../scripts/print-schema";

describe("schema/schema.graphql", () => {
  it("matches the schema the code builds (run `npm run schema` to regenerate it)", async () => {
    const committed = readFileSync(SCHEMA_FILE, "utf8");
    const built = await renderSchema();
    expect(
      built === committed,
      "schema/schema.graphql is stale: run `npm run schema` and commit it",
    ).toBe(true);
  });
});
