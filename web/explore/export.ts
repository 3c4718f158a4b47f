/**
 * Exports of the current view (what is visible after filters): JSON, CSV for spreadsheets,
 * GraphML for Gephi, and a PNG of the drawing. Files are made in the page and downloaded from a
 * blob: URL, so nothing leaves the browser.
 */
import type { EdgeData, NodeData } from "./graph";

export interface Snapshot {
  readonly nodes: readonly NodeData[];
  readonly edges: readonly EdgeData[];
}

/** The last text export, for tests that read what a download held (window.__explorer.lastExport). */
export interface ExportRecord {
  readonly filename: string;
  readonly text: string;
}

const BOM = "\uFEFF";

/** One CSV field per RFC 4180: quoted when it holds a comma, quote or line break. */
function csvField(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  // CRLF line ends as RFC 4180 says; the BOM makes Excel read the file as UTF-8 (Chinese names).
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

export function nodesCsv(snapshot: Snapshot): string {
  return csv(
    ["id", "kind", "name", "nameEn"],
    snapshot.nodes.map((node) => [node.id, node.kind, node.name, node.nameEn]),
  );
}

export function edgesCsv(snapshot: Snapshot): string {
  return csv(
    ["id", "type", "source", "target", "evidenceKind", "confidence"],
    snapshot.edges.map((edge) => [
      edge.id,
      edge.type,
      edge.source,
      edge.target,
      edge.evidenceKind,
      edge.confidence,
    ]),
  );
}

export function toJson(snapshot: Snapshot): string {
  return JSON.stringify(snapshot, null, 2);
}

function xml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

function dataTag(key: string, value: string | number | null): string {
  return value === null ? "" : `<data key="${key}">${xml(String(value))}</data>`;
}

export function toGraphml(snapshot: Snapshot): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
    '  <key id="nameEn" for="node" attr.name="nameEn" attr.type="string"/>',
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '  <key id="evidenceKind" for="edge" attr.name="evidenceKind" attr.type="string"/>',
    '  <key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>',
    '  <graph id="explore" edgedefault="directed">',
    ...snapshot.nodes.map(
      (node) =>
        `    <node id="${xml(node.id)}">${dataTag("kind", node.kind)}${dataTag("name", node.name)}${dataTag("nameEn", node.nameEn)}</node>`,
    ),
    ...snapshot.edges.map(
      (edge) =>
        `    <edge id="${xml(edge.id)}" source="${xml(edge.source)}" target="${xml(edge.target)}">` +
        `${dataTag("type", edge.type)}${dataTag("evidenceKind", edge.evidenceKind)}${dataTag("confidence", edge.confidence)}</edge>`,
    ),
    "  </graph>",
    "</graphml>",
  ];
  return lines.join("\n") + "\n";
}

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadText(text: string, filename: string, type: string): ExportRecord {
  download(new Blob([text], { type: `${type};charset=utf-8` }), filename);
  return { filename, text };
}
