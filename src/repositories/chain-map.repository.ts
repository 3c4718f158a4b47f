import type { Params, Queries } from "../db/database";
import { asList, asObject, asText, asTextOrNull, type JsonValue } from "../db/values";
import { citationOf, type CitationRecord, type EntityRecord } from "../model/records";
import type { ImportRecord } from "../model/chain-map";
import type { NameVia } from "../model/seed-rows";
import { recordOf, recordOrNull } from "./entity.repository";

/** An entity as a chain-map import compares it with what a file asks for. */
export interface StoredEntity {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** The chain map that owns it; null for the documents' and curators' entities. */
  readonly importSet: string | null;
  readonly chainPosition: string | null;
  /** Its citations as stored (JSON texts). */
  readonly citations: readonly string[];
}

/** A relationship a chain map owns, as stored. */
export interface StoredRelationship {
  readonly source: string;
  readonly type: string;
  readonly target: string;
  readonly citation: string | null;
  readonly role: string | null;
}

export interface RelationshipKey {
  readonly source: string;
  readonly type: string;
  readonly target: string;
}

/** An entity row to write: its kind (a label), its properties and its name forms. */
export interface EntityWrite {
  readonly id: string;
  readonly kind: string;
  readonly props: Params;
  readonly nameForms: readonly { key: string; via: NameVia }[];
}

export interface RelationshipWrite extends RelationshipKey {
  readonly props: Params;
}

function toStored(row: Record<string, JsonValue>): StoredEntity {
  return {
    id: asText(row.id),
    kind: asText(row.kind),
    name: asText(row.name),
    aliases: asList(row.aliases).map(asText),
    importSet: asTextOrNull(row.importSet),
    chainPosition: asTextOrNull(row.chainPosition),
    citations: asList(row.citations).map(asText),
  };
}

/**
 * Reads and writes of chain-map imports (cypher/chain-map-*.cypher). Writes take batches, so a
 * file of 100,000 rows is a few dozen round trips inside one transaction, not 100,000.
 */
export class ChainMapRepository {
  constructor(private readonly db: Queries) {}

  async entities(ids: readonly string[]): Promise<Map<string, StoredEntity>> {
    const rows = ids.length === 0 ? [] : await this.db.read("chain-map-entities", { ids });
    return new Map(rows.map((row) => [asText(row.id), toStored(row)]));
  }

  async ownedEntities(importSet: string): Promise<StoredEntity[]> {
    const rows = await this.db.read("chain-map-owned-entities", { importSet });
    return rows.map(toStored);
  }

  async ownedRelationships(importSet: string): Promise<StoredRelationship[]> {
    const rows = await this.db.read("chain-map-owned-relationships", { importSet });
    return rows.map((row) => ({
      source: asText(row.source),
      type: asText(row.type),
      target: asText(row.target),
      citation: asTextOrNull(row.citation),
      role: asTextOrNull(row.role),
    }));
  }

  /** The owners of those of these relationships that exist (null: the documents or a curator). */
  async existingRelationships(
    keys: readonly RelationshipKey[],
  ): Promise<Map<string, string | null>> {
    const rows =
      keys.length === 0
        ? []
        : await this.db.read("chain-map-existing-relationships", {
            keys: keys.map(({ source, type, target }) => ({ source, type, target })),
          });
    return new Map(
      rows.map((row) => [
        relationshipKeyString({
          source: asText(row.source),
          type: asText(row.type),
          target: asText(row.target),
        }),
        asTextOrNull(row.importSet),
      ]),
    );
  }

  async writeEntities(rows: readonly EntityWrite[]): Promise<void> {
    if (rows.length > 0) await this.db.write("chain-map-write-entities", { rows });
  }

  async writeRelationships(rows: readonly RelationshipWrite[]): Promise<void> {
    if (rows.length > 0) await this.db.write("chain-map-write-relationships", { rows });
  }

  async removeRelationships(importSet: string, keys: readonly RelationshipKey[]): Promise<void> {
    if (keys.length > 0)
      await this.db.write("chain-map-remove-relationships", {
        importSet,
        keys: keys.map(({ source, type, target }) => ({ source, type, target })),
      });
  }

  /** Removes those of these entities nothing else links; returns how many it removed. */
  async removeEntities(importSet: string, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const [row] = await this.db.write("chain-map-remove-entities", { importSet, ids });
    return Number(row?.removed ?? 0);
  }

  async recordImport(record: Omit<ImportRecord, "at">): Promise<void> {
    await this.db.write("chain-map-record-import", { ...record });
  }

  async imports(importSet: string, limit: number): Promise<ImportRecord[]> {
    const rows = await this.db.read("chain-map-imports", { importSet, limit });
    return rows.map((row) => ({
      id: asText(row.id),
      importSet: asText(row.importSet),
      at: asText(row.at),
      actor: asText(row.actor),
      fileName: asText(row.fileName),
      checksum: asText(row.checksum),
      counts: asText(row.counts),
    }));
  }
}

/** A member of a segment as stored: the entity, its role there, its districts, its citation. */
export interface StoredMember {
  readonly entity: EntityRecord;
  readonly role: string | null;
  readonly citation: CitationRecord | null;
  readonly districts: readonly EntityRecord[];
}

export interface StoredSegment {
  readonly segment: EntityRecord;
  /** The citation of its SEGMENT_OF link: the row that put it in the chain. */
  readonly citation: CitationRecord | null;
  readonly parent: string | null;
  /** Ids of the segments it supplies (UPSTREAM_OF). */
  readonly supplies: readonly string[];
  readonly members: readonly StoredMember[];
}

/** An industry's chain map as stored; `industry` null when there is no entity of that id. */
export interface StoredChainMap {
  readonly industry: EntityRecord | null;
  readonly segments: readonly StoredSegment[];
}

/** Reads of the chain maps the graph holds (cypher/chain-map-read.cypher). */
export class ChainMapReadRepository {
  constructor(private readonly db: Queries) {}

  async chainMap(industryId: string): Promise<StoredChainMap> {
    const [row] = await this.db.read("chain-map-read", { industryId });
    if (row === undefined) return { industry: null, segments: [] };
    return {
      industry: recordOrNull(row.industry),
      segments: asList(row.segments).map((value) => {
        const o = asObject(value);
        return {
          segment: recordOf(o.segment),
          citation: citationOf(o.citation),
          parent: asTextOrNull(o.parent),
          supplies: asList(o.supplies).map(asText),
          members: asList(o.members).map((member) => {
            const m = asObject(member);
            return {
              entity: recordOf(m.entity),
              role: asTextOrNull(m.role),
              citation: citationOf(m.citation),
              districts: asList(m.districts).map((district) => recordOf(district)),
            };
          }),
        };
      }),
    };
  }

  /** The industry a segment belongs to, or null. */
  async industryOf(segmentId: string): Promise<string | null> {
    const [row] = await this.db.read("chain-map-industry-of", { segmentId });
    return row === undefined ? null : asText(row.industryId);
  }
}

/** One text per (source, type, target): how plans and stored relationships are matched. */
export function relationshipKeyString(key: RelationshipKey): string {
  return `${key.source}|${key.type}|${key.target}`;
}
