import { BadUserInputError, NotFoundError } from "../errors";
import type { Loaders, PrefetchedReads } from "../loaders";
import {
  hiddenIdsOf,
  type DirectionValue,
  type EdgeRecord,
  type EntityDetails,
  type EvidenceContextRecord,
  type EvidenceRecord,
  type EntityRecord,
  type FactRecord,
  type PrefetchLink,
  type NotStatedRecord,
  type RelationRecord,
  type StatedRecord,
} from "../model/records";
import { RELATION_TYPES } from "../model/vocabulary";
import { toSimplified } from "../model/fold";
import { pinyinQueryKey } from "../model/pinyin";
import type { CountKey, EntityRepository, PinyinMatch } from "../repositories/entity.repository";
import { normalizeName } from "../model/names";
import { quoteInContext } from "./evidence-context";

export const MAX_RELATIONS_PER_FIELD = 1_000;
/** The shortest pinyin that resolve takes as the start of a name (shuangliu, not shuang). */
export const MIN_PINYIN_PREFIX = 6;
/**
 * What a relationship field lists when the query gives no `first`: more than any entity of the
 * sources has of one field, and small enough that two levels of them under a list page fit the
 * cost limit. The field's count (relationCount, or the typed field's …Count) says when there are
 * more.
 */
export const DEFAULT_RELATIONS_PER_FIELD = 20;

/** Entities and their relationships, read through the request's loaders. */
export class GraphService {
  /**
   * `loaders` read entities and relationships, batched per request; `entities` is their
   * repository, which the service asks directly only to plan its queries past hubs.
   */
  constructor(
    private readonly loaders: Loaders,
    private readonly entities: Pick<EntityRepository, "planHubReads">,
  ) {}

  /**
   * Has Neo4j plan the reads of hubs' relationships and counts before a user's first one (see
   * EntityRepository.planHubReads); `stopped` ends it early. How many queries it ran.
   */
  planHubReads(stopped?: () => boolean): Promise<number> {
    return this.entities.planHubReads(stopped);
  }

  /**
   * An entity by id. `ahead` names relationship links the caller will ask for on it (and what it
   * will ask for after them); when given, one query reads the links and brings the entity along.
   */
  async entity(
    id: string,
    ahead: readonly PrefetchPlan[] = [],
    asOf?: string | null,
  ): Promise<EntityRecord | null> {
    const notStated = await this.notStatedBy(asOf);
    if (notStated !== null) {
      // As of a day, relationship fields filter what they read (see `linked`): reading ahead
      // would cache unfiltered lists, so each level reads on its own.
      const entity = await this.loaders.entity.load(id);
      if (entity === null || notStated.entities.has(id)) return null;
      return { ...entity, asOf: notStated.asOf };
    }
    // Read-ahead (docs/architecture.md, "Reading ahead"), hop 3: one relations-loader key per
    // plan, carrying its `next` links; next, the loader's batch (src/loaders, hop 4).
    if (ahead.length > 0) {
      await Promise.all(
        ahead.map(({ type, direction, limit, next, brief, names, bare }) =>
          this.loaders.relations.load({ id, type, direction, limit, next, brief, names, bare }),
        ),
      );
    }
    return this.loaders.entity.load(id);
  }

  /**
   * What no document had stated by `asOf` (one query per day a request asks about); null without
   * asOf. A day that is not YYYY-MM-DD, or not a day of the calendar, is BAD_USER_INPUT.
   */
  async notStatedBy(asOf: string | null | undefined): Promise<NotStatedRecord | null> {
    if (asOf === null || asOf === undefined) return null;
    checkDay(asOf, "asOf");
    return this.loaders.notStatedBy.load(asOf);
  }

  /**
   * Relations read as of a day, less what no document had stated by then: a relationship first
   * stated after it, and a link to an entity first mentioned after it. `read` is asked for `extra`
   * more than `first` (enough to make up for every link left out), so the answer is the first
   * `first` of what remains; the records carry the day on, to their other ends.
   */
  private async asOfRelations(
    notStated: NotStatedRecord,
    first: number,
    read: (limit: number) => Promise<RelationRecord[]>,
  ): Promise<RelationRecord[]> {
    const limit = first + notStated.relationships.size + notStated.touching;
    const asOf = notStated.asOf;
    return (await read(limit))
      .filter(
        (relation) =>
          !notStated.relationships.has(relation.id) && !notStated.entities.has(relation.otherId),
      )
      .slice(0, first)
      .map((relation) => ({
        ...relation,
        asOf,
        other: relation.other ? { ...relation.other, asOf } : relation.other,
      }));
  }

