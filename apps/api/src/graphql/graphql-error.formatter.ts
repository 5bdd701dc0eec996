import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { currentRequestContext } from '@cartographer/access';
import { ApiErrorCode, apiCodeOf, apiExtensionsOf } from '../errors/api-error-codes.js';

const logger = new Logger('ApiError');

/** Codes that Apollo, graphql-js or our own limits give to request errors; their messages are safe. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
  ...Object.values(ApiErrorCode),
]);

/**
 * graphql-js stops coercing variables after 50 errors with an uncoded error of this message, which
 * Apollo passes on without BAD_USER_INPUT (found by the GraphQL fuzzer).
 */
const TOO_MANY_VARIABLE_ERRORS = 'Too many errors processing variables';

const HTTP_CODES: Readonly<Record<number, ApiErrorCode>> = {
  400: ApiErrorCode.BAD_USER_INPUT,
  401: ApiErrorCode.UNAUTHENTICATED,
  403: ApiErrorCode.FORBIDDEN,
  404: ApiErrorCode.NOT_FOUND,
  409: ApiErrorCode.CONFLICT,
  413: ApiErrorCode.BAD_USER_INPUT,
  429: ApiErrorCode.TOO_MANY_REQUESTS,
};

/** The client-facing view of any error: a code, a safe message, and an error id for unknown ones. */
export interface PublicError {
  code: string;
  message: string;
  errorId?: string;
}

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse() as string | { message?: string | string[] };
  const message = typeof response === 'string' ? response : response.message;
  return Array.isArray(message) ? message.join('; ') : (message ?? exception.message);
}

/** Classifies one error; unknown errors are logged with their stack under a fresh id. */
export function publicErrorOf(error: unknown): PublicError {
  const domainCode = apiCodeOf(error);
  if (domainCode !== undefined && domainCode !== ApiErrorCode.INTERNAL_SERVER_ERROR) {
    return { code: domainCode, message: (error as Error).message };
  }
  if (error instanceof HttpException && HTTP_CODES[error.getStatus()]) {
    return { code: HTTP_CODES[error.getStatus()], message: httpMessage(error) };
  }
  if (error instanceof GraphQLError && !error.originalError && error.message.startsWith(TOO_MANY_VARIABLE_ERRORS)) {
    return { code: ApiErrorCode.BAD_USER_INPUT, message: error.message };
  }
  if (error instanceof GraphQLError) {
    // Apollo wraps validation errors (ours included) in one coded GRAPHQL_VALIDATION_FAILED: keep the inner code.
    const inner = error.originalError instanceof GraphQLError ? error.originalError : undefined;
    const code = inner?.extensions?.code ?? error.extensions?.code;
    if ((!error.originalError || inner) && typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      return { code, message: error.message };
    }
  }
  const errorId = randomUUID();
  const requestId = currentRequestContext()?.requestId;
  logger.error(
    `error ${errorId}${requestId ? ` (request ${requestId})` : ''}: ${(error as Error)?.stack ?? String(error)}`,
  );
  return { code: ApiErrorCode.INTERNAL_SERVER_ERROR, message: `Internal error (id ${errorId})`, errorId };
}

/**
 * Apollo `formatError`: the only place GraphQL errors are shaped. Keeps message, locations and
 * path; `extensions` carries `code` (and `errorId`), plus the details a library registered as
 * client-safe (validation issues), never stack traces or internal details.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  // Errors raised outside resolvers (parse, validation, our limits) reach here as the GraphQLError itself.
  const { code, message, errorId } = publicErrorOf(original);
  const details = code === ApiErrorCode.INTERNAL_SERVER_ERROR ? {} : apiExtensionsOf(original);
  return {
    message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { ...details, code, ...(errorId ? { errorId } : {}) },
  };
}
