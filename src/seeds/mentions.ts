/**
 * Automatic mentions: every place a document names an entity by one of its name forms. Found
 * longest match first, so 电子科大成都研究院 is a mention of the institute, not of 电子科大 as well;
 * a form that names several entities names none of them here (it cannot say which).
 */

/** A name form and the entity it names. */
export interface NameFormOf {
  readonly form: string;
  readonly entityId: string;
}

/** An entity named in a text at [start, start + quote.length). */
export interface FoundMention {
  readonly entityId: string;
  readonly start: number;
  readonly quote: string;
}

/** Forms shorter than this are not looked for: one character (蓉) names too much else. */
export const MIN_FORM_LENGTH = 2;

/**
 * Every mention of the forms in a text: all places each form occurs, then, longest first (then
 * earliest), those that overlap no mention already kept. Results are ordered by position.
 * @example findMentions("如双流县与高校共建", [{ form: "双流县", entityId: "shuangliu-county" }])
 *   → [{ entityId: "shuangliu-county", start: 1, quote: "双流县" }]
 */
export function findMentions(text: string, forms: readonly NameFormOf[]): FoundMention[] {
  const entitiesOf = new Map<string, Set<string>>();
  for (const { form, entityId } of forms) {
    if (form.length < MIN_FORM_LENGTH) continue;
    entitiesOf.set(form, (entitiesOf.get(form) ?? new Set()).add(entityId));
  }
  const candidates: FoundMention[] = [];
  for (const [form, entities] of entitiesOf) {
    if (entities.size !== 1) continue;
    const [entityId] = [...entities];
    if (entityId === undefined) continue;
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      candidates.push({ entityId, start: at, quote: form });
    }
  }
  candidates.sort((a, b) => b.quote.length - a.quote.length || a.start - b.start);
  const taken: boolean[] = new Array<boolean>(text.length).fill(false);
  const kept: FoundMention[] = [];
  for (const mention of candidates) {
    const end = mention.start + mention.quote.length;
    let free = true;
    for (let i = mention.start; i < end && free; i += 1) free = !taken[i];
    if (!free) continue;
    for (let i = mention.start; i < end; i += 1) taken[i] = true;
    kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start);
}
