import type { Database, TypedRow } from "../db/database";
import { decodeProps } from "../db/typed-values";
import { asText } from "../db/values";
import type { TypedProps } from "../model/typed-value";
import { SeedRepository } from "./seed.repository";

/** A node as a backup reads it: its identity in this store, labels and typed properties. */
export interface StoredNode {
  readonly key: string;
  readonly labels: string[];
  readonly props: TypedProps;
}

/** A relationship as a backup reads it: its ends by their identity in this store. */
export interface StoredRelationship {
  readonly source: string;
  readonly type: string;
  readonly target: string;
  readonly props: TypedProps;
}

/** A node to restore, keyed by the backup's own number for it. */
export interface RestoreNodeRow {
  readonly key: number;
  readonly labels: readonly string[];
  readonly props: TypedProps;
}

/** A relationship to restore, its ends by the ids writeNodes returned for them. */
export interface RestoreRelationshipRow {
  readonly source: string;
  readonly type: string;
  readonly target: string;
  readonly props: TypedProps;
}

/** Reads a whole store for a logical backup, and writes one back into an empty store. */
export class BackupRepository {
  constructor(private readonly db: Database) {}

  async neo4jVersion(): Promise<string> {
    const [row] = await this.db.read("neo4j-version");
    return asText(row?.version ?? "unknown");
  }

  async nodeCount(): Promise<number> {
    const [row] = await this.db.read("graph-size");
    return Number(row?.nodes ?? 0);
  }

  /** Streams every node to `onNode`, typed; returns how many. */
  streamNodes(onNode: (node: StoredNode) => void | Promise<void>): Promise<number> {
    return this.db.streamTyped("backup-nodes", {}, (row) =>
      onNode({
        key: textOf(row.key),
        labels: (row.labels as string[]).map(String),
        props: propsOf(row),
      }),
    );
  }

  /** Streams every relationship to `onRelationship`, typed; returns how many. */
  streamRelationships(
    onRelationship: (rel: StoredRelationship) => void | Promise<void>,
  ): Promise<number> {
    return this.db.streamTyped("backup-relationships", {}, (row) =>
      onRelationship({
        source: textOf(row.source),
        type: textOf(row.type),
        target: textOf(row.target),
        props: propsOf(row),
      }),
    );
  }

  /** Deletes every node and relationship, in batches. */
  async clear(): Promise<void> {
    await this.db.maintenance("restore-clear");
  }

  /** The service's constraints and indexes (without applySchema's SeedState: the backup has it). */
  async prepare(): Promise<void> {
    await new SeedRepository(this.db).applyConstraints();
  }

  /** Writes a batch of nodes; returns the id each got here, by its backup key. */
  async writeNodes(rows: readonly RestoreNodeRow[]): Promise<Map<number, string>> {
    const written = await this.db.write("restore-nodes", {
      rows: rows.map((row) => ({ ...row, props: decodeProps(row.props) })),
    });
    return new Map(written.map((row) => [Number(row.key), asText(row.element ?? null)]));
  }

  async writeRelationships(rows: readonly RestoreRelationshipRow[]): Promise<void> {
    await this.db.write("restore-relationships", {
      rows: rows.map((row) => ({ ...row, props: decodeProps(row.props) })),
    });
  }
}

function propsOf(row: TypedRow): TypedProps {
  return (row.props ?? {}) as TypedProps;
}

function textOf(value: TypedRow[string] | undefined): string {
  if (typeof value !== "string") throw new Error(`expected text, got ${JSON.stringify(value)}`);
  return value;
}
