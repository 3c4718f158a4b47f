import { writeFileSync } from "node:fs";
import path from "node:path";
import { chainMapTemplate } from "../src/services/chain-maps/template";

/**
 * Writes the blank chain-map workbook planners fill in (docs/chain-maps.md):
 * `npm run import:template [-- path]`, by default chain-map-template.xlsx in the current directory.
 */
const target = path.resolve(process.argv[2] ?? "chain-map-template.xlsx");

chainMapTemplate()
  .then((bytes) => {
    writeFileSync(target, bytes);
    process.stdout.write(`wrote ${path.relative(process.cwd(), target)} (${bytes.length} bytes)\n`);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
