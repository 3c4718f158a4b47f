/**
 * The causal-consistency state of one request. A Neo4j bookmark names a committed transaction; a
 * session opened with bookmarks starts only once the server it runs on has applied them. On a
 * cluster, that is how a read through one API replica, routed to a secondary, sees a write made
 * through another replica a moment before.
 *
 * A request starts with the bookmarks its client sent (`after`, from a previous response). Each of
 * its write sessions adds the bookmark of what it committed, so later reads of the same request
 * see its own writes and the response can hand the client what to send next. No bookmark manager
 * links requests to one another: a request without bookmarks waits for nothing, as before.
 */
export class RequestBookmarks {
  private readonly written = new Set<string>();

  constructor(private readonly after: readonly string[] = []) {}

  /** The bookmarks a new session of this request starts after; undefined when there are none. */
  forSession(): string[] | undefined {
    if (this.written.size === 0) return this.after.length === 0 ? undefined : [...this.after];
    return [...this.after, ...this.written];
  }

  /** Notes the bookmarks a write session left when it committed. */
  wrote(bookmarks: readonly string[]): void {
    for (const bookmark of bookmarks) this.written.add(bookmark);
  }

  /** The bookmarks of this request's committed writes, in commit order; empty if it wrote none. */
  get writes(): readonly string[] {
    return [...this.written];
  }
}
