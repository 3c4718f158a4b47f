/**
 * Reads a seeds directory into memory without judging it: records stay `unknown` until
 * `validateSeedSet` checks them. Only what makes the directory unreadable as a whole (a missing
 * `documents.json`, malformed JSON, a file that is not an array) is thrown.
 */

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import type { LoadedDocument, SeedSet, SourcedRecord } from "./types";

/** The seeds directory cannot be read as a whole; the message names the file and, for JSON, the position. */
export class SeedLoadError extends Error {
  override readonly name = "SeedLoadError";
}

/**
 * Loads `documents.json`, the document files it names, and every `entities/*.json` and
 * `relationships/*.json`, in sorted file order so that problems and seeding are deterministic.
 *
 * @throws {SeedLoadError} when `documents.json` is missing or any JSON file is malformed or not an array.
 * @example const set = await loadSeedSet(path.resolve(__dirname, "../../seeds"));
 */
export async function loadSeedSet(dir: string): Promise<SeedSet> {
  const [documents, entities, relationships, records] = await Promise.all([
    loadDocuments(dir),
    loadFamily(dir, "entities"),
    loadFamily(dir, "relationships"),
    readOptional(path.join(dir, RECORDS_FILE)),
  ]);
  if (records === undefined) return { documents, entities, relationships };
  return {
    documents,
    entities,
    relationships,
    records: parseJson(records.toString("utf8"), RECORDS_FILE),
  };
}

/** The optional file of what an export holds besides entities and relationships (seeds/README.md). */
export const RECORDS_FILE = "records.json";

async function loadDocuments(dir: string): Promise<LoadedDocument[]> {
  const file = "documents.json";
  const source = await readOptional(path.join(dir, file));
  if (source === undefined) throw new SeedLoadError(`${file}: not found in ${dir}`);
  const records = parseArray(source.toString("utf8"), file);
  return Promise.all(
    records.map(async (record, index) => {
      const name = documentFileName(record);
      const bytes =
        name === undefined ? undefined : await readOptional(path.join(dir, "documents", name));
      return { file, index, record, bytes };
    }),
  );
}

async function loadFamily(
  dir: string,
  family: "entities" | "relationships",
): Promise<SourcedRecord[]> {
  let names: string[];
  try {
    names = await readdir(path.join(dir, family));
  } catch (error) {
    // A family with no records yet may have no directory at all.
    if (isNotFound(error)) return [];
    throw error;
  }
  // Code-unit order, not localeCompare, so the order is the same on every machine.
  const files = names.filter((name) => name.endsWith(".json")).sort();
  const perFile = await Promise.all(
    files.map(async (name) => {
      const file = `${family}/${name}`;
      const source = await readFile(path.join(dir, family, name), "utf8");
      return parseArray(source, file).map((record, index) => ({ file, index, record }));
    }),
  );
  return perFile.flat();
}

// Only a bare file name is read: `file` is unvalidated here and a path could leave documents/.
function documentFileName(record: unknown): string | undefined {
  if (typeof record !== "object" || record === null) return undefined;
  const value: unknown = (record as Record<string, unknown>)["file"];
  if (typeof value !== "string" || value === "" || value === "." || value === "..")
    return undefined;
  return path.basename(value) === value && !value.includes("\\") ? value : undefined;
}

function parseArray(source: string, file: string): unknown[] {
  const value = parseJson(source, file);
  if (!Array.isArray(value)) {
    throw new SeedLoadError(
      `${file}: expected an array of records, got ${value === null ? "null" : typeof value}`,
    );
  }
  return value;
}

function parseJson(raw: string, file: string): unknown {
  // JSON.parse rejects a byte-order mark, which some editors add silently.
  const source = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const position = /position (\d+)/u.exec(error.message)?.[1];
    const at = position === undefined ? source.length : Number(position);
    // The location is given once, as line and column; V8's own "at position N" would repeat it.
    const detail = error.message.replace(/ in JSON at position \d+.*$/su, "");
    throw new SeedLoadError(`${file}: invalid JSON at ${lineColumn(source, at)}: ${detail}`);
  }
}

function lineColumn(source: string, position: number): string {
  const before = source.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  return `line ${line}, column ${column} (position ${position})`;
}

async function readOptional(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}
