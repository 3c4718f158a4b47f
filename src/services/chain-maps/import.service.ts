import { createHash, randomUUID } from "node:crypto";
import type {
  ChainMap,
  ChainMapSource,
  ImportRecord,
  Citation,
  MemberRow,
  RowProblem,
  RowRef,
  SegmentRow,
} from "../../model/chain-map";
import { normalizeName } from "../../model/names";
import { pinyinSortKey } from "../../model/pinyin";
import { propTextOf, type CitationRecord, type EntityRecord } from "../../model/records";
import { KIND_SPECS, RELATION_SPECS, type EntityKind } from "../../model/vocabulary";
import {
  relationshipKeyString,
  type ChainMapRepository,
  type EntityWrite,
  type RelationshipKey,
  type RelationshipWrite,
  type StoredEntity,
  type StoredRelationship,
} from "../../repositories/chain-map.repository";
import { nameFormKeys, searchText } from "../seed-rows";

/**
 * Importing a parsed chain map (src/services/chain-maps/parse.ts) into the graph, in two steps:
 * `plan` resolves every name the file gives against the graph (as `resolve` does, so 电子科大 in a
 * sheet is the university already there) and compares what the file asks for with what the same
 * chain map (its import set) wrote before, giving the diff: to create, to update field by field,
 * unchanged, to remove, and conflicts; `apply` writes that diff in one transaction, or nothing when
 * there is a conflict. A chain map owns what it created (the `importSet` of its entities and
 * relationships): importing it again changes nothing, an edited copy updates its own records and
 * removes those it no longer lists, and records of the documents, of curators or of another chain
 * map are never changed (a link to them is made; their fields stay as they are).
 */

export type ChangeAction = "create" | "update" | "unchanged" | "remove";
export const CHANGE_ACTIONS: readonly ChangeAction[] = ["create", "update", "unchanged", "remove"];

export interface FieldChange {
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
}

export interface EntityChange {
  readonly action: ChangeAction;
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly fields: readonly FieldChange[];
  /** The row that asks for it (null for a removal). */
  readonly at: RowRef | null;
}

export interface RelationshipChange {
  readonly action: ChangeAction;
  readonly source: string;
  readonly type: string;
  readonly target: string;
  readonly fields: readonly FieldChange[];
  readonly at: RowRef | null;
}

export type ActionCounts = Readonly<Record<ChangeAction, number>>;

export interface ImportPlan {
  readonly importSet: string;
  readonly fileName: string;
  readonly checksum: string;
  readonly entities: readonly EntityChange[];
  readonly relationships: readonly RelationshipChange[];
  /** Links the file asks for that the documents, a curator or another chain map already state. */
  readonly alreadyStated: number;
  readonly conflicts: readonly RowProblem[];
  readonly entityCounts: ActionCounts;
  readonly relationshipCounts: ActionCounts;
}

export interface ImportResult extends ImportPlan {
  readonly applied: boolean;
  /** The import's audit record, when applied. */
  readonly importId: string | null;
  /** Entities the file no longer lists that stay because something else links them. */
  readonly keptEntities: number;
}

export interface ImportProgress {
  readonly phase: "resolve" | "write";
  readonly done: number;
  readonly total: number;
}

export interface ImportOptions {
  readonly importSet: string;
  readonly actor: string;
  /**
   * Commit each batch on its own instead of the whole file at once: for a file larger than
   * Neo4j lets one transaction grow. Not all or nothing: a failure part way leaves part of the
   * diff written, and importing the file again completes it.
   */
  readonly chunked?: boolean;
  /** Rows per write round trip (and, chunked, per transaction); default WRITE_BATCH. */
  readonly batchSize?: number;
  readonly onProgress?: (progress: ImportProgress) => void;
}

/** What the service needs from the rest: name resolution, and a transaction over the repository. */
export interface ImportDeps {
  /** Entities a name names, as `resolve` finds them (exact, simplified, later names, pinyin). */
  readonly resolve: (name: string) => Promise<readonly EntityRecord[]>;
  readonly reads: ChainMapRepository;
  readonly transaction: <T>(work: (repo: ChainMapRepository) => Promise<T>) => Promise<T>;
}

