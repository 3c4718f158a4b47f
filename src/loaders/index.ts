import DataLoader from "dataloader";
import type {
  DocumentRecord,
  NotStatedRecord,
  EdgeRecord,
  EntityDetails,
  EntityRecord,
  EvidenceRecord,
  RelationRecord,
} from "../model/records";
import type { DocumentRepository } from "../repositories/document.repository";
import {
  relationCacheKey,
  type CountKey,
  type EntityRepository,
  type KeyedRelations,
  type NameMatch,
  type PinyinMatch,
  type RelationKey,
} from "../repositories/entity.repository";

/** How many entities a pinyin prefix brings at most: lookup weighs them for its suggestions. */
export const PINYIN_PREFIX_LIMIT = 50;

export interface Loaders {
  readonly entity: DataLoader<string, EntityRecord | null>;
  /** Passages, facts and later names of entities whose records came without them; empty for unknown ids. */
  readonly details: DataLoader<string, EntityDetails>;
  /** Evidence of edges read without it, by edge id; empty for unknown ids. */
  readonly edgeEvidence: DataLoader<string, readonly EvidenceRecord[]>;
  /** Relationships by edge id, whole with their evidence; null for unknown ids. */
  readonly edge: DataLoader<string, EdgeRecord | null>;
  /** Number of relationships an entity has with other entities; 0 for unknown ids. */
  readonly degree: DataLoader<string, number>;
  /** Source documents with their text; null for unknown ids. */
  readonly document: DataLoader<string, DocumentRecord | null>;
  /** What no document had stated by a day (YYYY-MM-DD), once per day a request asks about. */
  readonly notStatedBy: DataLoader<string, NotStatedRecord>;
  /** The entities a normalised name form names, each with how it names it (name, later, pinyin). */
  readonly byName: DataLoader<string, readonly NameMatch[]>;
  /** Entities one of whose pinyin keys starts with a prefix (at most PINYIN_PREFIX_LIMIT each). */
  readonly byPinyinPrefix: DataLoader<string, readonly PinyinMatch[]>;
  readonly relations: DataLoader<RelationKey, readonly RelationRecord[], string>;
  /** How many relationships match a key (one batched query per request level); 0 for unknown ids. */
  readonly relationCount: DataLoader<CountKey, number, string>;
  /** Keeps entities and links that a query read along with its answer, for later loads. */
  readonly primePrefetched: (read: PrefetchedReads) => void;
}

/** Entities and links one query read beyond what it was asked for. */
export interface PrefetchedReads {
  /** Entities by id (null: known not to exist). */
  readonly startEntities: ReadonlyMap<string, EntityRecord | null>;
  /** Links of keys a field will ask for. */
  readonly reads: readonly KeyedRelations[];
  /** Links already returned, whose other ends a `node` field will ask for. */
  readonly others?: readonly RelationRecord[];
}

export interface LoaderDeps {
  readonly entities: EntityRepository;
  readonly documents: DocumentRepository;
}

/** How the other ends of links may be read, whole to lightest (LinkShape: names only with brief). */
const ENTITY_TIERS = [
  { brief: false, names: false },
  { brief: true, names: false },
  { brief: true, names: true },
] as const;

/** Where a key's other ends stand among ENTITY_TIERS. */
function tierOf(key: RelationKey): number {
  return key.names === true ? 2 : key.brief === true ? 1 : 0;
}

/**
 * One set of loaders per request (never shared: a cache across requests would leak one user's view
 * to another and serve stale data after writes). Each batch is one query with UNWIND.
 */
