import { describe, expect, it } from "vitest";

import { normalizeName } from "./names";

describe("normalizeName", () => {
  it("folds case and full-width forms and collapses whitespace", () => {
    expect(normalizeName("  ＵＥＳＴＣ\u3000 Chengdu\n")).toBe("uestc chengdu");
  });

  it("leaves Chinese characters as they are", () => {
    expect(normalizeName("电子科大")).toBe("电子科大");
  });
});