  /** Keeps entities and links a query read along with its answer, for the fields that ask next. */
  primePrefetched(read: PrefetchedReads): void {
    this.loaders.primePrefetched(read);
  }

  /**
   * An entity's passages and stated numbers: from its record when the read that produced it
   * brought them, else from the details loader (one batched query for all the records asking).
   */
  async details(entity: EntityRecord): Promise<EntityDetails> {
    const { evidence, facts, laterNames } = entity;
    if (evidence !== undefined && facts !== undefined && laterNames !== undefined)
      return { evidence, facts, laterNames };
    return this.loaders.details.load(entity.id);
  }

  /**
   * An entity's facts: per key the latest version by statedOn (an undated version counts as the
   * oldest), or every version with `history`; as of the entity's day, only versions stated by then
   * (undated ones always).
   */
  async facts(entity: EntityRecord, history: boolean): Promise<readonly FactRecord[]> {
    const { asOf } = entity;
    // Oldest first within a key (cypher/parts/entity-facts.cypher), so the last one seen wins.
    const stated = (await this.details(entity)).facts.filter(
      (fact) => asOf === undefined || fact.statedOn === null || fact.statedOn <= asOf,
    );
    if (history) return stated;
    const latest = new Map<string, FactRecord>();
    for (const fact of stated) latest.set(fact.key, fact);
    return [...latest.values()];
  }

  /** A relationship by edge id (source|TYPE|target), with its evidence; null when there is none. */
  edge(id: string): Promise<EdgeRecord | null> {
    return this.loaders.edge.load(id);
  }

  /** How many relationships an entity has with other entities (one batched query per request level). */
  degree(id: string, asOf?: string): Promise<number> {
    // As of a day: the relationships stated by then, as relationCount counts them.
    if (asOf !== undefined) return this.relationCount(id, null, null, asOf);
    return this.loaders.degree.load(id);
  }

  /** The title of the document a quote comes from; null when the document has none. */
  async documentTitle(evidence: EvidenceRecord): Promise<string | null> {
    return (await this.loaders.document.load(evidence.documentId))?.title ?? null;
  }

  /** The date of the document a quote comes from (YYYY-MM-DD); null when the document has none. */
  async documentDate(evidence: EvidenceRecord): Promise<string | null> {
    return (await this.loaders.document.load(evidence.documentId))?.date ?? null;
  }

  /**
   * When a relationship was first and last stated: the earliest and latest dates of the documents
   * of its evidence, read from the Document nodes at read time (a stored copy could drift from a
   * corrected document date). Both null for a link no dated document states (a curator's note
   * without a quote, an imported chain-map row).
   */
  async stated(edge: EdgeRecord | RelationRecord): Promise<StatedRecord> {
    const evidence = await this.edgeEvidence(edge);
    const dates = (await Promise.all(evidence.map((e) => this.documentDate(e))))
      .filter((date): date is string => date !== null)
      .sort();
    return { firstStated: dates[0] ?? null, lastStated: dates.at(-1) ?? null };
  }

  /** A quote inside the paragraph of its document that holds it; null without the document's text. */
  async evidenceContext(evidence: EvidenceRecord): Promise<EvidenceContextRecord | null> {
    const text = (await this.loaders.document.load(evidence.documentId))?.text ?? null;
    return text === null
      ? null
      : quoteInContext(text, evidence.start, evidence.end, evidence.quote);
  }

  /**
   * The evidence of an edge or a relation: from the record when its query read it, else from the
   * edge-evidence loader (one batched query for every edge of the request that asks).
   */
  async edgeEvidence(edge: EdgeRecord | RelationRecord): Promise<readonly EvidenceRecord[]> {
    return edge.evidence ?? this.loaders.edgeEvidence.load(edge.id);
  }

  /**
   * The entity at the other end of a relation: the record that came with it (no promise, no loader
   * lookup: a nested list resolves hundreds of these), else read by id.
   */
  otherEnd(relation: RelationRecord): EntityRecord | Promise<EntityRecord> {
    const { asOf } = relation;
    if (relation.other) return relation.other;
    if (asOf === undefined) return this.requireEntity(relation.otherId);
    return this.requireEntity(relation.otherId).then((entity) => ({ ...entity, asOf }));
  }

  /** An entity that must exist, such as the other end of a stored relationship. */
  async requireEntity(id: string): Promise<EntityRecord> {
    const entity = await this.loaders.entity.load(id);
    if (entity === null) throw new NotFoundError(`entity ${id} not found`);
    return entity;
  }

