/**
 * One candidate of the review queue as a card: what it proposes, the rule and confidence, its
 * quote highlighted in its sentence, and the reviewer's actions with their small forms (edit,
 * reject with a reason, merge into an entity found with the search box).
 */
import type { SearchHit } from "./api";
import { button, h } from "./dom";
import { entityName, occurrences, t, type Labels, type Lang, type StringKey } from "./i18n";
import { kindChip } from "./panels";
import type { Candidate, CandidateEdit } from "./review-api";
import { SearchBox } from "./search";

export type CandidateForm = "edit" | "reject" | "merge";

export interface CandidateActions {
  accept(candidate: Candidate, edit: CandidateEdit | null): void;
  reject(candidate: Candidate, reason: string | null): void;
  merge(candidate: Candidate, into: SearchHit): void;
  /** Opens or closes one of the card's forms (null closes). */
  toggle(candidate: Candidate, form: CandidateForm | null): void;
  openEntity(id: string): void;
  onError(error: unknown): void;
}

export interface CardContext {
  readonly labels: Labels;
  readonly lang: Lang;
  /** The form open on this card, if any. */
  readonly form: CandidateForm | null;
  readonly actions: CandidateActions;
}

/**
 * The sentence with the quote marked. The quote is at `start` in the document and the sentence at
 * `passageStart`; when the two disagree (they should not) the quote is looked up, and failing that
 * shown on its own, so the card never marks the wrong words.
 */
export function passageBlock(candidate: Candidate): HTMLElement {
  const { passage, quote } = candidate;
  let at = candidate.start - candidate.passageStart;
  if (passage.slice(at, at + quote.length) !== quote) at = passage.indexOf(quote);
  if (at < 0) return h("blockquote", { class: "passage" }, h("mark", {}, quote));
  return h(
    "blockquote",
    { class: "passage" },
    passage.slice(0, at),
    h("mark", {}, quote),
    passage.slice(at + quote.length),
  );
}

function what(candidate: Candidate, labels: Labels, lang: Lang): (Node | string)[] {
  const end = (name: string | undefined) => h("strong", {}, name ?? "?");
  switch (candidate.kind) {
    case "entity":
      return [
        h("strong", { class: "candidate-name" }, candidate.name ?? "?"),
        " ",
        candidate.entityKind === null ? "" : kindChip(candidate.entityKind, labels, lang),
      ];
    case "relationship":
      return [
        end(candidate.source?.name),
        ` —${candidate.type === null ? "?" : labels.type(candidate.type, lang)}→ `,
        end(candidate.target?.name),
      ];
    case "fact":
      return [
        end(candidate.source?.name),
        ` · ${candidate.label ?? ""} ${candidate.qualifier ?? ""}${candidate.value ?? "?"}${candidate.unit ?? ""}`,
      ];
    default:
      return [candidate.quote];
  }
}

function select(
  values: readonly string[],
  selected: string | null,
  label: (value: string) => string,
  attributes: Record<string, string>,
): HTMLSelectElement {
  return h(
    "select",
    attributes,
    values.map((value) => h("option", { value, selected: value === selected }, label(value))),
  );
}

function labelled(key: StringKey, lang: Lang, control: HTMLElement): HTMLElement {
  return h("label", { class: "field" }, h("span", {}, t(key, lang)), control);
}

function editForm(candidate: Candidate, context: CardContext): HTMLElement {
  const { labels, lang, actions } = context;
  const fields: HTMLElement[] = [];
  let read: () => CandidateEdit = () => ({});
  if (candidate.kind === "relationship") {
    const type = select(labels.allTypes(), candidate.type, (v) => labels.type(v, lang), {
      class: "edit-type",
    });
    fields.push(labelled("relationType", lang, type));
    read = () => (type.value === candidate.type ? {} : { type: type.value });
  } else {
    const original = (candidate.kind === "entity" ? candidate.name : candidate.label) ?? "";
    const name = h("input", { type: "text", class: "edit-name", value: original });
    fields.push(labelled("name", lang, name));
    if (candidate.kind === "entity") {
      const kind = select(labels.allKinds(), candidate.entityKind, (v) => labels.kind(v, lang), {
        class: "edit-kind",
      });
      fields.push(labelled("entityKind", lang, kind));
      read = () => ({
        ...(name.value.trim() === original ? {} : { name: name.value.trim() }),
        ...(kind.value === candidate.entityKind ? {} : { kind: kind.value }),
      });
    } else read = () => (name.value.trim() === original ? {} : { name: name.value.trim() });
  }
  return h(
    "div",
    { class: "candidate-form" },
    fields,
    h(
      "div",
      { class: "actions" },
      button(
        t("accept", lang),
        () => {
          const edit = read();
          actions.accept(candidate, Object.keys(edit).length === 0 ? null : edit);
        },
        { class: "confirm-edit" },
      ),
      button(t("cancel", lang), () => actions.toggle(candidate, null)),
    ),
  );
}

