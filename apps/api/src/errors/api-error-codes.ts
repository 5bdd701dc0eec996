import { DomainError, ErrorKind } from '@cartographer/common';

/** The codes clients see in GraphQL `extensions.code` (and the HTTP status of REST routes). */
export enum ApiErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export const HTTP_STATUS: Readonly<Record<ApiErrorCode, number>> = {
  [ApiErrorCode.UNAUTHENTICATED]: 401,
  [ApiErrorCode.FORBIDDEN]: 403,
  [ApiErrorCode.BAD_USER_INPUT]: 400,
  [ApiErrorCode.NOT_FOUND]: 404,
  [ApiErrorCode.CONFLICT]: 409,
  [ApiErrorCode.TOO_MANY_REQUESTS]: 429,
  [ApiErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ApiErrorCode.INTERNAL_SERVER_ERROR]: 500,
};

/**
 * The one mapping of domain errors to API codes: by kind (libs/common), so a library adding an
 * error family or a code declares its kinds there and nothing changes here. The message of a
 * domain error that is not INTERNAL is shown to the client; libraries keep their messages free
 * of internals, secrets and sampled values.
 */
export const API_CODE_OF_KIND: Readonly<Record<ErrorKind, ApiErrorCode>> = {
  [ErrorKind.INVALID_INPUT]: ApiErrorCode.BAD_USER_INPUT,
  [ErrorKind.NOT_FOUND]: ApiErrorCode.NOT_FOUND,
  [ErrorKind.CONFLICT]: ApiErrorCode.CONFLICT,
  [ErrorKind.UNAUTHENTICATED]: ApiErrorCode.UNAUTHENTICATED,
  [ErrorKind.FORBIDDEN]: ApiErrorCode.FORBIDDEN,
  [ErrorKind.RATE_LIMITED]: ApiErrorCode.TOO_MANY_REQUESTS,
  [ErrorKind.UNAVAILABLE]: ApiErrorCode.SERVICE_UNAVAILABLE,
  // A store named by the configuration failing while serving is, to a client, unavailability.
  [ErrorKind.CONFIGURATION]: ApiErrorCode.SERVICE_UNAVAILABLE,
  [ErrorKind.INTERNAL]: ApiErrorCode.INTERNAL_SERVER_ERROR,
};

/** The API code of a domain error, undefined for anything else. */
export function apiCodeOf(error: unknown): ApiErrorCode | undefined {
  return error instanceof DomainError ? API_CODE_OF_KIND[error.kind] : undefined;
}

/** Client-safe extra details of a domain error for `extensions` (e.g. validation issues). */
export function apiExtensionsOf(error: unknown): Record<string, unknown> {
  return error instanceof DomainError ? error.details() : {};
}