/** The longest name `resolve` takes, and so the longest a chain map may give. */
const MAX_NAME_LENGTH = 200;

/** Rows per write round trip: large enough to make 100,000 rows a few dozen round trips. */
const WRITE_BATCH = 5_000;
const IMPORT_SET = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u;

/** The id an entity of `kind` named `name` gets when an import (or a curator) creates it. */
export function derivedEntityId(kind: string, name: string): string {
  const hash = createHash("sha256").update(normalizeName(name)).digest("hex").slice(0, 12);
  return `${kind.toLowerCase()}-${hash}`;
}

/** A segment's id: its industry and its name, so the same segment of two chains stays two. */
function segmentId(industryId: string, name: string): string {
  const hash = createHash("sha256")
    .update(`${industryId}|${normalizeName(name)}`)
    .digest("hex")
    .slice(0, 16);
  return `chainsegment-${hash}`;
}

/** Whether a name may name an import set: letters, digits, spaces, dots, dashes, at most 100. */
export function isImportSetName(name: string): boolean {
  return IMPORT_SET.test(name);
}

/** What an entity of the file should be once imported. */
interface WantedEntity {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  aliases: string[];
  readonly chainPosition: string | null;
  citations: string[];
  readonly description: string | null;
  readonly at: RowRef;
}

interface WantedRelationship extends RelationshipKey {
  readonly role: string | null;
  readonly citation: string;
  readonly at: RowRef;
}

/** Where a name of the file points: an entity the graph holds, or one the import creates. */
type Target =
  | { readonly id: string; readonly kind: EntityKind; readonly owned: false }
  | { readonly id: string; readonly kind: EntityKind; readonly owned: true };

export class ChainMapImportService {
  constructor(private readonly deps: ImportDeps) {}

  /** The diff importing `map` as `importSet` would make; writes nothing. */
  async plan(map: ChainMap, options: ImportOptions): Promise<ImportPlan> {
    const builder = new PlanBuilder(map, options, this.deps);
    return builder.build();
  }

  /**
   * Applies the diff in one transaction, all or nothing, and records the import (who, when, the
   * file's name and checksum, the counts). With a conflict, nothing is written.
   */
  async apply(map: ChainMap, options: ImportOptions): Promise<ImportResult> {
    const plan = await this.plan(map, options);
    if (plan.conflicts.length > 0)
      return { ...plan, applied: false, importId: null, keptEntities: 0 };
    const builder = plan as PlanWithWrites;
    const writes = builder[WRITES];
    const total =
      writes.removeRelationships.length +
      writes.entities.length +
      writes.relationships.length +
      writes.removeHubs.length +
      writes.removeEntities.length;
    let done = 0;
    const progress = (count: number): void => {
      done += count;
      options.onProgress?.({ phase: "write", done, total });
    };
    const importId = randomUUID();
    const size = options.batchSize ?? WRITE_BATCH;
    // Entities first: their links go with them, and the removals left are few. Hubs (segments,
    // industries, districts) in queries of their own, before the rest: a query that removed
    // organisations after hubs in one go took 68 s where two took 1.5 s (bench:import). Links
    // touching a removed entity went with it; looking them up again in the same transaction
    // would cost a seek past every deletion.
    // Chunked, each removal is its own transaction and a hub's links would all go in one: the
    // links go first, a batch at a time, and the entities after them have few left.
    const chunked = options.chunked === true;
    const gone = new Set(chunked ? [] : [...writes.removeHubs, ...writes.removeEntities]);
    const between = writes.removeRelationships.filter(
      (key) => !gone.has(key.source) && !gone.has(key.target),
    );
    let removed = 0;
    const removeEntities = [
      ...batches(writes.removeHubs, size),
      ...batches(writes.removeEntities, size),
    ].map((batch): Step => async (repo) => {
      removed += await repo.removeEntities(options.importSet, batch);
      progress(batch.length);
    });
    const removeLinks = [
      () => Promise.resolve(progress(writes.removeRelationships.length - between.length)),
      ...[...batches(between, size)].map((batch): Step => async (repo) => {
        await repo.removeRelationships(options.importSet, batch);
        progress(batch.length);
      }),
    ];
    const steps: Step[] = [
      ...(chunked ? [...removeLinks, ...removeEntities] : [...removeEntities, ...removeLinks]),
      ...[...batches(writes.entities, size)].map((batch): Step => async (repo) => {
        await repo.writeEntities(batch);
        progress(batch.length);
      }),
      ...[...batches(writes.relationships, size)].map((batch): Step => async (repo) => {
        await repo.writeRelationships(batch);
        progress(batch.length);
      }),
      async (repo) =>
        repo.recordImport({
          id: importId,
          importSet: options.importSet,
          actor: options.actor,
          fileName: map.fileName,
          checksum: map.checksum,
          counts: JSON.stringify({
            entities: plan.entityCounts,
            relationships: plan.relationshipCounts,
            alreadyStated: plan.alreadyStated,
            chunked: options.chunked === true,
          }),
        }),
    ];
    if (chunked) {
      // A file too large for one transaction: each step commits alone. A failure part way leaves
      // part of the diff written and no import record; importing the file again writes the rest
      // (the diff converges), which is why this is a choice and not the default.
      for (const step of steps) {
        await this.deps.transaction(step);
      }
    } else {
      await this.deps.transaction(async (repo) => {
        // The driver may retry the whole transaction: count the removals of the last attempt.
        removed = 0;
        done = 0;
        for (const step of steps) await step(repo);
      });
    }
    return {
      ...plan,
      applied: true,
      importId,
      keptEntities: writes.removeHubs.length + writes.removeEntities.length - removed,
    };
  }

