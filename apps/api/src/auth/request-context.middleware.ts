import { randomUUID } from 'node:crypto';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { type RequestContext, runWithRequestContext } from '@cartographer/access';

/** A caller-supplied id is kept only when it is short and plain, so it cannot smuggle anything into logs. */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export type RequestWithContext = Request & { cartoContext?: RequestContext };

/**
 * Opens the per-request context (request id, client address) that the guard, the audit log and
 * the error formatter read, and echoes the request id in `x-request-id`.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(request: RequestWithContext, response: Response, next: NextFunction): void {
    const offered = request.header('x-request-id');
    const context: RequestContext = {
      requestId: offered && REQUEST_ID.test(offered) ? offered : randomUUID(),
      ip: request.ip ?? request.socket.remoteAddress ?? 'unknown',
      auditCount: 0,
    };
    request.cartoContext = context;
    response.setHeader('x-request-id', context.requestId);
    runWithRequestContext(context, () => next());
  }
}
