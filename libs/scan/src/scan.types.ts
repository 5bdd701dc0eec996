import type { DiscoveredSource, FieldMetrics, SourceLocation, Velocity } from '@cartographer/discovery';
import type { FindingClassification } from '@cartographer/findings';

/** One scanned field with its classification: aggregates only, never a sampled value. */
export interface ScanFieldResult extends FindingClassification {
  dataset: string;
  field: string;
  type: string;
  typeFamily: string;
  metrics: FieldMetrics;
  maskedExemplar?: string;
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
  personalFields: number;
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
