import { describe, expect, it, jest } from '@jest/globals';
import { BadRequestException, Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { AccessError, AccessErrorCode } from '@cartographer/access';
import { GraphError, GraphErrorCode } from '@cartographer/graph';
import { DomainError, ERROR_KINDS, ErrorKind } from '@cartographer/common';
import { API_CODE_OF_KIND } from '../errors/api-error-codes.js';
import { formatGraphQLError } from './graphql-error.formatter.js';

/** How Apollo hands a resolver's error to formatError. */
const fromResolver = (original: Error) =>
  new GraphQLError(original.message, {
    path: ['thing'],
    originalError: original,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
const formatted = { message: 'raw', path: ['thing'], locations: [{ line: 1, column: 3 }] };

describe('formatGraphQLError', () => {
  it.each([
    [new AccessError(AccessErrorCode.FORBIDDEN, "not allowed to update DataSource 'x'"), 'FORBIDDEN'],
    [new AccessError(AccessErrorCode.UNAUTHENTICATED, 'authentication required'), 'UNAUTHENTICATED'],
    [new AccessError(AccessErrorCode.INVALID_INPUT, 'first: too large'), 'BAD_USER_INPUT'],
    [new AccessError(AccessErrorCode.NOT_FOUND, 'no account'), 'NOT_FOUND'],
    [new AccessError(AccessErrorCode.CONFLICT, 'exists'), 'CONFLICT'],
    [new AccessError(AccessErrorCode.RATE_LIMITED, 'too many'), 'TOO_MANY_REQUESTS'],
    [new GraphError(GraphErrorCode.CONSTRAINT, 'duplicate key'), 'CONFLICT'],
  ])('maps %p to %s with its message', (error, code) => {
    expect(formatGraphQLError(formatted, fromResolver(error))).toEqual({
      message: error.message,
      locations: [{ line: 1, column: 3 }],
      path: ['thing'],
      extensions: { code },
    });
  });

  it('turns a validation pipe error into BAD_USER_INPUT with its messages', () => {
    const error = new BadRequestException(['first must not be greater than 100', 'after must be a string']);
    expect(formatGraphQLError(formatted, fromResolver(error)).extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(formatGraphQLError(formatted, fromResolver(error)).message).toBe(
      'first must not be greater than 100; after must be a string',
    );
  });

  it('keeps request errors (parse, validation, limits) as they are', () => {
    const error = new GraphQLError('query is too deep: more than 3 levels', { extensions: { code: 'QUERY_TOO_DEEP' } });
    expect(formatGraphQLError({ message: error.message, extensions: { code: 'QUERY_TOO_DEEP' } }, error)).toEqual({
      message: 'query is too deep: more than 3 levels',
      extensions: { code: 'QUERY_TOO_DEEP' },
    });
  });

  it("answers graphql-js's uncoded variable error limit as BAD_USER_INPUT", () => {
    const error = new GraphQLError('Too many errors processing variables, error limit reached. Execution aborted.');
    expect(formatGraphQLError({ message: error.message }, error)).toEqual({
      message: 'Too many errors processing variables, error limit reached. Execution aborted.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('keeps the message of an Apollo-wrapped validation error', () => {
    const inner = new GraphQLError('Cannot query field "secret" on type "Query".');
    const wrapped = new GraphQLError(inner.message, {
      originalError: inner,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(formatGraphQLError({ message: inner.message }, wrapped)).toEqual({
      message: 'Cannot query field "secret" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('hides unknown errors behind a generic message and a logged id, without stack or details', () => {
    const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const error = new Error('connect ECONNREFUSED 10.0.0.5:5432 user=carto');
    const result = formatGraphQLError(
      { ...formatted, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: ...'] } },
      fromResolver(error),
    );
    const errorId = (result.extensions as { errorId: string }).errorId;
    expect(errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result).toEqual({
      message: `Internal error (id ${errorId})`,
      locations: [{ line: 1, column: 3 }],
      path: ['thing'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    });
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0][0])).toContain(`error ${errorId}`);
    expect(String(log.mock.calls[0][0])).toContain('ECONNREFUSED');
    log.mockRestore();
  });

  it('treats an internal-coded domain error as unknown', () => {
    const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const result = formatGraphQLError(
      formatted,
      fromResolver(new GraphError(GraphErrorCode.QUERY, 'Neo.ClientError at n.secret')),
    );
    expect(result.message).toMatch(/^Internal error \(id [0-9a-f-]{36}\)$/);
    expect(result.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    log.mockRestore();
  });
});

describe('domain errors by kind', () => {
  enum WidgetErrorCode {
    MISSING = 'WIDGET_MISSING',
    STALE = 'WIDGET_STALE',
  }
  const kinds = { [WidgetErrorCode.MISSING]: ErrorKind.NOT_FOUND, [WidgetErrorCode.STALE]: ErrorKind.UNAVAILABLE };
  class WidgetError extends DomainError<WidgetErrorCode> {
    constructor(code: WidgetErrorCode, message: string) {
      super(code, message, kinds);
    }
    override details() {
      return { widget: 'w1' };
    }
  }

  it("maps a new library's error family by its kinds, with its details, and no registration", () => {
    expect(formatGraphQLError(formatted, fromResolver(new WidgetError(WidgetErrorCode.MISSING, 'no widget')))).toEqual({
      message: 'no widget',
      locations: [{ line: 1, column: 3 }],
      path: ['thing'],
      extensions: { widget: 'w1', code: 'NOT_FOUND' },
    });
    expect(formatGraphQLError(formatted, fromResolver(new WidgetError(WidgetErrorCode.STALE, 'try later')))).toEqual({
      message: 'try later',
      locations: [{ line: 1, column: 3 }],
      path: ['thing'],
      extensions: { widget: 'w1', code: 'SERVICE_UNAVAILABLE' },
    });
  });

  it('maps every kind to an API code', () => {
    expect(ERROR_KINDS.map((kind) => [kind, API_CODE_OF_KIND[kind]])).toEqual([
      ['INVALID_INPUT', 'BAD_USER_INPUT'],
      ['NOT_FOUND', 'NOT_FOUND'],
      ['CONFLICT', 'CONFLICT'],
      ['UNAUTHENTICATED', 'UNAUTHENTICATED'],
      ['FORBIDDEN', 'FORBIDDEN'],
      ['RATE_LIMITED', 'TOO_MANY_REQUESTS'],
      ['UNAVAILABLE', 'SERVICE_UNAVAILABLE'],
      ['CONFIGURATION', 'SERVICE_UNAVAILABLE'],
      ['INTERNAL', 'INTERNAL_SERVER_ERROR'],
    ]);
  });
});
