import { describe, expect, it } from "vitest";
import { CONTEXT_CHARS, quoteInContext } from "./evidence-context";

function quoted(context: ReturnType<typeof quoteInContext>): string | undefined {
  return context?.text.slice(context.quoteStart, context.quoteEnd);
}

describe("quoteInContext", () => {
  it("returns the whole line that holds the quote, with the quote's place in it", () => {
    const text = "第一行。\n双流县与电子科大共建研究院。其后一句。\n第三行";
    const start = text.indexOf("电子科大");
    const context = quoteInContext(text, start, start + 4, "电子科大");
    expect(context).toEqual({
      text: "双流县与电子科大共建研究院。其后一句。",
      quoteStart: 4,
      quoteEnd: 8,
    });
  });

  it("cuts a long paragraph at sentence ends within the window on each side", () => {
    const filler = "很长的一句话".repeat(40);
    const text = `${filler}。前一句。引文在此。后一句。${filler}。`;
    const start = text.indexOf("引文在此");
    const context = quoteInContext(text, start, start + 4, "引文在此");
    expect(quoted(context)).toBe("引文在此");
    expect(context?.text.startsWith("前一句。")).toBe(true);
    expect(context?.text.endsWith("后一句。")).toBe(true);
  });

  it("marks a cut with an ellipsis where no sentence ends within the window", () => {
    const text = `${"字".repeat(CONTEXT_CHARS * 2)}引文${"字".repeat(CONTEXT_CHARS * 2)}`;
    const start = text.indexOf("引文");
    const context = quoteInContext(text, start, start + 2, "引文");
    expect(context?.text).toBe(`…${"字".repeat(CONTEXT_CHARS)}引文${"字".repeat(CONTEXT_CHARS)}…`);
    expect(quoted(context)).toBe("引文");
  });

  it("is null when the offsets do not hold the quote", () => {
    expect(quoteInContext("甲乙丙", 0, 2, "乙丙")).toBeNull();
    expect(quoteInContext("甲乙丙", 2, 9, "丙")).toBeNull();
  });
});
