import { DomainError, ErrorKind } from '@cartographer/common';

/** Codes of every failure of the access library; the API and the CLI map each code once. */
export enum AccessErrorCode {
  /** Authenticated, but the policy does not allow the action on this subject. */
  FORBIDDEN = 'ACCESS_FORBIDDEN',
  /** No credentials, bad credentials, an expired or revoked token, or a disabled account. */
  UNAUTHENTICATED = 'ACCESS_UNAUTHENTICATED',
  /** Too many failed logins for this email or address in the window. */
  RATE_LIMITED = 'ACCESS_RATE_LIMITED',
  INVALID_INPUT = 'ACCESS_INVALID_INPUT',
  NOT_FOUND = 'ACCESS_NOT_FOUND',
  CONFLICT = 'ACCESS_CONFLICT',
  /** The policy cannot be turned into a repository filter (a rule shape the filter does not know). */
  UNSUPPORTED_RULE = 'ACCESS_UNSUPPORTED_RULE',
}

const KINDS: Readonly<Record<AccessErrorCode, ErrorKind>> = {
  [AccessErrorCode.FORBIDDEN]: ErrorKind.FORBIDDEN,
  [AccessErrorCode.UNAUTHENTICATED]: ErrorKind.UNAUTHENTICATED,
  [AccessErrorCode.RATE_LIMITED]: ErrorKind.RATE_LIMITED,
  [AccessErrorCode.INVALID_INPUT]: ErrorKind.INVALID_INPUT,
  [AccessErrorCode.NOT_FOUND]: ErrorKind.NOT_FOUND,
  [AccessErrorCode.CONFLICT]: ErrorKind.CONFLICT,
  [AccessErrorCode.UNSUPPORTED_RULE]: ErrorKind.INTERNAL,
};

export class AccessError extends DomainError<AccessErrorCode> {
  constructor(code: AccessErrorCode, message: string) {
    super(code, message, KINDS);
  }
}
