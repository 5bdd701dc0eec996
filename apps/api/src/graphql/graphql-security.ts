import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { AppConfig } from '@cartographer/config';
import { formatGraphQLError } from './graphql-error.formatter.js';
import { depthLimitRule } from './graphql-limits.js';
import { restrictFields } from '../auth/restricted-fields.transform.js';

/**
 * The GraphQLModule options this module owns, spread into `GraphQLModule.forRoot` by AppModule:
 * one error formatter, the depth limit, guards on field resolvers (so default-deny covers them),
 * and the restricted-field guard on the built schema. The complexity limit and the mutation audit are @Plugin()
 * providers of GraphqlHardeningModule.
 */
export function graphqlSecurityOptions(config: AppConfig): Partial<ApolloDriverConfig> {
  return {
    formatError: formatGraphQLError,
    validationRules: [depthLimitRule(config.graphqlLimits.maxDepth)],
    fieldResolverEnhancers: ['guards'],
    transformSchema: restrictFields,
    includeStacktraceInErrorResponses: false,
  };
}
