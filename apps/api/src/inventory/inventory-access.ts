import {
  type AccessFilter,
  accessFilterFor,
  type AppAbility,
  asSubject,
  assertCan,
  assertCanUpdateFields,
  redactFields,
  type Subject,
  type SubjectFields,
} from '@cartographer/access';
import {
  type Authorize,
  type CommandTarget,
  type InventoryItem,
  Label,
  notFoundError,
  revisionOf,
} from '@cartographer/inventory';
import { type View, viewOf } from './inventory-views.js';

export type InventorySubject = Exclude<Subject, 'all'>;

/** The policy subject of each label. Stakeholders are part of their department's description. */
export const SUBJECT_OF: Readonly<Record<Label, InventorySubject>> = {
  [Label.Organisation]: 'Organisation',
  [Label.Department]: 'Department',
  [Label.Stakeholder]: 'Department',
  [Label.DataSource]: 'DataSource',
  [Label.Dataset]: 'Dataset',
  [Label.Field]: 'Field',
  [Label.ProcessingActivity]: 'ProcessingActivity',
  [Label.Server]: 'Server',
  [Label.Recipient]: 'Recipient',
  [Label.DataFlow]: 'DataFlow',
  [Label.Finding]: 'Finding',
};

function intersectList(a: string[] | null, b: string[] | null): string[] | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.filter((value) => b.includes(value));
}

/** What the caller may read of every label given (the most restrictive of their filters). */
export function readFilter(ability: AppAbility, labels: readonly Label[]): AccessFilter {
  return labels
    .map((label) => accessFilterFor(ability, 'read', SUBJECT_OF[label]))
    .reduce((a, b) => ({
      organisations: intersectList(a.organisations, b.organisations),
      departments: intersectList(a.departments, b.departments),
    }));
}

/**
 * Per-instance read check, field-level redaction, then the GraphQL view. The revision digests the
 * whole declaration, so a caller a member is hidden from gets one digesting what it may read
 * instead: otherwise it could test guesses of the hidden member (an environment variable name)
 * against the revision. Such callers cannot update what they cannot read.
 */
export function present(ability: AppAbility, item: InventoryItem): View {
  const subject = SUBJECT_OF[item.label];
  const redacted = redactFields(ability, subject, item as SubjectFields & InventoryItem);
  const hidden = Object.keys(item).some((member) => !(member in redacted));
  const { revision: full, ...visible } = redacted;
  return viewOf({
    ...redacted,
    // Items read without their revision (not selected) get none here either.
    ...(hidden && full !== undefined ? { revision: revisionOf(visible) } : {}),
    label: item.label,
    key: item.key,
    organisation: item.organisation,
  });
}

const canReadOrganisation = (ability: AppAbility, organisation: string): boolean =>
  ability.can('read', asSubject('Organisation', { key: organisation, organisation }));

const fieldsOf = (target: CommandTarget): SubjectFields => ({
  key: target.key,
  organisation: target.organisation,
  department: target.department,
});

/**
 * The commands' authorization hook for one caller: the entity as it is and as it will be must both
 * be allowed (moving a source to a department the caller does not own is refused), and an update
 * must be allowed on every member it changes.
 */
export function authorizerFor(ability: AppAbility): Authorize {
  return ({ action, label, current, next, fields }) => {
    const subject = SUBJECT_OF[label];
    // An entity, or an organisation, the caller may not read is answered as absent: a refusal would
    // tell that it exists.
    if (current && !ability.can('read', asSubject(subject, fieldsOf(current)))) throw notFoundError(label, current.key);
    if (!current && next && label !== Label.Organisation && !canReadOrganisation(ability, next.organisation))
      throw notFoundError(Label.Organisation, next.organisation);
    if (current) assertCan(ability, action, subject, fieldsOf(current));
    if (current && fields && fields.length > 0) assertCanUpdateFields(ability, subject, fieldsOf(current), fields);
    if (next && (!current || next.organisation !== current.organisation || next.department !== current.department)) {
      assertCan(ability, action, subject, fieldsOf(next));
    }
  };
}
