import type { Role } from "../config";

/** Who is calling: an API key, a JWT subject, or nobody. */
export interface Principal {
  /** For audit records and logs: `apikey:editor:1a2b`, `jwt:alice`, or `anonymous`. */
  readonly id: string;
  readonly roles: readonly Role[];
  readonly anonymous: boolean;
}

export const ANONYMOUS: Principal = { id: "anonymous", roles: [], anonymous: true };

const RANK: Readonly<Record<Role, number>> = { reader: 1, editor: 2, admin: 3 };

/** Roles are ordered: an admin may do what an editor may, an editor what a reader may. */
export function hasRole(principal: Principal, needed: Role): boolean {
  return principal.roles.some((role) => RANK[role] >= RANK[needed]);
}
