import { describe, expect, it } from "vitest";

import { pinyinKey, pinyinQueryKey } from "./pinyin";

describe("pinyinKey", () => {
  it("is the toneless pinyin of a Chinese name, lower case, without spaces", () => {
    expect(pinyinKey("电子科技大学")).toBe("dianzikejidaxue");
    expect(pinyinKey("双流县")).toBe("shuangliuxian");
    expect(pinyinKey("双流区")).toBe("shuangliuqu");
  });

  it("keeps Latin letters and digits of a mixed form and drops punctuation", () => {
    expect(pinyinKey("UESTC成都")).toBe("uestcchengdu");
    expect(pinyinKey("1+2+N政策")).toBe("12nzhengce");
  });

  it("writes ü as u, as a keyboard without ü types it", () => {
    expect(pinyinKey("绿色")).toBe("luse");
  });

  it("reads a polyphonic character as the name does, through the table of name readings", () => {
    // Without NAME_READINGS, pinyin-pro reads 都 in 郫都区 as dōu (docs/names.md).
    expect(pinyinKey("郫都区")).toBe("piduqu");
    expect(pinyinKey("成都")).toBe("chengdu");
    expect(pinyinKey("都江堰")).toBe("dujiangyan");
  });

  it("is null for a form without Chinese characters", () => {
    expect(pinyinKey("UESTC")).toBeNull();
    expect(pinyinKey("Shuangliu District")).toBeNull();
  });
});

describe("pinyinQueryKey", () => {
  it("folds tones, spaces and case as pinyinKey writes keys", () => {
    expect(pinyinQueryKey("dianzi keji daxue")).toBe("dianzikejidaxue");
    expect(pinyinQueryKey("dianzikejidaxue")).toBe("dianzikejidaxue");
    expect(pinyinQueryKey("Diàn Zǐ Kē Jì Dà Xué")).toBe("dianzikejidaxue");
    expect(pinyinQueryKey("ＳＨＵＡＮＧＬＩＵ  xian")).toBe("shuangliuxian");
  });

  it("reads ü and v as u", () => {
    expect(pinyinQueryKey("lǜ sè")).toBe("luse");
    expect(pinyinQueryKey("lv se")).toBe("luse");
    expect(pinyinQueryKey("lü'se")).toBe("luse");
  });

  it("is null for a name with Chinese characters or without a Latin letter", () => {
    expect(pinyinQueryKey("双流 xian")).toBeNull();
    expect(pinyinQueryKey("12345")).toBeNull();
    expect(pinyinQueryKey("  ")).toBeNull();
  });
});
