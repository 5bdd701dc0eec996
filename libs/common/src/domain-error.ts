/**
 * The one base of every domain error. A library declares its codes (an enum) and, once, the kind
 * of each code; the API maps kinds to GraphQL codes and the CLI maps kinds to exit codes, each in
 * one place, so a new error family needs no change there.
 */
export enum ErrorKind {
  /** The caller's input is wrong: a value, a document, an option. */
  INVALID_INPUT = 'INVALID_INPUT',
  /** What the caller named does not exist (or the caller may not know it exists). */
  NOT_FOUND = 'NOT_FOUND',
  /** The change contradicts the current state: stale revision, duplicate, still referenced. */
  CONFLICT = 'CONFLICT',
  /** No valid credentials. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** Valid credentials, not allowed. */
  FORBIDDEN = 'FORBIDDEN',
  /** Too many attempts: try again later. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** A store or a scanned source cannot be reached now; the same call may succeed later. */
  UNAVAILABLE = 'UNAVAILABLE',
  /** The process's own configuration (environment, configured stores) is wrong: fix and restart. */
  CONFIGURATION = 'CONFIGURATION',
  /** A fault of ours: the message is logged, the caller gets a generic line. */
  INTERNAL = 'INTERNAL',
}

export const ERROR_KINDS: readonly ErrorKind[] = Object.values(ErrorKind);

/**
 * A typed domain error: `code` is the library's own (e.g. `INVENTORY_NOT_FOUND`), `kind` what it
 * means to a caller. The message is shown to clients: libraries keep it free of internals, secrets
 * and sampled values. `details` are extra client-safe members (e.g. validation issues).
 */
export abstract class DomainError<C extends string = string> extends Error {
  readonly kind: ErrorKind;

  protected constructor(
    readonly code: C,
    message: string,
    kinds: Readonly<Record<C, ErrorKind>>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.kind = kinds[code] ?? ErrorKind.INTERNAL;
    this.name = new.target.name;
  }

  /** Client-safe extra members for API error extensions; none by default. */
  details(): Record<string, unknown> {
    return {};
  }
}

/** The kind of any thrown value: a domain error's own, INTERNAL for everything else. */
export function errorKindOf(error: unknown): ErrorKind {
  return error instanceof DomainError ? error.kind : ErrorKind.INTERNAL;
}
