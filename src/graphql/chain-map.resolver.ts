import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { BadUserInputError } from "../errors";
import type { ImportRecord } from "../model/chain-map";
import type {
  ChainMapRecord,
  ChainSegmentRecord,
  DistrictComparisonRecord,
  SegmentMemberRecord,
  SupplyTraceRecord,
} from "../services/chain-maps/chain-map.service";
import { CHAIN_GAP_LABELS, MAX_SUPPLY_DEPTH } from "../services/chain-maps/chain-map.service";
import { isImportSetName, type ImportResult } from "../services/chain-maps/import.service";
import { parseChainMapFiles } from "../services/chain-maps/parse";
import {
  ChainMapFileInput,
  ChainMapImportRecord,
  ChainMapImportResult,
} from "./chain-map-import.type";
import {
  ChainMapSegment,
  ChainMapView,
  DistrictComparison,
  ResourceStage,
  SegmentMember,
  IndustryArgs,
  SupplyDirection,
  SupplyTrace,
  roleLabel,
} from "./chain-map.type";
import { EvidenceKind } from "./common.type";
import type { Context } from "./context";

/** At most this many changes of each kind come back from an import; the counts say how many. */
const MAX_CHANGES = 1000;
/** What the files of one import may weigh in all, decoded. */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The report's and downloads' paths for an industry (src/http/report.ts serves them). */
export function reportLinks(industryId: string): { html: string; xlsx: string; csv: string } {
  const base = `/report/chain/${encodeURIComponent(industryId)}`;
  return { html: base, xlsx: `${base}.xlsx`, csv: `${base}.csv` };
}

function member(record: SegmentMemberRecord) {
  return { ...record, roleZh: roleLabel(record.role), evidenceKind: EvidenceKind.imported };
}

function segment(record: ChainSegmentRecord) {
  return { ...record, allMembers: record.members.map(member) };
}

function view(record: ChainMapRecord) {
  return {
    ...record,
    segments: record.segments.map(segment),
    gaps: record.gaps.map((gap) => ({
      ...gap,
      label: CHAIN_GAP_LABELS[gap.gap].en,
      labelZh: CHAIN_GAP_LABELS[gap.gap].zh,
    })),
    report: reportLinks(record.industry.id),
  };
}

function importResult(result: ImportResult, dryRun: boolean) {
  const at = (ref: { sheet: string; row: number } | null) => ({
    sheet: ref?.sheet ?? null,
    row: ref?.row ?? null,
  });
  return {
    ...result,
    dryRun,
    problems: [],
    entityChanges: result.entities
      .filter((change) => change.action !== "unchanged")
      .slice(0, MAX_CHANGES)
      .map((change) => ({ ...change, ...at(change.at) })),
    relationshipChanges: result.relationships
      .filter((change) => change.action !== "unchanged")
      .slice(0, MAX_CHANGES)
      .map((change) => ({ ...change, ...at(change.at) })),
  };
}

const NO_COUNTS = { create: 0, update: 0, unchanged: 0, remove: 0 };

@Resolver()
export class ChainMapResolver {
  @Query(() => ChainMapView, {
    description:
      "围绕产业链部署创新链: an industry's chain map segment by segment, each with its enterprises, universities, institutes, platforms, parks, projects, funds and policies, and the gaps; dataAvailable is false (with a note) when no chain map is loaded for it (产业链图谱).",
  })
  async chainMap(
    @Args(() => IndustryArgs) args: IndustryArgs,
    @Ctx() ctx: Context,
  ): Promise<ReturnType<typeof view>> {
    const id = await this.industryId(args, ctx);
    return view(await ctx.services.chainMapViews.chainMap(id));
  }

  @Query(() => SupplyTrace, {
    description:
      "A supply chain traced from a chain segment or an industry, upstream (what supplies it) or downstream, to a depth, with the organisations of each segment, only those of one district when asked (供应链追溯).",
  })
  async supplyChain(
    @Ctx() ctx: Context,
    @Arg("direction", () => SupplyDirection) direction: SupplyDirection,
    @Arg("id", () => ID, { nullable: true, description: "A segment or industry id (起点)." })
    id?: string | null,
    @Arg("name", () => String, {
      nullable: true,
      description: "Or its name, as resolve takes names (名称).",
    })
    name?: string | null,
    @Arg("depth", () => Int, {
      defaultValue: 3,
      description: `Hops, 1 to ${MAX_SUPPLY_DEPTH} (深度).`,
    })
    depth?: number,
    @Arg("district", () => String, {
      nullable: true,
      description: "Only members located in this district, by id or name (区县).",
    })
    district?: string | null,
  ): Promise<SupplyTraceRecord & { steps: unknown[] }> {
    const start = await ctx.services.refs.idOf({ id, name }, { id: "id", name: "name" }, [
      "ChainSegment",
      "Industry",
    ]);
    const districtId =
      district === null || district === undefined
        ? null
        : await ctx.services.refs.filterId(district, "district", ["District"]);
    const trace = await ctx.services.chainMapViews.supplyChain(
      start,
      direction,
      depth ?? 3,
      districtId,
    );
    return {
      ...trace,
      steps: trace.steps.map((step) => ({
        ...step,
        segment: segment(step.segment),
        members: step.members.map(member),
      })),
    };
  }

