import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { EdgeRecord, EvidenceContextRecord, EvidenceRecord } from "../model/records";
import type { EntityKind } from "../model/vocabulary";
import type { SearchResult } from "../services/search.service";
import type {
  GraphViewRecord,
  PathSearchView,
  PathView,
  TraceStep as TraceStepRecord,
  ViewNodeRecord,
} from "../services/traversal.service";
import { EntityKindEnum, Evidence, EvidenceContext } from "./common.type";
import type { Context } from "./context";
import { FIRST_STATED, LAST_STATED, RelationTypeEnum } from "./entity.type";
import { AS_OF } from "./lookahead";
import { PathArgs } from "./relation.args";
import { TraceArgs } from "./relation.args";
import {
  GraphEdge,
  GraphNode,
  GraphPath,
  GraphView,
  PathSearch,
  SearchConnection,
  TraceStep,
} from "./traversal.type";

@Resolver()
export class TraversalResolver {
  @Query(() => SearchConnection, {
    description:
      "Ranked full-text search over every name form: Chinese substrings (电子科) and English words (research) (全文搜索).",
  })
  search(
    @Arg("query", () => String, { description: "Words or a Chinese substring (检索词)." })
    query: string,
    @Arg("kinds", () => [EntityKindEnum], {
      nullable: true,
      description: "Only these kinds (类别).",
    })
    kinds: EntityKind[] | null,
    @Arg("first", () => Int, {
      nullable: true,
      description: "Page size, 0 to 100, default 20 (每页数量).",
    })
    first: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor to continue after (游标)." })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<SearchResult> {
    return ctx.services.search.search(query, kinds ?? [], first, after);
  }

  @Query(() => GraphView, {
    nullable: true,
    description:
      "The entities and relationships within depth hops of an entity given by id or by name (one of the two), breadth first; null when the id is unknown (邻域). Each hop follows at most 4 × limit relationships, in the order (type, outgoing before incoming, the other end's name), so a hub shows its first links by name, whatever its degree; a hop that reaches either cap sets truncated and ends the walk.",
  })
  async neighborhood(
    @Arg("id", () => ID, { nullable: true, description: "Start entity (起点)." })
    id: string | null,
    @Arg("name", () => String, {
      nullable: true,
      description: "Or the start entity's name, as resolve takes names (起点名称).",
    })
    name: string | null,
    @Arg("depth", () => Int, { defaultValue: 1, description: "Hops, 1 to 3 (深度)." })
    depth: number,
    @Arg("relationTypes", () => [RelationTypeEnum], {
      nullable: true,
      description: "Only these types (关系类型).",
    })
    relationTypes: string[] | null,
    @Arg("kinds", () => [EntityKindEnum], {
      nullable: true,
      description:
        "Walk only through entities of these kinds: an entity of another kind is neither shown nor passed through, so what lies beyond it is not reached (the start entity is always shown) (只经由这些类别).",
    })
    kinds: EntityKind[] | null,
    @Arg("showKinds", () => [EntityKindEnum], {
      nullable: true,
      description:
        "Walk through every kind (as kinds allows), then show only entities of these kinds and the edges between them: a filter of the result, not of the walk; limit counts the entities walked, so the view may hold fewer (只显示这些类别).",
    })
    showKinds: EntityKind[] | null,
    @Arg("limit", () => Int, {
      defaultValue: 100,
      description: "At most this many nodes, 1 to 500 (节点上限).",
    })
    limit: number,
    @Ctx() ctx: Context,
    @Arg("asOf", () => String, { nullable: true, description: AS_OF }) asOf?: string | null,
  ): Promise<GraphViewRecord | null> {
    const start = await ctx.services.refs.idOf({ id, name }, { id: "id", name: "name" });
    return ctx.services.traversal.neighborhood(
      start,
      depth,
      relationTypes ?? [],
      kinds ?? [],
      limit,
      showKinds ?? [],
      asOf,
    );
  }

  @Query(() => GraphEdge, {
    nullable: true,
    description:
      "One relationship by its edge id (source|TYPE|target, as views and paths give it), with its evidence; null when there is none (按标识查关系).",
  })
  edge(
    @Arg("id", () => ID, {
      description:
        "Edge id, e.g. shuangliu-county|CO_BUILT|uestc-chengdu-research-institute (边标识).",
    })
    id: string,
    @Ctx() ctx: Context,
  ): Promise<EdgeRecord | null> {
    return ctx.services.graph.edge(id);
  }

  @Query(() => [GraphPath], {
    description:
      "The shortest paths between two entities, each given by id or by name, ignoring direction, each hop with its evidence (最短路径). An end with more links than the server's bound (PATH_HUB_BOUND, 1000 by default) is searched through its first links of each type only; pathSearch gives the same paths and says when that happened.",
  })
  async paths(
    @Args(() => PathArgs) args: PathArgs,
    @Ctx() ctx: Context,
  ): Promise<readonly PathView[]> {
    return (await this.pathSearch(args, ctx)).paths;
  }

