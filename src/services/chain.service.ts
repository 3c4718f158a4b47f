import { BadUserInputError } from "../errors";
import { checkRange } from "./arguments";
import { hiddenIdsOf, type EdgeRecord, type EntityRecord } from "../model/records";
import type { GraphService } from "./graph.service";
import type { ChainInference, ChainRepository, ChainRow } from "../repositories/chain.repository";

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
  /** True when `edge`, the relationship tying the member to its item, is labelled inferred. */
  readonly inferred: boolean;
  /** What inferred `edge` (its ends, confidence, quotes and note); null when it is not inferred. */
  readonly reason: string | null;
  /** True when the member is a class of actors (a CollectiveActor), not a named organisation. */
  readonly isClass: boolean;
  /** For a research institute: its districts and universities, as its own item lists them. */
  readonly members: readonly ChainMemberRecord[];
}

export interface ChainItemRecord {
  readonly entity: EntityRecord;
  readonly roles: readonly string[];
  /** The relationships that tie the item to the industry, nearest the item first. */
  readonly via: readonly EdgeRecord[];
  /**
   * For a project: its leads, participants and owner; for a carrier or research institute: its
   * districts and universities; for a policy: who issued it.
   */
  readonly members: readonly ChainMemberRecord[];
  /** True when every path that ties the item to the industry has a link labelled inferred. */
  readonly inferred: boolean;
  /** What inferred those links (their ends, confidence, quotes and notes); null when not inferred. */
  readonly reason: string | null;
  /** True when the item is a class of actors (a CollectiveActor), not a named organisation. */
  readonly isClass: boolean;
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
/**
 * Roles that make an item a member of the item it was reached through: a project's leads,
 * participants and owners, a carrier's or institute's districts and universities, a policy's
 * issuers.
 */
const MEMBER_ROLES = new Set(["lead", "participant", "owner", "district", "university", "issuer"]);

/** The kind of a class of actors the text names without naming its members (行业龙头企业). */
const CLASS_KIND = "CollectiveActor";

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
    case "fund":
    case "policy":
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

/** One inferred link, said in a sentence: its ends, confidence, quotes and why (its note). */
export function describeInference(inference: ChainInference): string {
  const quotes = inference.quotes.map((quote) => `“${quote}”`).join(", ");
  const from = quotes === "" ? "" : ` from ${quotes}`;
  const note = inference.note === null ? "" : `: ${inference.note.trim()}`;
  const sentence = `${inference.sourceName} ${inference.type} ${inference.targetName} is inferred (confidence ${inference.confidence})${from}${note}`;
  return /[.。]$/u.test(sentence) ? sentence : `${sentence}.`;
}

function reasonOf(inferences: Iterable<ChainInference>): string | null {
  const sentences = [...inferences].map(describeInference);
  return sentences.length === 0 ? null : sentences.join(" ");
}

const isInferred = (edge: EdgeRecord): boolean => edge.evidenceKind === "inferred";

/** A row's branch, as the query caps them: its role and the item it was reached through. */
const branchOf = (row: ChainRow): string => `${row.role}|${row.parent ?? ""}`;

/** The rows of the first `first` entities of each branch, in the order the query gave them. */
function firstOfEachBranch(rows: readonly ChainRow[], first: number): ChainRow[] {
  const kept = new Map<string, Set<string>>();
  return rows.filter((row) => {
    const ids = kept.get(branchOf(row)) ?? new Set<string>();
    kept.set(branchOf(row), ids);
    if (!ids.has(row.id) && ids.size >= first) return false;
    ids.add(row.id);
    return true;
  });
}

/**
 * The innovation chain deployed around an industry (围绕产业链部署创新链), stage by stage. Only what
 * the graph states is listed: a stage with nothing is returned empty, never padded.
 */
export class ChainService {
  constructor(
    private readonly repository: ChainRepository,
    private readonly graph: GraphService,
  ) {}

