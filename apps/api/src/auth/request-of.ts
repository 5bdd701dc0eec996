import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { RequestWithContext } from './request-context.middleware.js';

/** The Express request behind an HTTP route or a GraphQL resolver; undefined for other transports. */
export function requestOf(context: ExecutionContext): RequestWithContext | undefined {
  const type = context.getType<'http' | 'graphql' | string>();
  if (type === 'http') return context.switchToHttp().getRequest<RequestWithContext>();
  if (type === 'graphql') return GqlExecutionContext.create(context).getContext<{ req?: RequestWithContext }>().req;
  return undefined;
}
