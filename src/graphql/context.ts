import { ANONYMOUS, type Principal } from "../auth/principal";
import type { Database } from "../db/database";
import { QueryCounter } from "../db/database";
import type { Logger } from "../logger";
import { createServices, type Services } from "../services";

/** Everything a resolver may use, made fresh for every request. */
export interface Context {
  readonly requestId: string;
  readonly counter: QueryCounter;
  readonly services: Services;
  readonly logger: Logger;
  /** Who is calling; anonymous unless valid credentials came with the request. */
  readonly principal: Principal;
}

/** Builds a request's context: its own round-trip counter, loaders and services. */
export function createContext(
  db: Database,
  logger: Logger,
  requestId: string,
  principal: Principal = ANONYMOUS,
): Context {
  const counter = new QueryCounter();
  const services = createServices(db.scoped(counter), principal);
  return { requestId, counter, services, logger: logger.child({ requestId }), principal };
}
