/**
 * The relationship explorer: wires the search box, the graph, the side panels, the innovation
 * chain and the exports to the page's state, which the URL mirrors (state.ts).
 */
// First: it sends the first requests before the modules below (Cytoscape) are evaluated.
import { firstView, vocabularyRequest } from "./boot";
import "./style.css";
import type { Core } from "cytoscape";
import * as api from "./api";
import { fillIndustries, renderChain } from "./chain";
import { byId } from "./dom";
import * as exporter from "./export";
import { Graph } from "./graph";
import { entityName, Labels, t, viewSummary, type Lang, type StringKey } from "./i18n";
import {
  renderEdgeDetails,
  renderFilters,
  renderLegend,
  renderNodeDetails,
  renderNodeList,
  type NodeActions,
} from "./panels";
import { renderPathPanel, type PathPanelState } from "./path";
import { ReviewView } from "./review";
import { readUrl, writeUrl, type UrlState, type View } from "./state";
import { SearchBox } from "./search";

declare global {
  interface Window {
    /** Read-only hook for tests: the Cytoscape instance and the last text export. */
    __explorer?: { readonly cy: Core; readonly lastExport: exporter.ExportRecord | null };
  }
}

const state: UrlState = readUrl();
const labels = new Labels();
const graph = new Graph(byId("cy"), labels, state.lang);

/** Nodes whose depth-1 neighbourhood is already in the drawing. */
const expandedIds = new Set<string>();
type Selection =
  | { kind: "node"; id: string; detail: api.EntityDetail | null }
  | { kind: "edge"; id: string; detail: api.EdgeDetail | null };
let selection: Selection | null = null;
let pathPanel: PathPanelState = { fromId: null, toId: null, maxHops: 4, result: null };
let industries: api.EntityRef[] = [];
let chain: api.InnovationChain | null = null;
let lastExport: exporter.ExportRecord | null = null;
/** Bumped by every new view, so answers for an older view are dropped. */
let generation = 0;
/** The request boot.ts sent for the first view, until loadView takes it. */
let prefetched = firstView;
/** Whether the API cut any of the views drawn since the last full redraw at its limit. */
let truncated = false;
/** A view drawn while the graph was hidden was laid out in an empty box: fit it when shown. */
let drawnHidden = false;

window.__explorer = {
  cy: graph.cy,
  get lastExport() {
    return lastExport;
  },
};

// ---- status and errors -------------------------------------------------------------------

api.onBusyChange((busy) => {
  document.body.dataset.state = busy ? "loading" : "idle";
  byId("status").textContent = t(busy ? "loading" : "ready", state.lang);
});

function showError(error: unknown): void {
  const message =
    error instanceof api.ApiError
      ? `${error.message} (${error.code})`
      : error instanceof Error
        ? error.message
        : String(error);
  byId("error-text").textContent = `${t("errorPrefix", state.lang)}: ${message}`;
  byId("error").hidden = false;
}

function clearError(): void {
  byId("error").hidden = true;
}

byId("error-close").addEventListener("click", clearError);

/** Runs an async action, showing its failure instead of leaving an unhandled rejection. */
function run(action: () => Promise<void>): void {
  action().catch(showError);
}

// ---- names --------------------------------------------------------------------------------

/** The display name of a node in the drawing, or of one a path or chain brought in. */
const knownNames = new Map<string, api.EntityRef>();

function nameOf(id: string): string {
  const entity = graph.node(id) ?? knownNames.get(id);
  return entity === undefined || entity === null ? id : entityName(entity, state.lang);
}

// ---- rendering ----------------------------------------------------------------------------

function applyStaticText(): void {
  const lang = state.lang;
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.querySelectorAll<HTMLElement>("[data-i18n]").forEach((element) => {
    element.textContent = t(element.dataset.i18n as StringKey, lang);
  });
  document.querySelectorAll<HTMLElement>("[data-i18n-label]").forEach((element) => {
    element.setAttribute("aria-label", t(element.dataset.i18nLabel as StringKey, lang));
  });
  const input = byId<HTMLInputElement>("search-input");
  input.placeholder = t("searchPlaceholder", lang);
  const toggle = byId("lang");
  toggle.textContent = t("language", lang);
  toggle.lang = lang === "zh" ? "en" : "zh-CN";
  toggle.title = t("languageHint", lang);
  byId<HTMLSelectElement>("depth").value = String(state.depth);
  byId<HTMLSelectElement>("limit").value = String(state.limit);
}

