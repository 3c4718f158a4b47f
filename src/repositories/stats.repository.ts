import type { Queries } from "../db/database";
import type { GraphCounts } from "../model/records";

/** Whole-graph figures. */
export class StatsRepository {
  constructor(private readonly db: Queries) {}

  async counts(): Promise<GraphCounts> {
    const [row] = await this.db.read("graph-counts");
    return {
      entities: Number(row?.entities ?? 0),
      relationships: Number(row?.relationships ?? 0),
      documents: Number(row?.documents ?? 0),
    };
  }
}
