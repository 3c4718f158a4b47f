/** Name comparison shared by the seeds check, the seeder, the services and the resolvers. */

/**
 * The form under which names are compared: case- and width-insensitive (NFKC folds full-width
 * `ＵＥＳＴＣ` to `UESTC`), trimmed, with runs of whitespace collapsed to one space.
 *
 * @example normalizeName(" ＵＥＳＴＣ  Chengdu ") === "uestc chengdu"
 */
export function normalizeName(name: string): string {
  return name.normalize("NFKC").toLowerCase().trim().replace(/\s+/gu, " ");
}