  /**
   * The entities `name` names, trying in turn (docs/names.md), the first that finds any wins:
   * 1. the document's name forms (Chinese name, English name, alias), ignoring case, full/half
   *    width and repeated spaces;
   * 2. the same in simplified characters (電子科技大學 → 电子科技大学);
   * 3. later names, outside knowledge (双流区 → 双流县), as typed or simplified;
   * 4. pinyin, when the name holds no Chinese character: without tones, spaces or case
   *    (dianzi keji daxue, Diàn Zǐ Kē Jì Dà Xué → 电子科技大学).
   * All of it is one read of the name-form index. More than one result means the name is
   * ambiguous (in the sources, or as pinyin).
   */
  async resolve(name: string): Promise<EntityRecord[]> {
    const key = normalizeName(name);
    if (key.length === 0) throw new BadUserInputError("name must not be empty", "name");
    if (key.length > 200)
      throw new BadUserInputError("name must be at most 200 characters", "name");
    const simplified = normalizeName(toSimplified(key));
    const pinyin = pinyinQueryKey(key);
    const [exact, folded, spelt] = await Promise.all([
      this.loaders.byName.load(key),
      simplified === key ? Promise.resolve([]) : this.loaders.byName.load(simplified),
      pinyin === null ? Promise.resolve([]) : this.loaders.byName.load(pinyin),
    ]);
    const tiers = [
      exact.filter(({ via }) => via === "name"),
      folded.filter(({ via }) => via === "name"),
      [...exact, ...folded].filter(({ via }) => via === "later"),
      spelt.filter(({ via }) => via === "pinyin"),
    ];
    const found = tiers.find((tier) => tier.length > 0) ?? [];
    const seen = new Set<string>();
    const entities = found
      .map(({ entity }) => entity)
      .filter((entity) => !seen.has(entity.id) && seen.add(entity.id) !== undefined);
    if (entities.length > 0 || pinyin === null || pinyin.length < MIN_PINYIN_PREFIX) {
      return entities;
    }
    // (5) The start of one entity's pinyin and of no other's: shuangliu → 双流县 (shuangliuxian).
    const started = await this.pinyinPrefix(name);
    const ids = new Set(started.map(({ entity }) => entity.id));
    return ids.size === 1 && started[0] !== undefined ? [started[0].entity] : [];
  }

  /**
   * Entities one of whose pinyin keys starts with `name` folded as pinyin (shuangliu →
   * 双流县's shuangliuxian), the shortest key first; none when `name` is not pinyin.
   */
  async pinyinPrefix(name: string): Promise<readonly PinyinMatch[]> {
    const prefix = pinyinQueryKey(name);
    if (prefix === null || prefix.length < 2) return [];
    return this.loaders.byPinyinPrefix.load(prefix);
  }

  /** Relationships of an entity, optionally of some types and one direction. */
  async relations(
    id: string,
    types: readonly string[] | null,
    direction: DirectionValue | null,
    first: number,
    asOf?: string,
  ): Promise<RelationRecord[]> {
    checkFirst(first);
    for (const type of types ?? []) {
      if (!RELATION_TYPES.includes(type)) {
        throw new BadUserInputError(`unknown relationship type ${type}`, "types");
      }
    }
    const directions: DirectionValue[] = direction === null ? ["OUT", "IN"] : [direction];
    const typeList: (string | null)[] =
      types === null || types.length === 0 ? [null] : [...new Set(types)];
    const read = async (limit: number): Promise<RelationRecord[]> => {
      const lists = await Promise.all(
        directions.flatMap((dir) =>
          typeList.map((type) => this.loaders.relations.load({ id, type, direction: dir, limit })),
        ),
      );
      return lists.flat();
    };
    const notStated = await this.notStatedBy(asOf);
    if (notStated !== null) return this.asOfRelations(notStated, first, read);
    return (await read(first)).slice(0, first);
  }

  /**
   * The relations behind a typed field such as University.coBuiltInstitutes: the union of its
   * (type, direction) links, optionally only to entities of some kinds, without repeats; at most
   * `first`, read as `reading` says.
   */
  async linked(
    id: string,
    { links, kinds }: LinkedField,
    first: number,
    { next = [], asOf, brief = false, names = false, bare = false }: LinkedReading = {},
  ): Promise<RelationRecord[]> {
    checkFirst(first);
    const read = async (limit: number, ahead: readonly PrefetchLink[]) => {
      const lists = await Promise.all(
        links.map((link) =>
          this.loaders.relations.load({
            id,
            type: link.type,
            direction: link.direction,
            limit,
            next: ahead,
            brief,
            names,
            bare,
          }),
        ),
      );
      const seen = new Set<string>();
      return lists
        .flat()
        .filter((relation) => kinds === undefined || kinds.includes(relation.otherKind))
        .filter((relation) => !seen.has(relation.id) && seen.add(relation.id) !== undefined);
    };
    const notStated = await this.notStatedBy(asOf);
    // As of a day, no read-ahead: the level below filters what it reads too (see `entity`).
    if (notStated !== null) return this.asOfRelations(notStated, first, (limit) => read(limit, []));
    return (await read(first, next)).slice(0, first);
  }

