import { createHash, randomUUID } from "node:crypto";
import type { Principal } from "../auth/principal";
import { asText, type JsonValue } from "../model/plain";
import { BadUserInputError, ConflictError, NotFoundError } from "../errors";
import { checkRange } from "./arguments";
import {
  propTextOf,
  RESERVED_RELATIONSHIP_KEYS,
  type AuditRow,
  type EntityRecord,
  type RelationRecord,
} from "../model/records";
import { isEntityKind, relationSpec } from "../model/vocabulary";
import type { CurationRepository } from "../repositories/curation.repository";
import type { EntityRepository } from "../repositories/entity.repository";
import { toRelation } from "../repositories/entity.repository";
import type { TransactionRepositories, UnitOfWork } from "../repositories/store";
import { pinyinSortKey } from "../model/pinyin";
import type { LaterName } from "../seeds/types";
import { normalizeName } from "../model/names";
import type { NameVia } from "../model/seed-rows";
import { factId, nameFormKeys, searchText } from "./seed-rows";

/** Evidence of a write: a verbatim passage of a stored document, or a curator's note with its author. */
export interface EvidenceInput {
  readonly documentId?: string | null;
  readonly start?: number | null;
  readonly quote?: string | null;
  readonly note?: string | null;
  readonly author?: string | null;
}

export interface CreateEntityInput {
  readonly id?: string | null;
  readonly kind: string;
  readonly name: string;
  readonly nameEn?: string | null;
  readonly nameEnOfficial?: boolean | null;
  readonly aliases?: readonly string[] | null;
  readonly description?: string | null;
}

export interface UpdateEntityPatch {
  readonly name?: string | null;
  readonly nameEn?: string | null;
  readonly nameEnOfficial?: boolean | null;
  readonly aliases?: readonly string[] | null;
  readonly description?: string | null;
}

export interface LinkInput {
  readonly source: string;
  readonly type: string;
  readonly target: string;
  readonly evidenceKind?: "explicit" | "inferred" | null;
  readonly confidence?: number | null;
  readonly note?: string | null;
  readonly properties?: readonly { readonly key: string; readonly value: string }[] | null;
}

export interface DeleteResultRecord {
  readonly id: string;
  readonly relationshipsRemoved: number;
}

export interface UnlinkResultRecord {
  readonly id: string;
  readonly removed: boolean;
}

/**
 * Another service's write made part of a curation write (accepting a review candidate marks it
 * in the same transaction as the entity it creates): the replay key is recorded under `action`
 * and `request`, and `then` runs after the curation write, before the commit.
 */
export interface AlsoInTransaction<T> {
  readonly action: string;
  readonly request: unknown;
  readonly then: (repos: TransactionRepositories, result: T) => Promise<void>;
}

/** A number a document states about an entity (a seeds' fact), added with its quote. */
export interface FactInput {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly qualifier: string | null;
}

type CheckedEvidence =
  | {
      readonly kind: "passage";
      readonly documentId: string;
      readonly start: number;
      readonly quote: string;
    }
  | { readonly kind: "note"; readonly note: string; readonly author: string };

const ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;
const PROPERTY_KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const MAX_NAME = 200;
const MAX_TEXT = 2_000;
const MAX_ALIASES = 50;
const MAX_HISTORY = 1_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Checks a text argument and returns it verbatim: what a curator sends is what is stored. */
function text(value: string, argumentName: string, max = MAX_NAME): string {
  if (value.trim().length === 0)
    throw new BadUserInputError(`${argumentName} must not be empty`, argumentName);
  if (value.length > max)
    throw new BadUserInputError(`${argumentName} must be at most ${max} characters`, argumentName);
  if (LONE_SURROGATE.test(value)) {
    throw new BadUserInputError(
      `${argumentName} must be well-formed Unicode (no lone surrogates)`,
      argumentName,
    );
  }
  return value;
}

