/**
 * The review view (审核): the stored documents with their pending counts, an editor key kept for
 * this tab only, and a chosen document's queue of candidates, filtered and paged, with accept,
 * edit-and-accept, reject, merge and accept-all. It renders from its own state after each answer;
 * typing into a field renders nothing, so a half-typed reason or name is never lost.
 */
import { ApiError } from "./api";
import { button, fill, h } from "./dom";
import {
  bulkSummary,
  pendingCount,
  queueSummary,
  t,
  type Labels,
  type Lang,
  type StringKey,
} from "./i18n";
import * as review from "./review-api";
import { candidateCard, type CandidateActions, type CandidateForm } from "./review-candidate";

/** The sessionStorage entry: gone when the tab closes; never the URL, never localStorage. */
const KEY_ENTRY = "explore.editorKey";

function readKey(): string | null {
  try {
    return sessionStorage.getItem(KEY_ENTRY);
  } catch {
    return null; // storage disabled: the key lives only as long as the page
  }
}

function storeKey(key: string | null): void {
  try {
    if (key === null) sessionStorage.removeItem(KEY_ENTRY);
    else sessionStorage.setItem(KEY_ENTRY, key);
  } catch {
    // storage disabled: nothing to keep
  }
}

export interface ReviewHost {
  readonly labels: Labels;
  lang(): Lang;
  /** Shows an entity in the graph view. */
  openEntity(id: string): void;
}

const STATUSES = ["pending", "accepted", "rejected", "merged"] as const;
const KINDS = ["entity", "relationship", "fact"] as const;

/** What the view says went wrong: the server's message and code, never a stack. */
function describeError(error: unknown, lang: Lang): string {
  if (error instanceof ApiError) {
    const refused =
      error.status === 401 ||
      error.status === 403 ||
      error.code === "UNAUTHENTICATED" ||
      error.code === "FORBIDDEN";
    const where = error.status === 200 ? error.code : `HTTP ${error.status} · ${error.code}`;
    return `${t(refused ? "keyRefused" : "errorPrefix", lang)}: ${error.message} (${where})`;
  }
  return `${t("errorPrefix", lang)}: ${error instanceof Error ? error.message : String(error)}`;
}

