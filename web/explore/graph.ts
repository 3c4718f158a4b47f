/**
 * The drawing: one Cytoscape instance that is built once and then changed in place. A new entity
 * replaces the elements (one fast concentric layout keyed on depth, no animation); expanding a node
 * or adding a path only adds elements, placed around the node they hang off, so the nodes already
 * on screen keep their identity and position.
 */
import cytoscape, {
  type Core,
  type EdgeSingular,
  type ElementDefinition,
  type NodeSingular,
  type StylesheetJson,
} from "cytoscape";
import type { Citation, EntityRef, EvidenceKind, GraphView, ViewEdge, ViewNode } from "./api";
import { entityName, type Labels, type Lang } from "./i18n";

export const FONT =
  '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

/** A colour per kind, distinct enough side by side; grey for a kind added to the API later. */
export const KIND_COLORS: Record<string, string> = {
  University: "#1f77b4",
  ResearchInstitute: "#17becf",
  Enterprise: "#ff7f0e",
  GovernmentBody: "#d62728",
  District: "#2ca02c",
  Region: "#98df8a",
  Industry: "#9467bd",
  TechnologyRoadmap: "#c5b0d5",
  Project: "#8c564b",
  Carrier: "#e377c2",
  Platform: "#bcbd22",
  Fund: "#dbdb8d",
  Policy: "#7f7f7f",
  Program: "#c49c94",
  Mechanism: "#aec7e8",
  Person: "#ffbb78",
  Event: "#f7b6d2",
  CollectiveActor: "#9edae5",
};

export function kindColor(kind: string): string {
  return KIND_COLORS[kind] ?? "#999999";
}

/** What a node of the drawing carries; degree is null for a node a path brought in. */
export interface NodeData {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly depth: number | null;
  readonly degree: number | null;
  readonly hasMore: boolean;
}

export type EdgeData = ViewEdge;

/** The line of an imported edge (a chain map's link): dash-dot in teal, on the graph and legend. */
export const IMPORTED_COLOR = "#00897b";

const STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      "background-color": "data(color)",
      label: "data(label)",
      "font-family": FONT,
      "font-size": 11,
      color: "#1a1a1a",
      "text-valign": "bottom",
      "text-margin-y": 3,
      "text-wrap": "ellipsis",
      "text-max-width": "140px",
      "text-outline-color": "#ffffff",
      "text-outline-width": 2,
      width: 22,
      height: 22,
      "border-width": 1,
      "border-color": "#ffffff",
    },
  },
  {
    selector: "node[depth = 0]",
    style: { width: 34, height: 34, "font-size": 13, "font-weight": "bold" },
  },
  // A node with more relationships than the view shows: a thick dark ring (and "+" in its label).
  { selector: "node[?hasMore]", style: { "border-width": 4, "border-color": "#333333" } },
  {
    selector: "edge",
    style: {
      width: 1.5,
      "curve-style": "bezier",
      "line-color": "#9aa0a6",
      "target-arrow-color": "#9aa0a6",
      "target-arrow-shape": "triangle",
      "arrow-scale": 0.8,
      label: "data(label)",
      "font-family": FONT,
      "font-size": 9,
      color: "#555555",
      "text-rotation": "autorotate",
      "text-outline-color": "#ffffff",
      "text-outline-width": 2,
    },
  },
  { selector: 'edge[evidenceKind = "inferred"]', style: { "line-style": "dashed" } },
  { selector: 'edge[evidenceKind = "curated"]', style: { "line-style": "dotted", width: 2 } },
  {
    selector: 'edge[evidenceKind = "imported"]',
    style: {
      "line-style": "dashed",
      "line-dash-pattern": [8, 3, 2, 3],
      "line-color": IMPORTED_COLOR,
      "target-arrow-color": IMPORTED_COLOR,
    },
  },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#0b57d0" } },
  {
    selector: "edge:selected",
    style: { width: 3, "line-color": "#0b57d0", "target-arrow-color": "#0b57d0" },
  },
  { selector: ".faded", style: { opacity: 0.2 } },
  { selector: "node.path", style: { "border-width": 4, "border-color": "#e4572e" } },
  {
    selector: "edge.path",
    style: { width: 4, "line-color": "#e4572e", "target-arrow-color": "#e4572e", color: "#b3261e" },
  },
  { selector: ".hidden", style: { display: "none" } },
];

