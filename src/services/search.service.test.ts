import { describe, expect, it } from "vitest";
import { foldQuery, searchTerms, termSpans, toLuceneQuery } from "./search.service";

describe("searchTerms", () => {
  it("folds width, case and traditional characters, and splits on what is not a letter or digit", () => {
    expect(foldQuery("電子科技大學 ＵＥＳＴＣ")).toBe("电子科技大学 uestc");
    expect(searchTerms('研究院) AND (*:* OR name:"x')).toEqual([
      "研究院",
      "and",
      "or",
      "name",
      "x",
    ]);
    expect(searchTerms("电子科🚀")).toEqual(["电子科"]);
    expect(searchTerms("🚀 ~~ ***")).toEqual([]);
  });
});

describe("toLuceneQuery", () => {
  it("ranks all terms together first, then each as a phrase, then its words, with stems and prefixes", () => {
    expect(toLuceneQuery("汽车 Incubators")).toBe(
      '("汽车" AND "incubators")^4 OR "汽车"^2 OR 汽车 OR "incubators"^2 OR incubators OR incubator*',
    );
    expect(toLuceneQuery("汽")).toBe('("汽")^4 OR "汽"^2 OR 汽 OR 汽*');
    expect(toLuceneQuery("keji daxue")).toBe(
      '("keji" AND "daxue")^4 OR "keji"^2 OR keji OR keji* OR "daxue"^2 OR daxue OR daxue* OR kejidaxue*^3',
    );
  });

  it("is empty when nothing searchable is left", () => {
    expect(toLuceneQuery("!!! 🚀")).toBe("");
  });
});

describe("termSpans", () => {
  it("finds each term in the text as the query was folded, merging overlaps", () => {
    expect(termSpans("首批试点高校 (first batch of pilot universities)", ["试点高校"])).toEqual([
      { start: 2, end: 6 },
    ]);
    expect(termSpans("電子科技大學 UESTC", ["电子科", "科技大学", "uestc"])).toEqual([
      { start: 0, end: 6 },
      { start: 7, end: 12 },
    ]);
    expect(termSpans("轨道交通", ["轨道交通产业"])).toEqual([]);
  });
});