export class ReviewView {
  private key: string | null = readKey();
  private documents: review.DocumentInfo[] | null = null;
  private documentId: string | null = null;
  private filter: review.QueueFilter = { status: "pending", kind: null, minConfidence: 0 };
  private items: review.Candidate[] = [];
  private page: { totalCount: number; endCursor: string | null; hasNextPage: boolean } | null =
    null;
  private form: { id: string; form: CandidateForm } | null = null;
  private bulkMin = 0.8;
  private notice: string | null = null;
  private error: string | null = null;
  /** Bumped by every new queue, so an answer for an older one is dropped. */
  private generation = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: ReviewHost,
  ) {}

  /** Called when the view is shown: the document list is read afresh each time. */
  show(): void {
    this.run(async () => {
      await this.loadDocuments();
      if (this.documentId !== null && this.items.length === 0) await this.loadQueue(true);
    });
  }

  render(): void {
    const lang = this.host.lang();
    fill(
      this.root,
      h("div", { class: "review-side" }, this.keyPanel(lang), this.documentPanel(lang)),
      h("div", { class: "review-main" }, this.queuePanel(lang)),
    );
  }

  // ---- state changes -----------------------------------------------------------------------

  private run(action: () => Promise<void>): void {
    action().catch((error: unknown) => {
      this.error = describeError(error, this.host.lang());
      this.render();
    });
  }

  private async loadDocuments(): Promise<void> {
    this.documents = await review.documents();
    this.render();
  }

  private async loadQueue(reset: boolean): Promise<void> {
    const document = this.documentId;
    const key = this.key;
    if (document === null || key === null) {
      this.render();
      return;
    }
    const mine = reset ? ++this.generation : this.generation;
    const after = reset ? null : (this.page?.endCursor ?? null);
    const page = await review.candidates(key, document, this.filter, after);
    if (mine !== this.generation) return;
    this.items = reset ? [...page.items] : [...this.items, ...page.items];
    this.page = page;
    this.error = null;
    this.render();
  }

  private reload(): void {
    this.items = [];
    this.page = null;
    this.form = null;
    this.notice = null;
    this.run(() => this.loadQueue(true));
  }

  private setKey(key: string | null): void {
    this.key = key;
    storeKey(key);
    this.error = null;
    this.reload();
  }

  private choose(documentId: string): void {
    this.documentId = documentId;
    this.reload();
  }

  /** Puts a reviewed candidate in place of the pending one and refreshes the pending counts. */
  private reviewed(updated: review.Candidate): void {
    this.items = this.items.map((item) => (item.id === updated.id ? updated : item));
    this.form = null;
    this.error = null;
    this.render();
    this.run(() => this.loadDocuments());
  }

  private readonly actions: CandidateActions = {
    accept: (candidate, edit) =>
      this.run(async () => this.reviewed(await review.accept(this.needKey(), candidate.id, edit))),
    reject: (candidate, reason) =>
      this.run(async () =>
        this.reviewed(await review.reject(this.needKey(), candidate.id, reason)),
      ),
    merge: (candidate, into) =>
      this.run(async () =>
        this.reviewed(await review.merge(this.needKey(), candidate.id, into.id)),
      ),
    toggle: (candidate, form) => {
      this.form = form === null ? null : { id: candidate.id, form };
      this.render();
    },
    openEntity: (id) => this.host.openEntity(id),
    onError: (error) => {
      this.error = describeError(error, this.host.lang());
      this.render();
    },
  };

  private needKey(): string {
    if (this.key === null) throw new ApiError(t("keyNeeded", this.host.lang()), "UNAUTHENTICATED");
    return this.key;
  }

  private acceptAll(): void {
    const document = this.documentId;
    if (document === null) return;
    this.run(async () => {
      const result = await review.acceptAll(
        this.needKey(),
        document,
        this.bulkMin,
        this.filter.kind,
      );
      const lang = this.host.lang();
      const skipped = result.skipped.map((s) => `${s.candidateId}: ${s.reason}`).join("; ");
      await this.loadQueue(true);
      this.notice =
        bulkSummary(result.accepted, result.skipped.length, lang) +
        (skipped === "" ? "" : ` (${skipped})`);
      this.render();
      await this.loadDocuments();
    });
  }

  // ---- rendering ---------------------------------------------------------------------------

  private keyPanel(lang: Lang): HTMLElement {
    if (this.key !== null) {
      return h(
        "section",
        { class: "review-key" },
        h("h2", {}, t("editorKey", lang)),
        h(
          "p",
          { class: "actions" },
          h("span", { class: "key-set" }, `${t("keySet", lang)} ••••`),
          button(t("forgetKey", lang), () => this.setKey(null), { id: "review-key-forget" }),
        ),
        h("p", { class: "muted" }, t("editorKeyHint", lang)),
      );
    }
    const input = h("input", {
      id: "review-key",
      type: "password",
      autocomplete: "off",
      spellcheck: "false",
    });
    const use = (): void => {
      const value = input.value.trim();
      if (value !== "") this.setKey(value);
    };
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") use();
    });
    return h(
      "section",
      { class: "review-key" },
      h("h2", {}, h("label", { for: "review-key" }, t("editorKey", lang))),
      h("p", { class: "actions" }, input, button(t("useKey", lang), use, { id: "review-key-use" })),
      h("p", { class: "muted" }, t("editorKeyHint", lang)),
    );
  }

  private documentPanel(lang: Lang): HTMLElement {
    const documents = this.documents;
    return h(
      "section",
      { class: "review-documents" },
      h("h2", {}, t("documents", lang)),
      documents === null
        ? h("p", { class: "muted" }, t("loading", lang))
        : documents.length === 0
          ? h("p", { class: "muted" }, t("noDocuments", lang))
          : h(
              "ul",
              { class: "doc-list" },
              documents.map((doc) => h("li", {}, this.documentButton(doc, lang))),
            ),
    );
  }

  private documentButton(doc: review.DocumentInfo, lang: Lang): HTMLButtonElement {
    const element = h(
      "button",
      {
        type: "button",
        class: "doc",
        "data-id": doc.id,
        "aria-pressed": doc.id === this.documentId ? "true" : "false",
      },
      h("span", { class: "doc-title" }, doc.title ?? t("untitled", lang)),
      h(
        "span",
        { class: "doc-meta muted" },
        `${doc.date ?? "—"} · `,
        h(
          "span",
          { class: doc.pendingCandidates > 0 ? "doc-pending some" : "doc-pending" },
          pendingCount(doc.pendingCandidates, lang),
        ),
      ),
    );
    element.addEventListener("click", () => this.choose(doc.id));
    return element;
  }

  private queuePanel(lang: Lang): HTMLElement[] {
    const parts: HTMLElement[] = [];
    if (this.error !== null)
      parts.push(h("p", { class: "review-error", role: "alert" }, this.error));
    parts.push(h("h2", {}, t("queue", lang)));
    if (this.key === null) {
      parts.push(h("p", { class: "review-empty key-needed" }, t("keyNeeded", lang)));
      return parts;
    }
    if (this.documentId === null) {
      parts.push(h("p", { class: "review-empty" }, t("chooseDocument", lang)));
      return parts;
    }
    parts.push(this.filters(lang));
    if (this.notice !== null)
      parts.push(h("p", { class: "review-notice", role: "status" }, this.notice));
    const page = this.page;
    if (page === null) {
      parts.push(h("p", { class: "muted" }, t("loading", lang)));
      return parts;
    }
    parts.push(
      h(
        "p",
        { class: "queue-summary muted" },
        queueSummary(page.totalCount, this.items.length, lang),
      ),
    );
    if (this.items.length === 0)
      parts.push(h("p", { class: "review-empty" }, t("emptyQueue", lang)));
    else
      parts.push(
        h(
          "ol",
          { class: "candidate-list" },
          this.items.map((candidate) =>
            candidateCard(candidate, {
              labels: this.host.labels,
              lang,
              form: this.form?.id === candidate.id ? this.form.form : null,
              actions: this.actions,
            }),
          ),
        ),
      );
    if (page.hasNextPage)
      parts.push(
        button(t("loadMore", lang), () => this.run(() => this.loadQueue(false)), {
          class: "load-more",
        }),
      );
    return parts;
  }

  private filters(lang: Lang): HTMLElement {
    const choice = <T extends string>(
      label: StringKey,
      values: readonly T[],
      current: T | null,
      className: string,
      set: (value: T | null) => void,
    ): HTMLElement => {
      const control = h(
        "select",
        { class: className },
        h("option", { value: "", selected: current === null }, t("all", lang)),
        values.map((value) =>
          h("option", { value, selected: value === current }, t(value as StringKey, lang)),
        ),
      );
      control.addEventListener("change", () => {
        set(control.value === "" ? null : (control.value as T));
        this.reload();
      });
      return h("label", { class: "field" }, h("span", {}, t(label, lang)), control);
    };
    const confidence = (value: number, className: string, set: (value: number) => void) => {
      const input = h("input", {
        type: "number",
        class: className,
        min: "0",
        max: "1",
        step: "0.05",
        value: String(value),
      });
      input.addEventListener("change", () => {
        const parsed = Number(input.value);
        if (Number.isFinite(parsed) && parsed >= 0 && parsed <= 1) set(parsed);
        else input.value = String(value);
      });
      return input;
    };
    return h(
      "div",
      { class: "controls review-filters" },
      choice("status", STATUSES, this.filter.status, "filter-status", (status) => {
        this.filter = { ...this.filter, status };
      }),
      choice("candidateKind", KINDS, this.filter.kind, "filter-kind", (kind) => {
        this.filter = { ...this.filter, kind };
      }),
      h(
        "label",
        { class: "field" },
        h("span", {}, t("minConfidence", lang)),
        confidence(this.filter.minConfidence, "filter-confidence", (minConfidence) => {
          this.filter = { ...this.filter, minConfidence };
          this.reload();
        }),
      ),
      h(
        "span",
        { class: "controls bulk" },
        h(
          "label",
          { class: "field" },
          h("span", {}, t("acceptAllAbove", lang)),
          confidence(this.bulkMin, "bulk-confidence", (min) => {
            this.bulkMin = min;
          }),
        ),
        button(t("acceptAll", lang), () => this.acceptAll(), { class: "accept-all" }),
      ),
      button(t("refresh", lang), () => this.reload(), { class: "refresh" }),
    );
  }
}