  /**
   * How many relationships `relations(types, direction)` lists with no limit: every type of the
   * vocabulary when `types` is null or empty, both directions when `direction` is null. One batched
   * query for every count of a request level.
   */
  relationCount(
    id: string,
    types: readonly string[] | null,
    direction: DirectionValue | null,
    asOf?: string,
  ): Promise<number> {
    for (const type of types ?? []) {
      if (!RELATION_TYPES.includes(type)) {
        throw new BadUserInputError(`unknown relationship type ${type}`, "types");
      }
    }
    const followed = [...new Set(types === null || types.length === 0 ? RELATION_TYPES : types)];
    followed.sort();
    return this.count(
      {
        id,
        outTypes: direction === "IN" ? [] : followed,
        inTypes: direction === "OUT" ? [] : followed,
        kinds: null,
      },
      asOf,
    );
  }

  /**
   * How many relationships a typed field such as University.coBuiltInstitutes lists with no limit
   * (as of a day: what it lists as of that day).
   */
  linkedCount(id: string, { links, kinds }: LinkedField, asOf?: string): Promise<number> {
    const typesOf = (direction: DirectionValue): string[] =>
      [
        ...new Set(links.filter((link) => link.direction === direction).map((link) => link.type)),
      ].sort();
    return this.count(
      {
        id,
        outTypes: typesOf("OUT"),
        inTypes: typesOf("IN"),
        kinds: kinds === undefined ? null : [...kinds].sort(),
      },
      asOf,
    );
  }

  /**
   * A count through the request's batched loader; as of a day, less what no document had stated by
   * then (one more read per day asked about). Without a day, no detour: counts are many per level.
   */
  private count(key: CountKey, asOf: string | undefined): Promise<number> {
    if (asOf === undefined) return this.loaders.relationCount.load(key);
    return this.notStatedBy(asOf).then((notStated) =>
      this.loaders.relationCount.load(
        notStated === null
          ? key
          : { ...key, asOf: { day: notStated.asOf, hidden: hiddenIdsOf(notStated) } },
      ),
    );
  }
}

/** Links to read with an entity whose kind is not known yet, each with what to read after it. */
export interface PrefetchPlan extends PrefetchLink {
  readonly next: readonly PrefetchLink[];
}

/** One stored relationship type followed in one direction. */
export interface LinkSpec {
  readonly type: string;
  readonly direction: DirectionValue;
}

/** What a typed relationship field follows (a RelationFieldSpec's links and kinds). */
export interface LinkedField {
  readonly links: readonly LinkSpec[];
  /** Only relations to entities of these kinds; all kinds when undefined. */
  readonly kinds?: readonly string[];
}

/** How a typed field's relations are read. */
export interface LinkedReading {
  /** Links the caller will ask for next, from the entities found: the same round trip reads them. */
  readonly next?: readonly PrefetchLink[];
  /** Read as of this day (YYYY-MM-DD): then without reading ahead. */
  readonly asOf?: string;
  /** The caller asks the entities found for none of BRIEF_LEAVES_OUT. */
  readonly brief?: boolean;
  /** Nor for any of NAMES_LEAVES_OUT: they are read as their names alone. */
  readonly names?: boolean;
  /** The caller asks the links found for none of BARE_LEAVES_OUT. */
  readonly bare?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Refuses, as BAD_USER_INPUT on `argumentName`, a day that is not YYYY-MM-DD of the calendar. */
export function checkDay(value: string, argumentName: string): void {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (
    !DAY.test(value) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== value
  )
    throw new BadUserInputError(`${argumentName} must be a day, YYYY-MM-DD`, argumentName);
}

/** Whether a relationship field accepts this `first`. */
export function isRelationsFirst(value: unknown, max = MAX_RELATIONS_PER_FIELD): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= max;
}

export function checkFirst(
  first: number,
  argumentName = "first",
  max = MAX_RELATIONS_PER_FIELD,
): void {
  if (!isRelationsFirst(first, max)) {
    throw new BadUserInputError(`${argumentName} must be between 1 and ${max}`, argumentName);
  }
}