function optionalText(
  value: string | null | undefined,
  argumentName: string,
  max = MAX_NAME,
): string | null {
  return value === null || value === undefined || value.trim() === ""
    ? null
    : text(value, argumentName, max);
}

function aliasesOf(value: readonly string[] | null | undefined): string[] {
  const list = [...new Set((value ?? []).map((alias) => text(alias, "aliases")))];
  if (list.length > MAX_ALIASES)
    throw new BadUserInputError(`aliases must have at most ${MAX_ALIASES} entries`, "aliases");
  return list;
}

export function checkKey(key: string): void {
  if (!KEY.test(key)) {
    throw new BadUserInputError(
      "idempotencyKey must be 8 to 128 characters of letters, digits, _ . : -",
      "idempotencyKey",
    );
  }
}

function checkEvidence(evidence: EvidenceInput): CheckedEvidence {
  const passage = [evidence.documentId, evidence.start, evidence.quote].some(
    (v) => v !== null && v !== undefined,
  );
  const note = [evidence.note, evidence.author].some((v) => v !== null && v !== undefined);
  if (passage === note) {
    throw new BadUserInputError(
      "evidence must be either a passage (documentId, start, quote) or a curator note (note, author)",
      "evidence",
    );
  }
  if (passage) {
    const { documentId, start, quote } = evidence;
    if (typeof documentId !== "string" || typeof quote !== "string" || typeof start !== "number") {
      throw new BadUserInputError("a passage needs documentId, start and quote", "evidence");
    }
    if (!Number.isInteger(start) || start < 0)
      throw new BadUserInputError("evidence.start must be a whole number ≥ 0", "evidence");
    if (quote.length === 0 || quote.length > MAX_TEXT) {
      throw new BadUserInputError(`evidence.quote must be 1 to ${MAX_TEXT} characters`, "evidence");
    }
    return { kind: "passage", documentId, start, quote };
  }
  return {
    kind: "note",
    note: text(evidence.note ?? "", "evidence.note", MAX_TEXT),
    author: text(evidence.author ?? "", "evidence.author"),
  };
}

function passageId(evidence: { documentId: string; start: number; quote: string }): string {
  return `${evidence.documentId}:${evidence.start}-${evidence.start + evidence.quote.length}`;
}

/** JSON with sorted keys, so equal requests hash equally whatever order their fields came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) =>
    entry !== null && typeof entry === "object" && !Array.isArray(entry)
      ? Object.fromEntries(
          Object.entries(entry as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : entry,
  );
}

function derivedId(kind: string, name: string): string {
  return `${kind.toLowerCase()}-${createHash("sha256").update(normalizeName(name)).digest("hex").slice(0, 12)}`;
}

/**
 * Curation writes. Each one runs in a single transaction that checks the idempotency key, validates
 * against the model, writes, and records an audit entry and the result under the key: a replay of
 * the same request returns the first result and writes nothing; the same key with another request
 * is a CONFLICT.
 */
export class CurationService {
  constructor(
    private readonly unit: UnitOfWork,
    private readonly principal: Principal,
  ) {}

