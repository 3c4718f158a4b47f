/**
 * The side panel's sections, each rendered from data into its container: details and evidence,
 * the accessible list of the graph's nodes, filters and the legend. They hold no state; main.ts
 * re-renders them when the data or the language changes.
 */
import type { Citation, EdgeDetail, EntityDetail, Evidence, EvidenceKind } from "./api";
import { button, fill, h } from "./dom";
import { kindColor, type EdgeData, type NodeData } from "./graph";
import { entityName, evidenceKindLabel, linksShown, t, type Labels, type Lang } from "./i18n";

export interface NodeActions {
  readonly open: (id: string) => void;
  readonly openEdge: (id: string) => void;
  readonly expand: (id: string) => void;
  readonly pathFrom: (id: string) => void;
  readonly pathTo: (id: string) => void;
}

/** The quote highlighted inside its context text: context.text with <mark> on [quoteStart, quoteEnd). */
function evidenceBlock(evidence: Evidence, lang: Lang): HTMLElement {
  const context = evidence.context;
  const passage =
    context === null
      ? h("blockquote", {}, h("mark", {}, evidence.quote))
      : h(
          "blockquote",
          {},
          context.text.slice(0, context.quoteStart),
          h("mark", {}, context.text.slice(context.quoteStart, context.quoteEnd)),
          context.text.slice(context.quoteEnd),
        );
  return h(
    "figure",
    { class: "evidence" },
    passage,
    h(
      "figcaption",
      {},
      `${t("document", lang)}: `,
      h("cite", {}, evidence.documentTitle ?? evidence.documentId),
    ),
  );
}

function evidenceList(evidence: readonly Evidence[], lang: Lang): HTMLElement[] {
  return [
    h("h4", {}, t("evidence", lang)),
    ...(evidence.length === 0
      ? [h("p", { class: "muted" }, t("noEvidence", lang))]
      : evidence.map((item) => evidenceBlock(item, lang))),
  ];
}

/**
 * The location as a link when it is an http(s) URL; anything else (a file name, javascript:,
 * data:) as plain text, so a chain map's cell can never become a script or an odd scheme's link.
 */
function locationNode(location: string): HTMLElement {
  let url: URL | null = null;
  try {
    url = new URL(location);
  } catch {
    // A file name or other text: shown as written.
  }
  return url !== null && (url.protocol === "http:" || url.protocol === "https:")
    ? h("a", { href: url.href, target: "_blank", rel: "noopener noreferrer" }, location)
    : h("code", {}, location);
}

/** What an imported fact cites: title, issuer, date, page, location, and the import it came in. */
function citationBlock(citation: Citation, lang: Lang): HTMLElement {
  const row = (label: string, value: Node | string | null): HTMLElement[] =>
    value === null || value === "" ? [] : [h("dt", {}, label), h("dd", {}, value)];
  return h(
    "dl",
    { class: "citation", "data-import-set": citation.importSet },
    row(t("citationTitle", lang), h("cite", {}, citation.title)),
    row(t("issuer", lang), citation.issuer),
    row(t("date", lang), citation.date),
    row(t("page", lang), citation.page),
    row(t("location", lang), locationNode(citation.location)),
    row(t("importSet", lang), citation.importSet),
    row(t("sheet", lang), citation.sheet),
  );
}

/** The sources an imported edge or entity cites, under "Imported from a chain map". */
function citationList(citations: readonly Citation[], lang: Lang): HTMLElement[] {
  return citations.length === 0
    ? []
    : [h("h4", {}, t("importedFrom", lang)), ...citations.map((item) => citationBlock(item, lang))];
}

/**
 * Passages and citations: an imported fact has no passage, so "no evidence passage" is said only
 * when it cites nothing either.
 */
function sources(
  evidence: readonly Evidence[],
  citations: readonly Citation[],
  lang: Lang,
): HTMLElement[] {
  return [
    ...citationList(citations, lang),
    ...(evidence.length > 0 || citations.length === 0 ? evidenceList(evidence, lang) : []),
  ];
}

export function kindChip(kind: string, labels: Labels, lang: Lang): HTMLElement {
  return h(
    "span",
    { class: "chip" },
    h("span", { class: "dot", style: `background:${kindColor(kind)}` }),
    labels.kind(kind, lang),
  );
}

function evidenceKindChip(kind: EvidenceKind, lang: Lang): HTMLElement {
  return h("span", { class: `chip evidence-kind ${kind}` }, evidenceKindLabel(kind, lang));
}

