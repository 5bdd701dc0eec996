import { permittedFieldsOf } from '@casl/ability/extra';
import { subject as tagSubject } from '@casl/ability';
import { AccessError, AccessErrorCode } from '../access.errors.js';
import type { Action, AppAbility, Subject, SubjectFields, SubjectInstance } from './policy.types.js';

/**
 * What a repository must add to its query so that lists and counts only see allowed items:
 * `null` means no restriction on that property; an empty array means nothing is allowed.
 * Repositories turn it into `WHERE n.organisation IN $organisations AND n.department IN $departments`.
 */
export interface AccessFilter {
  organisations: string[] | null;
  departments: string[] | null;
}

const FILTERABLE = new Set(['organisation', 'department']);

function inList(conditions: Record<string, unknown>, property: string): string[] | null {
  const condition = conditions[property];
  if (condition === undefined) return null;
  const values = (condition as { $in?: unknown })?.$in;
  if (!Array.isArray(values)) {
    throw new AccessError(AccessErrorCode.UNSUPPORTED_RULE, `condition on '${property}' is not an $in list`);
  }
  return values.map(String);
}

/**
 * Flattens the rules for (action, subject) into an organisation/department filter. Only the rule
 * shapes the role definitions use are accepted; anything else throws instead of over-granting.
 * With several rules, each property's lists are united (and any rule without a list lifts it),
 * which is exact for the role definitions of this library: each role scopes every rule to the same
 * organisations.
 */
export function accessFilterFor(ability: AppAbility, action: Action, subjectType: Subject): AccessFilter {
  const { organisations, departments } = flatten(ability, action, subjectType, false);
  return { organisations, departments };
}

/** A list filter for items that may be restricted to approved ones (report snapshots). */
export interface ApprovalFilter extends AccessFilter {
  /** True when every rule that allows the action requires `approved: true` (an AUDITOR). */
  approvedOnly: boolean;
}

/**
 * `accessFilterFor` for subjects whose rules may also require `approved: true` (ReportSnapshot):
 * the organisations/departments plus whether only approved items are visible. Any other value of
 * `approved` in a rule throws, as any other unsupported condition does.
 */
export function approvalFilterFor(ability: AppAbility, action: Action, subjectType: Subject): ApprovalFilter {
  return flatten(ability, action, subjectType, true);
}

function flatten(ability: AppAbility, action: Action, subjectType: Subject, approval: boolean): ApprovalFilter {
  const rules = ability.rulesFor(action, subjectType);
  const nothing: ApprovalFilter = { organisations: [], departments: [], approvedOnly: false };
  let organisations: Set<string> | null = new Set();
  let departments: Set<string> | null = new Set();
  let allowed = false;
  let approvedOnly = true;
  for (const rule of rules) {
    if (rule.inverted) {
      if (rule.conditions) {
        throw new AccessError(AccessErrorCode.UNSUPPORTED_RULE, `conditional 'cannot ${action} ${subjectType}'`);
      }
      // An unconditional denial that covers the whole item (fields ones are filtered out by rulesFor) ends the list.
      if (!allowed) return nothing;
      continue;
    }
    allowed = true;
    const conditions = (rule.conditions ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(conditions)) {
      if (approval && key === 'approved') {
        if (conditions.approved !== true) {
          throw new AccessError(AccessErrorCode.UNSUPPORTED_RULE, `condition on 'approved' must be true`);
        }
        continue;
      }
      if (!FILTERABLE.has(key)) {
        throw new AccessError(
          AccessErrorCode.UNSUPPORTED_RULE,
          `condition on '${key}' cannot be used as a list filter`,
        );
      }
    }
    if (conditions.approved !== true) approvedOnly = false;
    const orgs = inList(conditions, 'organisation');
    const depts = inList(conditions, 'department');
    organisations = orgs === null || organisations === null ? null : new Set([...organisations, ...orgs]);
    departments = depts === null || departments === null ? null : new Set([...departments, ...depts]);
  }
  if (!allowed) return nothing;
  return {
    organisations: organisations === null ? null : [...organisations].sort(),
    departments: departments === null ? null : [...departments].sort(),
    approvedOnly,
  };
}

/** Tags a plain loaded item with its subject type (on a copy) so CASL can match its conditions. */
export function asSubject(subjectType: Exclude<Subject, 'all'>, instance: SubjectFields): SubjectInstance {
  return tagSubject(subjectType, { ...instance }) as SubjectInstance;
}

/**
 * Per-instance check, for each loaded item (a type-level check only answers "some X?").
 * With `field`, checks that single field (e.g. an update of a legal field).
 */
export function assertCan(
  ability: AppAbility,
  action: Action,
  subjectType: Exclude<Subject, 'all'>,
  instance?: SubjectFields,
  field?: string,
): void {
  const target = instance ? asSubject(subjectType, instance) : subjectType;
  if (ability.can(action, target, field)) return;
  const what = instance?.key ? `${subjectType} '${instance.key}'` : subjectType;
  throw new AccessError(
    AccessErrorCode.FORBIDDEN,
    `not allowed to ${action} ${what}${field ? ` (field ${field})` : ''}`,
  );
}

/** Checks every field an update touches, so a DPO can change legal fields and nothing else. */
export function assertCanUpdateFields(
  ability: AppAbility,
  subjectType: Exclude<Subject, 'all'>,
  instance: SubjectFields,
  fields: readonly string[],
): void {
  const target = asSubject(subjectType, instance);
  const denied = fields.filter((field) => !ability.can('update', target, field));
  if (denied.length > 0) {
    const what = instance.key ? `${subjectType} '${instance.key}'` : subjectType;
    throw new AccessError(AccessErrorCode.FORBIDDEN, `not allowed to update ${denied.join(', ')} of ${what}`);
  }
}

/**
 * Copy of `instance` without the fields the ability may not `action` (read by default), e.g. an
 * AUDITOR's view of a DataSource has no connectionRef. Items the ability cannot read at all throw.
 */
export function redactFields<T extends SubjectFields>(
  ability: AppAbility,
  subjectType: Exclude<Subject, 'all'>,
  instance: T,
  action: Action = 'read',
): Partial<T> {
  assertCan(ability, action, subjectType, instance);
  const fields = Object.keys(instance);
  const permitted = new Set(
    permittedFieldsOf(ability, action, asSubject(subjectType, instance), {
      fieldsFrom: (rule) => rule.fields ?? fields,
    }),
  );
  return Object.fromEntries(Object.entries(instance).filter(([field]) => permitted.has(field))) as Partial<T>;
}
