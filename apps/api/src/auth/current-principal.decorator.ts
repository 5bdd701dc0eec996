import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import {
  type Account,
  AccessError,
  AccessErrorCode,
  type AppAbility,
  type AuthenticatedPrincipal,
} from '@cartographer/access';
import { requestOf } from './request-of.js';

/** The authenticated caller (set by PolicyGuard); throws UNAUTHENTICATED on a public endpoint without one. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedPrincipal => {
    const principal = requestOf(context)?.cartoContext?.principal;
    if (!principal) throw new AccessError(AccessErrorCode.UNAUTHENTICATED, 'authentication required');
    return principal;
  },
);

/** The caller's CASL ability, for per-instance checks (`assertCan`) and list filters (`accessFilterFor`). */
export const CurrentAbility = createParamDecorator((_data: unknown, context: ExecutionContext): AppAbility => {
  const ability = requestOf(context)?.cartoContext?.ability;
  if (!ability) throw new AccessError(AccessErrorCode.UNAUTHENTICATED, 'authentication required');
  return ability;
});

/** The caller's account as read when this request was authenticated (no second read). */
export const CurrentAccount = createParamDecorator((_data: unknown, context: ExecutionContext): Account => {
  const account = requestOf(context)?.cartoContext?.account;
  if (!account) throw new AccessError(AccessErrorCode.UNAUTHENTICATED, 'authentication required');
  return account;
});
