import type { GraphCounts } from "../model/records";
import type { StatsRepository } from "../repositories/stats.repository";

/** Whole-graph figures, for the stats query: resolvers ask a service, never a repository. */
export class StatsService {
  constructor(private readonly repository: StatsRepository) {}

  counts(): Promise<GraphCounts> {
    return this.repository.counts();
  }
}
