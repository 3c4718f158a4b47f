import {
  evidenceKindOf,
  type EntityRecord,
  type EvidenceKindValue,
  type EvidenceRecord,
} from "../model/records";
import type { Queries } from "../db/database";
import { asObject, asText, type Plain } from "../db/values";
import { toEntity, toEvidence } from "./entity.repository";

export type ExpandDirection = "OUT" | "IN" | "BOTH";

export interface EdgeRecord {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly evidenceKind: EvidenceKindValue;
  readonly confidence: number;
  readonly evidence: readonly EvidenceRecord[];
}

export interface ExpandedEdge extends EdgeRecord {
  /** The frontier entity the edge was reached from. */
  readonly fromId: string;
  /** The entity at the other end. */
  readonly otherId: string;
  /** Its record, as EntityRepository.byIds reads it. */
  readonly other: EntityRecord;
}

export interface PathRecord {
  readonly nodeIds: readonly string[];
  readonly hops: readonly EdgeRecord[];
}

function toEdge(
  source: string,
  target: string,
  type: string,
  props: Plain | undefined,
  evidence: Plain | undefined,
): EdgeRecord {
  const p = asObject(props);
  return {
    id: typeof p.id === "string" ? p.id : `${source}|${type}|${target}`,
    type,
    source,
    target,
    evidenceKind: evidenceKindOf(p.evidenceKind),
    confidence: typeof p.confidence === "number" ? p.confidence : 1,
    evidence: Array.isArray(evidence) ? evidence.map(toEvidence) : [],
  };
}

/** Graph walks: one hop from a frontier, and shortest paths. */
export class TraversalRepository {
  constructor(private readonly db: Queries) {}

  /** Relationships from a frontier of entities, one hop, at most `limit` of them. */
  async expand(
    ids: readonly string[],
    direction: ExpandDirection,
    types: readonly string[],
    kinds: readonly string[],
    limit: number,
  ): Promise<ExpandedEdge[]> {
    const rows = await this.db.read("expand", { ids, direction, types, kinds, limit });
    return rows.map((row) => {
      const fromId = asText(row.fromId);
      const otherId = asText(row.otherId);
      const outgoing = row.outgoing === true;
      const edge = toEdge(
        outgoing ? fromId : otherId,
        outgoing ? otherId : fromId,
        asText(row.type),
        row.props,
        row.evidence,
      );
      return {
        ...edge,
        fromId,
        otherId,
        other: toEntity({
          entity: row.other ?? null,
          evidence: row.mentions ?? [],
          facts: row.facts ?? [],
        }),
      };
    });
  }

  async shortestPaths(
    fromId: string,
    toId: string,
    maxHops: number,
    types: readonly string[],
    limit: number,
  ): Promise<PathRecord[]> {
    const rows = await this.db.read("shortest-paths", { fromId, toId, maxHops, types, limit });
    return rows.map((row) => ({
      nodeIds: Array.isArray(row.nodeIds) ? row.nodeIds.map(String) : [],
      hops: (Array.isArray(row.hops) ? row.hops : []).map((hop) => {
        const h = asObject(hop);
        return toEdge(asText(h.source), asText(h.target), asText(h.type), h.props, h.evidence);
      }),
    }));
  }
}
