import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { asSubject, RESTRICTED_FIELDS, type Subject, type SubjectFields } from '@cartographer/access';
import type { RequestWithContext } from './request-context.middleware.js';

type RestrictedSubject = Exclude<Subject, 'all'>;

/** The caller's ability as the PolicyGuard stored it on the request context. */
const abilityOf = (context: unknown) =>
  (context as { req?: RequestWithContext } | undefined)?.req?.cartoContext?.ability;

/**
 * A restricted member's resolver: null when the caller may not read it, otherwise what the field
 * resolved to before. Synchronous around the original resolver, so it adds no promise.
 */
function guarded(subject: RestrictedSubject, field: string, resolve: GraphQLFieldResolver<unknown, unknown>) {
  const restricted: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
    const ability = abilityOf(context);
    if (!ability?.can('read', asSubject(subject, source as SubjectFields), field)) return null;
    return resolve(source, args, context, info);
  };
  return restricted;
}

/**
 * Defence in depth for field-level rules: on a GraphQL object type named like a policy subject,
 * a RESTRICTED_FIELDS member resolves to null when the caller may not read it (AUDITOR and
 * connection details), even if a resolver forgot `redactFields`. Such fields must be nullable.
 *
 * Applied to the built schema (GraphQLModule `transformSchema`) on exactly those members, rather
 * than as a Nest field middleware: a global field middleware wraps every field of every type in
 * async functions (three promises per scalar), which cost a 4,000-field answer most of its CPU
 * (docs/BENCHMARKS.md, bench:api profile).
 */
export function restrictFields(schema: GraphQLSchema): GraphQLSchema {
  for (const [subject, fields] of Object.entries(RESTRICTED_FIELDS) as [RestrictedSubject, readonly string[]][]) {
    const type = schema.getType(subject);
    if (!isObjectType(type)) continue;
    const members = type.getFields();
    for (const name of fields) {
      const member = members[name];
      if (member) member.resolve = guarded(subject, name, member.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}
