import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkSeedSet, loadSeedSet } from "../seeds";
import { proposeCandidates } from "./candidates";
import { evaluate, knownFormsOf, type Evaluation, type Truth } from "./evaluate";
import { splitPassages } from "./passages";

const SEEDS = path.resolve(__dirname, "../../seeds");

let text: string;
let truth: Truth;
let result: Evaluation;

beforeAll(async () => {
  const { problems, checked } = checkSeedSet(await loadSeedSet(SEEDS));
  expect(problems).toEqual([]);
  const document = checked.documents[0];
  if (document?.text === undefined) throw new Error("the seed document is missing");
  text = document.text;
  truth = {
    documentId: document.record.id,
    entities: checked.entities.map((e) => e.record),
    relationships: checked.relationships.map((r) => r.record),
  };
  result = evaluate(text, splitPassages(text), truth);
});

/**
 * Issue 15 asks for entity recall ≥ 85% and precision ≥ 70%, relationship recall and precision
 * ≥ 60%, mention recall ≥ 95%. The floors sit just below what the rules reach today
 * (`npx tsx scripts/ingest-eval.ts` prints the figures), so a rule change that loses ground fails.
 */
describe("extraction measured on the seed document read as if new", () => {
  it("counts against the whole curated truth", () => {
    expect(result.entities.seeds).toBe(215);
    expect(result.relationships.seeds).toBe(178);
    expect(result.mentions.seeds).toBe(248);
  });

  it("proposes entities with recall ≥ 0.87 and precision ≥ 0.85", () => {
    expect(result.entities.recall).toBeGreaterThanOrEqual(0.87);
    expect(result.entities.precision).toBeGreaterThanOrEqual(0.85);
  });

  it("proposes stated relationships with recall ≥ 0.63 and precision ≥ 0.79", () => {
    expect(result.relationships.recall).toBeGreaterThanOrEqual(0.63);
    expect(result.relationships.precision).toBeGreaterThanOrEqual(0.79);
  });

  it("finds ≥ 0.97 of the curated mentions when the curated graph is known", () => {
    expect(result.mentions.recall).toBeGreaterThanOrEqual(0.97);
  });

  it("lists at most ten misses of each sort, most frequent first", () => {
    for (const list of Object.values(result.misses)) {
      expect(list.length).toBeLessThanOrEqual(10);
      const counts = list.map((t) => t.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
  });

  it("quotes every candidate verbatim at its offset, with and without the curated graph", () => {
    for (const forms of [[], knownFormsOf(truth.entities)]) {
      const proposed = proposeCandidates(text, splitPassages(text), forms);
      const all = [...proposed.entities, ...proposed.relationships, ...proposed.facts];
      expect(all.length).toBeGreaterThan(100);
      const wrong = all.filter((c) => text.slice(c.start, c.start + c.quote.length) !== c.quote);
      expect(wrong).toEqual([]);
      const occurrences = proposed.entities.flatMap((e) => e.occurrences);
      expect(
        occurrences.filter((o) => text.slice(o.start, o.start + o.quote.length) !== o.quote),
      ).toEqual([]);
      const mentions = proposed.mentions.filter(
        (m) => text.slice(m.start, m.start + m.quote.length) !== m.quote,
      );
      expect(mentions).toEqual([]);
    }
  });
});
