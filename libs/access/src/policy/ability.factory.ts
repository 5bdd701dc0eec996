import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { AccessError, AccessErrorCode } from '../access.errors.js';
import { type AppAbility, type Principal, Role, type Subject } from './policy.types.js';
import { LEGAL_FIELDS, LEGAL_SUBJECTS, RESTRICTED_FIELDS } from './restricted-fields.js';

type Builder = AbilityBuilder<AppAbility>;
type DefinePermissions = (principal: Principal, builder: Builder) => void;

/** What the inventory is made of: every role but ADMIN reads it only within granted organisations. */
export const CARTOGRAPHY_SUBJECTS = [
  'Organisation',
  'Department',
  'DataSource',
  'Dataset',
  'Field',
  'ProcessingActivity',
  'Server',
  'Recipient',
  'DataFlow',
  'Finding',
  'Risk',
  'RiskAction',
  'ScanRun',
] as const satisfies readonly Subject[];

/** Items a data team lead edits, only in the departments assigned to them. */
export const DEPARTMENT_OWNED_SUBJECTS = [
  'DataSource',
  'Dataset',
  'Field',
  'DataFlow',
] as const satisfies readonly Subject[];

const inOrganisations = (principal: Principal) => ({ organisation: { $in: [...principal.organisations] } });

/**
 * Report snapshots: generating one is `create`, signing it `approve`, fetching its files `download`;
 * `read` also covers listing, diffing and verifying a file against them. An AUDITOR sees approved
 * snapshots only (`approved: true` on the loaded snapshot; `snapshotFilterFor` turns it into a list filter).
 */
const REPORT = 'ReportSnapshot' as const;

/** One entry per role; `satisfies Record<Role, ...>` makes a new role without permissions a type error. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, DefinePermissions>> = {
  [Role.ADMIN]: (_principal, { can }) => {
    can('manage', 'all');
  },

  [Role.DATA_LEAD]: (principal, { can }) => {
    can('read', [...CARTOGRAPHY_SUBJECTS], inOrganisations(principal));
    can(['read', 'create', 'download'], REPORT, inOrganisations(principal));
    const own = { ...inOrganisations(principal), department: { $in: [...principal.departments] } };
    can(['create', 'update', 'delete'], [...DEPARTMENT_OWNED_SUBJECTS], own);
    can('scan', 'DataSource', own);
    // The action plan of its departments (issue 12): actions treating only their activities' risks.
    can(['create', 'update'], 'RiskAction', own);
  },

  [Role.DPO]: (principal, { can }) => {
    const scope = inOrganisations(principal);
    can('read', [...CARTOGRAPHY_SUBJECTS, 'AuditLog'], scope);
    can(['create', 'update'], ['ProcessingActivity', 'Risk', 'RiskAction'], scope);
    can('update', [...LEGAL_SUBJECTS], [...LEGAL_FIELDS], scope);
    can('review', 'Finding', scope);
    can(['read', 'create', 'approve', 'download'], REPORT, scope);
  },

  [Role.AUDITOR]: (principal, { can, cannot }) => {
    const scope = inOrganisations(principal);
    can('read', [...CARTOGRAPHY_SUBJECTS], scope);
    can(['read', 'download'], REPORT, { ...scope, approved: true });
    // Later rules win in CASL: these field-level denials override the read above.
    for (const [subject, fields] of Object.entries(RESTRICTED_FIELDS)) {
      cannot('read', subject as Subject, [...(fields ?? [])]);
    }
  },
};

/**
 * The ability of one principal. Unknown roles throw rather than yield an empty ability, so a
 * corrupted account row is an error, not a silent lock-out or (worse) a default.
 */
export function defineAbilityFor(principal: Principal): AppAbility {
  const define = Object.hasOwn(ROLE_PERMISSIONS, principal.role) ? ROLE_PERMISSIONS[principal.role] : undefined;
  if (!define) throw new AccessError(AccessErrorCode.FORBIDDEN, `unknown role '${String(principal.role)}'`);
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  define(principal, builder);
  return builder.build();
}
