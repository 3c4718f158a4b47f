import DataLoader from "dataloader";
import type { EntityDetails, EntityRecord, EvidenceRecord, RelationRecord } from "../model/records";
import {
  relationKeyString,
  type EntityRepository,
  type RelationKey,
} from "../repositories/entity.repository";

export interface Loaders {
  readonly entity: DataLoader<string, EntityRecord | null>;
  /** Passages and facts of entities whose records came without them; empty for unknown ids. */
  readonly details: DataLoader<string, EntityDetails>;
  /** Evidence of edges read without it, by edge id; empty for unknown ids. */
  readonly edgeEvidence: DataLoader<string, readonly EvidenceRecord[]>;
  readonly byName: DataLoader<string, readonly EntityRecord[]>;
  readonly relations: DataLoader<RelationKey, readonly RelationRecord[], string>;
}

export interface LoaderDeps {
  readonly entities: EntityRepository;
}

/**
 * One set of loaders per request (never shared: a cache across requests would leak one user's view
 * to another and serve stale data after writes). Each batch is one query with UNWIND.
 */
export function createLoaders({ entities }: LoaderDeps): Loaders {
  const entity = new DataLoader<string, EntityRecord | null>(async (ids) => {
    const byId = await entities.byIds(ids);
    return ids.map((id) => byId.get(id) ?? null);
  });
  const relations = new DataLoader<RelationKey, readonly RelationRecord[], string>(
    async (keys) => {
      const { lists, anchors, further } = await entities.relations(keys);
      // The entities the keys start from came too: a later load by id reads them from the cache.
      for (const [id, record] of anchors) entity.prime(id, record);
      // The other ends came with the links: later `node` fields read them from the cache. So
      // did the links one level further that the query asked for: the fields that want them
      // find them in this loader's cache.
      for (const read of further) relations.prime(read.key, read.relations);
      for (const relation of [...lists, ...further.map((read) => read.relations)].flat()) {
        if (relation.other) entity.prime(relation.other.id, relation.other);
      }
      return lists;
    },
    { cacheKeyFn: (key) => `${relationKeyString(key)}|${key.limit}` },
  );
  return {
    entity,
    details: new DataLoader(async (ids) => {
      const byId = await entities.details(ids);
      return ids.map((id) => byId.get(id) ?? { evidence: [], facts: [] });
    }),
    edgeEvidence: new DataLoader(async (ids) => {
      const byId = await entities.edgeEvidence(ids);
      return ids.map((id) => byId.get(id) ?? []);
    }),
    byName: new DataLoader(async (keys) => {
      const byKey = await entities.byNameKeys(keys);
      // The records came whole: later loads by id read them from the cache.
      for (const record of [...byKey.values()].flat()) entity.prime(record.id, record);
      return keys.map((key) => byKey.get(key) ?? []);
    }),
    relations,
  };
}
