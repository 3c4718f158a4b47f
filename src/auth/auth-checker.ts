import type { AuthChecker } from "type-graphql";
import { ROLES, type Role } from "../config";
import { ForbiddenError, UnauthenticatedError } from "../errors";
import type { Context } from "../graphql/context";
import { hasRole } from "./principal";

/**
 * type-graphql's @Authorized check: runs before the resolver, so a refused call touches nothing.
 * `@Authorized("editor")` admits editors and admins.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const principal = context.principal;
  if (principal.anonymous) throw new UnauthenticatedError();
  const needed =
    roles.length === 0 ? ["reader" as const] : roles.filter((role) => ROLES.includes(role));
  if (needed.some((role) => hasRole(principal, role))) return true;
  throw new ForbiddenError(
    `This needs the ${needed.join(" or ")} role; ${principal.id} has ${principal.roles.join(", ") || "none"}.`,
  );
};
