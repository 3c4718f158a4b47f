import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Citation, EntityKindEnum, Evidence, EvidenceKind } from "./common.type";
import { EntityInterface, RelationTypeEnum } from "./entity.type";
import type { EntityKind } from "../model/vocabulary";

@ObjectType({ description: "A node of a relationship view, ready to draw (图节点)." })
export class GraphNode {
  @Field(() => ID, { description: "Stable entity id (标识)." })
  id!: string;

  @Field(() => EntityKindEnum, { description: "Kind (类别)." })
  kind!: EntityKind;

  @Field(() => String, { description: "Chinese name (中文名称)." })
  name!: string;

  @Field(() => String, { nullable: true, description: "English name (英文名称)." })
  nameEn?: string | null;

  @Field(() => Int, {
    description:
      "Hops from the start: from the view's start entity in a neighbourhood, from the path's first entity in a path (层级).",
  })
  depth!: number;
}

@ObjectType({ description: "An edge of a relationship view or path, with its evidence (图边)." })
export class GraphEdge {
  @Field(() => ID, { description: "Stable edge id: source|TYPE|target (边标识)." })
  id!: string;

  @Field(() => RelationTypeEnum, { description: "Relationship type (关系类型)." })
  type!: string;

  @Field(() => ID, { description: "Source node id (起点)." })
  source!: string;

  @Field(() => ID, { description: "Target node id (终点)." })
  target!: string;

  @Field(() => EvidenceKind, { description: "explicit or inferred (证据类型)." })
  evidenceKind!: EvidenceKind;

  @Field(() => Float, { description: "Confidence from 0 to 1 (置信度)." })
  confidence!: number;

  @Field(() => Citation, {
    nullable: true,
    description: "The source an imported edge cites (evidenceKind imported) (导入来源).",
  })
  citation?: Citation | null;

  @Field(() => [Evidence], { description: "Passages that state it (证据)." })
  evidence!: Evidence[];
}

@ObjectType({
  description:
    "Nodes and edges around an entity, ready for Cytoscape.js or G6 (关系视图). truncated is true when the limit cut it.",
})
export class GraphView {
  @Field(() => [GraphNode], { description: "Nodes, the start entity included (节点)." })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: "Edges between the nodes (边)." })
  edges!: GraphEdge[];

  @Field(() => Boolean, {
    description: "True when more nodes or edges exist beyond the limit (是否截断).",
  })
  truncated!: boolean;
}

@ObjectType({
  description: "A shortest path between two entities, hop by hop with evidence (最短路径).",
})
export class GraphPath {
  @Field(() => Int, { description: "Number of hops (跳数)." })
  length!: number;

  @Field(() => [GraphNode], { description: "Entities along the path, in order (途经实体)." })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], {
    description: "Hops in order; each edge keeps its stored direction (各跳关系).",
  })
  hops!: GraphEdge[];
}

@ObjectType({
  description:
    "Shortest paths between two entities, and whether the search behind them was exhaustive (路径搜索结果).",
})
export class PathSearch {
  @Field(() => [GraphPath], {
    description: "The shortest paths found, as paths gives them (最短路径).",
  })
  paths!: GraphPath[];

  @Field(() => Boolean, {
    description:
      "True when every link of both ends was searched, so paths are all the shortest paths (up to limit); false when an end has more links than the bound and only its first ones were searched: a shorter path through its other links may exist (是否穷尽).",
  })
  exhaustive!: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      "How many links of each type, in each direction, were searched from each end in boundedEnds: the first ones in the order relationship fields list them (the other end's name). Null when exhaustive (每类关系上限).",
  })
  bound?: number | null;

  @Field(() => [ID], {
    description:
      "The ends (fromId, toId or both) that have more links than the bound; empty when exhaustive (受限端点).",
  })
  boundedEnds!: string[];
}

@ObjectType({ description: "One step of a supply-chain trace (产业链追溯步骤)." })
export class TraceStep {
  @Field(() => EntityInterface, { description: "The entity reached (到达实体)." })
  entity!: EntityInterface;

  @Field(() => Int, { description: "Hops from the start (层级)." })
  depth!: number;

  @Field(() => GraphEdge, { description: "The supply relation that reached it (经由关系)." })
  via!: GraphEdge;
}

@ObjectType({ description: "Where in a text a term of the query stands (命中位置)." })
export class TextSpan {
  @Field(() => Int, { description: "Start, in UTF-16 code units (起点)." })
  start!: number;

  @Field(() => Int, { description: "End, exclusive (终点)." })
  end!: number;
}

@ObjectType({
  description: "What a search hit matched, to show it highlighted (命中内容).",
})
export class SearchMatch {
  @Field(() => String, {
    description:
      "name, nameEn or alias (one of the entity's name forms), or relationship: the own properties of one of its relationships, such as 首批试点高校 on PILOT_OF (命中字段).",
  })
  field!: string;

  @Field(() => RelationTypeEnum, {
    nullable: true,
    description: "The relationship's type when field is relationship (关系类型).",
  })
  relationType?: string | null;

  @Field(() => String, { description: "The text that matched (命中文本)." })
  text!: string;

  @Field(() => [TextSpan], {
    description:
      "Where the query's terms stand in text, in order; empty when only parts of a term matched (高亮位置).",
  })
  spans!: TextSpan[];
}

@ObjectType({ description: "A search hit (搜索结果)." })
export class SearchEdge {
  @Field(() => EntityInterface, { description: "The entity found (实体)." })
  node!: EntityInterface;

  @Field(() => Float, { description: "Relevance score, higher is better (相关度)." })
  score!: number;

  @Field(() => SearchMatch, {
    description:
      "What matched: a name form of the entity, or a property of one of its relationships, with the terms' places for highlighting (命中内容).",
  })
  match!: SearchMatch;

  @Field(() => String, { description: "Cursor of this hit (游标)." })
  cursor!: string;
}

@ObjectType({ description: "Relay page information (分页信息)." })
export class PageInfo {
  @Field(() => Boolean, { description: "More items after this page (有下一页)." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "Items before this page (有上一页)." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item (起始游标)." })
  startCursor?: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item (结束游标)." })
  endCursor?: string | null;
}

@ObjectType({ description: "Ranked full-text search results, a Relay connection (搜索结果连接)." })
export class SearchConnection {
  @Field(() => Int, {
    description: "Number of hits in all; a floor when exhaustive is false (命中总数).",
  })
  totalCount!: number;

  @Field(() => Boolean, {
    description:
      "True when every hit was read and ranked; false when a full-text index had more hits than the server reads (SEARCH_HIT_BOUND, 1000 by default, or down to the end of a deeper page): the hits are the best it gave, totalCount counts those, and an entity named exactly as typed still comes first (是否穷尽).",
  })
  exhaustive!: boolean;

  @Field(() => [SearchEdge], { description: "Hits of this page, best first (本页结果)." })
  edges!: SearchEdge[];

  @Field(() => PageInfo, { description: "Page information (分页信息)." })
  pageInfo!: PageInfo;
}