export function createLoaders({ entities, documents }: LoaderDeps): Loaders {
  const entity = new DataLoader<string, EntityRecord | null>(async (ids) => {
    const byId = await entities.byIds(ids);
    return ids.map((id) => byId.get(id) ?? null);
  });
  const relations = new DataLoader<RelationKey, readonly RelationRecord[], string>(
    async (keys) => {
      // Read-ahead (docs/architecture.md, "Reading ahead"), hop 4: one batch per tick; next,
      // EntityRepository.relations (hop 5), whose answer primePrefetched keeps (hop 7).
      const { lists, startEntities, prefetched } = await entities.relations(keys);
      primePrefetched({ startEntities, reads: prefetched, others: lists.flat() });
      keys.forEach((key, index) => primeLighter(key, lists[index] ?? []));
      return lists;
    },
    { cacheKeyFn: relationCacheKey },
  );
  // A whole read answers a lighter read of the same links too (brief or names ends, bare links:
  // two aliases of one field, one asking for more): keep it under their keys, so the lighter one
  // is not read again.
  const primeLighter = (key: RelationKey, list: readonly RelationRecord[]): void => {
    const read = tierOf(key);
    for (const [tier, ends] of ENTITY_TIERS.entries())
      for (const bare of key.bare === true ? [true] : [false, true])
        if (tier > read || (tier === read && bare !== (key.bare === true)))
          relations.prime({ ...key, ...ends, bare }, list);
  };
  const primePrefetched = ({ startEntities, reads, others = [] }: PrefetchedReads): void => {
    // Read-ahead hop 7 (docs/architecture.md): next, the fields ask the loaders (hop 8).
    // The entities the keys start from came too: a later load by id reads them from the cache.
    // A brief one (a list page's entities, read for a query that asks them for no long field) is not.
    for (const [id, record] of startEntities) if (record?.brief !== true) entity.prime(id, record);
    // The links the query read for fields that will ask for them: those fields find them in
    // this loader's cache, and their `node` fields find the other ends in the entity loader's.
    for (const read of reads) {
      relations.prime(read.key, read.relations);
      primeLighter(read.key, read.relations);
    }
    // A brief record is not kept: a later load by id must give the whole one.
    for (const relation of [...others, ...reads.flatMap((read) => read.relations)]) {
      if (relation.other && relation.other.brief !== true)
        entity.prime(relation.other.id, relation.other);
    }
  };
  return {
    primePrefetched,
    entity,
    details: new DataLoader(async (ids) => {
      const byId = await entities.details(ids);
      return ids.map((id) => byId.get(id) ?? { evidence: [], facts: [], laterNames: [] });
    }),
    edgeEvidence: new DataLoader(async (ids) => {
      const byId = await entities.edgeEvidence(ids);
      return ids.map((id) => byId.get(id) ?? []);
    }),
    edge: new DataLoader(async (ids) => {
      const byId = await entities.edgesByIds(ids);
      return ids.map((id) => byId.get(id) ?? null);
    }),
    degree: new DataLoader(async (ids) => {
      const byId = await entities.degrees(ids);
      return ids.map((id) => byId.get(id) ?? 0);
    }),
    notStatedBy: new DataLoader((days) =>
      Promise.all(days.map((day) => documents.notStatedBy(day))),
    ),
    document: new DataLoader(async (ids) => {
      const byId = await documents.byIds(ids);
      return ids.map((id) => byId.get(id) ?? null);
    }),
    byName: new DataLoader(async (keys) => {
      const byKey = await entities.byNameKeys(keys);
      // The records came whole: later loads by id read them from the cache.
      for (const { entity: record } of [...byKey.values()].flat()) entity.prime(record.id, record);
      return keys.map((key) => byKey.get(key) ?? []);
    }),
    byPinyinPrefix: new DataLoader(async (prefixes) => {
      const byPrefix = await entities.byPinyinPrefixes(prefixes, PINYIN_PREFIX_LIMIT);
      return prefixes.map((prefix) => byPrefix.get(prefix) ?? []);
    }),
    relations,
    relationCount: new DataLoader((keys) => entities.relationCounts(keys), {
      cacheKeyFn: (key) =>
        JSON.stringify([key.id, key.outTypes, key.inTypes, key.kinds, key.asOf?.day ?? null]),
    }),
  };
}
