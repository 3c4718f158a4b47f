import type { Queries } from "../db/database";
import { asObject, asText, type Plain } from "../db/values";
import type { EntityRecord } from "../model/records";
import { edgeOf, toEntity } from "./entity.repository";
import type { EdgeRecord } from "../model/records";

export interface ChainRow {
  readonly id: string;
  readonly kind: string;
  /** How the item is tied to the industry: roadmap, project, carrier, lead, district, … */
  readonly role: string;
  /** The roadmap, project or carrier it was reached through; null when tied directly. */
  readonly parent: string | null;
  /** The relationships from the item to the industry, nearest the item first. */
  readonly via: readonly EdgeRecord[];
  /** The item's entity record (as EntityRepository.byIds reads it); null when it is no Entity. */
  readonly entity: EntityRecord | null;
}

/**
 * Rebuilds an edge, with its evidence, from a relationship's own properties: its id holds the
 * endpoints (source|TYPE|target), its evidence the passage ids (doc:start-end) and its quotes the
 * texts, so no passage lookup is needed.
 */
export function edgeFromRelationship(value: Plain): EdgeRecord {
  const r = asObject(value);
  const [source = "", type = asText(r.type), target = ""] = asText(r.id).split("|");
  return edgeOf(source, target, type, r);
}

/** The innovation chain around an industry, in one query. */
export class ChainRepository {
  constructor(private readonly db: Queries) {}

  /** At most `first` rows per branch of the query. */
  async chain(industryId: string, first: number): Promise<ChainRow[]> {
    const rows = await this.db.read("innovation-chain", { industryId, first });
    return rows.map((row) => ({
      id: asText(row.id),
      kind: asText(row.kind),
      role: asText(row.role),
      parent: typeof row.parent === "string" ? row.parent : null,
      via: (Array.isArray(row.rels) ? row.rels : []).map(edgeFromRelationship),
      entity: row.entity === null || row.entity === undefined ? null : toEntity(row),
    }));
  }
}
