import type { FieldClassification } from '../classify/classify-field.js';
import type { PersonalDataCategory, SpecialCategoryKind } from '../taxonomy.js';
import type { Treatment } from '../treatments.js';
import type { SubjectKind } from './subject-kinds.js';

/**
 * How a column relates to a person, from the strictest to the broadest reading:
 * - DIRECT_IDENTIFIER: personal on its own — identifiers (names, contact, national and internal ids,
 *   pseudonymous keys) and the attributes the field detectors recognise alone (financial, credentials,
 *   special categories);
 * - QUASI_IDENTIFIER: singles a person out in combination (birth date, postal code, sex, profession…);
 * - LINKED_ATTRIBUTE: not identifying, but information relating to a person (GDPR Art. 4(1)) because
 *   its row is a person's row or is linked to one (rental dates, amounts paid, hire date);
 * - NONE: describes no one.
 * The strict reading is DIRECT + QUASI; the GDPR reading is every tier but NONE.
 */
export enum ClassificationTier {
  DIRECT_IDENTIFIER = 'DIRECT_IDENTIFIER',
  QUASI_IDENTIFIER = 'QUASI_IDENTIFIER',
  LINKED_ATTRIBUTE = 'LINKED_ATTRIBUTE',
  NONE = 'NONE',
}

/** Category of a linked attribute (what it tells about the person it relates to). */
export enum LinkedCategory {
  /** What the person did, bought, booked, rented, attended: transactions and events. */
  BEHAVIOUR = 'BEHAVIOUR',
  /** Amounts the person paid, owes or earns; prices, balances, fees. */
  FINANCIAL = 'FINANCIAL',
  /** Where the person is, lives, is billed or delivered: country, region, city, address, coordinates. */
  LOCATION = 'LOCATION',
  /** Work life: employer, company, job, department, manager, hire and leaving dates, contract. */
  PROFESSIONAL = 'PROFESSIONAL',
  /** Record and account metadata: keys of the person's records, statuses, flags, creation and update dates. */
  METADATA = 'METADATA',
}

/** What a dataset is in the schema graph. */
export enum DatasetRole {
  /** Its rows are persons (data subjects). */
  PERSON = 'PERSON',
  /** Its rows reference persons, within the hop limit: it holds personal data about them. */
  LINKED = 'LINKED',
  /** A reference list or shared entity (countries, languages, categories, products) pointed to by personal data. */
  REFERENCE = 'REFERENCE',
  /** Neither about persons nor pointed to by their data. */
  UNRELATED = 'UNRELATED',
}

/** How one dataset reaches another: a foreign key, a reference declared in the inventory, a data flow, or a key name. */
export type LinkKind = 'FOREIGN_KEY' | 'DECLARED_REFERENCE' | 'FLOW' | 'INFERRED_REFERENCE';

/** A foreign key, as discovery reports it (`DiscoveredDataset.foreignKeys`). */
export interface SchemaForeignKey {
  readonly name?: string;
  readonly columns: readonly string[];
  readonly references: { readonly dataset: string; readonly columns: readonly string[] };
}

export interface SchemaFieldInput {
  readonly name: string;
  readonly dataType?: string;
  /** Discovery's type family (`string`, `integer`, `date`, `timestamp`, `boolean`…). */
  readonly typeFamily?: string;
  /** Sample metrics from discovery; used only to let values contradict an ambiguous name. */
  readonly metrics?: { readonly sampled: number; readonly distinctEstimate: number; readonly nullRatio?: number };
  /** The per-field result of `classifyField` for this column. */
  readonly classification: FieldClassification;
}

export interface SchemaDatasetInput {
  /** As discovery names it ('schema.table', 'db.table', a file path); foreign keys use the same names. */
  readonly name: string;
  readonly description?: string;
  readonly primaryKey?: readonly string[];
  readonly foreignKeys?: readonly SchemaForeignKey[];
  readonly fields: readonly SchemaFieldInput[];
}

/**
 * A link declared in the inventory: a reference between datasets (like a foreign key the database does
 * not declare) or a data flow from one dataset to another (the downstream rows derive from the upstream ones).
 */
