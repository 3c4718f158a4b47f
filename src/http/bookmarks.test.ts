import { describe, expect, it } from "vitest";
import { decodeBookmarks, encodeBookmarks } from "./bookmarks";

const B1 = "FB:kcwQ0c7C633iQq6yvBb9fBEauASQ";
const B2 = "FB:kcwQ0c7C633iQq6yvBb9fBEauASR";

describe("the X-Neo4j-Bookmark value", () => {
  it("encodes each bookmark as base64url, comma-separated, and decodes back to the same list", () => {
    const value = encodeBookmarks([B1, B2]);
    expect(value).toBe(
      "RkI6a2N3UTBjN0M2MzNpUXE2eXZCYjlmQkVhdUFTUQ,RkI6a2N3UTBjN0M2MzNpUXE2eXZCYjlmQkVhdUFTUg",
    );
    expect(decodeBookmarks(value)).toEqual({ ok: true, bookmarks: [B1, B2] });
  });

  it("reads a repeated header as HTTP joins it (', '), duplicates once", () => {
    const one = encodeBookmarks([B1]);
    expect(decodeBookmarks(`${one}, ${encodeBookmarks([B2])}, ${one}`)).toEqual({
      ok: true,
      bookmarks: [B1, B2],
    });
  });

  it("holds no bookmark when absent or blank", () => {
    expect(decodeBookmarks(undefined)).toEqual({ ok: true, bookmarks: [] });
    expect(decodeBookmarks("  ")).toEqual({ ok: true, bookmarks: [] });
  });

  it.each([
    [B1, "bookmark 1 is not base64url (letters, digits, - and _)"],
    [`${encodeBookmarks([B1])},,x`, "bookmark 2 is empty"],
    [`${encodeBookmarks([B1])},a+b=`, "bookmark 2 is not base64url (letters, digits, - and _)"],
    [
      Buffer.from("two words").toString("base64url"),
      "bookmark 1 does not decode to a Neo4j bookmark",
    ],
    [Buffer.from("成都").toString("base64url"), "bookmark 1 does not decode to a Neo4j bookmark"],
    // Decodes, but not from what encodeBookmarks writes (a dangling bit changes on re-encoding).
    ["RkI6YR", "bookmark 1 does not decode to a Neo4j bookmark"],
    ["A".repeat(1_025), "bookmark 1 is longer than 1024 characters"],
    [Array.from({ length: 17 }, () => "Rkk").join(","), "it holds 17 bookmarks, more than 16"],
  ])("refuses %s: %s", (value, reason) => {
    expect(decodeBookmarks(value)).toEqual({ ok: false, reason });
  });
});
