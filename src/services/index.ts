import type { Queries } from "../db/database";
import { createLoaders } from "../loaders";
import { EntityRepository } from "../repositories/entity.repository";
import { StatsRepository } from "../repositories/stats.repository";
import { GraphService } from "./graph.service";

/** The domain services a request uses; built per request over that request's database view. */
export interface Services {
  readonly stats: StatsRepository;
  readonly graph: GraphService;
}

/** Builds one request's services, with that request's own DataLoaders. */
export function createServices(db: Queries): Services {
  const entities = new EntityRepository(db);
  const loaders = createLoaders({ entities });
  return { stats: new StatsRepository(db), graph: new GraphService(loaders) };
}
