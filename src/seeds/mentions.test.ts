import { describe, expect, it } from "vitest";
import { findMentions } from "./mentions";

describe("findMentions", () => {
  const forms = [
    { form: "电子科大", entityId: "uestc" },
    { form: "电子科大成都研究院", entityId: "uestc-institute" },
    { form: "双流县", entityId: "shuangliu-county" },
    { form: "蓉", entityId: "chengdu" },
    { form: "高新区", entityId: "gaoxin-a" },
    { form: "高新区", entityId: "gaoxin-b" },
  ];

  it("finds every occurrence, longest match first, without overlaps", () => {
    const text = "双流县共建电子科大成都研究院，电子科大在双流县。";
    expect(findMentions(text, forms)).toEqual([
      { entityId: "shuangliu-county", start: 0, quote: "双流县" },
      { entityId: "uestc-institute", start: 5, quote: "电子科大成都研究院" },
      { entityId: "uestc", start: 15, quote: "电子科大" },
      { entityId: "shuangliu-county", start: 20, quote: "双流县" },
    ]);
  });

  it("skips one-character forms and forms that name several entities", () => {
    expect(findMentions("在蓉高校与高新区", forms)).toEqual([]);
  });
});
