import type { Queries } from "../db/database";
import { asList, asText, asTextOrNull } from "../db/values";
import type { DocumentRecord, NotStatedRecord } from "../model/records";

/** Reads the stored source documents. */
export class DocumentRepository {
  constructor(private readonly db: Queries) {}

  /** Documents by id, with their text; unknown ids are left out. */
  async byIds(ids: readonly string[]): Promise<Map<string, DocumentRecord>> {
    const rows = await this.db.read("documents-by-ids", { ids: [...new Set(ids)] });
    return new Map(
      rows.map((row) => [
        asText(row.id),
        {
          id: asText(row.id),
          title: asTextOrNull(row.title),
          text: asTextOrNull(row.text),
          date: asTextOrNull(row.date),
        },
      ]),
    );
  }

  /** What no document had stated by `asOf` (YYYY-MM-DD): see cypher/not-stated-by.cypher. */
  async notStatedBy(asOf: string): Promise<NotStatedRecord> {
    const [row] = await this.db.read("not-stated-by", { asOf });
    return {
      asOf,
      entities: new Set(asList(row?.entities).map(asText)),
      relationships: new Set(asList(row?.relationships).map(asText)),
      touching: Number(row?.touching ?? 0),
    };
  }
}
