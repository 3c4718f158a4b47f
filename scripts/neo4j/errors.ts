/**
 * A failure of the managed Neo4j that the user can act on. It carries plain lines (what went wrong
 * first, then what to do) so the CLI can print them prefixed `[neo4j]` without a stack trace, while
 * programmatic callers still get one readable `message`.
 */
export class Neo4jManagerError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join(" "));
    this.name = "Neo4jManagerError";
  }
}
