import { ANONYMOUS, type Principal } from "../auth/principal";
import type { Logger } from "../logger";
import {
  createRequestServices,
  type RoundTrips,
  type ServiceSettings,
  type Services,
  type StoreSource,
  type WriteBookmarks,
} from "../services";

/** Everything a resolver may use, made fresh for every request. */
export interface Context {
  readonly requestId: string;
  /** This request's database round trips so far. */
  readonly counter: RoundTrips;
  readonly services: Services;
  readonly logger: Logger;
  /** Who is calling; anonymous unless valid credentials came with the request. */
  readonly principal: Principal;
  /** The bookmarks of this request's committed writes, returned to the client with the response. */
  readonly bookmarks: WriteBookmarks;
}

/**
 * Builds a request's context: its own round-trip counter, loaders and services, reading after
 * `after` (the bookmarks the client sent, none by default).
 */
export function createContext(
  db: StoreSource,
  logger: Logger,
  requestId: string,
  principal: Principal = ANONYMOUS,
  after: readonly string[] = [],
  settings?: ServiceSettings,
): Context {
  const { services, roundTrips, bookmarks } = createRequestServices(db, principal, after, settings);
  return {
    requestId,
    counter: roundTrips,
    services,
    logger: logger.child({ requestId }),
    principal,
    bookmarks,
  };
}
