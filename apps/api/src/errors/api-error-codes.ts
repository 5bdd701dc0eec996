import { AccessError, AccessErrorCode } from '@cartographer/access';
import { ComplianceError, ComplianceErrorCode } from '@cartographer/compliance';
import { FindingsError, FindingsErrorCode } from '@cartographer/findings';
import { GraphError, GraphErrorCode } from '@cartographer/graph';
import { InventoryError, InventoryErrorCode } from '@cartographer/inventory';

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

type DomainErrorClass = abstract new (...args: never[]) => Error & { code: string };

type Extensions = (error: never) => Record<string, unknown>;

const registry: {
  errorClass: DomainErrorClass;
  codes: Readonly<Record<string, ApiErrorCode>>;
  extensions?: Extensions;
}[] = [];

/**
 * Declares how a library's typed error maps to API codes. Every code of the library's enum must be
 * mapped (the Record type enforces it); the message of a registered error is shown to the client,
 * so libraries keep their messages free of internals, secrets and sampled values.
 */
export function registerDomainErrors<C extends string, E extends Error & { code: C }>(
  errorClass: abstract new (...args: never[]) => E,
  codes: Readonly<Record<C, ApiErrorCode>>,
  /** Extra, client-safe details for `extensions` (e.g. the list of validation issues). */
  extensions?: (error: E) => Record<string, unknown>,
): void {
  if (!registry.some((entry) => entry.errorClass === errorClass)) {
    registry.push({ errorClass, codes, extensions: extensions as Extensions | undefined });
  }
}

/** The registered extra details of a domain error, if any. */
export function apiExtensionsOf(error: unknown): Record<string, unknown> {
  for (const { errorClass, extensions } of registry) {
    if (error instanceof errorClass) return extensions ? extensions(error as never) : {};
  }
  return {};
}

/** The API code of a registered domain error, undefined for anything else. */
export function apiCodeOf(error: unknown): ApiErrorCode | undefined {
  for (const { errorClass, codes } of registry) {
    if (error instanceof errorClass) return codes[(error as { code: string }).code];
  }
  return undefined;
}

// The one list of domain errors known to the API. A library that adds an error class adds it here.
registerDomainErrors(AccessError, {
  [AccessErrorCode.FORBIDDEN]: ApiErrorCode.FORBIDDEN,
  [AccessErrorCode.UNAUTHENTICATED]: ApiErrorCode.UNAUTHENTICATED,
  [AccessErrorCode.RATE_LIMITED]: ApiErrorCode.TOO_MANY_REQUESTS,
  [AccessErrorCode.INVALID_INPUT]: ApiErrorCode.BAD_USER_INPUT,
  [AccessErrorCode.NOT_FOUND]: ApiErrorCode.NOT_FOUND,
  [AccessErrorCode.CONFLICT]: ApiErrorCode.CONFLICT,
  [AccessErrorCode.UNSUPPORTED_RULE]: ApiErrorCode.INTERNAL_SERVER_ERROR,
});

registerDomainErrors(GraphError, {
  [GraphErrorCode.UNAVAILABLE]: ApiErrorCode.SERVICE_UNAVAILABLE,
  [GraphErrorCode.AUTHENTICATION]: ApiErrorCode.SERVICE_UNAVAILABLE,
  [GraphErrorCode.CONSTRAINT]: ApiErrorCode.CONFLICT,
  [GraphErrorCode.MIGRATION_FAILED]: ApiErrorCode.INTERNAL_SERVER_ERROR,
  [GraphErrorCode.MIGRATION_CHANGED]: ApiErrorCode.INTERNAL_SERVER_ERROR,
  [GraphErrorCode.QUERY]: ApiErrorCode.INTERNAL_SERVER_ERROR,
});

registerDomainErrors(FindingsError, {
  [FindingsErrorCode.NOT_FOUND]: ApiErrorCode.NOT_FOUND,
  [FindingsErrorCode.INVALID_INPUT]: ApiErrorCode.BAD_USER_INPUT,
});

registerDomainErrors(ComplianceError, {
  [ComplianceErrorCode.MALFORMED_COUNTRY]: ApiErrorCode.BAD_USER_INPUT,
  [ComplianceErrorCode.UNKNOWN_COUNTRY]: ApiErrorCode.BAD_USER_INPUT,
  [ComplianceErrorCode.INVALID_SECTOR]: ApiErrorCode.BAD_USER_INPUT,
  [ComplianceErrorCode.INVALID_CERTIFICATIONS]: ApiErrorCode.BAD_USER_INPUT,
});

// Every problem of a refused document, with its path, also goes to extensions.issues.
registerDomainErrors(
  InventoryError,
  {
    [InventoryErrorCode.INVALID_SYNTAX]: ApiErrorCode.BAD_USER_INPUT,
    [InventoryErrorCode.INVALID_DOCUMENT]: ApiErrorCode.BAD_USER_INPUT,
    [InventoryErrorCode.INVALID_INPUT]: ApiErrorCode.BAD_USER_INPUT,
    [InventoryErrorCode.MISSING_REFERENCE]: ApiErrorCode.BAD_USER_INPUT,
    [InventoryErrorCode.DUPLICATE_KEY]: ApiErrorCode.BAD_USER_INPUT,
    [InventoryErrorCode.NOT_FOUND]: ApiErrorCode.NOT_FOUND,
    [InventoryErrorCode.REFERENCED]: ApiErrorCode.CONFLICT,
    [InventoryErrorCode.CONFLICT]: ApiErrorCode.CONFLICT,
  },
  (error) => (error.issues.length > 0 ? { issues: error.issues.slice(0, 100) } : {}),
);
