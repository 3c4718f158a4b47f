import { describe, expect, it } from "vitest";
import { RequestBookmarks } from "./bookmarks";

describe("RequestBookmarks", () => {
  it("starts no session after anything when the client sent none and nothing was written", () => {
    const bookmarks = new RequestBookmarks();
    expect(bookmarks.forSession()).toBeUndefined();
    expect(bookmarks.writes).toEqual([]);
  });

  it("starts sessions after the client's bookmarks, and after the request's own writes once made", () => {
    const bookmarks = new RequestBookmarks(["FB:client"]);
    expect(bookmarks.forSession()).toEqual(["FB:client"]);
    bookmarks.wrote(["FB:first"]);
    bookmarks.wrote(["FB:second", "FB:first"]);
    expect(bookmarks.forSession()).toEqual(["FB:client", "FB:first", "FB:second"]);
    // Only the writes go back to the client: it already holds what it sent.
    expect(bookmarks.writes).toEqual(["FB:first", "FB:second"]);
  });
});
