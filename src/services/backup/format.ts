import { checksumOf } from "../../model/graph-checksum";
import { isTypedValue, plainOf, type TypedProps } from "../../model/typed-value";

/**
 * The logical backup format (docs/operations.md): gzip of JSON lines, a header first, then every
 * node and every relationship. Pure: what a file must hold to be restored is checked here, before
 * anything is written.
 */

export const BACKUP_FORMAT = "chengdu-innovation-kg-backup";
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  /** The Neo4j the backup was read from (name, version, edition), for the record. */
  readonly neo4j: string;
  readonly createdAt: string;
  readonly counts: { readonly nodes: number; readonly relationships: number };
  /** The graph checksum (graph-checksum.ts) of the backed-up content. */
  readonly checksum: string;
}

/** A node line: `key` numbers the node within the file; relationships name their ends by it. */
export interface BackupNode {
  readonly node: number;
  readonly labels: readonly string[];
  readonly props: TypedProps;
}

export interface BackupRelationship {
  readonly source: number;
  readonly type: string;
  readonly target: number;
  readonly props: TypedProps;
}

export interface BackupContent {
  readonly header: BackupHeader;
  readonly nodes: readonly BackupNode[];
  readonly relationships: readonly BackupRelationship[];
}

/** A backup file that cannot be restored: truncated, of another format or version, inconsistent. */
export class BackupFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupFileError";
  }
}

/** The checksum of a backup's nodes and relationships, as SeedRepository.checksum reads a store. */
export function contentChecksum(
  nodes: readonly BackupNode[],
  relationships: readonly BackupRelationship[],
): string {
  const endOf = new Map<number, unknown>();
  for (const node of nodes) endOf.set(node.node, plainOf(node.props.id ?? node.props.key ?? null));
  return checksumOf(
    nodes.map((node) => ({ labels: node.labels, props: plainProps(node.props) })),
    relationships.map((rel) => ({
      source: endOf.get(rel.source) ?? null,
      type: rel.type,
      target: endOf.get(rel.target) ?? null,
      props: plainProps(rel.props),
    })),
  );
}

/** The header line, then one line per node and per relationship. */
export function backupLines(content: BackupContent): string[] {
  return [
    JSON.stringify(content.header),
    ...content.nodes.map((node) => JSON.stringify(node)),
    ...content.relationships.map((rel) => JSON.stringify(rel)),
  ];
}

/**
 * Parses and checks a whole backup's text: the header's format and version, every line's shape,
 * relationships whose ends are nodes of the file, the counts and the checksum the header states.
 * @throws BackupFileError naming the first problem (with its line number).
 */
export function parseBackup(text: string): BackupContent {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const [first, ...rest] = lines;
  if (first === undefined) throw new BackupFileError("the backup is empty");
  const header = parseHeader(parseLine(first, 1));
  const nodes: BackupNode[] = [];
  const relationships: BackupRelationship[] = [];
  const keys = new Set<number>();
  rest.forEach((line, index) => {
    const at = index + 2;
    const value = parseLine(line, at);
    if ("node" in value) {
      const node = nodeOf(value, at);
      if (keys.has(node.node)) throw new BackupFileError(`line ${at}: node ${node.node} repeats`);
      keys.add(node.node);
      nodes.push(node);
    } else {
      const rel = relationshipOf(value, at);
      for (const end of [rel.source, rel.target]) {
        if (!keys.has(end))
          throw new BackupFileError(
            `line ${at}: relationship names node ${end}, not listed before it`,
          );
      }
      relationships.push(rel);
    }
  });
  if (
    nodes.length !== header.counts.nodes ||
    relationships.length !== header.counts.relationships
  ) {
    throw new BackupFileError(
      `the header counts ${header.counts.nodes} nodes and ${header.counts.relationships} relationships, the file holds ${nodes.length} and ${relationships.length}: it is truncated or edited`,
    );
  }
  const checksum = contentChecksum(nodes, relationships);
  if (checksum !== header.checksum) {
    throw new BackupFileError(
      `the content's checksum ${checksum} is not the header's ${header.checksum}: the file was altered`,
    );
  }
  return { header, nodes, relationships };
}

type JsonObject = Record<string, unknown>;

function parseLine(line: string, at: number): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BackupFileError(`line ${at} is not JSON: the file is truncated or damaged`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new BackupFileError(`line ${at} is not a JSON object`);
  return value as JsonObject;
}

function parseHeader(value: JsonObject): BackupHeader {
  if (value.format !== BACKUP_FORMAT)
    throw new BackupFileError(
      `line 1: not a backup of this service (format is not ${BACKUP_FORMAT})`,
    );
  if (value.version !== BACKUP_VERSION)
    throw new BackupFileError(
      `line 1: backup format version ${String(value.version)}; this restore reads version ${BACKUP_VERSION}`,
    );
  const counts = value.counts as JsonObject | undefined;
  if (
    typeof value.checksum !== "string" ||
    typeof value.neo4j !== "string" ||
    typeof value.createdAt !== "string" ||
    !Number.isInteger(counts?.nodes) ||
    !Number.isInteger(counts?.relationships)
  )
    throw new BackupFileError("line 1: the header lacks neo4j, createdAt, counts or checksum");
  return value as unknown as BackupHeader;
}

function nodeOf(value: JsonObject, at: number): BackupNode {
  const { node, labels, props } = value;
  if (
    !Number.isInteger(node) ||
    !Array.isArray(labels) ||
    !labels.every((label) => typeof label === "string" && label !== "") ||
    !isProps(props)
  )
    throw new BackupFileError(`line ${at}: a node needs an integer node, labels and props`);
  return { node: node as number, labels: labels as string[], props };
}

function relationshipOf(value: JsonObject, at: number): BackupRelationship {
  const { source, type, target, props } = value;
  if (
    !Number.isInteger(source) ||
    !Number.isInteger(target) ||
    typeof type !== "string" ||
    type === "" ||
    !isProps(props)
  )
    throw new BackupFileError(
      `line ${at}: a relationship needs integer source and target, a type and props`,
    );
  return { source: source as number, type, target: target as number, props };
}

function isProps(value: unknown): value is TypedProps {
  return (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    Object.values(value).every(isTypedValue)
  );
}

function plainProps(props: TypedProps): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).map(([key, value]) => [key, plainOf(value)]));
}