export interface SchemaLinkInput {
  readonly kind: 'REFERENCE' | 'FLOW';
  readonly name?: string;
  /** REFERENCE: the referencing dataset and columns. FLOW: the upstream dataset (and fields, if known). */
  readonly from: { readonly dataset: string; readonly fields?: readonly string[] };
  /** REFERENCE: the referenced dataset and columns. FLOW: the downstream dataset. */
  readonly to: { readonly dataset: string; readonly fields?: readonly string[] };
}

export interface SchemaInput {
  /** The datasets of one source (or of several, when flows cross sources). */
  readonly datasets: readonly SchemaDatasetInput[];
  readonly links?: readonly SchemaLinkInput[];
}

export interface LinkageOptions {
  /** Links followed at most from a person dataset (default 2, 1 to 6). */
  readonly maxHops?: number;
  /**
   * Infer references the database does not declare from key names: a column named like the single-column
   * primary key of another dataset (`ipp`, `matricule`), or `<dataset>_id` / `id_<dataset>` (default true).
   */
  readonly inferReferences?: boolean;
}

/** One link as it is declared: `from` references (or, for a flow, feeds) `to`. */
export interface Hop {
  readonly kind: LinkKind;
  readonly name: string | null;
  readonly from: string;
  readonly fromFields: readonly string[];
  readonly to: string;
  readonly toFields: readonly string[];
}

/** Evidence that a dataset or field relates to the persons of a person dataset. */
export interface LinkPath {
  /** The person dataset. */
  readonly subject: string;
  readonly subjectKind: SubjectKind;
  /** 0 for the person dataset's own rows. */
  readonly hops: number;
  /** From the dataset concerned to the person dataset. */
  readonly path: readonly Hop[];
  /** "linked to public.customer through rental.customer_id". */
  readonly explanation: string;
}

export interface LinkageEvidence {
  readonly rule: string;
  readonly explanation: string;
}

export interface FieldLinkage {
  readonly field: string;
  readonly tier: ClassificationTier;
  /** GDPR reading: true for every tier but NONE (linked attributes included). */
  readonly personal: boolean;
  /** Category of an identifier or recognised attribute (DIRECT/QUASI tiers); null for linked attributes. */
  readonly category: PersonalDataCategory | null;
  /** Category of a linked attribute; null otherwise. */
  readonly linkedCategory: LinkedCategory | null;
  readonly quasiIdentifier: boolean;
  readonly specialCategory: boolean;
  readonly specialCategoryKind: SpecialCategoryKind | null;
  readonly treatment: Treatment;
  readonly treatmentReason: string;
  /** The persons this column relates to and how (empty for NONE and for personal data of an unrelated dataset). */
  readonly linkedTo: readonly LinkPath[];
  /** What the dataset-level pass decided for this column, and why (empty when it kept the per-field result as is). */
  readonly evidence: readonly LinkageEvidence[];
}

/** Art. 30(1)(c) inputs for one dataset: whose data it holds and which categories. */
export interface RegisterInputs {
  readonly dataset: string;
  readonly subjectKinds: readonly SubjectKind[];
  /** Categories of identifiers and recognised attributes (DIRECT and QUASI tiers), sorted. */
  readonly personalDataCategories: readonly PersonalDataCategory[];
  /** Categories of linked attributes, sorted. */
  readonly linkedCategories: readonly LinkedCategory[];
  readonly specialCategories: readonly SpecialCategoryKind[];
  /** Fields per tier (NONE excluded). */
  readonly fieldsByTier: Readonly<Record<Exclude<ClassificationTier, ClassificationTier.NONE>, number>>;
}

export interface DatasetLinkage {
  readonly dataset: string;
  readonly role: DatasetRole;
  /** For a PERSON dataset: the kind of persons its rows are. */
  readonly subjectKind: SubjectKind | null;
  /** Data subjects whose data the dataset holds: its own kind, the kinds it is linked to, or those its personal fields name. */
  readonly subjectKinds: readonly SubjectKind[];
  /** Shortest path to each person dataset within the hop limit (LINKED datasets), by hops then name. */
  readonly linkedTo: readonly LinkPath[];
  /** Most of its columns are foreign keys (a many-to-many link table). */
  readonly linkTable: boolean;
  readonly evidence: readonly LinkageEvidence[];
  readonly fields: readonly FieldLinkage[];
  readonly register: RegisterInputs;
}

export interface SchemaClassification {
  readonly maxHops: number;
  /** In input order. */
  readonly datasets: readonly DatasetLinkage[];
}
