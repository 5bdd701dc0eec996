import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  AccessError,
  AccessErrorCode,
  AuthService,
  type AuthenticatedPrincipal,
  defineAbilityFor,
  type RequestContext,
} from '@cartographer/access';
import { type EndpointPolicy, POLICY_METADATA } from './policy.decorators.js';
import { requestOf } from './request-of.js';

/** The policy an endpoint declares on its handler or, failing that, on its class. */
export function declaredPolicy(reflector: Reflector, context: ExecutionContext): EndpointPolicy | undefined {
  return reflector.getAllAndOverride<EndpointPolicy | undefined>(POLICY_METADATA, [
    context.getHandler(),
    context.getClass(),
  ]);
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{16,4096})$/;

/**
 * Global guard (APP_GUARD): every HTTP route, query, mutation and field resolver must declare
 * @Public(), @Authenticated() or @RequirePolicy(); one that declares nothing is refused. The
 * principal is authenticated once per request (field resolvers reuse it) and its ability stored
 * in the request context for @CurrentAbility() and the audit log.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  private readonly logger = new Logger('PolicyGuard');
  private readonly pending = new WeakMap<RequestContext, Promise<AuthenticatedPrincipal | undefined>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = declaredPolicy(this.reflector, context);
    const request = requestOf(context);
    if (!policy || !request) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access policy: refused`);
      throw new AccessError(AccessErrorCode.FORBIDDEN, 'this endpoint declares no access policy');
    }
    request.cartoContext ??= { requestId: 'unknown', auditCount: 0 };
    const requestContext = request.cartoContext;
    const header = request.header('authorization');

    if (policy.kind === 'public') {
      // A stale token must not lock anyone out of login or health: on public endpoints it is ignored.
      await this.authenticate(requestContext, header).catch(() => undefined);
      return true;
    }
    const principal = await this.authenticate(requestContext, header);
    if (!principal) throw new AccessError(AccessErrorCode.UNAUTHENTICATED, 'authentication required');
    if (policy.kind === 'policy' && !requestContext.ability!.can(policy.action, policy.subject)) {
      throw new AccessError(AccessErrorCode.FORBIDDEN, `not allowed to ${policy.action} ${policy.subject}`);
    }
    return true;
  }

  private authenticate(
    context: RequestContext,
    header: string | undefined,
  ): Promise<AuthenticatedPrincipal | undefined> {
    let pending = this.pending.get(context);
    if (!pending) {
      pending = (async () => {
        if (header === undefined) return undefined;
        const match = BEARER.exec(header);
        if (!match) throw new AccessError(AccessErrorCode.UNAUTHENTICATED, 'malformed Authorization header');
        const { principal, account } = await this.auth.authenticateAccount(match[1]);
        context.principal = principal;
        context.account = account;
        context.ability = defineAbilityFor(principal);
        return principal;
      })();
      this.pending.set(context, pending);
    }
    return pending;
  }
}
