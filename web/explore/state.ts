/**
 * The part of the page's state that a shared link must reproduce, kept in the query string:
 * ?id=shuangliu-county&depth=2&limit=50&lang=en&hideKinds=Person,Event&hideTypes=LOCATED_IN&chain=industry-automobile
 * and view=review for the review queue. Defaults are left out so links stay short. The editor key
 * of the review view is never here (review.ts keeps it in sessionStorage).
 */
import type { Lang } from "./i18n";

export interface UrlState {
  id: string | null;
  depth: number;
  limit: number;
  lang: Lang;
  hiddenKinds: Set<string>;
  hiddenTypes: Set<string>;
  chain: string | null;
  /** Which view is shown: the graph (default) or the review queue. */
  view: View;
}

export type View = "graph" | "review";

export const DEFAULT_DEPTH = 1;
export const DEFAULT_LIMIT = 100;
export const LIMITS = [50, 100, 200, 500] as const;

function clampInt(raw: string | null, min: number, max: number, fallback: number): number {
  const value = Number.parseInt(raw ?? "", 10);
  return Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

function list(raw: string | null): Set<string> {
  return new Set((raw ?? "").split(",").filter((item) => item !== ""));
}

export function readUrl(search: string = location.search): UrlState {
  const params = new URLSearchParams(search);
  const id = params.get("id");
  const chain = params.get("chain");
  return {
    id: id === null || id === "" ? null : id,
    depth: clampInt(params.get("depth"), 1, 3, DEFAULT_DEPTH),
    limit: clampInt(params.get("limit"), 1, 500, DEFAULT_LIMIT),
    lang: params.get("lang") === "en" ? "en" : "zh",
    hiddenKinds: list(params.get("hideKinds")),
    hiddenTypes: list(params.get("hideTypes")),
    chain: chain === null || chain === "" ? null : chain,
    view: params.get("view") === "review" ? "review" : "graph",
  };
}

export function toSearch(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.id !== null) params.set("id", state.id);
  if (state.depth !== DEFAULT_DEPTH) params.set("depth", String(state.depth));
  if (state.limit !== DEFAULT_LIMIT) params.set("limit", String(state.limit));
  if (state.lang !== "zh") params.set("lang", state.lang);
  if (state.hiddenKinds.size > 0) params.set("hideKinds", [...state.hiddenKinds].sort().join(","));
  if (state.hiddenTypes.size > 0) params.set("hideTypes", [...state.hiddenTypes].sort().join(","));
  if (state.chain !== null) params.set("chain", state.chain);
  if (state.view !== "graph") params.set("view", state.view);
  const text = params.toString();
  return text === "" ? location.pathname : `?${text}`;
}

/**
 * Records the state in the address bar: a new history entry when what is viewed changes (so Back
 * returns to it), a replaced one for settings such as language and filters.
 */
export function writeUrl(state: UrlState, mode: "push" | "replace"): void {
  const target = toSearch(state);
  if (target === location.search || (target === location.pathname && location.search === ""))
    return;
  if (mode === "push") history.pushState(null, "", target);
  else history.replaceState(null, "", target);
}
