import type { ForcedSubject, MongoAbility, MongoQuery } from '@casl/ability';

export enum Role {
  ADMIN = 'ADMIN',
  DATA_LEAD = 'DATA_LEAD',
  DPO = 'DPO',
  AUDITOR = 'AUDITOR',
}

export const ROLES: readonly Role[] = Object.values(Role);

export const ACTIONS = [
  'read',
  'create',
  'update',
  'delete',
  'manage',
  'scan',
  'review',
  'approve',
  'download',
] as const;
export type Action = (typeof ACTIONS)[number];

export const SUBJECTS = [
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
  'ReportSnapshot',
  'User',
  'AuditLog',
  'all',
] as const;
export type Subject = (typeof SUBJECTS)[number];

/** Who is acting: what the policy needs to know, loaded from the account on every request. */
export interface Principal {
  userId: string;
  role: Role;
  /** Organisation keys granted. */
  organisations: string[];
  /** For DATA_LEAD: department keys assigned (ignored for other roles). */
  departments: string[];
}

/**
 * The shape of an inventory item as the policy sees it: every item has its organisation key;
 * department-owned items also carry their department key.
 */
export interface SubjectFields {
  key?: string;
  organisation?: string | null;
  department?: string | null;
  [field: string]: unknown;
}

/** A loaded item tagged with its subject type (see `asSubject`). */
export type SubjectInstance = { [S in Exclude<Subject, 'all'>]: SubjectFields & ForcedSubject<S> }[Exclude<
  Subject,
  'all'
>];

export type AppAbility = MongoAbility<[Action, Subject | SubjectInstance], MongoQuery>;
