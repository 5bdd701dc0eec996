import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AccessModule } from '@cartographer/access';
import { ApiExceptionFilter } from '../errors/http-exception.filter.js';
import { ApiTokensResolver } from './api-tokens.resolver.js';
import { AuditLogResolver } from './audit-log.resolver.js';
import { AuthResolver } from './auth.resolver.js';
import { ComplexityLimitPlugin } from './graphql-limits.js';
import { MutationAuditPlugin } from './mutation-audit.plugin.js';
import { PolicyGuard } from './policy.guard.js';
import { RequestContextMiddleware } from './request-context.middleware.js';
import { UsersResolver } from './users.resolver.js';

export const AUTH_RESOLVERS = [AuthResolver, UsersResolver, ApiTokensResolver, AuditLogResolver];

/**
 * Authentication, default-deny authorization (global PolicyGuard), the request context, error
 * mapping for REST routes, the GraphQL complexity limit and the mutation audit safety net.
 */
@Module({
  imports: [AccessModule.forRoot()],
  providers: [
    ...AUTH_RESOLVERS,
    ComplexityLimitPlugin,
    MutationAuditPlugin,
    { provide: APP_GUARD, useClass: PolicyGuard },
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
  ],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('{*path}');
  }
}