const nodeActions: NodeActions = {
  open: (id) => openNode(id),
  openEdge: (id) => openEdge(id),
  expand: (id) => run(() => expand(id)),
  pathFrom: (id) => setPathEnd("fromId", id),
  pathTo: (id) => setPathEnd("toId", id),
};

function renderDetails(): void {
  const container = byId("details");
  if (selection === null) {
    container.textContent = t("nothingSelected", state.lang);
    return;
  }
  if (selection.kind === "node") {
    const node = graph.node(selection.id);
    if (node === null) return;
    renderNodeDetails(
      container,
      node,
      selection.detail,
      graph.edgesOf(node.id),
      nameOf,
      expandedIds.has(node.id),
      labels,
      state.lang,
      nodeActions,
    );
  } else {
    const edge = graph.edge(selection.id);
    if (edge === null) return;
    renderEdgeDetails(container, edge, selection.detail, nameOf, labels, state.lang, openNode);
  }
}

function renderPath(): void {
  renderPathPanel(byId("path-panel"), pathPanel, nameOf, state.lang, {
    find: () => run(findPaths),
    clear: () => {
      pathPanel = { ...pathPanel, result: null };
      graph.highlight(new Set());
      renderPath();
    },
    setMaxHops: (maxHops) => {
      pathPanel = { ...pathPanel, maxHops };
    },
  });
}

/** Everything that lists what the drawing holds: node list, filters, legend, summary. */
function refreshPanels(): void {
  const lang = state.lang;
  const visible = graph.visibleNodes();
  renderNodeList(byId("node-list"), visible, labels, lang, (id) => tapNode(id));
  const kinds = graph.kindsPresent();
  const order = labels.allKinds();
  kinds.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  renderFilters(
    byId("filters"),
    kinds,
    graph.typesPresent(),
    state.hiddenKinds,
    state.hiddenTypes,
    labels,
    lang,
    (kind, shown) => toggleFilter(state.hiddenKinds, kind, shown),
    (type, shown) => toggleFilter(state.hiddenTypes, type, shown),
  );
  renderLegend(byId("legend"), kinds, labels, lang);
  const empty = graph.cy.nodes().empty();
  byId("graph-empty").hidden = !empty;
  byId("graph-summary").textContent = empty
    ? ""
    : viewSummary(visible.length, graph.visibleEdges().length, lang) +
      (truncated ? ` · ${t("truncatedView", lang)}` : "");
}

/** Marks, for tests and first-paint figures, the frame that shows the view just changed. */
function drawn(): void {
  if (state.view !== "graph") drawnHidden = true;
  graph.cy.one("render", () => performance.mark("view-drawn"));
}

// ---- graph actions ------------------------------------------------------------------------

/**
 * Draws the view of state.id from scratch. `ready` is what else the first draw needs (the
 * vocabulary): awaited alongside the neighbourhood, so both requests run at once.
 */
async function loadView(ready: Promise<unknown> = Promise.resolve()): Promise<void> {
  const mine = ++generation;
  expandedIds.clear();
  selection = null;
  pathPanel = { ...pathPanel, result: null };
  if (state.id === null) {
    await ready;
    graph.cy.elements().remove();
    truncated = false;
    refreshPanels();
    renderDetails();
    renderPath();
    return;
  }
  const early = prefetched;
  prefetched = null;
  const request =
    early !== null &&
    early.id === state.id &&
    early.depth === state.depth &&
    early.limit === state.limit
      ? early.view
      : api.neighborhood(state.id, state.depth, state.limit);
  const [view] = await Promise.all([request, ready]);
  if (mine !== generation) return;
  if (view === null)
    throw new api.ApiError(`${t("unknownEntity", state.lang)}: ${state.id}`, "NOT_FOUND");
  clearError();
  graph.replace(view);
  truncated = view.truncated;
  graph.applyFilters(state.hiddenKinds, state.hiddenTypes);
  expandedIds.add(state.id);
  drawn();
  refreshPanels();
  renderPath();
  openNode(state.id);
}