  /** The records of a chain map's imports, newest first. */
  history(importSet: string, limit = 20): Promise<ImportRecord[]> {
    return this.deps.reads.imports(importSet, limit);
  }
}

const WRITES = Symbol("writes");

/** One write of an import, run in the import's transaction or, chunked, in its own. */
type Step = (repo: ChainMapRepository) => Promise<unknown>;

/** Kinds whose entities a chain map links many others to. */
const HUB_KINDS: ReadonlySet<string> = new Set(["ChainSegment", "Industry", "District"]);

interface Writes {
  readonly entities: EntityWrite[];
  readonly relationships: RelationshipWrite[];
  readonly removeRelationships: RelationshipKey[];
  /** Own entities to remove that many link to (segments, industries, districts). */
  readonly removeHubs: string[];
  /** The other own entities to remove. */
  readonly removeEntities: string[];
}

type PlanWithWrites = ImportPlan & { readonly [WRITES]: Writes };

function* batches<T>(items: readonly T[], size = WRITE_BATCH): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Sorted, de-duplicated: how lists are stored and compared, so order in a cell changes nothing. */
function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

const kindSpecName = (kind: string): string => {
  const spec = KIND_SPECS[kind as EntityKind] as (typeof KIND_SPECS)[EntityKind] | undefined;
  return spec === undefined ? kind : `${kind} (${spec.zh})`;
};

/** Whether the vocabulary lets `type` join these kinds. */
function allowed(type: string, from: EntityKind, to: EntityKind): boolean {
  const spec = RELATION_SPECS.find((candidate) => candidate.type === type);
  return spec !== undefined && spec.from.includes(from) && spec.to.includes(to);
}

/** One plan: resolves the file's names, then compares what it wants with what is stored. */
class PlanBuilder {
  private readonly conflicts: RowProblem[] = [];
  private readonly wanted = new Map<string, WantedEntity>();
  private readonly wantedLinks = new Map<string, WantedRelationship>();
  private readonly sources: ReadonlyMap<string, ChainMapSource>;
  /** Names resolved against the graph, by normalised name. */
  private readonly resolved = new Map<string, readonly EntityRecord[]>();

  constructor(
    private readonly map: ChainMap,
    private readonly options: ImportOptions,
    private readonly deps: ImportDeps,
  ) {
    this.sources = new Map(map.sources.map((source) => [source.key, source]));
  }

