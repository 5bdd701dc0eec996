import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Account, AuthService } from '@cartographer/access';
import { CurrentAccount } from './current-principal.decorator.js';
import { LoginResultModel, UserModel } from '../accounts/models/account.model.js';
import { Authenticated, Public } from './policy.decorators.js';
import type { RequestWithContext } from './request-context.middleware.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => LoginResultModel, {
    description:
      'Exchanges email and password for a short-lived token. Failures are rate limited per email and address.',
  })
  async login(
    @Args('email', { type: () => String }) email: string,
    @Args('password', { type: () => String }) password: string,
    @Context('req') request: RequestWithContext,
  ): Promise<LoginResultModel> {
    const ip = request.cartoContext?.ip ?? request.ip ?? 'unknown';
    // AuthService refuses over-long passwords without hashing them (argon2 on megabytes is a cheap DoS).
    const result = await this.auth.login(email.slice(0, 320), password, ip);
    return { token: result.token, expiresAt: result.expiresAt, user: result.account };
  }

  @Authenticated()
  @Query(() => UserModel, { description: 'The authenticated account.' })
  me(@CurrentAccount() account: Account): UserModel {
    // Read by the authentication of this very request: as fresh as a second read, one query less.
    return account;
  }
}
