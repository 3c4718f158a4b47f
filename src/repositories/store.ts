import { RequestBookmarks } from "../db/bookmarks";
import { QueryCounter, type Database, type Transactional } from "../db/database";
import { ChainMapRepository } from "./chain-map.repository";
import { CurationRepository } from "./curation.repository";
import { EntityRepository } from "./entity.repository";
import { IngestRepository } from "./ingest.repository";

/**
 * The database as the layers above repositories hold it: something to build repositories over,
 * never queried directly. Services take a Store and hand it to repositories (eslint.config.mjs
 * keeps src/services out of src/db).
 */
export type Store = Transactional;

/** The whole database, schema and seeding included: what the seeding service writes through. */
export type AdminStore = Database;

/** What the app hands the request layer: a store that gives each request its own view. */
export interface StoreSource {
  scoped(counter: QueryCounter, bookmarks?: RequestBookmarks): Store;
}

/** How many database round trips a request has made so far. */
export interface RoundTrips {
  readonly count: number;
}

/** The bookmarks of the writes a request committed: what its response hands the client. */
export interface WriteBookmarks {
  readonly writes: readonly string[];
}

/**
 * One request's view of the store, the counter of its round trips, and its bookmarks: its
 * sessions start after `after` (bookmarks the client sent) and its writes' bookmarks collect in
 * `bookmarks`.
 */
export function requestStore(
  source: StoreSource,
  after: readonly string[] = [],
): { store: Store; roundTrips: RoundTrips; bookmarks: WriteBookmarks } {
  const counter = new QueryCounter();
  const bookmarks = new RequestBookmarks(after);
  return { store: source.scoped(counter, bookmarks), roundTrips: counter, bookmarks };
}

/** The repositories of one write transaction: everything a unit of work's body may touch. */
export interface TransactionRepositories {
  readonly curation: CurationRepository;
  readonly entities: EntityRepository;
  readonly chainMaps: ChainMapRepository;
  readonly ingest: IngestRepository;
}

/**
 * Runs work in one write transaction over repositories bound to it, so a service composes several
 * writes atomically without ever seeing the transaction. It commits when the work resolves and
 * rolls back when it throws.
 */
export class UnitOfWork {
  constructor(private readonly store: Store) {}

  run<T>(work: (repos: TransactionRepositories) => Promise<T>): Promise<T> {
    return this.store.writeTransaction((tx) =>
      work({
        curation: new CurationRepository(tx),
        entities: new EntityRepository(tx),
        chainMaps: new ChainMapRepository(tx),
        ingest: new IngestRepository(tx),
      }),
    );
  }

  /** The curation repository outside any transaction, for reads (the audit history). */
  curationReads(): CurationRepository {
    return new CurationRepository(this.store);
  }

  /** The ingestion repository outside any transaction, for the review queue and planning reads. */
  ingestReads(): IngestRepository {
    return new IngestRepository(this.store);
  }

  /** The chain-map repository outside any transaction, for the reads an import plans from. */
  chainMapReads(): ChainMapRepository {
    return new ChainMapRepository(this.store);
  }
}