/** Adds a node's depth-1 neighbourhood to the drawing, leaving what is there in place. */
async function expand(id: string): Promise<void> {
  if (expandedIds.has(id)) return;
  const mine = generation;
  expandedIds.add(id);
  const view = await api.neighborhood(id, 1, state.limit);
  if (mine !== generation || view === null) return;
  graph.merge(view, id);
  truncated ||= view.truncated;
  graph.applyFilters(state.hiddenKinds, state.hiddenTypes);
  drawn();
  refreshPanels();
  renderDetails();
}

function openNode(id: string): void {
  graph.select(id);
  selection = { kind: "node", id, detail: null };
  renderDetails();
  run(async () => {
    const detail = await api.entity(id);
    if (selection?.kind !== "node" || selection.id !== id) return;
    selection = { kind: "node", id, detail };
    renderDetails();
  });
}

function openEdge(id: string): void {
  graph.select(id);
  selection = { kind: "edge", id, detail: null };
  renderDetails();
  run(async () => {
    const detail = await api.edge(id);
    if (selection?.kind !== "edge" || selection.id !== id) return;
    selection = { kind: "edge", id, detail };
    renderDetails();
  });
}

/** A click on a node (or Enter on its list item): show its evidence and expand it in place. */
function tapNode(id: string): void {
  openNode(id);
  run(() => expand(id));
}

graph.cy.on("tap", "node", (event) => tapNode((event.target as { id(): string }).id()));
graph.cy.on("tap", "edge", (event) => openEdge((event.target as { id(): string }).id()));

/** Shows another entity: a new history entry, so Back returns to the previous one. */
function showEntity(id: string): void {
  state.id = id;
  const wasGraph = state.view === "graph";
  state.view = "graph";
  writeUrl(state, "push");
  if (!wasGraph) applyView();
  run(loadView);
}

// ---- views: graph and review ----------------------------------------------------------------

const reviewView = new ReviewView(byId("review-view"), {
  labels,
  lang: () => state.lang,
  openEntity: (id) => showEntity(id),
});

/** Shows the view state.view names and marks its tab. */
function applyView(): void {
  const review = state.view === "review";
  byId("graph-view").hidden = review;
  byId("review-view").hidden = !review;
  byId("tab-graph").setAttribute("aria-selected", String(!review));
  byId("tab-review").setAttribute("aria-selected", String(review));
  if (review) {
    reviewView.render();
    reviewView.show();
    return;
  }
  graph.cy.resize();
  if (drawnHidden) {
    drawnHidden = false;
    graph.cy.fit(undefined, 30);
  }
}

function switchView(view: View): void {
  if (state.view === view) return;
  state.view = view;
  writeUrl(state, "push");
  applyView();
}

byId("tab-graph").addEventListener("click", () => switchView("graph"));
byId("tab-review").addEventListener("click", () => switchView("review"));

// ---- paths --------------------------------------------------------------------------------

function setPathEnd(end: "fromId" | "toId", id: string): void {
  pathPanel = { ...pathPanel, [end]: id, result: null };
  graph.highlight(new Set());
  renderPath();
}

async function findPaths(): Promise<void> {
  const { fromId, toId, maxHops } = pathPanel;
  if (fromId === null || toId === null) return;
  const mine = generation;
  const found = await api.paths(fromId, toId, maxHops);
  if (mine !== generation) return;
  const ids = new Set<string>();
  for (const path of found) {
    for (const node of path.nodes) knownNames.set(node.id, node);
    graph.addPath(path.nodes, path.hops);
    for (const node of path.nodes) ids.add(node.id);
    for (const hop of path.hops) ids.add(hop.id);
  }
  graph.applyFilters(state.hiddenKinds, state.hiddenTypes);
  graph.highlight(ids);
  pathPanel = { ...pathPanel, result: { maxHops, paths: found } };
  drawn();
  refreshPanels();
  renderPath();
}

// ---- filters, depth, language -------------------------------------------------------------

function toggleFilter(hidden: Set<string>, value: string, shown: boolean): void {
  if (shown) hidden.delete(value);
  else hidden.add(value);
  writeUrl(state, "replace");
  graph.applyFilters(state.hiddenKinds, state.hiddenTypes);
  refreshPanels();
}

byId<HTMLSelectElement>("depth").addEventListener("change", (event) => {
  state.depth = Number((event.target as HTMLSelectElement).value);
  writeUrl(state, "push");
  run(loadView);
});