  @Query(() => PathSearch, {
    description:
      "The shortest paths between two entities, as paths gives them, with whether the search was exhaustive: an end with more links than the server's bound (PATH_HUB_BOUND, 1000 by default) is searched only through its first bound links of each type and direction, in the order relationship fields list them (路径搜索).",
  })
  async pathSearch(
    @Args(() => PathArgs) { fromId, from, toId, to, maxHops, limit, asOf }: PathArgs,
    @Ctx() ctx: Context,
  ): Promise<PathSearchView> {
    const [start, end] = await Promise.all([
      ctx.services.refs.idOf({ id: fromId, name: from }, { id: "fromId", name: "from" }),
      ctx.services.refs.idOf({ id: toId, name: to }, { id: "toId", name: "to" }),
    ]);
    return ctx.services.traversal.pathSearch(start, end, maxHops, limit, asOf);
  }

  @Query(() => [TraceStep], {
    nullable: true,
    description:
      "What supplies an industry or segment, transitively, over UPSTREAM_OF relations (上游追溯).",
    deprecationReason:
      "Use supplyChain: it gives each segment's organisations, filters by district, and says when no chain map is loaded (dataAvailable) where this answers an empty list. Removed in the next release.",
  })
  async upstream(
    @Args(() => TraceArgs) { id, name, depth }: TraceArgs,
    @Ctx() ctx: Context,
  ): Promise<TraceStepRecord[] | null> {
    const start = await ctx.services.refs.idOf({ id, name }, { id: "id", name: "name" });
    return ctx.services.traversal.trace(start, "upstream", depth);
  }

  @Query(() => [TraceStep], {
    nullable: true,
    description:
      "What an industry or segment supplies, transitively, over UPSTREAM_OF relations (下游追溯).",
    deprecationReason:
      "Use supplyChain: it gives each segment's organisations, filters by district, and says when no chain map is loaded (dataAvailable) where this answers an empty list. Removed in the next release.",
  })
  async downstream(
    @Args(() => TraceArgs) { id, name, depth }: TraceArgs,
    @Ctx() ctx: Context,
  ): Promise<TraceStepRecord[] | null> {
    const start = await ctx.services.refs.idOf({ id, name }, { id: "id", name: "name" });
    return ctx.services.traversal.trace(start, "downstream", depth);
  }
}

@Resolver(() => GraphEdge)
export class GraphEdgeResolver {
  @FieldResolver(() => [Evidence], { description: "Passages that state it (证据)." })
  evidence(@Root() edge: EdgeRecord, @Ctx() ctx: Context): Promise<readonly EvidenceRecord[]> {
    return ctx.services.graph.edgeEvidence(edge);
  }

  @FieldResolver(() => String, { nullable: true, description: FIRST_STATED })
  async firstStated(@Root() edge: EdgeRecord, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.services.graph.stated(edge)).firstStated;
  }

  @FieldResolver(() => String, { nullable: true, description: LAST_STATED })
  async lastStated(@Root() edge: EdgeRecord, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.services.graph.stated(edge)).lastStated;
  }
}

@Resolver(() => GraphNode)
export class GraphNodeResolver {
  @FieldResolver(() => Int, {
    description:
      "How many relationships the entity has with other entities in the whole graph, shown or not; as of the query's asOf, those stated by then (关系总数).",
  })
  degree(@Root() node: ViewNodeRecord, @Ctx() ctx: Context): Promise<number> {
    return ctx.services.graph.degree(node.id, node.asOf);
  }

  @FieldResolver(() => Boolean, {
    description:
      "True when the entity has more relationships than this view or path shows: expanding it would add more (可展开).",
  })
  async hasMore(@Root() node: ViewNodeRecord, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.services.graph.degree(node.id, node.asOf)) > node.shownLinks;
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "Title of the source document (文献标题).",
  })
  documentTitle(@Root() evidence: EvidenceRecord, @Ctx() ctx: Context): Promise<string | null> {
    return ctx.services.graph.documentTitle(evidence);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The date of the source document (YYYY-MM-DD); null when it has none (文献日期).",
  })
  date(@Root() evidence: EvidenceRecord, @Ctx() ctx: Context): Promise<string | null> {
    return ctx.services.graph.documentDate(evidence);
  }

  @FieldResolver(() => EvidenceContext, {
    nullable: true,
    description:
      "The quote inside the paragraph of the document that holds it, to show it highlighted in context; null when the document's text is not stored (上下文).",
  })
  context(
    @Root() evidence: EvidenceRecord,
    @Ctx() ctx: Context,
  ): Promise<EvidenceContextRecord | null> {
    return ctx.services.graph.evidenceContext(evidence);
  }
}
