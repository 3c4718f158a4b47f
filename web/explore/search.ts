/**
 * The search box: an ARIA combobox that asks the API as the person types (debounced, the previous
 * request aborted), with arrow keys, Enter and Escape on the suggestions.
 */
import { ApiError, search, type SearchHit } from "./api";
import { h } from "./dom";
import { entityName, t, type Labels, type Lang } from "./i18n";
import { kindColor } from "./graph";

const DEBOUNCE_MS = 200;

export class SearchBox {
  private hits: SearchHit[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | undefined;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLUListElement,
    private readonly labels: Labels,
    private readonly lang: () => Lang,
    private readonly onPick: (hit: SearchHit) => void,
    private readonly onError: (error: unknown) => void,
    /** Prefix of the options' element ids: unique per box, as aria-activedescendant needs. */
    private readonly optionPrefix = "search-option",
  ) {
    input.addEventListener("input", () => this.schedule());
    input.addEventListener("keydown", (event) => this.onKey(event));
    input.addEventListener("blur", () => {
      // Late enough for a click on a suggestion to land first.
      setTimeout(() => this.close(), 150);
    });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const query = this.input.value.trim();
    if (query === "") {
      this.controller?.abort();
      this.close();
      return;
    }
    this.timer = setTimeout(() => void this.run(query), DEBOUNCE_MS);
  }

  private async run(query: string): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    try {
      const hits = await search(query, controller.signal);
      if (controller.signal.aborted) return;
      this.hits = hits;
      this.active = -1;
      this.render();
    } catch (error) {
      // An aborted request was replaced by a newer one: not an error to show.
      if (controller.signal.aborted && !(error instanceof ApiError)) return;
      this.onError(error);
    }
  }

  private render(): void {
    const lang = this.lang();
    this.list.replaceChildren(
      ...(this.hits.length === 0
        ? [
            h(
              "li",
              { class: "search-empty", role: "option", "aria-disabled": "true" },
              t("noMatches", lang),
            ),
          ]
        : this.hits.map((hit, index) => {
            const other = lang === "zh" ? hit.nameEn : hit.name;
            const option = h(
              "li",
              {
                id: `${this.optionPrefix}-${index}`,
                role: "option",
                "aria-selected": index === this.active ? "true" : "false",
                "data-id": hit.id,
              },
              h("span", { class: "dot", style: `background:${kindColor(hit.kind)}` }),
              h("span", { class: "search-name" }, entityName(hit, lang)),
              other !== null && other !== entityName(hit, lang)
                ? h("span", { class: "search-other" }, other)
                : null,
              h("span", { class: "search-kind" }, this.labels.kind(hit.kind, lang)),
            );
            // mousedown, not click: it fires before the input's blur closes the list.
            option.addEventListener("mousedown", (event) => {
              event.preventDefault();
              this.pick(index);
            });
            return option;
          })),
    );
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    this.syncActive();
  }

  private onKey(event: KeyboardEvent): void {
    const open = !this.list.hidden && this.hits.length > 0;
    switch (event.key) {
      case "ArrowDown":
        if (!open) return;
        event.preventDefault();
        this.active = (this.active + 1) % this.hits.length;
        this.syncActive();
        break;
      case "ArrowUp":
        if (!open) return;
        event.preventDefault();
        this.active = (this.active - 1 + this.hits.length) % this.hits.length;
        this.syncActive();
        break;
      case "Enter":
        if (!open) return;
        event.preventDefault();
        this.pick(this.active < 0 ? 0 : this.active);
        break;
      case "Escape":
        if (!this.list.hidden) {
          event.preventDefault();
          this.close();
        }
        break;
      default:
    }
  }

  private syncActive(): void {
    const options = this.list.querySelectorAll<HTMLLIElement>("li[data-id]");
    options.forEach((option, index) => {
      option.setAttribute("aria-selected", index === this.active ? "true" : "false");
    });
    const current = options[this.active];
    if (current === undefined) this.input.removeAttribute("aria-activedescendant");
    else {
      this.input.setAttribute("aria-activedescendant", current.id);
      current.scrollIntoView({ block: "nearest" });
    }
  }

  private pick(index: number): void {
    const hit = this.hits[index];
    if (hit === undefined) return;
    this.close();
    this.input.value = entityName(hit, this.lang());
    this.onPick(hit);
  }

  close(): void {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  }
}
