import type { Principal } from "../auth/principal";
import { createLoaders } from "../loaders";
import { ChainRepository } from "../repositories/chain.repository";
import { DocumentRepository } from "../repositories/document.repository";
import { EntityRepository } from "../repositories/entity.repository";
import { ListRepository } from "../repositories/list.repository";
import { SearchRepository } from "../repositories/search.repository";
import { StatsRepository } from "../repositories/stats.repository";
import { TraversalRepository } from "../repositories/traversal.repository";
import {
  requestStore,
  UnitOfWork,
  type RoundTrips,
  type Store,
  type StoreSource,
  type WriteBookmarks,
} from "../repositories/store";
import { ChainService } from "./chain.service";
import { ChainMapImportService } from "./chain-maps/import.service";
import { ChainMapService } from "./chain-maps/chain-map.service";
import { ChainMapReadRepository } from "../repositories/chain-map.repository";
import { CurationService } from "./curation.service";
import { IngestService } from "./ingest/ingest.service";
import { ReviewService } from "./ingest/review.service";
import { GraphService } from "./graph.service";
import { ListService } from "./list.service";
import { EntityRefs } from "./entity-refs";
import { LookupService } from "./lookup.service";
import { SearchService, type SearchSettings } from "./search.service";
import { StatsService } from "./stats.service";
import { TraversalService, type TraversalSettings } from "./traversal.service";
import { DEFAULT_PATH_HUB_BOUND, DEFAULT_SEARCH_HIT_BOUND } from "../model/bounds";

/** The domain services a request uses; built per request over that request's database view. */
export interface Services {
  readonly stats: StatsService;
  readonly graph: GraphService;
  readonly search: SearchService;
  readonly lookup: LookupService;
  /** Ids of the entities that arguments give by id or by name. */
  readonly refs: EntityRefs;
  readonly traversal: TraversalService;
  readonly lists: ListService;
  readonly chains: ChainService;
  readonly curation: CurationService;
  readonly chainMaps: ChainMapImportService;
  readonly chainMapViews: ChainMapService;
  readonly ingest: IngestService;
  readonly review: ReviewService;
}

/** What the services take from the configuration (src/config); the defaults without one. */
export type ServiceSettings = TraversalSettings & SearchSettings;

export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = {
  pathHubBound: DEFAULT_PATH_HUB_BOUND,
  searchHitBound: DEFAULT_SEARCH_HIT_BOUND,
};

/** Builds one request's services, with that request's own DataLoaders. */
export function createServices(
  db: Store,
  principal: Principal,
  settings: ServiceSettings = DEFAULT_SERVICE_SETTINGS,
): Services {
  const entities = new EntityRepository(db);
  const loaders = createLoaders({ entities, documents: new DocumentRepository(db) });
  const graph = new GraphService(loaders, entities);
  const search = new SearchService(new SearchRepository(db), settings);
  const lookup = new LookupService(graph, search);
  const refs = new EntityRefs(graph, lookup);
  const unit = new UnitOfWork(db);
  const curation = new CurationService(unit, principal);
  return {
    stats: new StatsService(new StatsRepository(db)),
    graph,
    search,
    lookup,
    refs,
    traversal: new TraversalService(new TraversalRepository(db), graph, settings),
    lists: new ListService(new ListRepository(db), graph, refs),
    chains: new ChainService(new ChainRepository(db), graph),
    curation,
    chainMaps: chainMapImports(db, graph),
    chainMapViews: new ChainMapService(new ChainMapReadRepository(db)),
    ingest: new IngestService(unit, principal),
    review: new ReviewService(unit, curation, graph, principal),
  };
}

export type { RoundTrips, StoreSource, WriteBookmarks } from "../repositories/store";

/**
 * One request's services over its own view of the database, that view's round-trip count and
 * the bookmarks of its writes.
 */
export interface RequestServices {
  readonly services: Services;
  readonly roundTrips: RoundTrips;
  readonly bookmarks: WriteBookmarks;
}

/**
 * Builds what a request needs from what the app holds (its Database, as a StoreSource): a view of
 * the database that counts this request's round trips and starts its sessions after `after` (the
 * bookmarks the client sent), and the services over it. The GraphQL
 * context is made from this, so src/graphql never touches src/db.
 */
export function createRequestServices(
  source: StoreSource,
  principal: Principal,
  after: readonly string[] = [],
  settings: ServiceSettings = DEFAULT_SERVICE_SETTINGS,
): RequestServices {
  const { store, roundTrips, bookmarks } = requestStore(source, after);
  return { services: createServices(store, principal, settings), roundTrips, bookmarks };
}

/** The chain-map importer over a store: names resolved as `resolve` does, writes in one transaction. */
export function chainMapImports(db: Store, graph: GraphService): ChainMapImportService {
  const work = new UnitOfWork(db);
  return new ChainMapImportService({
    resolve: (name) => graph.resolve(name),
    reads: work.chainMapReads(),
    transaction: (body) => work.run((repos) => body(repos.chainMaps)),
  });
}
