/**
 * Typed domain errors with a stable `code`. The message text lives in the catalogues
 * (messages/*.ts, section `problems`), so the API and forms speak the reader's language.
 */
export type FieldError = { path: string; message: string; code?: string };

export abstract class DomainError extends Error {
  abstract readonly status: number;
  readonly code: string;
  readonly params: Record<string, string | number>;
  constructor(code: string, params: Record<string, string | number> = {}) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

export class ValidationError extends DomainError {
  override name = "ValidationError";
  readonly status = 422;
  readonly errors: FieldError[];
  constructor(errors: FieldError[], code = "validation.failed") {
    super(code, { count: errors.length });
    this.errors = errors;
  }
}

export class BadRequestError extends DomainError {
  override name = "BadRequestError";
  readonly status = 400;
}

export class UnauthorizedError extends DomainError {
  override name = "UnauthorizedError";
  readonly status = 401;
  constructor(code = "auth.unauthenticated") {
    super(code);
  }
}

export class ForbiddenError extends DomainError {
  override name = "ForbiddenError";
  readonly status = 403;
  constructor(code = "auth.forbidden", params: Record<string, string | number> = {}) {
    super(code, params);
  }
}

export class NotFoundError extends DomainError {
  override name = "NotFoundError";
  readonly status = 404;
}

export class ConflictError extends DomainError {
  override name = "ConflictError";
  readonly status = 409;
}

/** The resource existed and is gone for good (a revoked scanner device). */
export class GoneError extends DomainError {
  override name = "GoneError";
  readonly status = 410;
}

export class PayloadTooLargeError extends DomainError {
  override name = "PayloadTooLargeError";
  readonly status = 413;
}

export class UnsupportedMediaTypeError extends DomainError {
  override name = "UnsupportedMediaTypeError";
  readonly status = 415;
}

export class RateLimitedError extends DomainError {
  override name = "RateLimitedError";
  readonly status = 429;
  readonly retryAfterSeconds: number;
  constructor(code: string, retryAfterSeconds: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super(code, { seconds });
    this.retryAfterSeconds = seconds;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** A Postgres unique-constraint violation (23505), from any driver (drizzle wraps it in `cause`). */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === "23505" || err?.cause?.code === "23505";
}
