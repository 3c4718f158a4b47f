import { readFileSync } from "node:fs";
import path from "node:path";

export interface ExpectedAnswer {
  readonly zh: string;
  readonly en: string;
  readonly value?: number;
}

export interface AcceptanceQuestion {
  readonly id: string;
  readonly question_en: string;
  readonly question_zh: string;
  readonly answer_kind: "set" | "count" | "path";
  readonly expected: readonly ExpectedAnswer[];
}

/** The sample questions users ask, with the answers the document gives (copied from shared/). */
export function loadQuestions(): AcceptanceQuestion[] {
  const file = path.resolve(__dirname, "../acceptance-questions.json");
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { questions: AcceptanceQuestion[] };
  return parsed.questions;
}

/** The exact answer a question expects, as the test compares it: a sorted set of names or a number. */
export function expectedAnswer(question: AcceptanceQuestion): string[] | number {
  if (question.answer_kind === "count") {
    const [first] = question.expected;
    if (first?.value === undefined) throw new Error(`${question.id} has no numeric value`);
    return first.value;
  }
  return question.expected.map((answer) => answer.zh).sort();
}
