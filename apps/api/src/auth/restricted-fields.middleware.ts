import type { FieldMiddleware, MiddlewareContext, NextFn } from '@nestjs/graphql';
import { asSubject, RESTRICTED_FIELDS, type Subject, type SubjectFields } from '@cartographer/access';
import type { RequestWithContext } from './request-context.middleware.js';

/**
 * Defence in depth for field-level rules: on a GraphQL object type named like a policy subject,
 * a RESTRICTED_FIELDS member resolves to null when the caller may not read it (AUDITOR and
 * connection details), even if a resolver forgot `redactFields`. Such fields must be nullable.
 */
export const restrictedFieldsMiddleware: FieldMiddleware = async (context: MiddlewareContext, next: NextFn) => {
  const { info } = context;
  if (!info) return next();
  const subject = info.parentType.name as Exclude<Subject, 'all'>;
  const restricted = RESTRICTED_FIELDS[subject];
  if (!restricted?.includes(info.fieldName)) return next();
  const ability = (context.context as { req?: RequestWithContext }).req?.cartoContext?.ability;
  if (!ability?.can('read', asSubject(subject, context.source as SubjectFields), info.fieldName)) return null;
  return next();
};