  async build(): Promise<PlanWithWrites> {
    const { reads } = this.deps;
    const [owned, ownedLinks] = await Promise.all([
      reads.ownedEntities(this.options.importSet),
      reads.ownedRelationships(this.options.importSet),
      this.resolveNames(),
    ]);
    this.ownedById = new Map(owned.map((entity) => [entity.id, entity]));
    const industries = this.industries();
    const segments = this.segments(industries);
    this.members(industries, segments);
    this.links(industries, segments);
    return this.compare(ownedLinks);
  }

  /** The entities this chain map created before: its own, whose fields follow the file. */
  private ownedById: ReadonlyMap<string, StoredEntity> = new Map();

  /** Resolves every name the file gives for an industry, member, district or link end, batched. */
  private async resolveNames(): Promise<void> {
    const names = new Set<string>();
    for (const row of this.map.segments) names.add(row.industry);
    for (const row of this.map.members) {
      names.add(row.industry);
      names.add(row.name);
      if (row.district !== null) names.add(row.district);
    }
    for (const row of this.map.links) {
      names.add(row.from);
      names.add(row.to);
    }
    // A name resolve refuses (longer than it takes) is a conflict of its row (see target).
    const list = [...names].filter((name) => normalizeName(name).length <= MAX_NAME_LENGTH);
    let done = 0;
    await Promise.all(
      list.map(async (name) => {
        const found = await this.deps.resolve(name);
        this.resolved.set(normalizeName(name), found);
        done += 1;
        if (done % 1000 === 0 || done === list.length)
          this.options.onProgress?.({ phase: "resolve", done, total: list.length });
      }),
    );
  }

  private citation(cite: Citation, at: RowRef): string {
    const source = this.sources.get(cite.source);
    // The parser refuses a row whose source is not in the sources sheet.
    if (source === undefined) throw new Error(`source ${cite.source} not in the file`);
    const record: CitationRecord = {
      title: source.title,
      issuer: source.issuer,
      date: source.date,
      location: source.location,
      page: cite.page,
      importSet: this.options.importSet,
      sheet: at.sheet,
    };
    return JSON.stringify(record);
  }

  private conflict(at: RowRef, column: string, reason: string): void {
    this.conflicts.push({ sheet: at.sheet, row: at.row, column, reason });
  }

  /**
   * Where a name of the file points, for an entity of `kind`: the one entity of that kind the
   * graph resolves it to (several, or one of another kind, is a conflict), else one the import
   * creates (owned).
   */
  private target(name: string, kind: EntityKind, at: RowRef, column: string): Target | null {
    if (normalizeName(name).length > MAX_NAME_LENGTH) {
      this.conflict(at, column, `a name is at most ${MAX_NAME_LENGTH} characters`);
      return null;
    }
    const found = this.resolved.get(normalizeName(name)) ?? [];
    if (found.length > 1) {
      this.conflict(
        at,
        column,
        `"${name}" names ${found.length} entities in the graph (${found
          .map((entity) => `${entity.name} [${entity.kind}]`)
          .join(", ")}): write one of their full names`,
      );
      return null;
    }
    const [entity] = found;
    if (entity === undefined) return { id: derivedEntityId(kind, name), kind, owned: true };
    // One this chain map created before is its own again (so its fields follow the file).
    const owned = this.ownedById.has(entity.id);
    if (entity.kind !== kind) {
      this.conflict(
        at,
        column,
        `"${name}" is ${kindSpecName(entity.kind)} ${entity.name} in the graph, not ${kindSpecName(kind)}`,
      );
      return null;
    }
    return owned ? { id: entity.id, kind, owned: true } : { id: entity.id, kind, owned: false };
  }

  /** An entity the file wants, merged with earlier rows naming the same one. */
  private want(entity: WantedEntity): void {
    const known = this.wanted.get(entity.id);
    if (known === undefined) {
      this.wanted.set(entity.id, entity);
      return;
    }
    known.aliases = sortedUnique([...known.aliases, ...entity.aliases]);
    known.citations = sortedUnique([...known.citations, ...entity.citations]);
  }

  private link(link: WantedRelationship, fromKind: EntityKind, toKind: EntityKind, column: string) {
    if (!allowed(link.type, fromKind, toKind)) {
      this.conflict(
        link.at,
        column,
        `the vocabulary has no ${link.type} from ${kindSpecName(fromKind)} to ${kindSpecName(toKind)}`,
      );
      return;
    }
    const key = relationshipKeyString(link);
    if (!this.wantedLinks.has(key)) this.wantedLinks.set(key, link);
  }

