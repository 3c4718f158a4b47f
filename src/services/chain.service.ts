import { BadUserInputError } from "../errors";
import { checkRange } from "./arguments";
import type { EdgeRecord, EntityRecord } from "../model/records";
import type { ChainRepository, ChainRow } from "../repositories/chain.repository";

export const CHAIN_STAGES = [
  "ROADMAPS",
  "PROJECTS",
  "INSTITUTIONS",
  "CARRIERS",
  "SUPPORT",
] as const;
export type ChainStageKey = (typeof CHAIN_STAGES)[number];

export const STAGE_TITLES: Readonly<Record<ChainStageKey, string>> = {
  ROADMAPS: "Technology roadmaps (技术路线图)",
  PROJECTS: "Collaborative projects and bases, with leads and participants (协同创新项目)",
  INSTITUTIONS: "Universities, research institutes and enterprises (高校、院所与企业)",
  CARRIERS: "Carriers, parks and bases, with their districts (载体与所在区县)",
  SUPPORT: "Platforms, funds, policies and tasks that support the chain (平台、资金与政策)",
};

export interface ChainMemberRecord {
  readonly role: string;
  readonly entity: EntityRecord;
  readonly edge: EdgeRecord;
}

export interface ChainItemRecord {
  readonly entity: EntityRecord;
  readonly roles: readonly string[];
  /** The relationships that tie the item to the industry, nearest the item first. */
  readonly via: readonly EdgeRecord[];
  /** For a project: its leads, participants and owner; for a carrier: its district and university. */
  readonly members: readonly ChainMemberRecord[];
}

export interface ChainStageRecord {
  readonly key: ChainStageKey;
  readonly title: string;
  readonly empty: boolean;
  /** True when a branch of the stage reached the `first` cap, so more items exist. */
  readonly truncated: boolean;
  readonly items: readonly ChainItemRecord[];
}

export interface InnovationChainRecord {
  readonly industry: EntityRecord;
  readonly stages: readonly ChainStageRecord[];
}

const INSTITUTION_KINDS = new Set(["University", "ResearchInstitute", "Enterprise"]);
const SUPPORT_KINDS = new Set([
  "Platform",
  "Fund",
  "Policy",
  "Program",
  "Mechanism",
  "GovernmentBody",
]);
/** Roles that make an item a member of the roadmap, project or carrier it was reached through. */
const MEMBER_ROLES = new Set(["lead", "participant", "owner", "district", "university"]);

/** Which stage a row belongs to, by how it is tied to the industry and what kind it is. */
function stageOf(row: ChainRow): ChainStageKey | null {
  switch (row.role) {
    case "roadmap":
      return "ROADMAPS";
    case "project":
      return "PROJECTS";
    case "carrier":
      return "CARRIERS";
    case "event-host":
    case "university":
      return "INSTITUTIONS";
    case "supporter":
    case "platform":
    case "task":
      return SUPPORT_KINDS.has(row.kind) ? "SUPPORT" : null;
    case "focus":
    case "lead":
    case "participant":
    case "owner":
      if (INSTITUTION_KINDS.has(row.kind)) return "INSTITUTIONS";
      return row.role === "focus" && SUPPORT_KINDS.has(row.kind) ? "SUPPORT" : null;
    default:
      return null;
  }
}

function mergeEdges(a: readonly EdgeRecord[], b: readonly EdgeRecord[]): EdgeRecord[] {
  const byId = new Map(a.map((edge) => [edge.id, edge]));
  for (const edge of b) byId.set(edge.id, edge);
  return [...byId.values()];
}

export const DEFAULT_CHAIN_FIRST = 100;
export const MAX_CHAIN_FIRST = 500;

/** The stage whose items include the given anchor (a roadmap, project or carrier). */
function stageOfAnchor(
  anchors: ReadonlyMap<string, unknown>,
  stages: ReadonlyMap<ChainStageKey, ReadonlyMap<string, unknown>>,
  anchorId: string,
): ChainStageKey | null {
  if (!anchors.has(anchorId)) return null;
  for (const [key, items] of stages) if (items.has(anchorId)) return key;
  return null;
}

