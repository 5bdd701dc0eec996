import type { Subject } from './policy.types.js';

/**
 * Fields that hold connection details, credentials or sample exemplars. Roles that must never see
 * them (AUDITOR) get a `cannot read` rule on exactly these fields; repositories and resolvers strip
 * them with `redactFields`. Inventory code adding such a field adds it here.
 */
export const RESTRICTED_FIELDS: Readonly<Partial<Record<Subject, readonly string[]>>> = {
  DataSource: ['connectionRef', 'location', 'credentials', 'host', 'port', 'username'],
  Server: ['address', 'hostname', 'connectionRef'],
  Dataset: ['location'],
  Field: ['maskedExemplar', 'exemplars'],
  Finding: ['maskedExemplar', 'exemplars', 'evidence'],
  ScanRun: ['connectionRef', 'errorDetail'],
};

/**
 * Legal qualification fields a DPO may update on items they do not otherwise edit (the data team
 * owns the technical description, the DPO the legal one).
 */
export const LEGAL_FIELDS: readonly string[] = [
  'legalBasis',
  'purposes',
  'retention',
  'retentionPeriod',
  'specialCategory',
  'sensitivity',
  'transferMechanism',
  'safeguards',
  'dpiaRequired',
  'lawfulnessNote',
  // A recipient's Chapter V tool and its transfer impact assessment (EDPB Recommendations 01/2020).
  'transferTool',
];

/** Subjects whose legal fields a DPO may update. */
export const LEGAL_SUBJECTS = ['DataSource', 'Dataset', 'Field', 'DataFlow', 'Recipient', 'Server'] as const;
