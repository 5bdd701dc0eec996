import type { RecipientSector } from '../jurisdictions/jurisdictions.js';

/*
 * ComplianceFacts: what the compliance rules read. Shaped like the inventory document (organisation,
 * departments, servers, recipients, sources → datasets → fields, processing activities, flows) plus
 * what only the graph knows (per field its findings, per dataset its data-subject kinds) and the
 * optional inventory additions of issue 11 item 5. Keys are the inventory's local keys; a field is
 * named `<dataset key>/<field name>` as in the import format.
 *
 * The rules never read Neo4j: an adapter fills these facts from the inventory read model. Every
 * optional member means "not declared": the rules answer MISSING or UNKNOWN for it, never guess.
 * Arrays: `undefined` = not declared; `[]` = declared empty ("none"), which is an answer.
 */

export const ORGANISATION_ROLES = ['CONTROLLER', 'JOINT_CONTROLLER', 'PROCESSOR'] as const;
/** The organisation's own role in one processing activity (GDPR Art. 4(7), 26, 4(8)). */
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

export const HOSTING_KINDS = ['ON_PREMISES', 'CLOUD', 'SAAS'] as const;
export type HostingKind = (typeof HOSTING_KINDS)[number];

export const RECIPIENT_KINDS = [
  'PROCESSOR',
  'SUB_PROCESSOR',
  'JOINT_CONTROLLER',
  'CONTROLLER',
  'PUBLIC_AUTHORITY',
  'INTERNAL',
] as const;
/** Same values as the inventory's RecipientRole. INTERNAL = a service of the same legal entity. */
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const TRANSFER_TOOLS = ['ADEQUACY', 'SCC', 'BCR', 'DEROGATION', 'NONE'] as const;
/** Same values as the inventory's Safeguard: the Chapter V tool recorded for a transfer. */
export type TransferTool = (typeof TRANSFER_TOOLS)[number];

export const FINDING_STATUSES = ['PENDING', 'CONFIRMED', 'REJECTED'] as const;
export type FindingStatusFact = (typeof FINDING_STATUSES)[number];

export const FINDING_ORIGINS = ['SCAN', 'DECLARED', 'PROPAGATED'] as const;
export type FindingOriginFact = (typeof FINDING_ORIGINS)[number];

export const IDENTIFIER_TIERS = ['DIRECT_IDENTIFIER', 'QUASI_IDENTIFIER', 'LINKED_ATTRIBUTE'] as const;
export type IdentifierTier = (typeof IDENTIFIER_TIERS)[number];

/** GDPR Art. 49(1) grounds, (a)–(g) first subparagraph, then the compelling-interest case. */
export const DEROGATION_GROUNDS = [
  'EXPLICIT_CONSENT',
  'CONTRACT_WITH_SUBJECT',
  'CONTRACT_IN_SUBJECT_INTEREST',
  'PUBLIC_INTEREST',
  'LEGAL_CLAIMS',
  'VITAL_INTERESTS',
  'PUBLIC_REGISTER',
  'COMPELLING_LEGITIMATE_INTERESTS',
] as const;
export type DerogationGround = (typeof DEROGATION_GROUNDS)[number];

/** The six steps of EDPB Recommendations 01/2020 (version 2.0, 18 June 2021). */
export const TIA_STEPS = [
  'KNOW_TRANSFER',
  'IDENTIFY_TOOL',
  'ASSESS_LAW_AND_PRACTICE',
  'SUPPLEMENTARY_MEASURES',
  'PROCEDURAL_STEPS',
  'REEVALUATE',
] as const;
export type TiaStep = (typeof TIA_STEPS)[number];

export const TIA_CONCLUSIONS = ['EFFECTIVE', 'NOT_EFFECTIVE'] as const;
export type TiaConclusion = (typeof TIA_CONCLUSIONS)[number];

export const SCC_MODULES = [1, 2, 3, 4] as const;
export type SccModule = (typeof SCC_MODULES)[number];

export interface PartyFacts {
  name: string;
  contact?: string;
  country?: string;
}

export interface ComplianceFacts {
  organisation: OrganisationFacts;
  departments?: DepartmentFacts[];
  servers?: ServerFacts[];
  recipients?: RecipientFacts[];
  sources?: SourceFacts[];
  processingActivities?: ActivityFacts[];
  flows?: FlowFacts[];
  /** Hosting providers added to (or correcting) the built-in table; see transfers/provider-table.ts. */
  providers?: ProviderFacts[];
}

export interface OrganisationFacts {
  key: string;
  name: string;
  /** Country of establishment: decides whether the exporter is subject to the GDPR (Art. 3(1)). */
  country?: string;
  sector?: 'PUBLIC' | 'PRIVATE' | 'NON_PROFIT';
  dpo?: PartyFacts;
  /** Representative in the Union (Art. 27), for organisations established outside it. */
  representative?: PartyFacts;
  /** Head count: the CNIL exemption for HR processing applies below 250 (délibération 2019-118). */
  staffCount?: number;
}

export interface DepartmentFacts {
  key: string;
  name: string;
}