  async createEntity(
    input: CreateEntityInput,
    evidence: EvidenceInput,
    key: string,
    also?: AlsoInTransaction<EntityRecord>,
  ): Promise<EntityRecord> {
    checkKey(key);
    if (!isEntityKind(input.kind))
      throw new BadUserInputError(`unknown kind ${input.kind}`, "kind");
    const name = text(input.name, "name");
    const nameEn = optionalText(input.nameEn, "nameEn");
    const aliases = aliasesOf(input.aliases);
    const description = optionalText(input.description, "description", MAX_TEXT);
    const id = input.id ?? derivedId(input.kind, name);
    if (!ID.test(id))
      throw new BadUserInputError(
        "id must be a lowercase slug of letters, digits and dashes (at most 100)",
        "id",
      );
    const checked = checkEvidence(evidence);
    const kind = input.kind;

    return this.idempotent(
      also?.action ?? "createEntity",
      key,
      { input: { ...input, id }, evidence, also: also?.request },
      async (repo, entities, repos) => {
        if ((await repo.entityState(id)) !== null)
          throw new ConflictError(`an entity with id ${id} already exists`);
        await this.verifyPassage(repo, checked);
        const props = {
          id,
          kind,
          name,
          namePinyin: pinyinSortKey(name),
          nameEn,
          nameEnOfficial: nameEn === null ? null : (input.nameEnOfficial ?? false),
          nameInferred: false,
          aliases,
          aliasText: searchText({ name, nameEn: nameEn ?? undefined, aliases, laterNames: [] }),
          description,
          curated: true,
        };
        await repo.createEntity(id, kind, props, nameForms(name, nameEn, aliases));
        await repo.clearTombstone(id);
        if (checked.kind === "passage") await this.attach(repo, id, checked);
        const after = await this.snapshot(entities, id);
        await this.audit(repo, "createEntity", id, [], null, after, checked, key);
        await also?.then(repos, after);
        return after;
      },
    );
  }

  async updateEntity(
    id: string,
    patch: UpdateEntityPatch,
    evidence: EvidenceInput,
    key: string,
    also?: AlsoInTransaction<EntityRecord>,
  ): Promise<EntityRecord> {
    checkKey(key);
    const checked = checkEvidence(evidence);
    const changes: Record<string, unknown> = {};
    if (patch.name !== undefined && patch.name !== null) {
      changes.name = text(patch.name, "name");
      changes.namePinyin = pinyinSortKey(changes.name as string);
    }
    if (patch.nameEn !== undefined) changes.nameEn = optionalText(patch.nameEn, "nameEn");
    if (patch.nameEnOfficial !== undefined && patch.nameEnOfficial !== null)
      changes.nameEnOfficial = patch.nameEnOfficial;
    if (patch.aliases !== undefined && patch.aliases !== null) {
      const aliases = aliasesOf(patch.aliases);
      changes.aliases = aliases;
    }
    if (patch.description !== undefined)
      changes.description = optionalText(patch.description, "description", MAX_TEXT);
    if (Object.keys(changes).length === 0)
      throw new BadUserInputError("patch changes nothing", "patch");

    const request = { id, patch, evidence, also: also?.request };
    const action = also?.action ?? "updateEntity";
    return this.idempotent(action, key, request, async (repo, entities, repos) => {
      const state = await repo.entityState(id);
      if (state === null) throw new NotFoundError(`no entity with id ${id}`);
      await this.verifyPassage(repo, checked);
      const before = await this.snapshot(entities, id);
      const merged = { ...state.entity, ...changes };
      const aliases = Array.isArray(merged.aliases) ? merged.aliases.map(String) : [];
      const nameEn = typeof merged.nameEn === "string" ? merged.nameEn : null;
      const names = { name: asText(merged.name as JsonValue), nameEn, aliases };
      const laterNames = laterNamesOf(merged.laterNames as JsonValue);
      await repo.updateEntity(
        id,
        {
          ...changes,
          aliasText: searchText({ ...names, nameEn: nameEn ?? undefined, laterNames }),
          curated: true,
        },
        nameForms(names.name, nameEn, aliases, laterNames),
      );
      if (checked.kind === "passage") await this.attach(repo, id, checked);
      const after = await this.snapshot(entities, id);
      await this.audit(repo, "updateEntity", id, [], before, after, checked, key);
      await also?.then(repos, after);
      return after;
    });
  }

