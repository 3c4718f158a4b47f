import type { Queries, Row } from "../db/database";
import type { Plain } from "../db/values";
import type {
  DirectionValue,
  EntityRecord,
  EvidenceRecord,
  FactRecord,
  RelationRecord,
} from "../model/records";
import { RESERVED_RELATIONSHIP_KEYS } from "../model/records";
import { toBaseUnit } from "../model/units";
import type { EntityKind } from "../model/vocabulary";

export interface RelationKey {
  readonly id: string;
  /** null: every type. */
  readonly type: string | null;
  readonly direction: DirectionValue;
  readonly limit: number;
}

const PROVENANCE_KEYS: ReadonlySet<string> = new Set(RESERVED_RELATIONSHIP_KEYS);

/** Reads entities, their name forms and their relationships. Every method is one round trip. */
export class EntityRepository {
  constructor(private readonly db: Queries) {}

  async byIds(ids: readonly string[]): Promise<Map<string, EntityRecord>> {
    const rows = await this.db.read("entities-by-ids", { ids: [...new Set(ids)] });
    return new Map(rows.map((row) => [String(objectOf(row.entity).id), toEntity(row)]));
  }

  /** Entity ids per normalized name form. */
  async idsByNameKeys(keys: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.db.read("entity-ids-by-name-keys", { keys: [...new Set(keys)] });
    const byKey = new Map<string, string[]>();
    for (const row of rows) {
      const key = String(row.key);
      byKey.set(key, [...(byKey.get(key) ?? []), String(row.id)]);
    }
    return byKey;
  }

  /** Relations per key (aligned to keys), each list ordered by the other entity's name. */
  async relations(keys: readonly RelationKey[]): Promise<RelationRecord[][]> {
    const rows = await this.db.read("relations-of", {
      keys: keys.map((key, index) => ({ ...key, index })),
    });
    const lists: RelationRecord[][] = keys.map(() => []);
    for (const row of rows) {
      lists[Number(row.keyIndex)]?.push(toRelation(String(row.keyId), row));
    }
    return lists;
  }
}

export function relationKeyString(key: Pick<RelationKey, "id" | "type" | "direction">): string {
  return `${key.id}|${key.type ?? "*"}|${key.direction}`;
}

function objectOf(value: Plain | undefined): { [key: string]: Plain } {
  return value !== null && value !== undefined && typeof value === "object" && !Array.isArray(value)
    ? value
    : {};
}

function stringOrNull(value: Plain | undefined): string | null {
  return typeof value === "string" ? value : null;
}

export function toEvidence(value: Plain | undefined): EvidenceRecord {
  const o = objectOf(value);
  return {
    passageId: String(o.passageId),
    documentId: String(o.documentId),
    start: Number(o.start),
    end: Number(o.end),
    quote: String(o.quote),
  };
}

function toFact(value: Plain): FactRecord {
  const o = objectOf(value);
  const base = toBaseUnit(Number(o.value), String(o.unit));
  return {
    key: String(o.key),
    label: String(o.label),
    value: Number(o.value),
    unit: String(o.unit),
    baseValue: base.value,
    baseUnit: base.unit,
    qualifier: stringOrNull(o.qualifier),
    evidence: toEvidence(o.evidence),
  };
}

function listOf(value: Plain | undefined): Plain[] {
  return Array.isArray(value) ? value : [];
}

export function toEntity(row: Row): EntityRecord {
  const e = objectOf(row.entity);
  return {
    id: String(e.id),
    kind: String(e.kind) as EntityKind,
    name: String(e.name),
    nameEn: stringOrNull(e.nameEn),
    nameEnOfficial: typeof e.nameEnOfficial === "boolean" ? e.nameEnOfficial : null,
    nameInferred: e.nameInferred === true,
    aliases: listOf(e.aliases).map(String),
    description: stringOrNull(e.description),
    evidence: listOf(row.evidence).filter((p) => p !== null).map(toEvidence),
    facts: listOf(row.facts).filter((f) => f !== null).map(toFact),
  };
}

export function toRelation(fromId: string, row: Row): RelationRecord {
  const props = objectOf(row.props);
  const direction: DirectionValue = row.direction === "IN" ? "IN" : "OUT";
  const otherId = String(row.otherId);
  const properties = Object.entries(props)
    .filter(([key, value]) => !PROVENANCE_KEYS.has(key) && value !== null && typeof value !== "object")
    .map(([key, value]) => ({ key, value: String(value) }))
    .sort((a, b) => a.key.localeCompare(b.key));
  return {
    id: String(props.id),
    type: String(row.type),
    direction,
    source: direction === "OUT" ? fromId : otherId,
    target: direction === "OUT" ? otherId : fromId,
    otherId,
    otherKind: String(row.otherKind) as EntityKind,
    evidenceKind: props.evidenceKind === "inferred" ? "inferred" : "explicit",
    confidence: typeof props.confidence === "number" ? props.confidence : 1,
    note: stringOrNull(props.note),
    evidence: listOf(row.evidence).map(toEvidence),
    properties,
  };
}