export function renderNodeDetails(
  container: HTMLElement,
  node: NodeData,
  detail: EntityDetail | null,
  edges: readonly EdgeData[],
  nameOf: (id: string) => string,
  expanded: boolean,
  labels: Labels,
  lang: Lang,
  actions: NodeActions,
): void {
  const other = lang === "zh" ? node.nameEn : node.name;
  fill(
    container,
    h("h3", { class: "detail-title" }, entityName(node, lang)),
    other !== null && other !== entityName(node, lang) ? h("p", { class: "muted" }, other) : null,
    h(
      "p",
      {},
      kindChip(node.kind, labels, lang),
      " ",
      h("span", { class: "links-shown" }, linksShown(node.degree, edges.length, lang)),
    ),
    h(
      "div",
      { class: "actions" },
      button(t(expanded ? "expanded" : "expand", lang), () => actions.expand(node.id), {
        disabled: expanded,
      }),
      button(t("pathFrom", lang), () => actions.pathFrom(node.id), { "data-action": "path-from" }),
      button(t("pathTo", lang), () => actions.pathTo(node.id), { "data-action": "path-to" }),
    ),
    detail !== null && detail.aliases.length > 0
      ? h("p", {}, `${t("aliases", lang)}: ${detail.aliases.join("、")}`)
      : null,
    detail?.description !== undefined && detail.description !== null
      ? h("p", {}, detail.description)
      : null,
    h("h4", {}, t("relations", lang)),
    h(
      "ul",
      { class: "relation-list" },
      edges.map((edge) => {
        const outgoing = edge.source === node.id;
        const text = `${outgoing ? "→" : "←"} ${labels.type(edge.type, lang)} ${nameOf(outgoing ? edge.target : edge.source)}`;
        return h(
          "li",
          {},
          button(text, () => actions.openEdge(edge.id), { "data-edge": edge.id }),
        );
      }),
    ),
    detail === null ? null : sources(detail.evidence, detail.citations, lang),
  );
}

export function renderEdgeDetails(
  container: HTMLElement,
  edge: EdgeData,
  detail: EdgeDetail | null,
  nameOf: (id: string) => string,
  labels: Labels,
  lang: Lang,
  open: (id: string) => void,
): void {
  fill(
    container,
    h(
      "h3",
      { class: "detail-title" },
      `${nameOf(edge.source)} → ${labels.type(edge.type, lang)} → ${nameOf(edge.target)}`,
    ),
    h(
      "p",
      {},
      evidenceKindChip(edge.evidenceKind, lang),
      " ",
      h("span", { class: "confidence" }, `${t("confidence", lang)}: ${edge.confidence.toFixed(2)}`),
    ),
    h(
      "div",
      { class: "actions" },
      button(nameOf(edge.source), () => open(edge.source)),
      button(nameOf(edge.target), () => open(edge.target)),
    ),
    // The view already carries an imported edge's citation: shown before edge(id) answers.
    detail === null
      ? citationList(edge.citation === null ? [] : [edge.citation], lang)
      : sources(detail.evidence, detail.citation === null ? [] : [detail.citation], lang),
  );
}

export function renderNodeList(
  container: HTMLElement,
  nodes: readonly NodeData[],
  labels: Labels,
  lang: Lang,
  open: (id: string) => void,
): void {
  fill(
    container,
    ...nodes.map((node) =>
      h(
        "li",
        {},
        button(entityName(node, lang), () => open(node.id), {
          class: "node-item",
          "data-id": node.id,
          title: labels.kind(node.kind, lang),
        }),
        " ",
        h("span", { class: "dot", style: `background:${kindColor(node.kind)}` }),
        h("span", { class: "muted" }, labels.kind(node.kind, lang)),
        node.hasMore ? h("span", { class: "more", title: "hasMore" }, " +") : null,
      ),
    ),
  );
}

function checkboxGroup(
  legend: string,
  values: readonly string[],
  hidden: ReadonlySet<string>,
  label: (value: string) => string,
  swatch: (value: string) => HTMLElement | null,
  toggle: (value: string, visible: boolean) => void,
  name: string,
): HTMLElement {
  return h(
    "fieldset",
    {},
    h("legend", {}, legend),
    values.map((value) => {
      const box = h("input", { type: "checkbox", name, value, checked: !hidden.has(value) });
      box.addEventListener("change", () => toggle(value, box.checked));
      return h("label", { class: "check" }, box, swatch(value), label(value));
    }),
  );
}

export function renderFilters(
  container: HTMLElement,
  kinds: readonly string[],
  types: readonly string[],
  hiddenKinds: ReadonlySet<string>,
  hiddenTypes: ReadonlySet<string>,
  labels: Labels,
  lang: Lang,
  toggleKind: (kind: string, visible: boolean) => void,
  toggleType: (type: string, visible: boolean) => void,
): void {
  fill(
    container,
    checkboxGroup(
      t("kinds", lang),
      kinds,
      hiddenKinds,
      (kind) => labels.kind(kind, lang),
      (kind) => h("span", { class: "dot", style: `background:${kindColor(kind)}` }),
      toggleKind,
      "kind",
    ),
    checkboxGroup(
      t("relationTypes", lang),
      types,
      hiddenTypes,
      (type) => labels.type(type, lang),
      () => null,
      toggleType,
      "type",
    ),
  );
}

export function renderLegend(
  container: HTMLElement,
  kinds: readonly string[],
  labels: Labels,
  lang: Lang,
): void {
  const line = (kind: EvidenceKind): HTMLElement =>
    h("li", {}, h("span", { class: `line ${kind}` }), evidenceKindLabel(kind, lang));
  fill(
    container,
    h(
      "ul",
      { class: "legend-kinds" },
      kinds.map((kind) =>
        h(
          "li",
          {},
          h("span", { class: "dot", style: `background:${kindColor(kind)}` }),
          labels.kind(kind, lang),
        ),
      ),
    ),
    h(
      "ul",
      { class: "legend-lines" },
      line("explicit"),
      line("inferred"),
      line("curated"),
      line("imported"),
      h(
        "li",
        {},
        h("span", { class: "dot more-ring" }),
        lang === "zh" ? "有未显示的关系（+）" : "has more links than shown (+)",
      ),
    ),
  );
}
