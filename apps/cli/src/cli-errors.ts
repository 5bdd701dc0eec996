import { DomainError, ErrorKind } from '@cartographer/common';

/** Exit codes of `carto`, one place for every command (documented in the README). */
export enum ExitCode {
  OK = 0,
  /** An internal fault, or an error of no known kind. */
  FAILURE = 1,
  /** The environment is wrong: a variable, or a configured store that does not answer. */
  CONFIG = 2,
  INVALID_INPUT = 3,
  NOT_FOUND = 4,
  CONFLICT = 5,
  /** An integrity check failed: the audit chain, a report's hash. */
  VERIFICATION_FAILED = 6,
  /** Not authenticated, or not allowed. */
  FORBIDDEN = 7,
  /** A store or a scanned source cannot be reached now (or too many attempts): try again later. */
  UNAVAILABLE = 8,
}

/** The one mapping of domain errors to exit codes: by kind, so a new error family needs no change here. */
export const EXIT_CODE_OF_KIND: Readonly<Record<ErrorKind, ExitCode>> = {
  [ErrorKind.INVALID_INPUT]: ExitCode.INVALID_INPUT,
  [ErrorKind.NOT_FOUND]: ExitCode.NOT_FOUND,
  [ErrorKind.CONFLICT]: ExitCode.CONFLICT,
  [ErrorKind.UNAUTHENTICATED]: ExitCode.FORBIDDEN,
  [ErrorKind.FORBIDDEN]: ExitCode.FORBIDDEN,
  [ErrorKind.RATE_LIMITED]: ExitCode.UNAVAILABLE,
  [ErrorKind.UNAVAILABLE]: ExitCode.UNAVAILABLE,
  [ErrorKind.CONFIGURATION]: ExitCode.CONFIG,
  [ErrorKind.INTERNAL]: ExitCode.FAILURE,
};

/**
 * A command's own outcome with its exit code: a usage mistake (bad option), or a check that
 * failed (`audit verify`). Library failures are domain errors and are mapped by kind instead.
 */
export class CliFailure extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

/** Maps any error to one line on stderr and an exit code; unknown errors get a generic line. */
export function exitCodeOf(error: unknown): { code: ExitCode; message: string } {
  if (error instanceof DomainError) return { code: EXIT_CODE_OF_KIND[error.kind], message: error.message };
  if (error instanceof CliFailure) return { code: error.exitCode, message: error.message };
  return { code: ExitCode.FAILURE, message: `unexpected error: ${(error as Error)?.message ?? String(error)}` };
}
