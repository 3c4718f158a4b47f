import type { Queries } from "../db/database";

export interface GraphCounts {
  readonly entities: number;
  readonly relationships: number;
  readonly documents: number;
}

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
