import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, Int } from '@nestjs/graphql';
import { AccessError, AccessErrorCode } from '@cartographer/access';
import { requestOf } from '../auth/request-of.js';
import type { Caller } from './inventory-reader.js';
import { selectsBelow } from './inventory-selection.js';

/**
 * The request (which keys the DataLoaders), the caller's ability (set by the PolicyGuard), and
 * whether what this field answers may need items' revisions (`revision` selected below it).
 */
export const InventoryCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const request = requestOf(context);
  const ability = request?.cartoContext?.ability;
  if (!request || !ability) throw new AccessError(AccessErrorCode.UNAUTHENTICATED, 'authentication required');
  const info = context.getType<string>() === 'graphql' ? GqlExecutionContext.create(context).getInfo() : undefined;
  return { request, ability, revisions: info ? selectsBelow(info, 'revision') : true };
});

/** `first` of a nested list field. */
export const NESTED_FIRST = {
  type: () => Int,
  nullable: true,
  description: 'At most this many, by key (1 to 100, default 50); use the top-level list to page further.',
} as const;