/**
 * The innovation chain deployed around an industry (围绕产业链部署创新链), stage by stage. Only what
 * the graph states is listed: a stage with nothing is returned empty, never padded.
 */
export class ChainService {
  constructor(private readonly repository: ChainRepository) {}

  async innovationChain(
    industryId: string,
    first = DEFAULT_CHAIN_FIRST,
  ): Promise<InnovationChainRecord | null> {
    checkRange("first", first, 1, MAX_CHAIN_FIRST);
    // Both at once: the chain query matches only an Industry, so it finds nothing when the check
    // below fails, and it carries every item's entity, so no third round trip is needed.
    const { anchor: industry, rows } = await this.repository.chain(industryId, first);
    if (industry === null) return null;
    if (industry.kind !== "Industry") {
      throw new BadUserInputError(
        `industryId must name an Industry; ${industryId} is a ${industry.kind}`,
        "industryId",
      );
    }
    const entities = new Map(
      rows.flatMap((row) => (row.entity === null ? [] : [[row.id, row.entity] as const])),
    );

    type Draft = {
      entity: EntityRecord;
      roles: Set<string>;
      via: EdgeRecord[];
      members: Map<string, ChainMemberRecord>;
    };
    const stages = new Map<ChainStageKey, Map<string, Draft>>(
      CHAIN_STAGES.map((key) => [key, new Map()]),
    );
    const anchors = new Map<string, Draft>();
    const draftOf = (stage: ChainStageKey, row: ChainRow): Draft | null => {
      const entity = entities.get(row.id);
      if (entity === undefined) return null;
      const items = stages.get(stage);
      if (items === undefined) return null;
      const draft = items.get(row.id) ?? { entity, roles: new Set(), via: [], members: new Map() };
      items.set(row.id, draft);
      return draft;
    };

    for (const row of rows) {
      const stage = stageOf(row);
      if (stage !== null) {
        const draft = draftOf(stage, row);
        if (draft !== null) {
          draft.roles.add(row.role);
          draft.via = mergeEdges(draft.via, row.via);
          if (row.parent === null) anchors.set(row.id, draft);
        }
      }
    }
    // Each branch of the query stops at `first` rows; a group that reached it marks its stage.
    const groupSizes = new Map<string, number>();
    for (const row of rows) {
      const group = `${row.role}|${row.parent ?? ""}`;
      groupSizes.set(group, (groupSizes.get(group) ?? 0) + 1);
    }
    const truncated = new Set<ChainStageKey>();
    for (const row of rows) {
      if ((groupSizes.get(`${row.role}|${row.parent ?? ""}`) ?? 0) < first) continue;
      const stage =
        stageOf(row) ?? (row.parent === null ? null : stageOfAnchor(anchors, stages, row.parent));
      if (stage !== null) truncated.add(stage);
    }

    for (const row of rows) {
      if (row.parent === null || !MEMBER_ROLES.has(row.role)) continue;
      const anchor = anchors.get(row.parent);
      const entity = entities.get(row.id);
      const edge = row.via[0];
      if (anchor === undefined || entity === undefined || edge === undefined) continue;
      anchor.members.set(`${row.role}|${row.id}`, { role: row.role, entity, edge });
    }

    return {
      industry,
      stages: CHAIN_STAGES.map((key) => {
        const items = [...(stages.get(key)?.values() ?? [])]
          .map((draft) => ({
            entity: draft.entity,
            roles: [...draft.roles].sort(),
            via: draft.via,
            members: [...draft.members.values()].sort(
              (a, b) => a.role.localeCompare(b.role) || a.entity.name.localeCompare(b.entity.name),
            ),
          }))
          .sort((a, b) => a.entity.name.localeCompare(b.entity.name));
        return {
          key,
          title: STAGE_TITLES[key],
          empty: items.length === 0,
          truncated: truncated.has(key),
          items,
        };
      }),
    };
  }
}
