import { describe, expect, it } from "vitest";

import { laterNamesOf } from "../repositories/entity.repository";
import { nameFormKeys } from "./seed-rows";

const shuangliu = {
  name: "双流县",
  nameEn: "Shuangliu County",
  aliases: [],
  laterNames: [
    {
      name: "双流区",
      nameEn: "Shuangliu District",
      kind: "renamed" as const,
      year: 2015,
      note: "outside knowledge",
    },
  ],
};

describe("nameFormKeys", () => {
  it("gives the document's forms, then later names, then the pinyin of every Chinese form", () => {
    expect(nameFormKeys(shuangliu)).toEqual([
      { key: "双流县", via: "name" },
      { key: "shuangliu county", via: "name" },
      { key: "双流区", via: "later" },
      { key: "shuangliu district", via: "later" },
      { key: "shuangliuxian", via: "pinyin" },
      { key: "shuangliuqu", via: "pinyin" },
    ]);
  });

  it("keeps the first way a key names the entity: an alias that is also its pinyin is a name", () => {
    const pi = { name: "郫县", nameEn: "Pi County", aliases: ["Pixian"], laterNames: [] };
    expect(nameFormKeys(pi)).toEqual([
      { key: "郫县", via: "name" },
      { key: "pi county", via: "name" },
      { key: "pixian", via: "name" },
    ]);
  });
});

describe("laterNamesOf", () => {
  it("reads the JSON an entity node keeps, with null for what is absent", () => {
    expect(
      laterNamesOf(JSON.stringify(shuangliu.laterNames.map(({ nameEn: _, ...l }) => l))),
    ).toEqual([
      {
        name: "双流区",
        nameEn: null,
        kind: "renamed",
        year: 2015,
        note: "outside knowledge",
        source: null,
      },
    ]);
  });

  it("is empty for a node without later names or with unreadable ones", () => {
    expect(laterNamesOf(null)).toEqual([]);
    expect(laterNamesOf("not json")).toEqual([]);
    expect(laterNamesOf('{"name":"x"}')).toEqual([]);
  });
});
