import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UsersService } from '@cartographer/access';
import { CreateUserInput, UpdateUserInput } from './dto/account.input.js';
import { PageArgs } from '../graphql/page.args.js';
import { UserModel, UserPageModel } from './models/account.model.js';
import { RequirePolicy } from '../auth/policy.decorators.js';

/** Account administration (ADMIN). Every change is audited by UsersService in its transaction. */
@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly accounts: UsersService) {}

  @RequirePolicy('read', 'User')
  @Query(() => UserPageModel, { description: 'Accounts ordered by email.' })
  async users(@Args() { first, after }: PageArgs): Promise<UserPageModel> {
    const page = await this.accounts.list(first, after);
    return { nodes: page.accounts, endCursor: page.accounts.at(-1)?.email ?? null, hasNextPage: page.hasNextPage };
  }

  @RequirePolicy('create', 'User')
  @Mutation(() => UserModel)
  async createUser(@Args('input') input: CreateUserInput): Promise<UserModel> {
    return this.accounts.create(input);
  }

  @RequirePolicy('update', 'User')
  @Mutation(() => UserModel)
  async updateUser(@Args('input') input: UpdateUserInput): Promise<UserModel> {
    const { id, ...changes } = input;
    return this.accounts.update(id, changes);
  }

  @RequirePolicy('update', 'User')
  @Mutation(() => UserModel, { description: 'Disables an account: its tokens stop working at once.' })
  async disableUser(@Args('id', { type: () => ID }) id: string): Promise<UserModel> {
    return this.accounts.disable(id);
  }
}
