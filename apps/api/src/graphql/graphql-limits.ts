import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Inject } from '@nestjs/common';
import {
  type ASTNode,
  type FragmentDefinitionNode,
  GraphQLError,
  getVariableValues,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@cartographer/access';
import { APP_CONFIG, type AppConfig } from '@cartographer/config';

/**
 * Validation rule refusing operations nested deeper than `maxDepth` fields. Fragments are followed
 * (each at most once per path, so cycles end); introspection fields (`__schema`...) are not counted,
 * so GraphiQL keeps working where introspection is on.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const depthOf = (selectionSet: SelectionSetNode, visiting: Set<string>): number => {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          const below = selection.selectionSet ? depthOf(selection.selectionSet, visiting) : 0;
          deepest = Math.max(deepest, 1 + below);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || visiting.has(name)) continue;
          deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...visiting, name])));
        }
        // Stop early: the exact depth of a refused query does not matter.
        if (deepest > maxDepth) return deepest;
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`query is too deep: more than ${maxDepth} levels`, {
              nodes: [node as ASTNode],
              extensions: { code: 'QUERY_TOO_DEEP' },
            }),
          );
        }
      },
    };
  };
}

/**
 * A paginated field (one that defines a `first` argument) costs its page size times its items:
 * `first` when given (counted at most MAX_PAGE_SIZE: a larger value is refused by validation with
 * a clearer message), else the default page size. Other lists (`nodes` of a page, key lists) are
 * bounded by their parent page and cost as plain fields.
 */
const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((arg) => arg.name === 'first')) return undefined;
  const first = typeof args.first === 'number' ? Math.min(Math.max(args.first, 0), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  return 1 + childComplexity * first;
};

/** Refuses an operation whose estimated cost exceeds the limit, before any resolver runs. */
export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<object>> {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          // Variables that do not coerce (wrong type, null for a required one) are refused by
          // execution with BAD_USER_INPUT before any resolver runs; the estimator would throw
          // graphql-js's raw error instead, seen by clients as an internal error.
          const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) return;
          const complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > maxComplexity) {
            throw new GraphQLError(`query is too complex: cost ${complexity} exceeds ${maxComplexity}`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** The complexity limit of GRAPHQL_MAX_COMPLEXITY, registered with Apollo as a Nest provider. */
@Plugin()
export class ComplexityLimitPlugin implements ApolloServerPlugin {
  private readonly plugin: ApolloServerPlugin;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.plugin = complexityLimitPlugin(config.graphqlLimits.maxComplexity);
  }

  requestDidStart(...args: Parameters<NonNullable<ApolloServerPlugin['requestDidStart']>>) {
    return this.plugin.requestDidStart!(...args);
  }
}

/** Where a request carries the NUL character (U+0000), which PostgreSQL text cannot store; null if nowhere. */
export function nulCharacterAt(variables: unknown, path = '$'): string | null {
  if (typeof variables === 'string') return variables.includes('\u0000') ? path : null;
  if (Array.isArray(variables)) {
    for (let i = 0; i < variables.length; i++) {
      const found = nulCharacterAt(variables[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (variables && typeof variables === 'object') {
    for (const [key, value] of Object.entries(variables)) {
      const found = nulCharacterAt(value, path === '$' ? `$${key}` : `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuses text holding U+0000 anywhere in the operation (variables or literals), before any
 * resolver runs: PostgreSQL cannot store it (found by the GraphQL fuzzer as an internal error on
 * createApiToken), and no inventory name or comment needs it.
 */
@Plugin()
export class NulCharacterPlugin implements ApolloServerPlugin {
  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    return {
      async didResolveOperation({ request }) {
        const where =
          nulCharacterAt(request.variables ?? {}) ??
          (request.query?.includes('\\u0000') || request.query?.includes('\u0000') ? 'the query text' : null);
        if (where) {
          throw new GraphQLError(`${where}: text must not contain the NUL character (U+0000)`, {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        }
      },
    };
  }
}