  async innovationChain(
    industryId: string,
    first = DEFAULT_CHAIN_FIRST,
    asOf?: string | null,
  ): Promise<InnovationChainRecord | null> {
    checkRange("first", first, 1, MAX_CHAIN_FIRST);
    // As of a day, the query leaves out what no document had stated by then; each branch reads
    // enough more than `first` to make up for what it leaves out, and keeps its first `first`.
    const notStated = await this.graph.notStatedBy(asOf);
    const extra = notStated === null ? 0 : notStated.relationships.size + notStated.touching;
    // Both at once: the chain query matches only an Industry, so it finds nothing when the check
    // below fails, and it carries every item's entity, so no third round trip is needed.
    const read = await this.repository.chain(industryId, first + extra, hiddenIdsOf(notStated));
    const industry =
      notStated === null || read.anchor === null
        ? read.anchor
        : notStated.entities.has(read.anchor.id)
          ? null
          : { ...read.anchor, asOf: notStated.asOf };
    if (industry === null) return null;
    const rows =
      notStated === null
        ? read.rows
        : firstOfEachBranch(read.rows, first).map((row) => ({
            ...row,
            entity: row.entity === null ? null : { ...row.entity, asOf: notStated.asOf },
          }));
    if (industry.kind !== "Industry") {
      throw new BadUserInputError(
        `industryId must name an Industry; ${industryId} is a ${industry.kind}`,
        "industryId",
      );
    }
    const entities = new Map(
      rows.flatMap((row) => (row.entity === null ? [] : [[row.id, row.entity] as const])),
    );

    type MemberDraft = {
      role: string;
      entity: EntityRecord;
      edge: EdgeRecord;
      inference: ChainInference | null;
    };
    type Draft = {
      stage: ChainStageKey;
      entity: EntityRecord;
      roles: Set<string>;
      via: EdgeRecord[];
      /** Each path that reached the item, nearest the item first. */
      paths: EdgeRecord[][];
      /** What inferred the inferred links of those paths, by edge id. */
      inferences: Map<string, ChainInference>;
      members: Map<string, MemberDraft>;
    };
    const stages = new Map<ChainStageKey, Map<string, Draft>>(
      CHAIN_STAGES.map((key) => [key, new Map()]),
    );
    // Every item by id, whatever its stage: the item a member row was reached through.
    const drafts = new Map<string, Draft>();
    const draftOf = (stage: ChainStageKey, row: ChainRow): Draft | null => {
      const entity = entities.get(row.id);
      if (entity === undefined) return null;
      const items = stages.get(stage);
      if (items === undefined) return null;
      const draft = items.get(row.id) ?? {
        stage,
        entity,
        roles: new Set<string>(),
        via: [],
        paths: [],
        inferences: new Map<string, ChainInference>(),
        members: new Map<string, MemberDraft>(),
      };
      items.set(row.id, draft);
      if (!drafts.has(row.id)) drafts.set(row.id, draft);
      return draft;
    };

    for (const row of rows) {
      const stage = stageOf(row);
      if (stage === null) continue;
      const draft = draftOf(stage, row);
      if (draft === null) continue;
      draft.roles.add(row.role);
      draft.via = mergeEdges(draft.via, row.via);
      draft.paths.push([...row.via]);
      for (const inference of row.inferences) draft.inferences.set(inference.edgeId, inference);
    }
    // Each branch of the query stops at `first` rows; a group that reached it marks its stage.
    // Entities are counted once per group: an anchor reached by two paths repeats its members.
    const groups = new Map<string, Set<string>>();
    for (const row of rows) {
      const group = branchOf(row);
      groups.set(group, (groups.get(group) ?? new Set<string>()).add(row.id));
    }
    const truncated = new Set<ChainStageKey>();
    for (const row of rows) {
      if ((groups.get(branchOf(row))?.size ?? 0) < first) continue;
      const stage =
        stageOf(row) ?? (row.parent === null ? null : (drafts.get(row.parent)?.stage ?? null));
      if (stage !== null) truncated.add(stage);
    }

    for (const row of rows) {
      if (row.parent === null || !MEMBER_ROLES.has(row.role)) continue;
      const item = drafts.get(row.parent);
      const entity = entities.get(row.id);
      const edge = row.via[0];
      if (item === undefined || entity === undefined || edge === undefined) continue;
      const inference = isInferred(edge)
        ? (row.inferences.find((found) => found.edgeId === edge.id) ?? null)
        : null;
      item.members.set(`${row.role}|${row.id}`, { role: row.role, entity, edge, inference });
    }

    const byRoleThenName = (a: MemberDraft, b: MemberDraft): number =>
      a.role.localeCompare(b.role) || a.entity.name.localeCompare(b.entity.name);
    const memberOf = (member: MemberDraft, depth: number): ChainMemberRecord => {
      // A research institute brings its districts and universities along (one level only).
      const own =
        depth === 0 && member.entity.kind === "ResearchInstitute"
          ? [...(drafts.get(member.entity.id)?.members.values() ?? [])]
          : [];
      return {
        role: member.role,
        entity: member.entity,
        edge: member.edge,
        inferred: isInferred(member.edge),
        reason: isInferred(member.edge)
          ? member.inference === null
            ? `${member.edge.source} ${member.edge.type} ${member.edge.target} is labelled inferred.`
            : describeInference(member.inference)
          : null,
        isClass: member.entity.kind === CLASS_KIND,
        members: own
          .filter((sub) => sub.role === "district" || sub.role === "university")
          .sort(byRoleThenName)
          .map((sub) => memberOf(sub, depth + 1)),
      };
    };

    return {
      industry,
      stages: CHAIN_STAGES.map((key) => {
        const items = [...(stages.get(key)?.values() ?? [])]
          .map((draft) => {
            const inferred =
              draft.paths.length > 0 && draft.paths.every((path) => path.some(isInferred));
            return {
              entity: draft.entity,
              roles: [...draft.roles].sort(),
              via: draft.via,
              members: [...draft.members.values()]
                .sort(byRoleThenName)
                .map((member) => memberOf(member, 0)),
              inferred,
              reason: inferred ? reasonOf(draft.inferences.values()) : null,
              isClass: draft.entity.kind === CLASS_KIND,
            };
          })
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
