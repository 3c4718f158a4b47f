import type { Database, TypedRow } from "../db/database";
import { decodeProps } from "../db/typed-values";
import { cypher } from "../db/cypher";
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

/** A node or relationship to restore, its ends and itself keyed by the backup's own numbers. */
export interface RestoreNodeRow {
  readonly key: number;
  readonly labels: readonly string[];
  readonly props: TypedProps;
}

export interface RestoreRelationshipRow {
  readonly source: number;
  readonly type: string;
  readonly target: number;
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

  /** The service's constraints and indexes, and the restore's own key index. */
  async prepare(): Promise<void> {
    await new SeedRepository(this.db).applyConstraints();
    await this.db.applyStatements(cypher("restore-index"));
    await this.db.maintenance("await-indexes", { seconds: 3_000 });
  }

  async writeNodes(rows: readonly RestoreNodeRow[]): Promise<void> {
    await this.db.write("restore-nodes", {
      rows: rows.map((row) => ({ ...row, props: decodeProps(row.props) })),
    });
  }

  async writeRelationships(rows: readonly RestoreRelationshipRow[]): Promise<void> {
    await this.db.write("restore-relationships", {
      rows: rows.map((row) => ({ ...row, props: decodeProps(row.props) })),
    });
  }

  /** Removes the restore's tag and key from every node, and its index. */
  async finish(): Promise<void> {
    await this.db.maintenance("restore-finish");
    await this.db.applyStatements(cypher("restore-drop-index"));
  }
}

function propsOf(row: TypedRow): TypedProps {
  return (row.props ?? {}) as TypedProps;
}

function textOf(value: TypedRow[string] | undefined): string {
  if (typeof value !== "string") throw new Error(`expected text, got ${JSON.stringify(value)}`);
  return value;
}