  async deleteEntity(
    id: string,
    cascade: boolean,
    evidence: EvidenceInput,
    key: string,
  ): Promise<DeleteResultRecord> {
    checkKey(key);
    const checked = checkEvidence(evidence);
    return this.idempotent(
      "deleteEntity",
      key,
      { id, cascade, evidence },
      async (repo, entities) => {
        const state = await repo.entityState(id);
        if (state === null) throw new NotFoundError(`no entity with id ${id}`);
        if (state.degree > 0 && !cascade) {
          throw new ConflictError(
            `${id} still has ${state.degree} relationship(s); unlink them first or pass cascade: true`,
          );
        }
        await this.verifyPassage(repo, checked);
        const before = await this.snapshot(entities, id);
        const removed = await repo.deleteEntity(id);
        await repo.tombstone(id, "entity");
        await this.audit(repo, "deleteEntity", id, [], before, null, checked, key);
        return { id, relationshipsRemoved: removed };
      },
    );
  }

  async link(
    input: LinkInput,
    evidence: EvidenceInput,
    key: string,
    also?: AlsoInTransaction<RelationRecord>,
  ): Promise<RelationRecord> {
    checkKey(key);
    const spec = relationSpec(input.type);
    if (spec === undefined)
      throw new BadUserInputError(`unknown relationship type ${input.type}`, "type");
    if (input.source === input.target)
      throw new BadUserInputError("source and target must differ", "target");
    const checked = checkEvidence(evidence);
    const confidence = input.confidence ?? 1;
    if (!(confidence >= 0 && confidence <= 1))
      throw new BadUserInputError("confidence must be between 0 and 1", "confidence");
    const evidenceKind = checked.kind === "note" ? "curated" : (input.evidenceKind ?? "explicit");
    if (evidenceKind === "inferred" && (confidence >= 1 || !input.note)) {
      throw new BadUserInputError(
        "an inferred link needs a confidence below 1 and a note",
        "evidenceKind",
      );
    }
    const properties: Record<string, string> = {};
    for (const { key: name, value } of input.properties ?? []) {
      if (
        !PROPERTY_KEY.test(name) ||
        (RESERVED_RELATIONSHIP_KEYS as readonly string[]).includes(name)
      ) {
        throw new BadUserInputError(
          `property ${name} is not allowed (letters, digits, _; not a provenance or sort key)`,
          "properties",
        );
      }
      properties[name] = text(value, "properties", MAX_TEXT);
    }
    const id = `${input.source}|${input.type}|${input.target}`;

    const request = { input, evidence, also: also?.request };
    return this.idempotent(also?.action ?? "link", key, request, async (repo, _entities, repos) => {
      // One query at a time: a transaction runs its statements in order.
      const source = await repo.entityState(input.source);
      const target = await repo.entityState(input.target);
      if (source === null) throw new NotFoundError(`no entity with id ${input.source} (source)`);
      if (target === null) throw new NotFoundError(`no entity with id ${input.target} (target)`);
      const sourceKind = asText(source.entity.kind);
      const targetKind = asText(target.entity.kind);
      if (
        !(spec.from as readonly string[]).includes(sourceKind) ||
        !(spec.to as readonly string[]).includes(targetKind)
      ) {
        throw new BadUserInputError(
          `${input.type} goes from ${spec.from.join("|")} to ${spec.to.join("|")}, not from ${sourceKind} to ${targetKind}`,
          "type",
        );
      }
      await this.verifyPassage(repo, checked);
      if (checked.kind === "passage") {
        await repo.ensurePassage(checked.documentId, passageId(checked), passageProps(checked));
      }
      const created = await repo.link(input.source, input.type, input.target, {
        ...properties,
        propText: propTextOf(properties),
        id,
        evidence: checked.kind === "passage" ? [passageId(checked)] : [],
        quotes: checked.kind === "passage" ? [checked.quote] : [],
        evidenceKind,
        confidence,
        note:
          checked.kind === "note" ? `${checked.note} — ${checked.author}` : (input.note ?? null),
      });
      if (!created) throw new ConflictError(`${id} already exists`);
      await repo.clearTombstone(id);
      const after = await this.relationFromSource(
        repo,
        input.source,
        input.type,
        input.target,
        targetKind,
      );
      await this.audit(repo, "link", input.source, [input.target], null, after, checked, key);
      await also?.then(repos, after);
      return after;
    });
  }