byId<HTMLSelectElement>("limit").addEventListener("change", (event) => {
  state.limit = Number((event.target as HTMLSelectElement).value);
  writeUrl(state, "push");
  run(loadView);
});

/** Relabels everything from data already at hand: switching language fetches nothing. */
function applyLang(lang: Lang): void {
  state.lang = lang;
  applyStaticText();
  graph.setLang(lang);
  refreshPanels();
  renderDetails();
  renderPath();
  renderChainView();
  fillIndustries(byId<HTMLSelectElement>("industry"), industries, state.chain, lang);
  reviewView.render();
}

byId("lang").addEventListener("click", () => {
  applyLang(state.lang === "zh" ? "en" : "zh");
  writeUrl(state, "replace");
});

// ---- innovation chain ---------------------------------------------------------------------

function renderChainView(): void {
  const container = byId("chain");
  if (chain === null) container.replaceChildren();
  else
    renderChain(container, chain, labels, state.lang, (id) => {
      showEntity(id);
      byId("cy").scrollIntoView({ block: "nearest" });
    });
}

async function loadChain(): Promise<void> {
  if (state.chain === null) {
    chain = null;
    renderChainView();
    return;
  }
  const answer = await api.innovationChain(state.chain);
  if (answer === null)
    throw new api.ApiError(`${t("unknownEntity", state.lang)}: ${state.chain}`, "NOT_FOUND");
  chain = answer;
  renderChainView();
}

byId("chain-show").addEventListener("click", () => {
  const value = byId<HTMLSelectElement>("industry").value;
  state.chain = value === "" ? null : value;
  writeUrl(state, "push");
  run(loadChain);
});

// ---- exports ------------------------------------------------------------------------------

function snapshot(): exporter.Snapshot {
  return { nodes: graph.visibleNodes(), edges: graph.visibleEdges() };
}

const EXPORTS: Record<string, () => void> = {
  png: () => {
    const blob = graph.cy.png({ full: true, bg: "white", output: "blob", scale: 2 });
    exporter.download(blob, "explore.png");
  },
  json: () => {
    lastExport = exporter.downloadText(
      exporter.toJson(snapshot()),
      "explore.json",
      "application/json",
    );
  },
  "nodes-csv": () => {
    lastExport = exporter.downloadText(
      exporter.nodesCsv(snapshot()),
      "explore-nodes.csv",
      "text/csv",
    );
  },
  "edges-csv": () => {
    lastExport = exporter.downloadText(
      exporter.edgesCsv(snapshot()),
      "explore-edges.csv",
      "text/csv",
    );
  },
  graphml: () => {
    lastExport = exporter.downloadText(
      exporter.toGraphml(snapshot()),
      "explore.graphml",
      "application/xml",
    );
  },
};

document.querySelectorAll<HTMLButtonElement>("[data-export]").forEach((element) => {
  element.addEventListener("click", () => EXPORTS[element.dataset.export ?? ""]?.());
});

// ---- search -------------------------------------------------------------------------------

new SearchBox(
  byId<HTMLInputElement>("search-input"),
  byId<HTMLUListElement>("search-list"),
  labels,
  () => state.lang,
  (hit) => showEntity(hit.id),
  showError,
);

// ---- history and start --------------------------------------------------------------------

window.addEventListener("popstate", () => {
  const next = readUrl();
  const viewChanged =
    next.id !== state.id || next.depth !== state.depth || next.limit !== state.limit;
  const chainChanged = next.chain !== state.chain;
  const viewSwitched = next.view !== state.view;
  Object.assign(state, next);
  if (viewSwitched) applyView();
  applyLang(next.lang);
  graph.applyFilters(state.hiddenKinds, state.hiddenTypes);
  refreshPanels();
  if (viewChanged) run(loadView);
  if (chainChanged) run(loadChain);
});

async function start(): Promise<void> {
  applyStaticText();
  applyView();
  renderDetails();
  renderPath();
  // The vocabulary names the kinds and types on the first draw.
  const first = loadView(
    vocabularyRequest.then((words) => {
      labels.load(words);
      reviewView.render();
    }),
  );
  run(async () => {
    industries = await api.industries();
    fillIndustries(byId<HTMLSelectElement>("industry"), industries, state.chain, state.lang);
  });
  run(loadChain);
  await first;
}

run(start);
