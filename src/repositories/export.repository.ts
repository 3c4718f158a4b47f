import type { Queries, Row } from "../db/database";
import type { JsonValue } from "../db/values";

/** What an export reads of the graph, as plain values (temporals as ISO text). */
export interface GraphContent {
  readonly documents: readonly Record<string, JsonValue>[];
  readonly entities: readonly Record<string, JsonValue>[];
  readonly mentions: readonly Row[];
  readonly facts: readonly Row[];
  readonly relationships: readonly Row[];
  readonly passages: readonly Row[];
  /** Nodes other than entities, name forms, documents, passages and facts: labels and props. */
  readonly others: readonly Row[];
}

/** Reads the whole graph for an export to seed files. */
export class ExportRepository {
  constructor(private readonly db: Queries) {}

  async read(): Promise<GraphContent> {
    const props = (rows: Row[]): Record<string, JsonValue>[] =>
      rows.map((row) => (row.props ?? {}) as Record<string, JsonValue>);
    return {
      documents: props(await this.db.read("export-documents")),
      entities: props(await this.db.read("export-entities")),
      mentions: await this.db.read("export-mentions"),
      facts: await this.db.read("export-facts"),
      relationships: await this.db.read("export-relationships"),
      passages: await this.db.read("export-passages"),
      others: await this.db.read("export-records"),
    };
  }
}
