import { GraphQLError, type GraphQLErrorOptions } from "graphql";

/** Every code a client can see in `extensions.code`. */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "SERVICE_UNAVAILABLE"
  | "INTERNAL_SERVER_ERROR"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "CONFLICT";

/** Base of every error the service raises on purpose; the message is safe to show to clients. */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(message: string, code: ErrorCode, options: GraphQLErrorOptions = {}) {
    super(message, { ...options, extensions: { ...options.extensions, code } });
    this.code = code;
    this.name = "AppError";
  }
}

export class BadUserInputError extends AppError {
  /** `details` go into `extensions` beside the code and the argument's name, e.g. candidates. */
  constructor(message: string, argumentName?: string, details: Record<string, unknown> = {}) {
    super(message, "BAD_USER_INPUT", {
      extensions: argumentName === undefined ? details : { ...details, argumentName },
    });
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super(message, "NOT_FOUND");
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message = "The graph database is unavailable; try again shortly.") {
    super(message, "SERVICE_UNAVAILABLE");
  }
}

export class InternalError extends AppError {
  constructor(message = "Internal server error") {
    super(message, "INTERNAL_SERVER_ERROR");
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super(message, "CONFLICT");
  }
}

export class UnauthenticatedError extends AppError {
  constructor(
    message = "Authentication is required: send an API key (X-API-Key) or a bearer token.",
  ) {
    super(message, "UNAUTHENTICATED", { extensions: { http: { status: 401 } } });
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(message, "FORBIDDEN");
  }
}
