import type { Queries } from "../db/database";
import { asList, asObject, asText, type JsonValue } from "../db/values";
import type { EdgeRecord, EntityRecord, HiddenIds } from "../model/records";
import { edgeOf, recordOrNull } from "./entity.repository";

/** What inferred one relationship of an item's path: its ends' names, its quotes and its note. */
export interface ChainInference {
  /** The relationship's id (source|TYPE|target). */
  readonly edgeId: string;
  readonly type: string;
  readonly sourceName: string;
  readonly targetName: string;
  readonly confidence: number;
  readonly quotes: readonly string[];
  /** Why it was inferred, as the seeds or the curator wrote it; null when none was written. */
  readonly note: string | null;
}

export interface ChainRow {
  readonly id: string;
  readonly kind: string;
  /** How the item is tied to the industry: roadmap, project, carrier, lead, district, … */
  readonly role: string;
  /** The roadmap, project or carrier it was reached through; null when tied directly. */
  readonly parent: string | null;
  /** The relationships from the item to the industry, nearest the item first. */
  readonly via: readonly EdgeRecord[];
  /** For each relationship of `via` labelled inferred, what inferred it. */
  readonly inferences: readonly ChainInference[];
  /** The item's entity record, without passages and facts; null when it is no Entity. */
  readonly entity: EntityRecord | null;
}

/**
 * Rebuilds an edge, with its evidence, from a relationship's own properties: its id holds the
 * endpoints (source|TYPE|target), its evidence the passage ids (doc:start-end) and its quotes the
 * texts, so no passage lookup is needed.
 */
export function edgeFromRelationship(value: JsonValue): EdgeRecord {
  const r = asObject(value);
  const [source = "", type = asText(r.type), target = ""] = asText(r.id).split("|");
  return edgeOf(source, target, type, r);
}

/** What inferred a relationship of a chain path, when the query brought it (`why`); else none. */
function inferenceOf(value: JsonValue): ChainInference[] {
  const r = asObject(value);
  if (r.why === null || r.why === undefined) return [];
  const why = asObject(r.why);
  const edge = edgeFromRelationship(value);
  return [
    {
      edgeId: edge.id,
      type: edge.type,
      sourceName: asText(why.source),
      targetName: asText(why.target),
      confidence: edge.confidence,
      quotes: asList(why.quotes).map(asText),
      note: typeof why.note === "string" && why.note.trim() !== "" ? why.note : null,
    },
  ];
}

/** What the chain query found: the entity asked for and, when it is an industry, the items. */
export interface ChainResult {
  /** null when no entity has the id. */
  readonly anchor: EntityRecord | null;
  readonly rows: readonly ChainRow[];
}

/** The innovation chain around an industry, in one query. */
export class ChainRepository {
  constructor(private readonly db: Queries) {}

  /**
   * At most `first` rows per branch of the query, less the items whose chain to the industry
   * passes through one of the `hidden` entities or relationships (what no document had stated by
   * a day).
   */
  async chain(industryId: string, first: number, hidden: HiddenIds): Promise<ChainResult> {
    const [row] = await this.db.read("innovation-chain", { industryId, first, ...hidden });
    if (row === undefined) return { anchor: null, rows: [] };
    return {
      anchor: recordOrNull(row.industry),
      rows: asList(row.items).map((value) => {
        const item = asObject(value);
        return {
          id: asText(item.id),
          kind: asText(item.kind),
          role: asText(item.role),
          parent: typeof item.parent === "string" ? item.parent : null,
          via: asList(item.rels).map(edgeFromRelationship),
          inferences: asList(item.rels).flatMap(inferenceOf),
          entity: recordOrNull(item.entity),
        };
      }),
    };
  }
}
