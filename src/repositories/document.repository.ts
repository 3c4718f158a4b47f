import type { Queries } from "../db/database";
import { asText, asTextOrNull } from "../db/values";
import type { DocumentRecord } from "../model/records";

/** Reads the stored source documents. */
export class DocumentRepository {
  constructor(private readonly db: Queries) {}

  /** Documents by id, with their text; unknown ids are left out. */
  async byIds(ids: readonly string[]): Promise<Map<string, DocumentRecord>> {
    const rows = await this.db.read("documents-by-ids", { ids: [...new Set(ids)] });
    return new Map(
      rows.map((row) => [
        asText(row.id),
        { id: asText(row.id), title: asTextOrNull(row.title), text: asTextOrNull(row.text) },
      ]),
    );
  }
}
