import { describe, expect, it } from "vitest";

import { pageText } from "./pdf-lines";

const run = (str: string, hasEOL = false) => ({ str, hasEOL });

describe("pageText", () => {
  it("ends a line after each run marked hasEOL", () => {
    expect(pageText([run("第一条", true), run("第二条", true), run("第三条")])).toBe(
      "第一条\n第二条\n第三条",
    );
  });

  it("joins the runs of a line without adding anything", () => {
    expect(pageText([run("成都市"), run("科技局"), run("2015年")])).toBe("成都市科技局2015年");
  });

  it("drops a space run between two Chinese characters or full-width marks", () => {
    expect(
      pageText([run("成都"), run(" "), run("市"), run("  "), run("“双创”"), run(" "), run("，")]),
    ).toBe("成都市“双创”，");
  });

  it("keeps a space run between Latin words, digits, or Latin and Chinese", () => {
    expect(
      pageText([run("UESTC"), run(" "), run("2015"), run(" "), run("年"), run(" "), run("B")]),
    ).toBe("UESTC 2015 年 B");
  });

  it("keeps a space between a Latin word and a quote mark", () => {
    expect(pageText([run("the"), run(" "), run("“pilot”"), run(" "), run("zone")])).toBe(
      "the “pilot” zone",
    );
  });

  it("drops a space between characters outside the Basic Multilingual Plane", () => {
    expect(pageText([run("𠀀"), run(" "), run("𠀁")])).toBe("𠀀𠀁");
  });

  it("keeps empty lines and ignores empty runs", () => {
    expect(pageText([run("甲", true), run("", true), run(""), run("乙", true)])).toBe("甲\n\n乙");
  });

  it("gives an empty string for a page without runs", () => {
    expect(pageText([])).toBe("");
  });
});
