/**
 * The path panel: the chosen ends, the hop bound, and the shortest paths found, each as the
 * names along it (the same elements are highlighted on the graph).
 */
import type { GraphPath } from "./api";
import { button, fill, h } from "./dom";
import { entityName, noPath, pathSummary, t, type Lang } from "./i18n";

export interface PathPanelState {
  readonly fromId: string | null;
  readonly toId: string | null;
  readonly maxHops: number;
  /** null before a search; [] when there was none within maxHops. */
  readonly result: { readonly maxHops: number; readonly paths: readonly GraphPath[] } | null;
}

export function renderPathPanel(
  container: HTMLElement,
  panel: PathPanelState,
  nameOf: (id: string) => string,
  lang: Lang,
  actions: { find: () => void; clear: () => void; setMaxHops: (hops: number) => void },
): void {
  const end = (label: string, id: string | null, key: string): HTMLElement =>
    h(
      "p",
      {},
      `${label}: `,
      h("strong", { "data-path-end": key }, id === null ? t("notChosen", lang) : nameOf(id)),
    );
  const hops = h(
    "select",
    { id: "max-hops" },
    [1, 2, 3, 4, 5, 6].map((value) =>
      h("option", { value: String(value), selected: value === panel.maxHops }, String(value)),
    ),
  );
  hops.addEventListener("change", () => actions.setMaxHops(Number(hops.value)));
  const result = panel.result;
  fill(
    container,
    end(t("from", lang), panel.fromId, "from"),
    end(t("to", lang), panel.toId, "to"),
    h(
      "div",
      { class: "actions" },
      h("label", {}, `${t("maxHops", lang)} `, hops),
      button(t("findPath", lang), actions.find, {
        id: "find-path",
        disabled: panel.fromId === null || panel.toId === null,
      }),
      button(t("clearPath", lang), actions.clear, { disabled: result === null }),
    ),
    result === null
      ? null
      : result.paths.length === 0
        ? h("p", { class: "path-none" }, noPath(result.maxHops, lang))
        : h(
            "div",
            {},
            h("p", {}, pathSummary(result.paths.length, result.paths[0]?.length ?? 0, lang)),
            h(
              "ol",
              { class: "path-list" },
              result.paths.map((path) =>
                h("li", {}, path.nodes.map((node) => entityName(node, lang)).join(" → ")),
              ),
            ),
          ),
  );
}