  private industries(): Map<string, Target> {
    const byName = new Map<string, Target>();
    const rows: { name: string; at: RowRef; cite: Citation }[] = [
      ...this.map.segments.map((row) => ({ name: row.industry, at: row.at, cite: row.cite })),
      ...this.map.members.map((row) => ({ name: row.industry, at: row.at, cite: row.cite })),
    ];
    // An industry's conflict is reported on the first row naming it, not on every row.
    const refused = new Set<string>();
    for (const { name, at, cite } of rows) {
      const key = normalizeName(name);
      if (byName.has(key) || refused.has(key)) continue;
      const target = this.target(name, "Industry", at, "industry");
      if (target === null) {
        refused.add(key);
        continue;
      }
      byName.set(key, target);
      if (target.owned)
        this.want({
          id: target.id,
          kind: "Industry",
          name,
          aliases: [],
          chainPosition: null,
          citations: [this.citation(cite, at)],
          description: "An industry named by an imported chain map",
          at,
        });
    }
    return byName;
  }

  /** Segments by industry key and segment name key. */
  private segments(industries: ReadonlyMap<string, Target>): Map<string, string> {
    const ids = new Map<string, string>();
    const key = (industry: string, segment: string): string =>
      `${normalizeName(industry)}|${normalizeName(segment)}`;
    for (const row of this.map.segments) {
      const industry = industries.get(normalizeName(row.industry));
      if (industry === undefined) continue;
      const id = segmentId(industry.id, row.name);
      ids.set(key(row.industry, row.name), id);
      this.want({
        id,
        kind: "ChainSegment",
        name: row.name,
        aliases: sortedUnique(row.aliases),
        chainPosition: row.position,
        citations: [this.citation(row.cite, row.at)],
        description: `A ${row.position} segment of the ${row.industry} chain`,
        at: row.at,
      });
      this.segmentLinks(row, id, industry.id, ids, key);
    }
    return ids;
  }

  private segmentLinks(
    row: SegmentRow,
    id: string,
    industryId: string,
    ids: Map<string, string>,
    key: (industry: string, segment: string) => string,
  ): void {
    const citation = this.citation(row.cite, row.at);
    const base = { citation, at: row.at, role: null };
    this.link(
      { ...base, source: id, type: "SEGMENT_OF", target: industryId },
      "ChainSegment",
      "Industry",
      "industry",
    );
    // Parents and supplied segments are later rows too: their ids come from their names.
    const idOf = (name: string): string => {
      const known = ids.get(key(row.industry, name));
      return known ?? segmentId(industryId, name);
    };
    if (row.parent !== null)
      this.link(
        { ...base, source: id, type: "PART_OF", target: idOf(row.parent) },
        "ChainSegment",
        "ChainSegment",
        "parent_segment",
      );
    for (const supplied of row.supplies)
      this.link(
        { ...base, source: id, type: "UPSTREAM_OF", target: idOf(supplied) },
        "ChainSegment",
        "ChainSegment",
        "supplies",
      );
  }

  private members(industries: ReadonlyMap<string, Target>, segments: ReadonlyMap<string, string>) {
    for (const row of this.map.members) {
      const target = this.target(row.name, row.kind, row.at, "name");
      const industry = industries.get(normalizeName(row.industry));
      if (target === null || industry === undefined) continue;
      const citation = this.citation(row.cite, row.at);
      if (target.owned) this.wantMember(row, target.id, citation);
      for (const segment of row.segments) {
        const segmentKey = `${normalizeName(row.industry)}|${normalizeName(segment)}`;
        const segmentTarget = segments.get(segmentKey);
        if (segmentTarget === undefined) continue;
        this.link(
          {
            source: target.id,
            type: "IN_SEGMENT",
            target: segmentTarget,
            role: row.role,
            citation,
            at: row.at,
          },
          row.kind,
          "ChainSegment",
          "segments",
        );
      }
      if (row.district !== null) {
        const district = this.target(row.district, "District", row.at, "district");
        if (district === null) continue;
        if (district.owned)
          this.want({
            id: district.id,
            kind: "District",
            name: row.district,
            aliases: [],
            chainPosition: null,
            citations: [citation],
            description: "A district named by an imported chain map",
            at: row.at,
          });
        this.link(
          {
            source: target.id,
            type: "LOCATED_IN",
            target: district.id,
            role: null,
            citation,
            at: row.at,
          },
          row.kind,
          "District",
          "district",
        );
      }
    }
  }

