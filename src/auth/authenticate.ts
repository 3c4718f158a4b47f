import { createHash, timingSafeEqual } from "node:crypto";
import { createPublicKey, createSecretKey, type KeyObject } from "node:crypto";
import { jwtVerify, errors as joseErrors } from "jose";
import { ROLES, type Config, type Role } from "../config";
import { UnauthenticatedError } from "../errors";
import { ANONYMOUS, type Principal } from "./principal";

export type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** Verifies credentials; built once per process from the configuration. */
export interface Authenticator {
  authenticate(headers: Headers): Promise<Principal>;
}

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function rolesOf(claim: unknown): Role[] {
  const values = Array.isArray(claim) ? claim : [claim];
  return values.filter((value): value is Role => (ROLES as readonly unknown[]).includes(value));
}

/**
 * API keys come in `X-API-Key` (or as a bearer token that is not a JWT) and are compared by their
 * sha256 in constant time. JWTs come as `Authorization: Bearer <jwt>` and are verified with jose
 * against pinned algorithms (HS256 for a shared secret, RS256/ES256 for a public key), the
 * configured issuer and audience, and a required expiry. Roles come from the `roles` (or `role`)
 * claim. No credentials means the anonymous principal; wrong credentials are an error, never a
 * silent downgrade to anonymous.
 */
export function createAuthenticator(config: Pick<Config, "apiKeys" | "jwt">): Authenticator {
  const keys = config.apiKeys.map((key) => ({ ...key, digest: Buffer.from(key.sha256, "hex") }));
  const jwt = config.jwt;
  let key: KeyObject | null = null;
  let algorithms: string[] = [];
  if (jwt !== null) {
    if (jwt.secret !== null) {
      key = createSecretKey(Buffer.from(jwt.secret, "utf8"));
      algorithms = ["HS256"];
    } else if (jwt.publicKey !== null) {
      key = createPublicKey(jwt.publicKey);
      algorithms = key.asymmetricKeyType === "ec" ? ["ES256"] : ["RS256"];
    }
  }

  const byApiKey = (presented: string): Principal => {
    const digest = createHash("sha256").update(presented).digest();
    const match = keys.find((candidate) => timingSafeEqual(candidate.digest, digest));
    if (match === undefined) throw new UnauthenticatedError("The API key is not valid.");
    return { id: `apikey:${match.label}`, roles: [match.role], anonymous: false };
  };

  const byJwt = async (token: string): Promise<Principal> => {
    if (jwt === null || key === null)
      throw new UnauthenticatedError("Bearer tokens are not accepted by this server.");
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms,
        issuer: jwt.issuer,
        audience: jwt.audience,
        requiredClaims: ["exp", "sub"],
      });
      const roles = rolesOf(payload.roles ?? payload.role);
      return { id: `jwt:${payload.sub ?? "unknown"}`, roles, anonymous: false };
    } catch (error) {
      const reason =
        error instanceof joseErrors.JWTExpired
          ? "The bearer token has expired."
          : "The bearer token is not valid for this server.";
      throw new UnauthenticatedError(reason);
    }
  };

  return {
    authenticate: async (headers) => {
      const apiKey = header(headers, "x-api-key");
      if (apiKey !== undefined && apiKey !== "") return byApiKey(apiKey);
      const authorization = header(headers, "authorization");
      if (authorization === undefined || authorization === "") return ANONYMOUS;
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (match?.[1] === undefined)
        throw new UnauthenticatedError("Authorization must be `Bearer <token>`.");
      const token = match[1];
      return token.split(".").length === 3 ? byJwt(token) : byApiKey(token);
    },
  };
}
