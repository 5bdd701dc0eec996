import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ApiErrorCode, HTTP_STATUS } from './api-error-codes.js';
import { publicErrorOf } from '../graphql/graphql-error.formatter.js';

/**
 * REST routes: the same classification as GraphQL, as `{ code, message }` with the matching status.
 * GraphQL errors are left to Apollo's formatError (returning the exception rethrows it there).
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return exception;
    const { code, message, errorId } = publicErrorOf(exception);
    const status = HTTP_STATUS[code as ApiErrorCode] ?? 500;
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(status)
      .json({ code, message, ...(errorId ? { errorId } : {}) });
    return undefined;
  }
}
