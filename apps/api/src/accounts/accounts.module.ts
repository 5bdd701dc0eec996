import { Module } from '@nestjs/common';
import { UsersResolver } from './users.resolver.js';

export const ACCOUNTS_RESOLVERS = [UsersResolver];

/** Account administration (ADMIN): create, list, update, disable. */
// AccessModule is global and imported once, by AuthModule: a second forRoot() would make second services.
@Module({ providers: [...ACCOUNTS_RESOLVERS] })
export class AccountsModule {}
