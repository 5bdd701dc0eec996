import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AccessError, AccessErrorCode, type AppAbility, type AuthenticatedPrincipal } from '@cartographer/access';
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
