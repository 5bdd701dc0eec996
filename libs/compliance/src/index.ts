export * from './compliance.errors.js';
export * from './jurisdictions/iso-3166.js';
export * from './jurisdictions/jurisdiction-table.js';
export * from './jurisdictions/jurisdictions.js';
export * from './facts/as-of.js';
export * from './facts/compliance-facts.js';
export * from './facts/compliance-rules.errors.js';
export { canonicalJson, digestOf } from './facts/digest.js';
export { buildFactsIndex, type FactsIndex } from './facts/facts-index.js';
export type { Reason } from './facts/reason.js';
export { validateComplianceFacts } from './facts/validate-facts.js';
export { categoriesOfLabel, vulnerableGroupsOf, VULNERABLE_GROUPS } from './facts/vocabulary.js';
export type { VulnerableGroup } from './facts/vocabulary.js';
export * from './transfers/provider-table.js';
export * from './transfers/extraterritorial.js';
export {
  computeTransfers,
  prepareFacts,
  sccModuleFor,
  SCC_DECISION,
  type Transfer,
  type TransferEnd,
  type TransferMechanism,
  type TransferStatus,
  type TransferAccess,
  type TransfersResult,
  type MechanismRequired,
  type PartyRole,
  type AdequacyReference,
} from './transfers/transfers.js';
export * from './transfers/transfers-json.js';
export type { TiaRecord, TiaStatus, TiaStepRecord } from './transfers/tia.js';
export * from './records/processing-record.js';
export * from './records/register-json.js';
export * from './dpia/dpia-tables.js';
export * from './dpia/screening.js';
export * from './dpia/dpia-json.js';
export * from './records/cnil-register.js';
export * from './records/register-csv.js';
export * from './records/register-xlsx.js';
