import { readFile, rename, writeFile } from "node:fs/promises";
import { gunzipSync, gzipSync } from "node:zlib";
import { BackupRepository } from "../../repositories/backup.repository";
import { SeedRepository } from "../../repositories/seed.repository";
import type { AdminStore } from "../../repositories/store";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupFileError,
  backupLines,
  contentChecksum,
  parseBackup,
  type BackupHeader,
  type BackupNode,
  type BackupRelationship,
} from "./format";

/** Rows per restore batch. */
const BATCH_SIZE = 2_000;

/** Restore refused: the database holds data and `force` was not given. */
export class RestoreRefusedError extends Error {
  constructor(readonly nodes: number) {
    super(
      `the database is not empty (${nodes} nodes); restore writes only into an empty one, or pass --force to empty it first`,
    );
    this.name = "RestoreRefusedError";
  }
}

/** The restored graph's checksum is not the backup's. */
export class RestoreMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`the restored graph's checksum ${actual} is not the backup's ${expected}`);
    this.name = "RestoreMismatchError";
  }
}

/**
 * Writes a logical backup of the whole database to `file`: every node's labels and properties and
 * every relationship's ends, type and properties, values typed (model/typed-value.ts), gzip JSON
 * lines after a header with the checksum of exactly that content. The file appears whole or not
 * at all (written beside it, then renamed).
 */
export async function backupTo(db: AdminStore, file: string): Promise<BackupHeader> {
  const repository = new BackupRepository(db);
  const numbers = new Map<string, number>();
  const nodes: BackupNode[] = [];
  const relationships: BackupRelationship[] = [];
  await repository.streamNodes(({ key, labels, props }) => {
    numbers.set(key, numbers.size);
    nodes.push({ node: numbers.size - 1, labels, props });
  });
  await repository.streamRelationships(({ source, type, target, props }) => {
    const from = numbers.get(source);
    const to = numbers.get(target);
    // A relationship between nodes created after the node read began: the backup is not a
    // snapshot (docs/operations.md), and leaves it out rather than point at nothing.
    if (from !== undefined && to !== undefined)
      relationships.push({ source: from, type, target: to, props });
  });
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    neo4j: await repository.neo4jVersion(),
    createdAt: new Date().toISOString(),
    counts: { nodes: nodes.length, relationships: relationships.length },
    checksum: contentChecksum(nodes, relationships),
  };
  const partial = `${file}.partial`;
  const lines = backupLines({ header, nodes, relationships });
  await writeFile(partial, gzipSync(`${lines.join("\n")}\n`));
  await rename(partial, file);
  return header;
}

export interface RestoreOptions {
  /** Empty a database that holds data before restoring into it. */
  readonly force?: boolean;
}

/**
 * Restores a backup written by backupTo. The whole file is read and checked first (gzip intact,
 * format and version, every line, counts and checksum), so a bad file writes nothing; then a
 * non-empty database is refused unless `force` (which empties it), the schema is applied, nodes and
 * relationships are written in batches, and the restored graph's checksum must be the header's.
 * @throws BackupFileError, RestoreRefusedError or RestoreMismatchError.
 */
export async function restoreFrom(
  db: AdminStore,
  file: string,
  options: RestoreOptions = {},
): Promise<BackupHeader> {
  const content = parseBackup(gunzipped(await readFile(file)));
  const repository = new BackupRepository(db);
  const present = await repository.nodeCount();
  if (present > 0) {
    if (options.force !== true) throw new RestoreRefusedError(present);
    await repository.clear();
  }
  await repository.prepare();
  const elements = new Map<number, string>();
  for (let i = 0; i < content.nodes.length; i += BATCH_SIZE) {
    const batch = content.nodes.slice(i, i + BATCH_SIZE);
    const written = await repository.writeNodes(
      batch.map(({ node, labels, props }) => ({ key: node, labels, props })),
    );
    for (const [key, element] of written) elements.set(key, element);
  }
  const element = (key: number): string => {
    const found = elements.get(key);
    // parseBackup checked every end is a node of the file, and every node was written.
    if (found === undefined) throw new BackupFileError(`node ${key} was not restored`);
    return found;
  };
  for (let i = 0; i < content.relationships.length; i += BATCH_SIZE) {
    await repository.writeRelationships(
      content.relationships.slice(i, i + BATCH_SIZE).map((rel) => ({
        ...rel,
        source: element(rel.source),
        target: element(rel.target),
      })),
    );
  }
  const actual = await new SeedRepository(db).checksum();
  if (actual !== content.header.checksum)
    throw new RestoreMismatchError(content.header.checksum, actual);
  return content.header;
}

function gunzipped(bytes: Buffer): string {
  try {
    return gunzipSync(bytes).toString("utf8");
  } catch (error) {
    throw new BackupFileError(
      `not a complete gzip file (${error instanceof Error ? error.message : String(error)}): it is truncated or not a backup`,
    );
  }
}
