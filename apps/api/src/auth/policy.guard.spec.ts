import { describe, expect, it } from '@jest/globals';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import {
  type Account,
  AccessError,
  AccessErrorCode,
  type AuthenticatedPrincipal,
  type AuthService,
  Role,
} from '@cartographer/access';
import { Authenticated, Public, RequirePolicy } from './policy.decorators.js';
import { PolicyGuard } from './policy.guard.js';

const auditor: AuthenticatedPrincipal = {
  userId: 'u-1',
  role: Role.AUDITOR,
  organisations: ['acme'],
  departments: [],
  email: 'auditor@acme.test',
  displayName: 'Auditor',
};

/** Authenticates exactly one token, and counts how often it was asked. */
class FakeAuth {
  calls = 0;
  async authenticateAccount(token: string): Promise<{ principal: AuthenticatedPrincipal; account: Account }> {
    this.calls += 1;
    if (token !== 'valid-token-0123456789')
      throw new AccessError(AccessErrorCode.UNAUTHENTICATED, 'invalid or expired token');
    const { userId, apiTokenId: _token, ...rest } = auditor;
    return { principal: auditor, account: { id: userId, ...rest, disabled: false, createdAt: new Date(0) } };
  }
}

class Undeclared {
  anything(): void {}
}

@RequirePolicy('read', 'ReportSnapshot')
class ReportResolver {
  reports(): void {}
  @RequirePolicy('approve', 'ReportSnapshot')
  approve(): void {}
  @Public()
  open(): void {}
  @Authenticated()
  mine(): void {}
}

function request(authorization?: string) {
  const headers: Record<string, string> = authorization ? { authorization } : {};
  return { header: (name: string) => headers[name.toLowerCase()] } as never as { cartoContext?: { ability?: unknown } };
}

function httpContext(target: object, method: string, req: object): ExecutionContextHost {
  const context = new ExecutionContextHost(
    [req, {}],
    target.constructor as never,
    (target as Record<string, never>)[method],
  );
  context.setType('http');
  return context;
}

function graphqlContext(target: object, method: string, req: object): ExecutionContextHost {
  const context = new ExecutionContextHost(
    [{}, {}, { req }, {}],
    target.constructor as never,
    (target as Record<string, never>)[method],
  );
  context.setType('graphql');
  return context;
}

const setup = () => {
  const auth = new FakeAuth();
  return { auth, guard: new PolicyGuard(new Reflector(), auth as never as AuthService) };
};
const denial = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'allowed';
  } catch (error) {
    return `${(error as AccessError).code}: ${(error as AccessError).message}`;
  }
};
const BEARER = 'Bearer valid-token-0123456789';

describe('PolicyGuard', () => {
  it('denies an HTTP route and a GraphQL resolver that declare no policy, even to an authenticated caller', async () => {
    const { guard } = setup();
    const target = new Undeclared();
    expect(await denial(guard.canActivate(httpContext(target, 'anything', request(BEARER))))).toBe(
      'ACCESS_FORBIDDEN: this endpoint declares no access policy',
    );
    expect(await denial(guard.canActivate(graphqlContext(target, 'anything', request(BEARER))))).toBe(
      'ACCESS_FORBIDDEN: this endpoint declares no access policy',
    );
  });

  it('applies a class policy to undecorated methods (field resolvers) and a method policy over it', async () => {
    const { guard } = setup();
    const target = new ReportResolver();
    expect(await denial(guard.canActivate(graphqlContext(target, 'reports', request(BEARER))))).toBe('allowed');
    expect(await denial(guard.canActivate(graphqlContext(target, 'approve', request(BEARER))))).toBe(
      'ACCESS_FORBIDDEN: not allowed to approve ReportSnapshot',
    );
  });

  it('requires authentication unless public, and ignores a bad token on public endpoints', async () => {
    const { guard } = setup();
    const target = new ReportResolver();
    expect(await denial(guard.canActivate(graphqlContext(target, 'reports', request())))).toBe(
      'ACCESS_UNAUTHENTICATED: authentication required',
    );
    expect(
      await denial(guard.canActivate(graphqlContext(target, 'mine', request('Bearer wrong-token-0123456789')))),
    ).toBe('ACCESS_UNAUTHENTICATED: invalid or expired token');
    expect(
      await denial(guard.canActivate(graphqlContext(target, 'open', request('Bearer wrong-token-0123456789')))),
    ).toBe('allowed');
    expect(await denial(guard.canActivate(httpContext(target, 'mine', request('Token abc'))))).toBe(
      'ACCESS_UNAUTHENTICATED: malformed Authorization header',
    );
  });

  it('authenticates once per request and exposes the ability', async () => {
    const { guard, auth } = setup();
    const target = new ReportResolver();
    const req = request(BEARER);
    await guard.canActivate(graphqlContext(target, 'reports', req));
    await guard.canActivate(graphqlContext(target, 'mine', req));
    await guard.canActivate(graphqlContext(target, 'reports', req));
    expect(auth.calls).toBe(1);
    const ability = req.cartoContext?.ability as { can(action: string, subject: string): boolean };
    expect(ability.can('read', 'ReportSnapshot')).toBe(true);
    expect(ability.can('update', 'ReportSnapshot')).toBe(false);
  });
});