  private wantMember(row: MemberRow, id: string, citation: string): void {
    this.want({
      id,
      kind: row.kind,
      name: row.name,
      aliases: sortedUnique(row.aliases),
      chainPosition: null,
      citations: [citation],
      description: null,
      at: row.at,
    });
  }

  /**
   * Links between named entities: each end is a member, an industry or a segment of the file (a
   * segment by its name, when one industry has it), else the one entity the graph resolves.
   */
  private links(
    industries: ReadonlyMap<string, Target>,
    segments: ReadonlyMap<string, string>,
  ): void {
    const memberIds = new Map<string, Target>(industries);
    const segmentsByName = new Map<string, string[]>();
    for (const [key, id] of segments) {
      const name = key.slice(key.indexOf("|") + 1);
      segmentsByName.set(name, [...(segmentsByName.get(name) ?? []), id]);
    }
    for (const [name, ids] of segmentsByName) {
      const [only] = ids;
      if (ids.length === 1 && only !== undefined && !memberIds.has(name))
        memberIds.set(name, { id: only, kind: "ChainSegment", owned: true });
    }
    for (const row of this.map.links) {
      const from = this.linkEnd(row.from, row.at, "from", memberIds);
      const to = this.linkEnd(row.to, row.at, "to", memberIds);
      if (from === null || to === null) continue;
      this.link(
        {
          source: from.id,
          type: row.type,
          target: to.id,
          role: null,
          citation: this.citation(row.cite, row.at),
          at: row.at,
        },
        from.kind,
        to.kind,
        "type",
      );
    }
  }

  private memberIndex: Map<string, MemberRow> | null = null;

  /** The file's members by normalised name (the first row of each), built once. */
  private membersByName(): Map<string, MemberRow> {
    if (this.memberIndex === null) {
      this.memberIndex = new Map();
      for (const row of this.map.members) {
        const key = normalizeName(row.name);
        if (!this.memberIndex.has(key)) this.memberIndex.set(key, row);
      }
    }
    return this.memberIndex;
  }

  /** A link's end: a member of the file by its name, else the one entity the graph resolves. */
  private linkEnd(
    name: string,
    at: RowRef,
    column: string,
    cache: Map<string, Target>,
  ): Target | null {
    const key = normalizeName(name);
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const member = this.membersByName().get(key);
    if (member !== undefined) {
      const target = this.target(member.name, member.kind, member.at, "name");
      if (target !== null) cache.set(key, target);
      return target;
    }
    const found = this.resolved.get(key) ?? [];
    const [entity] = found;
    if (found.length !== 1 || entity === undefined) {
      this.conflict(
        at,
        column,
        found.length === 0
          ? `"${name}" names no entity in the graph or the file's members`
          : `"${name}" names ${found.length} entities in the graph: write one of their full names`,
      );
      return null;
    }
    const target: Target = { id: entity.id, kind: entity.kind, owned: false };
    cache.set(key, target);
    return target;
  }