/** The largest zoom a fit to the view may leave: labels then read like the page's text. */
const MAX_FIT_ZOOM = 1.3;

export class Graph {
  readonly cy: Core;
  private lang: Lang;

  constructor(
    container: HTMLElement,
    private readonly labels: Labels,
    lang: Lang,
  ) {
    this.lang = lang;
    this.cy = cytoscape({
      container,
      style: STYLE,
      minZoom: 0.2,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: "single",
    });
  }

  /** Draws a new view from scratch: the only full layout the page runs. */
  replace(view: GraphView): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().remove();
      cy.add([
        ...view.nodes.map((node) => this.nodeElement(node)),
        ...view.edges.map((edge) => this.edgeElement(edge)),
      ]);
    });
    cy.layout({
      name: "concentric",
      animate: false,
      // Rings by hop count from the start entity: the centre is the entity itself.
      concentric: (node: NodeSingular) => 10 - ((node.data("depth") as number | null) ?? 9),
      levelWidth: () => 1,
      minNodeSpacing: 24,
      fit: true,
      padding: 30,
    }).run();
    this.limitZoom();
  }

  /** Fitting a view of a few nodes would blow them up; keep text at a reading size instead. */
  private limitZoom(): void {
    if (this.cy.zoom() > MAX_FIT_ZOOM) {
      this.cy.zoom(MAX_FIT_ZOOM);
      this.cy.center();
    }
  }

  /**
   * Adds what a view has that the drawing lacks, new nodes in a circle around anchorId (turned
   * away from the drawing's centre so they land in free space). Returns the number of new nodes.
   */
  merge(view: GraphView, anchorId: string): number {
    const cy = this.cy;
    const anchor = cy.getElementById(anchorId);
    const fresh = view.nodes.filter((node) => cy.getElementById(node.id).empty());
    const freshEdges = view.edges.filter((edge) => cy.getElementById(edge.id).empty());
    const origin = anchor.nonempty() ? anchor.position() : { x: 0, y: 0 };
    const box = cy.elements().boundingBox();
    const away = Math.atan2(origin.y - (box.y1 + box.y2) / 2, origin.x - (box.x1 + box.x2) / 2);
    const radius = Math.max(90, (fresh.length * 36) / (2 * Math.PI));
    cy.batch(() => {
      fresh.forEach((node, index) => {
        const angle = away + (2 * Math.PI * index) / fresh.length;
        const element = this.nodeElement(node);
        element.position = {
          x: origin.x + radius * Math.cos(angle),
          y: origin.y + radius * Math.sin(angle),
        };
        cy.add(element);
      });
      cy.add(freshEdges.map((edge) => this.edgeElement(edge)));
      // The expanded node's own counts are now those of a view centred on it.
      const self = view.nodes.find((node) => node.id === anchorId);
      if (self !== undefined && anchor.nonempty()) {
        anchor.data({ degree: self.degree, hasMore: self.hasMore });
        anchor.data("label", this.nodeLabel(anchor));
      }
    });
    if (fresh.length > 0) {
      cy.fit(undefined, 30);
      this.limitZoom();
    }
    return fresh.length;
  }

  /** Adds a path's missing nodes (between their neighbours on the path) and edges. */
  addPath(nodes: readonly EntityRef[], hops: readonly ViewEdge[]): void {
    const cy = this.cy;
    cy.batch(() => {
      nodes.forEach((node, index) => {
        if (cy.getElementById(node.id).nonempty()) return;
        const neighbours = [nodes[index - 1], nodes[index + 1]]
          .filter((other): other is EntityRef => other !== undefined)
          .map((other) => cy.getElementById(other.id))
          .filter((other) => other.nonempty());
        const element = this.nodeElement({ ...node, depth: null, degree: null, hasMore: false });
        const placed = neighbours.map((other) => other.position());
        element.position =
          placed.length === 0
            ? { x: 0, y: 0 }
            : {
                x: placed.reduce((sum, p) => sum + p.x, 0) / placed.length + 40,
                y: placed.reduce((sum, p) => sum + p.y, 0) / placed.length + 40,
              };
        cy.add(element);
      });
      cy.add(
        hops.filter((hop) => cy.getElementById(hop.id).empty()).map((hop) => this.edgeElement(hop)),
      );
    });
  }

  /** Marks the given elements as a path and fades the rest; an empty list clears the marks. */
  highlight(ids: ReadonlySet<string>): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass("path faded");
      if (ids.size === 0) return;
      cy.elements().forEach((element) => {
        element.addClass(ids.has(element.id()) ? "path" : "faded");
      });
    });
  }

  highlightedNodeIds(): string[] {
    return this.cy.nodes(".path").map((node) => node.id());
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        node.data("label", this.nodeLabel(node));
      });
      this.cy.edges().forEach((edge) => {
        edge.data("label", this.labels.type(edge.data("type") as string, lang));
      });
    });
  }

  /** Hides, client-side, nodes of the given kinds and edges of the given types. */
  applyFilters(hiddenKinds: ReadonlySet<string>, hiddenTypes: ReadonlySet<string>): void {
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        node.toggleClass("hidden", hiddenKinds.has(node.data("kind") as string));
      });
      this.cy.edges().forEach((edge) => {
        edge.toggleClass("hidden", hiddenTypes.has(edge.data("type") as string));
      });
    });
  }

  /** The nodes a person can see now (filters applied), by name. */
  visibleNodes(): NodeData[] {
    const nodes: NodeData[] = [];
    this.cy.nodes().forEach((node) => {
      if (!node.hasClass("hidden")) nodes.push(toNodeData(node));
    });
    return nodes.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  }

  /** The edges a person can see now: not filtered out, and both ends visible. */
  visibleEdges(): EdgeData[] {
    const edges: EdgeData[] = [];
    this.cy.edges().forEach((edge) => {
      const shown = [edge, edge.source(), edge.target()].every(
        (element) => !element.hasClass("hidden"),
      );
      if (shown) edges.push(toEdgeData(edge));
    });
    return edges;
  }

  node(id: string): NodeData | null {
    const node = this.cy.getElementById(id);
    return node.nonempty() && node.isNode() ? toNodeData(node) : null;
  }

  edge(id: string): EdgeData | null {
    const edge = this.cy.getElementById(id);
    return edge.nonempty() && edge.isEdge() ? toEdgeData(edge) : null;
  }

  /** The edges at a node, as drawn now. */
  edgesOf(id: string): EdgeData[] {
    const node = this.cy.getElementById(id);
    return node.nonempty() ? node.connectedEdges().map((edge) => toEdgeData(edge)) : [];
  }

  select(id: string): void {
    this.cy.elements().unselect();
    this.cy.getElementById(id).select();
  }

  kindsPresent(): string[] {
    return [...new Set(this.cy.nodes().map((node) => node.data("kind") as string))];
  }

  typesPresent(): string[] {
    return [...new Set(this.cy.edges().map((edge) => edge.data("type") as string))].sort();
  }

  private nodeElement(node: NodeData | ViewNode): ElementDefinition {
    const data = {
      id: node.id,
      kind: node.kind,
      name: node.name,
      nameEn: node.nameEn,
      depth: node.depth,
      degree: node.degree,
      hasMore: node.hasMore,
      color: kindColor(node.kind),
      label: "",
    };
    data.label = this.composeLabel(data);
    return { group: "nodes", data };
  }

  private edgeElement(edge: ViewEdge): ElementDefinition {
    return {
      group: "edges",
      data: {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: edge.type,
        evidenceKind: edge.evidenceKind,
        confidence: edge.confidence,
        citation: edge.citation,
        label: this.labels.type(edge.type, this.lang),
      },
    };
  }

  private nodeLabel(node: NodeSingular): string {
    return this.composeLabel(toNodeData(node));
  }

  private composeLabel(node: Pick<NodeData, "name" | "nameEn" | "hasMore">): string {
    return `${entityName(node, this.lang)}${node.hasMore ? " +" : ""}`;
  }
}

function toNodeData(node: NodeSingular): NodeData {
  return {
    id: node.id(),
    kind: node.data("kind") as string,
    name: node.data("name") as string,
    nameEn: node.data("nameEn") as string | null,
    depth: node.data("depth") as number | null,
    degree: node.data("degree") as number | null,
    hasMore: node.data("hasMore") === true,
  };
}

function toEdgeData(edge: EdgeSingular): EdgeData {
  return {
    id: edge.id(),
    type: edge.data("type") as string,
    source: edge.data("source") as string,
    target: edge.data("target") as string,
    evidenceKind: edge.data("evidenceKind") as EvidenceKind,
    confidence: edge.data("confidence") as number,
    citation: (edge.data("citation") as Citation | null | undefined) ?? null,
  };
}
