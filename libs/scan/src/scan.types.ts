import type { DiscoveredSource, FieldMetrics, SourceLocation, Velocity } from '@cartographer/discovery';
import type { ClassificationTier, DatasetRole, LinkedCategory, SubjectKind } from '@cartographer/classification';
import type { FindingClassification } from '@cartographer/findings';

/**
 * One scanned field with its classification: aggregates only, never a sampled value. After the
 * dataset-level pass (`linkSource`, run by runScan once per source), `personal` is the GDPR reading
 * (true for linked attributes); `tier` says which reading flags it (the strict one is DIRECT + QUASI).
 */
export interface ScanFieldResult extends FindingClassification {
  dataset: string;
  field: string;
  type: string;
  typeFamily: string;
  metrics: FieldMetrics;
  maskedExemplar?: string;
  tier: ClassificationTier;
  /** How the column relates to the persons of a person dataset ("linked to public.customer through rental.customer_id"). */
  linkedTo: string[];
  /** What a linked attribute tells about the person (BEHAVIOUR, FINANCIAL, LOCATION, PROFESSIONAL, METADATA). */
  linkedCategory: LinkedCategory | null;
}

export interface ScanDatasetResult {
  name: string;
  kind: string;
  format?: string;
  rowCount: number;
  rowCountExact: boolean;
  bytes: number;
  primaryKey: string[];
  foreignKeys: { name: string; columns: string[]; references: { dataset: string; columns: string[] } }[];
  velocity?: Velocity;
  fields: number;
  /** Personal fields in the GDPR reading (linked attributes included). */
  personalFields: number;
  /** What the dataset is in the schema graph (PERSON, LINKED, REFERENCE, UNRELATED); null before the pass. */
  role: DatasetRole | null;
  /** For a PERSON dataset: the kind of persons its rows are. */
  subjectKind: SubjectKind | null;
  /** Data subjects whose data the dataset holds (Art. 30(1)(c) categories of data subjects). */
  subjectKinds: SubjectKind[];
  /** Shortest path to each person dataset, for a LINKED dataset. */
  linkedTo: string[];
  /** Categories of personal data it holds (identifiers and recognised attributes), sorted. */
  personalDataCategories: string[];
  /** Categories of its linked attributes, sorted. */
  linkedCategories: LinkedCategory[];
  specialCategories: string[];
  /** k-anonymity over the quasi-identifiers of the sample, when it has any. */
  reidentification?: {
    k: number;
    uniqueShare: number;
    anonymous: boolean;
    targetK: number;
    quasiIdentifiers: string[];
    generalisation: { column: string; rule: string }[] | null;
  };
  /** Unstructured documents: personal data found in the text, counted per detector. */
  text?: { personal: boolean; counts: Record<string, number> };
}

export interface ScanReport {
  source: {
    name: string;
    engine: DiscoveredSource['engine'];
    kind: string;
    structure: string;
    accessMethods: string[];
    location: SourceLocation;
    metrics: DiscoveredSource['metrics'];
    startedAt: string;
    finishedAt: string;
  };
  datasets: ScanDatasetResult[];
  fields: ScanFieldResult[];
  errors: DiscoveredSource['errors'];
  /** Set when the result was written to the inventory. */
  stored?: { organisation: string; source: string; writes: number };
}