  async unlink(
    source: string,
    type: string,
    target: string,
    evidence: EvidenceInput,
    key: string,
  ): Promise<UnlinkResultRecord> {
    checkKey(key);
    if (relationSpec(type) === undefined)
      throw new BadUserInputError(`unknown relationship type ${type}`, "type");
    const checked = checkEvidence(evidence);
    const id = `${source}|${type}|${target}`;
    return this.idempotent("unlink", key, { source, type, target, evidence }, async (repo) => {
      await this.verifyPassage(repo, checked);
      const before = await repo.unlink(source, type, target);
      if (before === null) throw new NotFoundError(`no relationship ${id}`);
      await repo.tombstone(id, "relationship");
      await this.audit(repo, "unlink", source, [target], before, null, checked, key);
      return { id, removed: true };
    });
  }

  /**
   * Adds a number the quote states about an entity, as a Fact stated in that passage; the entity
   * is audited with its facts before and after.
   */
  async addFact(
    entityId: string,
    fact: FactInput,
    evidence: EvidenceInput,
    key: string,
    also?: AlsoInTransaction<EntityRecord>,
  ): Promise<EntityRecord> {
    checkKey(key);
    const checked = checkEvidence(evidence);
    if (checked.kind !== "passage")
      throw new BadUserInputError("a fact needs a passage that states it", "evidence");
    if (!Number.isFinite(fact.value))
      throw new BadUserInputError("a fact's value must be a finite number", "value");
    const request = { entityId, fact, evidence, also: also?.request };
    return this.idempotent(
      also?.action ?? "addFact",
      key,
      request,
      async (repo, entities, repos) => {
        if ((await repo.entityState(entityId)) === null)
          throw new NotFoundError(`no entity with id ${entityId}`);
        await this.verifyPassage(repo, checked);
        const before = await this.snapshot(entities, entityId);
        // A key the entity has is stated again: another version, beside the first (factId).
        const versions = (before.facts ?? []).filter((existing) => existing.key === fact.key);
        if (versions.some((existing) => existing.evidence.documentId === checked.documentId))
          throw new ConflictError(
            `${entityId} already has a fact ${fact.key} stated in ${checked.documentId}`,
          );
        const id = factId(entityId, fact.key, versions.length > 0 ? checked.documentId : null);
        await repo.ensurePassage(checked.documentId, passageId(checked), passageProps(checked));
        await repos.ingest.addFact(entityId, passageId(checked), {
          id,
          key: fact.key,
          label: text(fact.label, "label"),
          value: fact.value,
          unit: text(fact.unit, "unit"),
          qualifier: fact.qualifier,
          quote: checked.quote,
        });
        const after = await this.snapshot(entities, entityId);
        await this.audit(repo, "addFact", entityId, [], before, after, checked, key);
        await also?.then(repos, after);
        return after;
      },
    );
  }

  async history(id: string, limit: number): Promise<AuditRow[]> {
    checkRange("limit", limit, 1, MAX_HISTORY);
    return this.unit.curationReads().history(id, limit);
  }

