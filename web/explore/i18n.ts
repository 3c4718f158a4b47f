/**
 * Words on the page in Chinese (the default) and English. Kind and relationship-type labels come
 * from the API's vocabulary, so the page and the API never disagree on what a type is called.
 */
import type { EntityRef, EvidenceKind, Vocabulary } from "./api";

export type Lang = "zh" | "en";

const STRINGS = {
  title: { zh: "成都创新政策关系浏览", en: "Chengdu innovation policy explorer" },
  searchLabel: { zh: "搜索实体", en: "Search entities" },
  searchPlaceholder: {
    zh: "中文、英文、别名或部分名称…",
    en: "Chinese, English, alias or part of a name…",
  },
  noMatches: { zh: "没有匹配的实体", en: "No matching entity" },
  language: { zh: "English", en: "中文" },
  languageHint: { zh: "Switch to English", en: "切换到中文" },
  depth: { zh: "深度", en: "Depth" },
  limit: { zh: "节点上限", en: "Node limit" },
  export: { zh: "导出", en: "Export" },
  filters: { zh: "筛选", en: "Filters" },
  kinds: { zh: "实体类别", en: "Entity kinds" },
  relationTypes: { zh: "关系类型", en: "Relationship types" },
  legend: { zh: "图例", en: "Legend" },
  details: { zh: "详情与证据", en: "Details and evidence" },
  nodes: { zh: "图中节点", en: "Nodes in the view" },
  path: { zh: "路径", en: "Paths" },
  chain: { zh: "产业创新链", en: "Industry innovation chain" },
  chooseIndustry: { zh: "选择产业", en: "Choose an industry" },
  showChain: { zh: "显示创新链", en: "Show chain" },
  emptyGraph: {
    zh: "在上方搜索一个实体，查看它的关系网络。",
    en: "Search for an entity above to see its relationships.",
  },
  nothingSelected: {
    zh: "点击图中的节点或边查看证据。",
    en: "Click a node or an edge in the graph to see its evidence.",
  },
  loading: { zh: "加载中…", en: "Loading…" },
  ready: { zh: "就绪", en: "Ready" },
  unknownEntity: { zh: "找不到该实体", en: "No such entity" },
  expand: { zh: "展开", en: "Expand" },
  expanded: { zh: "已展开", en: "Expanded" },
  pathFrom: { zh: "从此出发", en: "Path from here" },
  pathTo: { zh: "到此为止", en: "Path to here" },
  from: { zh: "起点", en: "From" },
  to: { zh: "终点", en: "To" },
  maxHops: { zh: "最大跳数", en: "Max hops" },
  findPath: { zh: "查找路径", en: "Find paths" },
  clearPath: { zh: "清除高亮", en: "Clear highlight" },
  notChosen: { zh: "（未选择）", en: "(not chosen)" },
  relations: { zh: "关系", en: "Relationships" },
  evidence: { zh: "原文证据", en: "Evidence" },
  noEvidence: { zh: "没有原文证据", en: "No evidence passage" },
  document: { zh: "文献", en: "Document" },
  confidence: { zh: "置信度", en: "Confidence" },
  aliases: { zh: "别名", en: "Aliases" },
  importedFrom: { zh: "导入的链图", en: "Imported from a chain map" },
  citationTitle: { zh: "来源标题", en: "Source" },
  issuer: { zh: "发布机构", en: "Issuer" },
  date: { zh: "日期", en: "Date" },
  page: { zh: "页码", en: "Page" },
  location: { zh: "网址或文件", en: "URL or file" },
  importSet: { zh: "导入批次", en: "Import set" },
  sheet: { zh: "工作表", en: "Sheet" },
  emptyStage: { zh: "资料未提及", en: "Nothing stated" },
  truncatedStage: { zh: "仅显示前 20 项", en: "Only the first 20 shown" },
  truncatedView: {
    zh: "视图已按上限截断，还有更多关系。",
    en: "The view was cut at the limit; more relationships exist.",
  },
  errorPrefix: { zh: "出错了", en: "Error" },
  dismiss: { zh: "关闭", en: "Dismiss" },
  views: { zh: "视图", en: "Views" },
  tabGraph: { zh: "关系图", en: "Graph" },
  tabReview: { zh: "审核", en: "Review" },
  reviewHeading: { zh: "审核新文献的候选", en: "Review the candidates of new documents" },
  documents: { zh: "文献", en: "Documents" },
  noDocuments: { zh: "还没有文献", en: "No documents yet" },
  untitled: { zh: "（无标题）", en: "(untitled)" },
  editorKey: { zh: "编辑密钥", en: "Editor key" },
  editorKeyHint: {
    zh: "只保存在本标签页（sessionStorage），以 X-API-Key 随审核请求发送。",
    en: "Kept in this tab only (sessionStorage) and sent as X-API-Key with review requests.",
  },
  useKey: { zh: "使用", en: "Use" },
  forgetKey: { zh: "清除", en: "Forget" },
  keySet: { zh: "已设置密钥", en: "Key set" },
  keyNeeded: {
    zh: "查看和审核候选需要编辑密钥（editor 角色）。",
    en: "An editor key (editor role) is needed to see and review the queue.",
  },
  keyRefused: { zh: "密钥被拒绝", en: "The key was refused" },
  chooseDocument: {
    zh: "选择左侧的一份文献查看其候选。",
    en: "Choose a document to see its candidates.",
  },
  queue: { zh: "候选队列", en: "Review queue" },
  status: { zh: "状态", en: "Status" },
  candidateKind: { zh: "候选类型", en: "Kind" },
  minConfidence: { zh: "最低置信度", en: "Min. confidence" },
  all: { zh: "全部", en: "All" },
  pending: { zh: "待审核", en: "pending" },
  accepted: { zh: "已采纳", en: "accepted" },
  rejected: { zh: "已驳回", en: "rejected" },
  merged: { zh: "已合并", en: "merged" },
  entity: { zh: "实体", en: "entity" },
  relationship: { zh: "关系", en: "relationship" },
  fact: { zh: "数据", en: "fact" },
  rule: { zh: "规则", en: "Rule" },
  accept: { zh: "采纳", en: "Accept" },
  editAccept: { zh: "修改后采纳", en: "Edit and accept" },
  reject: { zh: "驳回", en: "Reject" },
  merge: { zh: "合并…", en: "Merge…" },
  reason: { zh: "理由（可选）", en: "Reason (optional)" },
  confirmReject: { zh: "确认驳回", en: "Confirm rejection" },
  mergeInto: { zh: "合并到已有实体", en: "Merge into an existing entity" },
  mergeSearch: { zh: "搜索要合并到的实体…", en: "Search the entity to merge into…" },
  confirmMerge: { zh: "确认合并", en: "Confirm merge" },
  cancel: { zh: "取消", en: "Cancel" },
  name: { zh: "名称", en: "Name" },
  entityKind: { zh: "实体类别", en: "Entity kind" },
  relationType: { zh: "关系类型", en: "Relationship type" },
  acceptAllAbove: { zh: "批量采纳：置信度 ≥", en: "In bulk: confidence ≥" },
  acceptAll: { zh: "全部采纳", en: "Accept all" },
  loadMore: { zh: "加载更多", en: "Load more" },
  emptyQueue: { zh: "没有符合条件的候选", en: "No candidate matches the filters" },
  openInGraph: { zh: "在关系图中打开", en: "Open in the graph" },
  outcome: { zh: "结果", en: "Outcome" },
  refresh: { zh: "刷新", en: "Refresh" },
} as const;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Lang): string {
  return STRINGS[key][lang];
}