  /** Compares what the file wants with what the store holds, giving the diff and the writes. */
  private async compare(ownedLinks: readonly StoredRelationship[]): Promise<PlanWithWrites> {
    const ownedById = this.ownedById;
    // A wanted id the store holds under another owner (the documents, a curator, another chain
    // map) is linked, never rewritten.
    const notOwned = [...this.wanted.keys()].filter((id) => !ownedById.has(id));
    const others = await this.deps.reads.entities(notOwned);
    for (const [id, stored] of others) {
      const wanted = this.wanted.get(id);
      if (wanted !== undefined && stored.kind !== wanted.kind)
        this.conflict(
          wanted.at,
          "name",
          `the graph's ${id} is ${kindSpecName(stored.kind)} ${stored.name}, not ${kindSpecName(wanted.kind)}`,
        );
      this.wanted.delete(id);
    }
    const entityChanges = this.entityChanges(ownedById);
    const linkChanges = await this.relationshipChanges(
      ownedLinks,
      (id) => !this.wanted.has(id) || ownedById.has(id) || others.has(id),
    );
    const writes: Writes = {
      entities: entityChanges.writes,
      relationships: linkChanges.writes,
      removeRelationships: linkChanges.removals,
      removeHubs: entityChanges.removals.filter((id) => entityChanges.hubs.has(id)),
      removeEntities: entityChanges.removals.filter((id) => !entityChanges.hubs.has(id)),
    };
    const plan: ImportPlan = {
      importSet: this.options.importSet,
      fileName: this.map.fileName,
      checksum: this.map.checksum,
      entities: entityChanges.changes,
      relationships: linkChanges.changes,
      alreadyStated: linkChanges.alreadyStated,
      conflicts: sortProblems(this.conflicts),
      entityCounts: countActions(entityChanges.changes),
      relationshipCounts: countActions(linkChanges.changes),
    };
    return Object.assign(plan, { [WRITES]: writes });
  }

  private entityChanges(ownedById: ReadonlyMap<string, StoredEntity>): {
    changes: EntityChange[];
    writes: EntityWrite[];
    removals: string[];
    hubs: ReadonlySet<string>;
  } {
    const changes: EntityChange[] = [];
    const writes: EntityWrite[] = [];
    for (const wanted of this.wanted.values()) {
      const stored = ownedById.get(wanted.id);
      const fields = entityFieldChanges(stored, wanted);
      const action: ChangeAction =
        stored === undefined ? "create" : fields.length > 0 ? "update" : "unchanged";
      changes.push({
        action,
        id: wanted.id,
        kind: wanted.kind,
        name: wanted.name,
        fields,
        at: wanted.at,
      });
      if (action !== "unchanged") writes.push(this.entityWrite(wanted));
    }
    const removals: string[] = [];
    // Hubs are removed first (see apply): removing a segment, industry or district takes its many
    // links along in one go, while removing the organisations first cut those links one at a time
    // from the hub's side (ten times slower in bench:import).
    const hubs = new Set<string>();
    for (const stored of ownedById.values()) {
      if (HUB_KINDS.has(stored.kind)) hubs.add(stored.id);
      if (this.wanted.has(stored.id)) continue;
      removals.push(stored.id);
      changes.push({
        action: "remove",
        id: stored.id,
        kind: stored.kind,
        name: stored.name,
        fields: [],
        at: null,
      });
    }
    return { changes, writes, removals, hubs };
  }

  private entityWrite(wanted: WantedEntity): EntityWrite {
    const names = { name: wanted.name, nameEn: undefined, aliases: wanted.aliases, laterNames: [] };
    return {
      id: wanted.id,
      kind: wanted.kind,
      props: {
        id: wanted.id,
        kind: wanted.kind,
        name: wanted.name,
        namePinyin: pinyinSortKey(wanted.name),
        nameEn: null,
        nameEnOfficial: null,
        nameInferred: false,
        aliases: wanted.aliases,
        aliasText: searchText(names),
        description: wanted.description,
        chainPosition: wanted.chainPosition,
        citations: wanted.citations,
        importSet: this.options.importSet,
      },
      nameForms: nameFormKeys(names),
    };
  }

