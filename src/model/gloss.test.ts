import { describe, expect, it } from "vitest";
import { splitGloss } from "./gloss";

describe("splitGloss", () => {
  it.each([
    ["常委 (standing committee member)", "常委", "standing committee member"],
    [
      "党组书记、局长 (Party secretary and director)",
      "党组书记、局长",
      "Party secretary and director",
    ],
    [
      "首批试点高校（first batch of pilot universities）",
      "首批试点高校",
      "first batch of pilot universities",
    ],
  ])("splits %s into the stated words and the gloss", (value, text, gloss) => {
    expect(splitGloss(value)).toEqual({ text, gloss });
  });

  it.each([["2015"], ["Kechuangtong (科创通)"], ["研究院（成都）"], ["plain words (in brackets)"]])(
    "keeps %s whole when it has no Latin gloss after Chinese words",
    (value) => {
      expect(splitGloss(value)).toEqual({ text: value, gloss: null });
    },
  );
});
