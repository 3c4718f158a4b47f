import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ENTITY_KINDS, KIND_SPECS, RELATION_SPECS } from "../src/model/vocabulary";

/** Prints the README's data-model tables from the vocabulary and the seeds, so they can't drift. */
interface SeedEntity {
  kind: string;
  name: string;
}

const dir = path.resolve(__dirname, "../seeds/entities");
const entities = readdirSync(dir)
  .filter((file) => file.endsWith(".json"))
  .flatMap((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as SeedEntity[]);

const lines: string[] = [];
lines.push(
  "| kind | 中文 | what it is | in the seed graph | e.g. |",
  "| --- | --- | --- | --- | --- |",
);
for (const kind of ENTITY_KINDS) {
  const ofKind = entities.filter((entity) => entity.kind === kind);
  const spec = KIND_SPECS[kind];
  lines.push(
    `| ${kind} | ${spec.zh} | ${spec.description} | ${ofKind.length} | ${ofKind
      .slice(0, 2)
      .map((e) => e.name)
      .join("、")} |`,
  );
}
lines.push(
  "",
  "| relationship | 中文 | from → to | meaning, with an example from the document |",
  "| --- | --- | --- | --- |",
);
for (const spec of RELATION_SPECS) {
  lines.push(
    `| ${spec.type} | ${spec.zh} | ${spec.from.join(", ")} → ${spec.to.join(", ")} | ${spec.description.replace(/\|/g, "\\|").replace(/\n/g, " ")} |`,
  );
}
process.stdout.write(`${lines.join("\n")}\n`);
