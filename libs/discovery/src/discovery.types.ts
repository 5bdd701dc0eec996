/** What a scanned source is, for the inventory. */
export type SourceKind = 'RELATIONAL_DATABASE' | 'FILE_SHARE';

export type SourceEngine = 'postgresql' | 'mariadb' | 'mysql' | 'files';

export type SourceStructure = 'STRUCTURED' | 'SEMI_STRUCTURED' | 'UNSTRUCTURED' | 'MIXED';

export type DatasetKind = 'TABLE' | 'VIEW' | 'MATERIALIZED_VIEW' | 'FILE' | 'DOCUMENT';

export type FileFormat =
  'csv' | 'tsv' | 'json' | 'ndjson' | 'xlsx' | 'ods' | 'text' | 'markdown' | 'pdf' | 'docx' | 'pptx' | 'odt' | 'odp';

export type TypeFamily =
  'string' | 'integer' | 'decimal' | 'boolean' | 'date' | 'timestamp' | 'binary' | 'json' | 'uuid' | 'other';

/**
 * How the sample was drawn: every row (`all`), uniformly at random over the whole dataset
 * (`random`, `reservoir`), by random pages (`system`, TABLESAMPLE SYSTEM), by a per-row coin toss
 * (`bernoulli`), or the first rows only (`first`, large views that cannot be sampled cheaply).
 */
export type SampleMethod = 'all' | 'random' | 'system' | 'bernoulli' | 'reservoir' | 'first';

export interface DiscoveryProgress {
  /** Units of work finished: tables for databases, files for file trees. */
  done: number;
  total: number;
  dataset?: string;
}

export interface DiscoveryOptions {
  /** Rows sampled per dataset (default 1000); also capped by maxSampleCells. */
  sampleSize?: number;
  /** Bound on each statement against a database (default 30000 ms). */
  statementTimeoutMs?: number;
  /** Sampled text values are cut to this many characters (default 256). */
  maxValueLength?: number;
  /** Bound on rows x sampled columns per dataset, so a 2,000-column table stays small (default 200000). */
  maxSampleCells?: number;
  /** Extracted text kept per document (default 1,000,000 characters). */
  maxTextLength?: number;
  /** Dataset name globs (`*` stays within a path segment, `**` crosses `/`); files match on their relative path. */
  include?: string[];
  exclude?: string[];
  /** Datasets scanned at once, i.e. database connections or open files (default 4). */
  concurrency?: number;
  /** Files: directory depth below the root (default 32) and files read at most (default 100000). */
  maxDepth?: number;
  maxFiles?: number;
  /** Files: JSON, XLSX and PDF files larger than this are reported, not read (default 256 MiB). */
  maxFileBytes?: number;
  signal?: AbortSignal;
  onProgress?: (progress: DiscoveryProgress) => void;
  /**
   * Called with each dataset as soon as it is scanned, sample included, so a consumer can classify
   * it and let it go; awaited, which gives back-pressure. Combine with retainSamples: false to keep
   * memory bounded by `concurrency` rather than by the number of datasets.
   */
  onDataset?: (dataset: DiscoveredDataset) => void | Promise<void>;
  /** Keep `sample` and `text` on the datasets of the final result (default true). */
  retainSamples?: boolean;
  /** Reference time for velocity windows (default: the clock). */
  now?: Date;
}

export interface SourceLocation {
  host?: string;
  port?: number;
  database?: string;
  path?: string;
}

export interface SourceMetrics {
  datasets: number;
  fields: number;
  rows: number;
  bytes: number;
  /** Sum of the datasets' velocities, when at least one dataset has one. */
  rowsPerDay?: number;
  /** Type family -> number of fields. */
  typeMix: Record<string, number>;
}

export interface DiscoveryErrorEntry {
  /** The dataset concerned, or null for the source as a whole. */
  dataset: string | null;
  code: string;
  /** Never carries a sampled value nor a credential. */
  message: string;
}

export interface DiscoveredSource {
  name: string;
  engine: SourceEngine;
  kind: SourceKind;
  structure: SourceStructure;
  accessMethods: string[];
  /** Never holds credentials. */
  location: SourceLocation;
  metrics: SourceMetrics;
  datasets: DiscoveredDataset[];
  errors: DiscoveryErrorEntry[];
  startedAt: string;
  finishedAt: string;
}

export interface ForeignKey {
  name: string;
  columns: string[];
  references: { dataset: string; columns: string[] };
}

export interface Velocity {
  rowsPerDay: number;
  basis: string;
}

/** Raw sampled values: in memory only, never serialised (non-enumerable on results). */
export interface DatasetSample {
  method: SampleMethod;
  columns: string[];
  rows: (string | null)[][];
}

export interface DiscoveredDataset {
  /** 'schema.table' (PostgreSQL), 'db.table' (MariaDB/MySQL), relative path (files), 'file.xlsx#Sheet'. */
  name: string;
  kind: DatasetKind;
  format?: FileFormat;
  description?: string;
  rowCount: number;
  rowCountExact: boolean;
  bytes: number;
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  velocity?: Velocity;
  /** A monotonic insert counter (pg n_tup_ins, MariaDB AUTO_INCREMENT), for velocity between two scans. */
  insertCounter?: number;
  /** Documents: pages (PDF) and the full length of the extracted text, in characters. */
  pages?: number;
  textLength?: number;
  fields: DiscoveredField[];
  /** Non-enumerable: bounded sample, absent for documents and for datasets that could not be read. */
  sample?: DatasetSample;
  /** Non-enumerable: extracted text of a document, cut to maxTextLength. */
  text?: string;
}

export interface FieldMetrics {
  /** Rows of the sample this field was measured on; all other metrics are over the sample. */
  sampled: number;
  nullRatio: number;
  /** Exact number of distinct non-null values within the sample (binary: by MD5, text: as truncated). */
  distinctEstimate: number;
  /** Length of the full value in characters (binary: bytes), not of its truncated sample. */
  minLength?: number;
  maxLength?: number;
}

export interface DiscoveredField {
  name: string;
  /** 1-based position within the dataset. */
  ordinal: number;
  /** As declared by the database; inferred type family for files. */
  dataType: string;
  typeFamily: TypeFamily;
  nullable: boolean;
  comment?: string;
  metrics: FieldMetrics;
}

export interface Connector {
  discover(options?: DiscoveryOptions): Promise<DiscoveredSource>;
}
