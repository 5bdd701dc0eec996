import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AccessModule } from '@cartographer/access';
import { ApiExceptionFilter } from '../errors/http-exception.filter.js';
import { ApiTokensResolver } from './api-tokens.resolver.js';
import { AuthResolver } from './auth.resolver.js';
import { PolicyGuard } from './policy.guard.js';
import { RequestContextMiddleware } from './request-context.middleware.js';

export const AUTH_RESOLVERS = [AuthResolver, ApiTokensResolver];

/**
 * Authentication (login, API tokens), default-deny authorization (global PolicyGuard), the request
 * context, and error mapping for REST routes.
 */
@Module({
  imports: [AccessModule.forRoot()],
  providers: [
    ...AUTH_RESOLVERS,
    { provide: APP_GUARD, useClass: PolicyGuard },
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
  ],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('{*path}');
  }
}
