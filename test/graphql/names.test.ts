import { describe, expect, it } from "vitest";
import { serveForFile, type Data } from "../helpers/server";

const { ok } = serveForFile();

const resolve = async (name: string): Promise<Data[]> =>
  (
    await ok(
      `query ($n: String!) { resolve(name: $n) {
        id name laterNames { name nameEn kind year note source outsideKnowledge } } }`,
      { n: name },
    )
  ).resolve as Data[];

const ids = async (name: string): Promise<string[]> =>
  (await resolve(name)).map((entity) => entity.id as string);

const lookup = async (name: string): Promise<Data> =>
  (
    await ok(
      `query ($n: String!) { lookup(name: $n) {
        matches { id } suggestions { nameForm distance entity { id } } } }`,
      { n: name },
    )
  ).lookup as Data;

describe("later names (outside knowledge)", () => {
  it("resolves today's names of places to the entities the 2015 document names", async () => {
    expect(await ids("双流区")).toEqual(["shuangliu-county"]);
    expect(await ids("郫都区")).toEqual(["pi-county"]);
    expect(await ids("新津区")).toEqual(["xinjin-county"]);
    expect(await ids("成都信息工程大学")).toEqual(["cuit"]);
  });

  it("resolves the later English names, in any case", async () => {
    expect(await ids("Shuangliu District")).toEqual(["shuangliu-county"]);
    expect(await ids("Pidu District")).toEqual(["pi-county"]);
    expect(await ids("xinjin district")).toEqual(["xinjin-county"]);
    expect(await ids("Chengdu University of Information Technology")).toEqual(["cuit"]);
  });

  it("resolves the start of one entity's pinyin, and not a start several share", async () => {
    expect(await ids("shuangliu")).toEqual(["shuangliu-county"]);
    expect((await lookup("shuangliu")).matches).toEqual([{ id: "shuangliu-county" }]);
    // dianzi keji starts 电子科技大学 and the alias 电子科技大学成都研究院 of another entity.
    expect(await ids("dianzi keji")).toEqual([]);
    // Under six letters a start is not taken for a name, even one only 双流县's pinyin has.
    expect(await ids("shuan")).toEqual([]);
  });

  it("resolves a later name in pinyin, read as the name reads", async () => {
    expect(await ids("pidu qu")).toEqual(["pi-county"]);
    expect(await ids("Shuāngliú Qū")).toEqual(["shuangliu-county"]);
  });

  it("shows each later name with its year, marked as outside knowledge without a source", async () => {
    const [shuangliu] = await resolve("双流区");
    expect(shuangliu).toMatchObject({ id: "shuangliu-county", name: "双流县" });
    expect(shuangliu?.laterNames).toEqual([
      {
        name: "双流区",
        nameEn: "Shuangliu District",
        kind: "renamed",
        year: 2015,
        note: expect.stringMatching(/^Outside knowledge.*December 2015.*2016/),
        source: null,
        outsideKnowledge: true,
      },
    ]);
    const later = async (name: string) =>
      (await resolve(name)).map((entity) =>
        (entity.laterNames as Data[]).map((l) => [l.name, l.year, l.source, l.outsideKnowledge]),
      );
    expect(await later("郫都区")).toEqual([[["郫都区", 2016, null, true]]]);
    expect(await later("新津区")).toEqual([[["新津区", 2020, null, true]]]);
    expect(await later("成都信息工程大学")).toEqual([[["成都信息工程大学", 2015, null, true]]]);
  });

  it("gives an entity without later names an empty list, also where it is read without details", async () => {
    expect((await resolve("电子科技大学"))[0]?.laterNames).toEqual([]);
    const data = await ok(`{ entity(id: "shuangliu-county") {
      relations(first: 1) { node { id laterNames { year } } } } }`);
    expect(data.entity.relations[0].node.laterNames).toBeInstanceOf(Array);
  });

  it("still prefers the document's own names: 双流县 resolves as before", async () => {
    expect(await ids("双流县")).toEqual(["shuangliu-county"]);
    expect(await ids("郫县")).toEqual(["pi-county"]);
  });
});

describe("pinyin", () => {
  it("resolves a Chinese name typed in pinyin, with or without spaces, tones and case", async () => {
    expect(await ids("dianzi keji daxue")).toEqual(["uestc"]);
    expect(await ids("dianzikejidaxue")).toEqual(["uestc"]);
    expect(await ids("Diàn Zǐ Kē Jì Dà Xué")).toEqual(["uestc"]);
    expect(await ids("diàn zǐ kē jì dà xué")).toEqual(["uestc"]);
    expect(await ids("DIANZI KEJI DAXUE")).toEqual(["uestc"]);
  });

  it("resolves the pinyin of an alias and of a later name", async () => {
    expect(await ids("dianzi keda")).toEqual(["uestc"]);
    expect(await ids("shuangliu xian")).toEqual(["shuangliu-county"]);
    expect(await ids("shuangliuqu")).toEqual(["shuangliu-county"]);
  });

  it("does not resolve a pinyin start several names share, but lookup suggests the closest", async () => {
    // dianzike starts 电子科大 (uestc) and 电子科大成都研究院's forms alike.
    expect(await ids("dianzike")).toEqual([]);
    const found = await lookup("dianzike");
    expect(found.matches).toEqual([]);
    expect(found.suggestions[0].entity.id).toBe("uestc");
    const distances = (found.suggestions as Data[]).map((s) => s.distance as number);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it("lookup suggests by pinyin prefix where the search finds nothing", async () => {
    const found = await lookup("dianzike");
    expect(found.suggestions[0]).toEqual({
      nameForm: "电子科大",
      distance: 2,
      entity: { id: "uestc" },
    });
  });

  it("lookup resolves full pinyin as resolve does", async () => {
    expect((await lookup("dianzi keji daxue")).matches).toEqual([{ id: "uestc" }]);
  });
});