function rejectForm(candidate: Candidate, context: CardContext): HTMLElement {
  const { lang, actions } = context;
  const reason = h("input", { type: "text", class: "reject-reason" });
  return h(
    "div",
    { class: "candidate-form" },
    labelled("reason", lang, reason),
    h(
      "div",
      { class: "actions" },
      button(
        t("confirmReject", lang),
        () => actions.reject(candidate, reason.value.trim() === "" ? null : reason.value.trim()),
        { class: "confirm-reject" },
      ),
      button(t("cancel", lang), () => actions.toggle(candidate, null)),
    ),
  );
}

function mergeForm(candidate: Candidate, context: CardContext): HTMLElement {
  const { labels, lang, actions } = context;
  const listId = `merge-list-${candidate.id}`;
  const input = h("input", {
    type: "search",
    class: "merge-search",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    "aria-label": t("mergeInto", lang),
    placeholder: t("mergeSearch", lang),
    autocomplete: "off",
    spellcheck: "false",
  });
  const list = h("ul", { id: listId, class: "suggestions", role: "listbox", hidden: true });
  const chosen = h("span", { class: "merge-target" }, t("notChosen", lang));
  let target: SearchHit | null = null;
  const confirm = button(
    t("confirmMerge", lang),
    () => {
      if (target !== null) actions.merge(candidate, target);
    },
    { class: "confirm-merge", disabled: true },
  );
  new SearchBox(
    input,
    list,
    labels,
    () => lang,
    (hit) => {
      target = hit;
      chosen.textContent = `${entityName(hit, lang)} (${hit.id})`;
      confirm.disabled = false;
    },
    (error) => actions.onError(error),
    `merge-option-${candidate.id}`,
  );
  return h(
    "div",
    { class: "candidate-form" },
    h("div", { class: "search" }, input, list),
    h("p", {}, `${t("mergeInto", lang)}: `, chosen),
    h(
      "div",
      { class: "actions" },
      confirm,
      button(t("cancel", lang), () => actions.toggle(candidate, null)),
    ),
  );
}

function outcomeLine(candidate: Candidate, context: CardContext): HTMLElement | null {
  const { lang, actions } = context;
  if (candidate.status === "pending") return null;
  const becameEntity =
    candidate.kind === "entity" &&
    (candidate.status === "accepted" || candidate.status === "merged") &&
    candidate.outcome !== null;
  return h(
    "p",
    { class: "candidate-outcome" },
    h("span", { class: `chip status ${candidate.status}` }, t(candidate.status, lang)),
    candidate.outcome === null ? null : ` ${t("outcome", lang)}: ${candidate.outcome}`,
    candidate.reason === null ? null : ` · ${candidate.reason}`,
    becameEntity
      ? [
          " ",
          button(t("openInGraph", lang), () => actions.openEntity(candidate.outcome ?? ""), {
            class: "open-in-graph",
          }),
        ]
      : null,
  );
}

export function candidateCard(candidate: Candidate, context: CardContext): HTMLLIElement {
  const { labels, lang, form, actions } = context;
  const pending = candidate.status === "pending";
  const toggle = (which: CandidateForm) => () =>
    actions.toggle(candidate, form === which ? null : which);
  return h(
    "li",
    {
      class: "candidate",
      "data-id": candidate.id,
      "data-kind": candidate.kind,
      "data-status": candidate.status,
    },
    h(
      "div",
      { class: "candidate-head" },
      h("span", { class: "chip candidate-kind" }, t(candidate.kind, lang)),
      " ",
      what(candidate, labels, lang),
    ),
    h(
      "p",
      { class: "candidate-meta muted" },
      `${t("confidence", lang)} ${candidate.confidence.toFixed(2)} · ${t("rule", lang)} `,
      h("code", {}, candidate.rule),
      candidate.kind === "entity" ? ` · ${occurrences(candidate.occurrences, lang)}` : null,
    ),
    passageBlock(candidate),
    outcomeLine(candidate, context),
    pending
      ? h(
          "div",
          { class: "actions" },
          button(t("accept", lang), () => actions.accept(candidate, null), { class: "accept" }),
          button(t("editAccept", lang), toggle("edit"), {
            class: "edit",
            "aria-expanded": form === "edit" ? "true" : "false",
          }),
          button(t("reject", lang), toggle("reject"), {
            class: "reject",
            "aria-expanded": form === "reject" ? "true" : "false",
          }),
          candidate.kind === "entity"
            ? button(t("merge", lang), toggle("merge"), {
                class: "merge",
                "aria-expanded": form === "merge" ? "true" : "false",
              })
            : null,
        )
      : null,
    pending && form === "edit" ? editForm(candidate, context) : null,
    pending && form === "reject" ? rejectForm(candidate, context) : null,
    pending && form === "merge" ? mergeForm(candidate, context) : null,
  );
}
