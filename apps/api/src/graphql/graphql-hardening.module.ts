import { Module } from '@nestjs/common';
import { ComplexityLimitPlugin, NulCharacterPlugin } from './graphql-limits.js';

/** The GraphQL request limits that need the schema (complexity); depth and size are in graphql-security. */
@Module({ providers: [ComplexityLimitPlugin, NulCharacterPlugin] })
export class GraphqlHardeningModule {}
