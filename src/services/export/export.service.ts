import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ExportRepository } from "../../repositories/export.repository";
import type { Store } from "../../repositories/store";
import { loadSeedSet } from "../../seeds";
import { layOut } from "./layout";
import { graphToSeedSet } from "./records";

/** Turns a file's JSON into its text: the script passes Prettier's JSON printer, as seeds/ uses. */
export type JsonFormatter = (json: string, file: string) => string | Promise<string>;

export interface ExportOptions {
  /** A seed folder whose files, order and forms the export keeps where the graph agrees (layout.ts). */
  readonly reference?: string;
  readonly format?: JsonFormatter;
}

export interface ExportSummary {
  readonly files: readonly string[];
  readonly documents: number;
  readonly entities: number;
  readonly relationships: number;
  /** Whether records.json was written (curation or import records, passages nothing quotes). */
  readonly records: boolean;
}

/**
 * Writes the current graph as a seed folder (seeds/README.md) into `dir`: documents.json and the
 * documents' text, entities/ and relationships/ by family, records.json when there is more.
 * Seeding the folder into an empty database gives the same graph (checksum without
 * OPERATIONAL_LABELS). Everything is read and built before the first file is written.
 */
export async function exportTo(
  db: Store,
  dir: string,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  const set = graphToSeedSet(await new ExportRepository(db).read());
  const reference =
    options.reference === undefined ? undefined : await loadSeedSet(options.reference);
  const files = layOut(set, reference);
  const format = options.format ?? ((json: string) => `${json}\n`);
  const texts: [string, string][] = [];
  for (const [file, value] of files)
    texts.push([file, floatConfidence(await format(JSON.stringify(value, null, 2), file))]);
  for (const { record, text } of set.documents) texts.push([`documents/${record.file}`, text]);
  for (const [file, text] of texts) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return {
    files: texts.map(([file]) => file),
    documents: set.documents.length,
    entities: set.entities.length,
    relationships: set.relationships.length,
    records: set.records !== undefined,
  };
}

/**
 * A confidence is a probability and seeds/ writes it as one (1.0, never 1); JSON.stringify drops
 * the fraction of an integral number, so it is put back.
 */
export function floatConfidence(text: string): string {
  return text.replace(/^(\s*"confidence": )(\d+)(,?)$/gm, "$1$2.0$3");
}