  @Query(() => DistrictComparison, {
    description:
      "Districts compared on an industry's chain: per district, its members by stage and by segment (区县对比).",
  })
  async chainDistricts(
    @Args(() => IndustryArgs) args: IndustryArgs,
    @Ctx() ctx: Context,
  ): Promise<DistrictComparisonRecord> {
    const id = await this.industryId(args, ctx);
    return ctx.services.chainMapViews.districtComparison(id);
  }

  @Authorized("editor")
  @Query(() => [ChainMapImportRecord], {
    description: "The records of a chain map's imports, newest first; editor role (导入记录).",
  })
  chainMapImports(
    @Arg("importSet", () => String) importSet: string,
    @Ctx() ctx: Context,
  ): Promise<ImportRecord[]> {
    return ctx.services.chainMaps.history(importSet);
  }

  @Authorized("editor")
  @Mutation(() => ChainMapImportResult, {
    description:
      "Import a chain map (an .xlsx workbook or .csv tables, see docs/chain-maps.md): a dry run (the default) returns the diff; otherwise it is written all or nothing, or refused with every bad row and conflict named; editor role (导入链图).",
  })
  async importChainMap(
    @Arg("files", () => [ChainMapFileInput]) files: ChainMapFileInput[],
    @Ctx() ctx: Context,
    @Arg("importSet", () => String, {
      nullable: true,
      description:
        "The chain map's name: what it owns, replaced when imported again; default the first file's name without its extension (导入集).",
    })
    importSet?: string | null,
    @Arg("dryRun", () => Boolean, {
      defaultValue: true,
      description: "Only compute the diff (试运行).",
    })
    dryRun?: boolean,
  ) {
    const decoded = files.map((file) => ({
      name: file.name,
      bytes: Buffer.from(file.contentBase64, "base64"),
    }));
    const size = decoded.reduce((sum, file) => sum + file.bytes.length, 0);
    if (size === 0) throw new BadUserInputError("the files are empty", "files");
    if (size > MAX_IMPORT_BYTES)
      throw new BadUserInputError(`the files weigh more than ${MAX_IMPORT_BYTES} bytes`, "files");
    const first = decoded[0]?.name ?? "chain-map";
    const name = importSet ?? first.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
    if (!isImportSetName(name))
      throw new BadUserInputError(
        "importSet must be 1 to 100 letters, digits, spaces, dots, underscores or dashes",
        "importSet",
      );
    const parsed = await parseChainMapFiles(decoded, first);
    const isDry = dryRun ?? true;
    if (!parsed.ok)
      return {
        applied: false,
        dryRun: isDry,
        importSet: name,
        fileName: first,
        checksum: "",
        importId: null,
        problems: parsed.problems,
        conflicts: [],
        entityCounts: NO_COUNTS,
        relationshipCounts: NO_COUNTS,
        alreadyStated: 0,
        keptEntities: 0,
        entityChanges: [],
        relationshipChanges: [],
      };
    const options = { importSet: name, actor: ctx.principal.id };
    const result = isDry
      ? {
          ...(await ctx.services.chainMaps.plan(parsed.map, options)),
          applied: false,
          importId: null,
          keptEntities: 0,
        }
      : await ctx.services.chainMaps.apply(parsed.map, options);
    return importResult(result, isDry);
  }

  private industryId(args: IndustryArgs, ctx: Context): Promise<string> {
    return ctx.services.refs.idOf(
      { id: args.industryId, name: args.industry },
      { id: "industryId", name: "industry" },
      ["Industry"],
    );
  }
}

/** The largest page of a segment's members one field gives. */
export const MAX_SEGMENT_MEMBERS = 5000;

@Resolver(() => ChainMapSegment)
export class ChainMapSegmentResolver {
  @FieldResolver(() => [SegmentMember], {
    description:
      "Its organisations and resources, by name, at most `first`; memberCount says how many there are (环节主体).",
  })
  members(
    @Root() root: { allMembers: SegmentMember[] },
    @Arg("first", () => Int, {
      defaultValue: 100,
      description: `At most this many, 1 to ${MAX_SEGMENT_MEMBERS} (数量上限).`,
    })
    first: number,
    @Arg("stage", () => ResourceStage, {
      nullable: true,
      description: "Only members of this stage (资源类别).",
    })
    stage?: ResourceStage | null,
  ): SegmentMember[] {
    if (!Number.isInteger(first) || first < 1 || first > MAX_SEGMENT_MEMBERS)
      throw new BadUserInputError(
        `first must be between 1 and ${MAX_SEGMENT_MEMBERS} (got ${first})`,
        "first",
      );
    const listed =
      stage === null || stage === undefined
        ? root.allMembers
        : root.allMembers.filter((m) => m.stage === (stage as string));
    return listed.slice(0, first);
  }

  @FieldResolver(() => Int, {
    description: "How many members it has, whatever `first` (主体总数).",
  })
  memberCount(@Root() root: { allMembers: SegmentMember[] }): number {
    return root.allMembers.length;
  }
}
