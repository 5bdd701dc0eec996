import { MEASURE_CATALOGUE } from '@cartographer/risks';

/** Closed vocabularies of the inventory. Values are stored as is in Neo4j and in import files. */

export const SOURCE_KINDS = [
  'RELATIONAL_DATABASE',
  'NOSQL_DATABASE',
  'FILE_SHARE',
  'SPREADSHEET',
  'SAAS_APPLICATION',
  'API',
  'DATA_LAKE',
  'OBJECT_STORAGE',
  'PAPER',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const STRUCTURES = ['STRUCTURED', 'SEMI_STRUCTURED', 'UNSTRUCTURED', 'MIXED'] as const;
export type Structure = (typeof STRUCTURES)[number];

export const ACCESS_METHODS = [
  'SQL',
  'REST_API',
  'GRAPHQL_API',
  'SFTP',
  'FILE_SYSTEM',
  'EXPORT',
  'MANUAL',
  'STREAMING',
  'WEB_UI',
  'OTHER',
] as const;
export type AccessMethod = (typeof ACCESS_METHODS)[number];

export const HOSTING_TYPES = ['ON_PREMISES', 'CLOUD', 'SAAS'] as const;
export type HostingType = (typeof HOSTING_TYPES)[number];

export const DATASET_KINDS = [
  'TABLE',
  'VIEW',
  'MATERIALIZED_VIEW',
  'COLLECTION',
  'FILE',
  'DOCUMENT',
  'SHEET',
  'ENDPOINT',
  'OTHER',
] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

export const STAKEHOLDER_ROLES = ['OWNER', 'STEWARD', 'DPO_CONTACT'] as const;
export type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];

/** GDPR Art. 6(1)(a)-(f). */
export const LEGAL_BASES = [
  'CONSENT',
  'CONTRACT',
  'LEGAL_OBLIGATION',
  'VITAL_INTERESTS',
  'PUBLIC_TASK',
  'LEGITIMATE_INTERESTS',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
export const LEGAL_BASIS_ARTICLE: Record<LegalBasis, string> = {
  CONSENT: 'Art. 6(1)(a)',
  CONTRACT: 'Art. 6(1)(b)',
  LEGAL_OBLIGATION: 'Art. 6(1)(c)',
  VITAL_INTERESTS: 'Art. 6(1)(d)',
  PUBLIC_TASK: 'Art. 6(1)(e)',
  LEGITIMATE_INTERESTS: 'Art. 6(1)(f)',
};

/** Chapter V transfer tools: Art. 45 adequacy, Art. 46 SCC/BCR, Art. 49 derogations. */
export const SAFEGUARDS = ['ADEQUACY', 'SCC', 'BCR', 'DEROGATION', 'NONE'] as const;
export type Safeguard = (typeof SAFEGUARDS)[number];

export const RECIPIENT_ROLES = [
  'PROCESSOR',
  'SUB_PROCESSOR',
  'JOINT_CONTROLLER',
  'CONTROLLER',
  'PUBLIC_AUTHORITY',
  'INTERNAL',
] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export const FREQUENCIES = [
  'REAL_TIME',
  'HOURLY',
  'DAILY',
  'WEEKLY',
  'MONTHLY',
  'YEARLY',
  'ON_DEMAND',
  'ONE_OFF',
] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FLOW_MECHANISMS = [
  'ETL',
  'API',
  'SFTP',
  'FILE_EXPORT',
  'REPLICATION',
  'MESSAGE_QUEUE',
  'MANUAL',
  'EMAIL',
  'OTHER',
] as const;
export type FlowMechanism = (typeof FLOW_MECHANISMS)[number];

export const ORGANISATION_SECTORS = ['PUBLIC', 'PRIVATE', 'NON_PROFIT'] as const;
export type OrganisationSector = (typeof ORGANISATION_SECTORS)[number];

/*
 * Vocabularies of the compliance additions (issue 11 item 5): the compliance rules own them, the
 * format reuses them so a declared value is exactly what the rules read.
 */
export {
  DEROGATION_GROUNDS,
  ORGANISATION_ROLES,
  RECIPIENT_SECTORS,
  SCC_MODULES,
  TIA_CONCLUSIONS,
  TIA_STEPS,
} from '@cartographer/compliance';
export type {
  DerogationGround,
  OrganisationRole,
  RecipientSector,
  SccModule,
  TiaConclusion,
  TiaStep,
} from '@cartographer/compliance';

/*
 * Vocabularies of the security additions (issue 12): the risk rules own them, the format reuses them
 * so a declared value is exactly what the rules read. Measure ids are the catalogue's.
 */
export {
  ACCESS_CONTROL_MODELS,
  ACTION_STATUSES,
  BACKUP_FREQUENCIES,
  EXPOSURES,
  INCIDENT_KINDS,
  KEY_HOLDERS,
  REDUNDANCY_LEVELS,
} from '@cartographer/risks';
export type {
  AccessControlModel,
  ActionStatus,
  BackupFrequency,
  Exposure,
  IncidentKind,
  KeyHolder,
  Redundancy,
} from '@cartographer/risks';
/** The catalogue's stable measure ids (an unknown id is refused by the schema, with its path). */
export const MEASURE_IDS: readonly string[] = Object.freeze(MEASURE_CATALOGUE.map((m) => m.id));
