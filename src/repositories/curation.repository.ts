import type { Queries, Params } from "../db/database";
import { asList, asObject, asText, asTextOrNull, type JsonValue } from "../db/values";
import { SORT_KEY_PROPERTIES, type AuditInput, type AuditRow } from "../model/records";

const SORT_KEYS: ReadonlySet<string> = new Set(SORT_KEY_PROPERTIES);

export interface StoredMutation {
  readonly requestHash: string;
  readonly result: string;
}

export interface EntityState {
  readonly entity: { [key: string]: JsonValue };
  readonly degree: number;
}

/** Writes of the curation API, each inside the caller's transaction. */
export class CurationRepository {
  constructor(private readonly tx: Queries) {}

  async findMutation(key: string): Promise<StoredMutation | null> {
    const [row] = await this.tx.read("curation-find-mutation", { key });
    return row === undefined
      ? null
      : { requestHash: asText(row.requestHash), result: asText(row.result) };
  }

  async recordMutation(params: {
    key: string;
    requestHash: string;
    result: string;
    action: string;
    actor: string;
  }): Promise<void> {
    await this.tx.write("curation-record-mutation", { ...params });
  }

  async entityState(id: string): Promise<EntityState | null> {
    const [row] = await this.tx.read("curation-entity-state", { id });
    return row === undefined ? null : { entity: asObject(row.entity), degree: Number(row.degree) };
  }

  async createEntity(
    id: string,
    kind: string,
    props: Params,
    nameForms: readonly { key: string; via: string }[],
  ): Promise<void> {
    await this.tx.write("curation-create-entity", { id, kind, props, nameForms });
  }

  async updateEntity(
    id: string,
    props: Params,
    nameForms: readonly { key: string; via: string }[],
  ): Promise<void> {
    await this.tx.write("curation-update-entity", { id, props, nameForms });
    // Relationships keep the other end's name in their sort keys: a new name must reach them
    // in the same transaction, or fields would list this entity under its old name.
    if (typeof props.name === "string") await this.tx.write("relation-keys-renamed", { ids: [id] });
  }

  /** Deletes the entity with its relationships; returns how many relationships went with it. */
  async deleteEntity(id: string): Promise<number> {
    const [row] = await this.tx.write("curation-delete-entity", { id });
    return Number(row?.removed ?? 0);
  }

  async passageMatches(documentId: string, start: number, quote: string): Promise<boolean | null> {
    const [row] = await this.tx.read("curation-check-passage", { documentId, start, quote });
    return row === undefined ? null : row.found === true;
  }

  async attachMention(
    entityId: string,
    documentId: string,
    passageId: string,
    props: Params,
  ): Promise<void> {
    await this.tx.write("curation-attach-mention", { entityId, documentId, passageId, props });
  }

  async ensurePassage(documentId: string, passageId: string, props: Params): Promise<void> {
    await this.tx.write("curation-ensure-passage", { documentId, passageId, props });
  }

  /** Creates the relationship unless one of that type already joins the pair; true when created. */
  async link(source: string, type: string, target: string, props: Params): Promise<boolean> {
    const [row] = await this.tx.write("curation-link", { source, type, target, props });
    return row?.created === true;
  }

  async relationship(
    source: string,
    type: string,
    target: string,
  ): Promise<{ [key: string]: JsonValue } | null> {
    const [row] = await this.tx.read("curation-relationship", { source, type, target });
    return row === undefined ? null : asObject(row.props);
  }

  /** Removes the relationship; returns its properties before, or null when there was none. */
  async unlink(
    source: string,
    type: string,
    target: string,
  ): Promise<{ [key: string]: JsonValue } | null> {
    const [row] = await this.tx.write("curation-unlink", { source, type, target });
    if (row === undefined) return null;
    // The sort keys are the service's bookkeeping, not part of what the audit record keeps.
    return Object.fromEntries(
      Object.entries(asObject(row.before)).filter(([key]) => !SORT_KEYS.has(key)),
    );
  }

  /** Marks an entity or relationship id as removed by a curator, so seeding won't restore it. */
  async tombstone(id: string, what: "entity" | "relationship"): Promise<void> {
    await this.tx.write("curation-tombstone", { id, what });
  }

  async clearTombstone(id: string): Promise<void> {
    await this.tx.write("curation-untombstone", { id });
  }

  async audit(entry: AuditInput): Promise<void> {
    await this.tx.write("curation-audit", { ...entry, relatedIds: [...entry.relatedIds] });
  }

  async history(id: string, limit: number): Promise<AuditRow[]> {
    const rows = await this.tx.read("curation-history", { id, limit });
    return rows.map((row) => {
      const a = asObject(row.audit);
      return {
        id: asText(a.id),
        at: asText(a.at),
        actor: asText(a.actor),
        action: asText(a.action),
        entityId: asText(a.entityId),
        relatedIds: asList(a.relatedIds).map(asText),
        before: asTextOrNull(a.before),
        after: asTextOrNull(a.after),
        evidence: asText(a.evidence),
        idempotencyKey: asText(a.idempotencyKey),
      };
    });
  }
}
