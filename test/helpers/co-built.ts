import { runInProcess } from "./in-process";

// Shared by the tests of brief and names records: shuangliu-county's co-built entities and their
// universities (4 and 4 on the seeded graph), and each entity's fields as entity(id) reads them.

/** Two levels of shuangliu-county's co-built entities, asking each `fields`. */
export const coBuiltTwoLevels = (fields: string) => `{ entity(id: "shuangliu-county") {
  ... on District { coBuilt(first: 100) { node { ${fields} ... on ResearchInstitute {
    universities(first: 5) { node { ${fields} } } } } } } } }`;

/** The entities of a coBuiltTwoLevels answer, each co-built one followed by its universities. */
export function coBuiltNodes<T extends { readonly universities?: readonly { node: T }[] }>(
  data: Record<string, unknown>,
): T[] {
  const entity = data.entity as { coBuilt: { node: T }[] };
  return entity.coBuilt.flatMap(({ node }) => [
    node,
    ...(node.universities ?? []).map((u) => u.node),
  ]);
}

/** Each entity's `fields` as entity(id) reads them (its whole record), by id. */
export async function fieldsById<T extends { readonly id: string }>(
  ids: readonly string[],
  fields: string,
): Promise<Map<string, T>> {
  const asked = ids.map((id, i) => `e${i}: entity(id: ${JSON.stringify(id)}) { id ${fields} }`);
  const { data } = await runInProcess(`{ ${asked.join(" ")} }`);
  return new Map((Object.values(data) as T[]).map((node) => [node.id, node]));
}