const EVIDENCE_KIND: Record<EvidenceKind, { zh: string; en: string }> = {
  explicit: { zh: "原文明确陈述", en: "stated (explicit)" },
  inferred: { zh: "推断", en: "inferred" },
  positional: { zh: "列表位置", en: "positional (place in a list)" },
  curated: { zh: "人工整理", en: "curated" },
  imported: { zh: "链图导入", en: "imported (chain map)" },
};

/** The label of an evidence kind; the enum value itself for one added to the API later. */
export function evidenceKindLabel(kind: EvidenceKind, lang: Lang): string {
  return (EVIDENCE_KIND[kind] as { zh: string; en: string } | undefined)?.[lang] ?? kind;
}

/** "N links, M shown" for a node whose degree is known; just "M shown" otherwise. */
export function linksShown(degree: number | null, shown: number, lang: Lang): string {
  if (degree === null) return lang === "zh" ? `显示 ${shown} 条关系` : `${shown} shown`;
  return lang === "zh"
    ? `共 ${degree} 条关系，显示 ${shown} 条`
    : `${degree} links, ${shown} shown`;
}

export function noPath(maxHops: number, lang: Lang): string {
  return lang === "zh" ? `${maxHops} 跳之内没有路径` : `No path within ${maxHops} hops`;
}

export function pathSummary(count: number, length: number, lang: Lang): string {
  return lang === "zh"
    ? `找到 ${count} 条最短路径，每条 ${length} 跳`
    : `${count} shortest path${count === 1 ? "" : "s"} of ${length} hop${length === 1 ? "" : "s"}`;
}

export function pendingCount(count: number, lang: Lang): string {
  return lang === "zh" ? `${count} 条待审核` : `${count} pending`;
}

export function queueSummary(total: number, shown: number, lang: Lang): string {
  return lang === "zh"
    ? `共 ${total} 条候选，显示 ${shown} 条`
    : `${total} candidate${total === 1 ? "" : "s"}, ${shown} shown`;
}

export function occurrences(count: number, lang: Lang): string {
  return lang === "zh" ? `文中出现 ${count} 次` : `named ${count}× in the text`;
}

export function bulkSummary(accepted: number, skipped: number, lang: Lang): string {
  return lang === "zh"
    ? `已采纳 ${accepted} 条，${skipped} 条未能采纳`
    : `${accepted} accepted, ${skipped} left pending`;
}

export function viewSummary(nodes: number, edges: number, lang: Lang): string {
  return lang === "zh" ? `${nodes} 个节点，${edges} 条边` : `${nodes} nodes, ${edges} edges`;
}

/** Display name of an entity: its English name in English when it has one. */
export function entityName(entity: Pick<EntityRef, "name" | "nameEn">, lang: Lang): string {
  return lang === "en" && entity.nameEn !== null && entity.nameEn !== ""
    ? entity.nameEn
    : entity.name;
}

/** Kind and relationship-type labels from the vocabulary; the enum name until it has loaded. */
export class Labels {
  private readonly kinds = new Map<string, { zh: string; en: string }>();
  private readonly types = new Map<string, { zh: string; en: string }>();

  load(vocabulary: Vocabulary): void {
    for (const kind of vocabulary.kinds) this.kinds.set(kind.kind, kind);
    for (const type of vocabulary.relationTypes) this.types.set(type.type, type);
  }

  kind(kind: string, lang: Lang): string {
    return this.kinds.get(kind)?.[lang] ?? kind;
  }

  type(type: string, lang: Lang): string {
    return this.types.get(type)?.[lang] ?? type;
  }

  /** Every kind the vocabulary knows, in its order. */
  allKinds(): string[] {
    return [...this.kinds.keys()];
  }

  /** Every relationship type the vocabulary knows, in its order. */
  allTypes(): string[] {
    return [...this.types.keys()];
  }
}