  /** `exists`: whether the store holds the entity already (only those may have others' links). */
  private async relationshipChanges(
    ownedLinks: readonly StoredRelationship[],
    exists: (id: string) => boolean,
  ): Promise<{
    changes: RelationshipChange[];
    writes: RelationshipWrite[];
    removals: RelationshipKey[];
    alreadyStated: number;
  }> {
    const ownedByKey = new Map(ownedLinks.map((link) => [relationshipKeyString(link), link]));
    // Links between two entities that exist already may be stated by someone else.
    const candidates = [...this.wantedLinks.values()].filter(
      (link) =>
        !ownedByKey.has(relationshipKeyString(link)) && exists(link.source) && exists(link.target),
    );
    const stated = await this.deps.reads.existingRelationships(candidates);
    const changes: RelationshipChange[] = [];
    const writes: RelationshipWrite[] = [];
    let alreadyStated = 0;
    for (const [key, link] of this.wantedLinks) {
      const stored = ownedByKey.get(key);
      if (stored === undefined && stated.has(key)) {
        alreadyStated += 1;
        continue;
      }
      const fields = relationshipFieldChanges(stored, link);
      const action: ChangeAction =
        stored === undefined ? "create" : fields.length > 0 ? "update" : "unchanged";
      changes.push({
        action,
        source: link.source,
        type: link.type,
        target: link.target,
        fields,
        at: link.at,
      });
      if (action !== "unchanged") writes.push(this.relationshipWrite(link));
    }
    const removals: RelationshipKey[] = [];
    for (const [key, stored] of ownedByKey) {
      if (this.wantedLinks.has(key)) continue;
      removals.push(stored);
      changes.push({
        action: "remove",
        source: stored.source,
        type: stored.type,
        target: stored.target,
        fields: [],
        at: null,
      });
    }
    return { changes, writes, removals, alreadyStated };
  }

  private relationshipWrite(link: WantedRelationship): RelationshipWrite {
    const own = link.role === null ? {} : { role: link.role };
    return {
      source: link.source,
      type: link.type,
      target: link.target,
      props: {
        id: relationshipKeyString(link),
        evidence: [],
        quotes: [],
        evidenceKind: "imported",
        confidence: 1,
        note: null,
        citation: link.citation,
        importSet: this.options.importSet,
        role: link.role,
        propText: propTextOf(own),
      },
    };
  }
}

function entityFieldChanges(stored: StoredEntity | undefined, wanted: WantedEntity): FieldChange[] {
  const before = {
    kind: stored?.kind ?? null,
    name: stored?.name ?? null,
    aliases: stored === undefined ? null : sortedUnique(stored.aliases).join("; "),
    chainPosition: stored?.chainPosition ?? null,
    citations: stored === undefined ? null : sortedUnique(stored.citations).join("\n"),
  };
  const after = {
    kind: wanted.kind,
    name: wanted.name,
    aliases: wanted.aliases.join("; "),
    chainPosition: wanted.chainPosition,
    citations: wanted.citations.join("\n"),
  };
  return fieldChanges(before, after, stored === undefined);
}

function relationshipFieldChanges(
  stored: StoredRelationship | undefined,
  wanted: WantedRelationship,
): FieldChange[] {
  return fieldChanges(
    { role: stored?.role ?? null, citation: stored?.citation ?? null },
    { role: wanted.role, citation: wanted.citation },
    stored === undefined,
  );
}

/** The fields whose values differ; for a new record, every field it sets. */
function fieldChanges(
  before: Readonly<Record<string, string | null>>,
  after: Readonly<Record<string, string | null>>,
  created: boolean,
): FieldChange[] {
  return Object.keys(after)
    .filter((field) =>
      created ? after[field] !== null && after[field] !== "" : before[field] !== after[field],
    )
    .map((field) => ({
      field,
      before: created ? null : (before[field] ?? null),
      after: after[field] ?? null,
    }));
}

function countActions(changes: readonly { action: ChangeAction }[]): ActionCounts {
  const counts: Record<ChangeAction, number> = { create: 0, update: 0, unchanged: 0, remove: 0 };
  for (const change of changes) counts[change.action] += 1;
  return counts;
}

const SHEET_ORDER = ["sources", "segments", "members", "links"];

function sortProblems(problems: readonly RowProblem[]): RowProblem[] {
  const seen = new Set<string>();
  return [...problems]
    .filter((problem) => {
      const key = JSON.stringify(problem);
      return !seen.has(key) && seen.add(key) !== undefined;
    })
    .sort(
      (a, b) =>
        SHEET_ORDER.indexOf(a.sheet) - SHEET_ORDER.indexOf(b.sheet) ||
        a.row - b.row ||
        (a.column ?? "").localeCompare(b.column ?? ""),
    );
}
