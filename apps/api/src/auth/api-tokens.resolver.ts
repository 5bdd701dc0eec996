import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AccessError,
  AccessErrorCode,
  type AppAbility,
  type AuthenticatedPrincipal,
  TokensService,
} from '@cartographer/access';
import { CurrentAbility, CurrentPrincipal } from './current-principal.decorator.js';
import { CreateApiTokenInput } from '../accounts/dto/account.input.js';
import { ApiTokenModel, CreatedApiTokenModel } from '../accounts/models/account.model.js';
import { Authenticated } from './policy.decorators.js';

/** Each account manages its own API tokens; an ADMIN may also revoke anyone's. */
@Resolver(() => ApiTokenModel)
export class ApiTokensResolver {
  constructor(private readonly tokens: TokensService) {}

  @Authenticated()
  @Query(() => [ApiTokenModel], { description: "The caller's API tokens, newest first." })
  async apiTokens(@CurrentPrincipal() principal: AuthenticatedPrincipal): Promise<ApiTokenModel[]> {
    return this.tokens.listApiTokens(principal.userId);
  }

  @Authenticated()
  @Mutation(() => CreatedApiTokenModel, { description: 'Creates an API token with the rights of the caller.' })
  async createApiToken(
    @Args('input') input: CreateApiTokenInput,
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
  ): Promise<CreatedApiTokenModel> {
    const { secret, token } = await this.tokens.createApiToken(principal.userId, input.name, input.expiresInDays);
    return { secret, apiToken: token };
  }

  @Authenticated()
  @Mutation(() => ApiTokenModel)
  async revokeApiToken(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentAbility() ability: AppAbility,
  ): Promise<ApiTokenModel> {
    const token = await this.tokens.findApiToken(id);
    // Someone else's token answers like a missing one: ids of other accounts' tokens are not confirmed.
    if (!token || (token.userId !== principal.userId && !ability.can('manage', 'User'))) {
      throw new AccessError(AccessErrorCode.NOT_FOUND, `no API token with id '${id}'`);
    }
    return this.tokens.revokeApiToken(id);
  }
}