  private async idempotent<T>(
    action: string,
    key: string,
    request: unknown,
    work: (
      repo: CurationRepository,
      entities: EntityRepository,
      repos: TransactionRepositories,
    ) => Promise<T>,
  ): Promise<T> {
    const requestHash = createHash("sha256").update(canonical({ action, request })).digest("hex");
    const attempt = (): Promise<T> =>
      this.unit.run(async (repos) => {
        const { curation: repo, entities } = repos;
        const stored = await repo.findMutation(key);
        if (stored !== null) {
          if (stored.requestHash !== requestHash) {
            throw new ConflictError("idempotencyKey was already used for a different request");
          }
          return JSON.parse(stored.result) as T;
        }
        const result = await work(repo, entities, repos);
        await repo.recordMutation({
          key,
          requestHash,
          result: JSON.stringify(result),
          action,
          actor: this.principal.id,
        });
        return result;
      });
    try {
      return await attempt();
    } catch (error) {
      // A concurrent twin with the same key may have committed between our key check and our
      // write (a unique constraint, or the id it just created, refuses us): a second attempt finds
      // the twin's result under the key, or raises the conflict again if it is a real one.
      if (error instanceof ConflictError) return attempt();
      throw error;
    }
  }

  private async verifyPassage(repo: CurationRepository, evidence: CheckedEvidence): Promise<void> {
    if (evidence.kind !== "passage") return;
    const found = await repo.passageMatches(evidence.documentId, evidence.start, evidence.quote);
    if (found === null)
      throw new BadUserInputError(`no document with id ${evidence.documentId}`, "evidence");
    if (!found) {
      throw new BadUserInputError(
        `the quote is not found verbatim at offset ${evidence.start} of ${evidence.documentId}`,
        "evidence",
      );
    }
  }

  private async attach(
    repo: CurationRepository,
    id: string,
    evidence: Extract<CheckedEvidence, { kind: "passage" }>,
  ): Promise<void> {
    await repo.attachMention(id, evidence.documentId, passageId(evidence), passageProps(evidence));
  }

  /** The entity as the API returns it, read inside the transaction. */
  private async snapshot(entities: EntityRepository, id: string): Promise<EntityRecord> {
    const entity = (await entities.byIds([id])).get(id);
    if (entity === undefined) throw new NotFoundError(`no entity with id ${id}`);
    return entity;
  }

  /** The relationship just written, read back whole (its quotes too: the audit keeps them). */
  private async relationFromSource(
    repo: CurationRepository,
    source: string,
    type: string,
    target: string,
    targetKind: string,
  ): Promise<RelationRecord> {
    const props = await repo.relationship(source, type, target);
    if (props === null) throw new NotFoundError(`no relationship ${source}|${type}|${target}`);
    return toRelation(source, {
      type,
      direction: "OUT",
      props,
      otherId: target,
      otherKind: targetKind,
    });
  }

  private async audit(
    repo: CurationRepository,
    action: string,
    entityId: string,
    relatedIds: string[],
    before: unknown,
    after: unknown,
    evidence: CheckedEvidence,
    key: string,
  ): Promise<void> {
    await repo.audit({
      id: randomUUID(),
      actor: this.principal.id,
      action,
      entityId,
      relatedIds,
      before: before === null ? null : canonical(before),
      after: after === null ? null : canonical(after),
      evidence: canonical(evidence),
      idempotencyKey: key,
    });
  }
}

/**
 * The name forms a curated entity bears, derived as seeding derives them (nameFormKeys): its
 * names and aliases, its later names (kept as the seeds stored them), and their pinyin keys, so
 * a curator's edit drops none of the forms resolve finds it by.
 */
function nameForms(
  name: string,
  nameEn: string | null,
  aliases: readonly string[],
  laterNames: readonly LaterName[] = [],
): { key: string; via: NameVia }[] {
  return nameFormKeys({ name, nameEn: nameEn ?? undefined, aliases, laterNames });
}

/** The later names an entity holds as the seeds stored them (JSON text), or none. */
function laterNamesOf(stored: JsonValue | undefined): LaterName[] {
  return typeof stored === "string" ? (JSON.parse(stored) as LaterName[]) : [];
}

function passageProps(evidence: {
  documentId: string;
  start: number;
  quote: string;
}): Record<string, unknown> {
  return {
    id: passageId(evidence),
    documentId: evidence.documentId,
    start: evidence.start,
    end: evidence.start + evidence.quote.length,
    text: evidence.quote,
  };
}