export interface ServerFacts {
  key: string;
  name: string;
  provider?: string;
  hosting: HostingKind;
  country: string;
  certifications?: string[];
  /** Addition: the provider's parent company and its country, when the built-in table does not know it. */
  providerParent?: { name: string; country: string };
  /** Addition: countries from which the provider's staff or support access the data (EDPB 05/2021). */
  accessCountries?: string[];
  /** Addition: the recipient (processor) that operates this server, whose contract frames the transfer. */
  operator?: string;
}

export interface TransferToolFacts {
  /** The SCC module written in the contract, checked against the one the roles call for. */
  sccModule?: SccModule;
  bcrReference?: string;
  derogation?: DerogationGround;
  documentation?: string;
  tia?: TiaFacts;
}

export interface TiaFacts {
  reference?: string;
  /** YYYY-MM-DD */
  assessedOn?: string;
  /** YYYY-MM-DD: next re-evaluation (step 6). */
  reevaluateBy?: string;
  stepsDone?: TiaStep[];
  conclusion?: TiaConclusion;
  supplementaryMeasures?: string[];
}

export interface RecipientFacts {
  key: string;
  name: string;
  role: RecipientKind;
  /** Where the recipient receives and processes the data. */
  country: string;
  safeguard: TransferTool;
  certifications?: string[];
  /** Addition: country where the recipient is established, when it differs from `country`. */
  establishmentCountry?: string;
  /** Addition: countries from which its staff or support access the data. */
  accessCountries?: string[];
  /** Addition: the recipient's sector (partial adequacy: Canada PIPEDA, Japan APPI). */
  sector?: RecipientSector;
  /** Addition: the importer's processing is itself subject to the GDPR (Art. 3(2)): SCCs 2021/914 do not fit. */
  subjectToGdpr?: boolean;
  transferTool?: TransferToolFacts;
}

export interface SourceFacts {
  key: string;
  name: string;
  department: string;
  kind?: string;
  servers?: string[];
  velocity?: { recordsPerDay?: number };
  accessMethods?: string[];
  datasets?: DatasetFacts[];
}

export interface DatasetFacts {
  key: string;
  name: string;
  kind?: string;
  volume?: { records?: number };
  /** Kinds of data subjects the dataset is about (from the graph), e.g. 'patients', 'élèves'. */
  dataSubjectKinds?: string[];
  fields?: FieldFacts[];
}

export interface FieldFacts {
  name: string;
  findings?: FindingFacts[];
}

/** The summary of one finding on a field: never a sampled value. */
export interface FindingFacts {
  /** A taxonomy category (PersonalDataCategory value). */
  category: string;
  /** The Art. 9/10 kind (SpecialCategoryKind value), or null. */
  specialCategory: string | null;
  tier: IdentifierTier;
  status: FindingStatusFact;
  origin: FindingOriginFact;
}

export interface DeclaredTransferFacts extends TransferToolFacts {
  recipient: string;
  country: string;
  safeguard: TransferTool;
}

export interface ActivityFacts {
  key: string;
  name: string;
  department: string;
  description?: string;
  controller?: PartyFacts;
  jointControllers?: PartyFacts[];
  representative?: PartyFacts;
  dpo?: PartyFacts;
  purposes?: string[];
  legalBases?: string[];
  dataSubjectCategories?: string[];
  personalDataCategories?: string[];
  specialCategories?: string[];
  recipients?: string[];
  transfers?: DeclaredTransferFacts[];
  retention?: string;
  securityMeasures?: string[];
  datasets?: string[];
  /** `<dataset key>/<field name>` */
  fields?: string[];

  // Additions (issue 11 item 5). Absent = not declared.
  /** The organisation's role for this activity. Absent: the record is the controller's (INFERRED). */
  organisationRole?: OrganisationRole;
  /** Number of data subjects concerned (DPIA large scale). */
  dataSubjectCount?: number;
  /** Automated decisions (Art. 22): whether there are any and whether they have legal or similar effects. */
  automatedDecisions?: { exists: boolean; legalOrSimilarEffect?: boolean };
  /** Evaluation or scoring, including profiling and predicting (WP248 criterion 1). */
  evaluationScoring?: boolean;
  /** Systematic monitoring of the data subjects; `publiclyAccessibleArea` for Art. 35(3)(c). */
  monitoring?: { systematic: boolean; publiclyAccessibleArea?: boolean };
  innovativeTechnology?: boolean;
  /** The processing may prevent a data subject from exercising a right or using a service or contract. */
  preventsRightOrService?: boolean;
  /** Retention per data category (Art. 30(1)(f)), the category as declared. */
  retentionByCategory?: { category: string; retention: string }[];
}

export interface FlowFacts {
  key: string;
  name?: string;
  /** A dataset key or a source key. */
  from: string;
  to: string;
  /** Field mappings; a bare name is the same field on both ends. */
  fields?: (string | { from: string; to: string })[];
  frequency?: string;
  mechanism?: string;
}

export interface ProviderFacts {
  /** The provider as servers name it; matched on whole words after normalisation. */
  name: string;
  aliases?: string[];
  parent: string;
  /** ISO 3166-1 alpha-2 country whose law governs the parent. */
  parentCountry: string;
  source: string;
}
