import "reflect-metadata";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { printSchema } from "graphql";
import { createSchema } from "../src/graphql/schema";

/** The committed SDL: `npm run schema` regenerates it; a test fails when it drifts. */
export const SCHEMA_FILE = path.resolve(__dirname, "../schema/schema.graphql");

export async function renderSchema(): Promise<string> {
  return `${printSchema(await createSchema())}\n`;
}

if (require.main === module) {
  renderSchema()
    .then((sdl) => {
      writeFileSync(SCHEMA_FILE, sdl);
      process.stdout.write(
        `wrote ${path.relative(process.cwd(), SCHEMA_FILE)} (${sdl.length} characters)\n`,
      );
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
