import { DiscoveryError, DiscoveryErrorCode } from '../discovery.errors.js';
import type {
  DiscoveredDataset,
  DiscoveredField,
  DiscoveredSource,
  DiscoveryErrorEntry,
  ForeignKey,
  SampleMethod,
  SourceEngine,
  SourceLocation,
  TypeFamily,
  Velocity,
} from '../discovery.types.js';
import { type ResolvedOptions, sampleRowsFor, throwIfAborted } from '../common/options.js';
import { runBounded } from '@cartographer/common';
import { assembleSource, emitDataset } from '../common/result.js';
import { buildSample, type SampledRow } from '../common/sample.js';
import {
  exactBasis,
  findCreationField,
  rowsPerDay,
  sampledBasis,
  velocityWindow,
  type VelocityWindow,
} from '../common/velocity.js';

export interface ColumnMeta {
  name: string;
  ordinal: number;
  dataType: string;
  typeFamily: TypeFamily;
  nullable: boolean;
  comment?: string;
}

/** A relation as the catalog describes it, before any row is read. */
export interface TableMeta {
  name: string;
  kind: 'TABLE' | 'VIEW' | 'MATERIALIZED_VIEW';
  description?: string;
  /** Catalog estimate; null when unknown (never analysed, or a view). */
  rowEstimate: number | null;
  /** As the catalog knows it (PostgreSQL: heap pages at the last ANALYZE, replaced by the exact size). */
  bytes: number;
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  insertCounter?: number;
  columns: ColumnMeta[];
}

export interface ScanPlan {
  sampleRows: number;
  /** Count with COUNT(*) rather than trust the estimate. */
  countExactly: boolean;
  exactCountThreshold: number;
  maxValueLength: number;
  statementTimeoutMs: number;
  creation?: ColumnMeta;
  window: VelocityWindow;
}

export interface TableScan {
  /** Null when the count was needed but failed; the estimate then stands. */
  exactCount: number | null;
  /** Exact size when the dialect reads it per table, over the catalog's figure. */
  bytes?: number;
  rows: SampledRow[];
  /** Undefined when no sample could be drawn. */
  method?: SampleMethod;
  /** Rows of the whole dataset within the velocity window (exact), or sampled rows within it. */
  windowCount?: number;
  windowHits?: number;
  /** Steps that failed without spoiling the rest (e.g. the count timed out, the sample did not). */
  problems: { code: DiscoveryErrorCode; message: string }[];
}

export interface DescribedError {
  code: DiscoveryErrorCode;
  /** Safe to show: no data value, no credential. */
  message: string;
  /** The session can no longer be used. */
  connectionLost: boolean;
}

export interface RelationalSession<T extends TableMeta> {
  scan(table: T, plan: ScanPlan): Promise<TableScan>;
  /** Graceful close. */
  close(): Promise<void>;
  /** Abrupt close, for a broken connection or an abort. Never throws. */
  destroy(): void;
}

export interface RelationalDialect<T extends TableMeta> {
  connect(): Promise<RelationalSession<T>>;
  catalog(session: RelationalSession<T>): Promise<{ engine: SourceEngine; database?: string; tables: T[] }>;
  describeError(error: unknown): DescribedError;
}

export interface RelationalSourceInfo {
  name: string;
  location: SourceLocation;
}

function unmeasuredFields(table: TableMeta): DiscoveredField[] {
  return table.columns.map((column) => ({
    ...column,
    metrics: { sampled: 0, nullRatio: 0, distinctEstimate: 0 },
  }));
}

function datasetOf(table: TableMeta, fields: DiscoveredField[], rowCount: number, exact: boolean): DiscoveredDataset {
  return {
    name: table.name,
    kind: table.kind,
    ...(table.description !== undefined ? { description: table.description } : {}),
    rowCount,
    rowCountExact: exact,
    bytes: table.bytes,
    primaryKey: table.primaryKey,
    foreignKeys: table.foreignKeys,
    ...(table.insertCounter !== undefined ? { insertCounter: table.insertCounter } : {}),
    fields,
  };
}

function velocityOf(plan: ScanPlan, scan: TableScan, rowCount: number): Velocity | undefined {
  const field = plan.creation;
  if (!field) return undefined;
  if (scan.windowCount !== undefined) {
    return { rowsPerDay: rowsPerDay(scan.windowCount), basis: exactBasis(field, scan.windowCount, plan.window) };
  }
  if (scan.windowHits !== undefined && scan.rows.length > 0) {
    const estimate = (scan.windowHits / scan.rows.length) * rowCount;
    return {
      rowsPerDay: rowsPerDay(estimate),
      basis: sampledBasis(field, scan.windowHits, scan.rows.length, rowCount, plan.window),
    };
  }
  return undefined;
}

/**
 * The scan shared by the SQL connectors: one catalog read, then each relation in its own read-only
 * transaction on one of `concurrency` sessions. A relation that fails becomes an error entry and a
 * dataset described from the catalog alone; a broken session is replaced, and once the source cannot
 * be reached again the remaining relations are listed as not scanned.
 */
export async function scanRelational<T extends TableMeta>(
  dialect: RelationalDialect<T>,
  info: RelationalSourceInfo,
  options: ResolvedOptions,
): Promise<DiscoveredSource> {
  const startedAt = new Date();
  throwIfAborted(options.signal);
  const window = velocityWindow(options.now);
  const errors: DiscoveryErrorEntry[] = [];
  const datasets: DiscoveredDataset[] = [];

  const fail =
    (what: string) =>
    (error: unknown): never => {
      const described = dialect.describeError(error);
      const code = described.connectionLost ? DiscoveryErrorCode.SOURCE_UNAVAILABLE : described.code;
      throw new DiscoveryError(code, `${what} ${info.name}: ${described.message}`);
    };
  const first = await dialect.connect().catch(fail('cannot connect to'));
  const sessions: (RelationalSession<T> | undefined)[] = [first];
  const destroyAll = () => sessions.forEach((session) => session?.destroy());
  options.signal?.addEventListener('abort', destroyAll, { once: true });
  try {
    const catalog = await dialect.catalog(first).catch(fail('cannot read the catalog of'));
    const tables = catalog.tables.filter((table) => options.selects(table.name));
    let unreachable: string | undefined;
    let done = 0;
    options.onProgress({ done, total: tables.length });

    await runBounded(tables, options.concurrency, options.signal, async (table, worker) => {
      let dataset = datasetOf(table, unmeasuredFields(table), table.rowEstimate ?? 0, false);
      let raw: Parameters<typeof emitDataset>[2];
      let session = sessions[worker];
      if (!session && !unreachable) {
        try {
          session = sessions[worker] = await dialect.connect();
        } catch (error) {
          unreachable = dialect.describeError(error).message;
        }
      }
      if (!session) {
        errors.push({
          dataset: table.name,
          code: DiscoveryErrorCode.SOURCE_UNAVAILABLE,
          message: `not scanned: the source could not be reached again (${unreachable})`,
        });
      } else {
        const plan: ScanPlan = {
          sampleRows: sampleRowsFor(options, table.columns.length),
          countExactly: table.rowEstimate === null || table.rowEstimate < options.exactCountThreshold,
          exactCountThreshold: options.exactCountThreshold,
          maxValueLength: options.maxValueLength,
          statementTimeoutMs: options.statementTimeoutMs,
          creation: findCreationField(table.columns),
          window,
        };
        try {
          const scan = await session.scan(table, plan);
          const exact = scan.exactCount !== null;
          const rowCount = scan.exactCount ?? table.rowEstimate ?? 0;
          const built = buildSample(
            table.columns.map((column) => ({ name: column.name, binary: column.typeFamily === 'binary' })),
            scan.rows,
            scan.method ?? 'all',
          );
          const fields = table.columns.map((column, index) => ({ ...column, metrics: built.metrics[index] }));
          dataset = datasetOf({ ...table, bytes: scan.bytes ?? table.bytes }, fields, rowCount, exact);
          const velocity = velocityOf(plan, scan, rowCount);
          if (velocity) dataset.velocity = velocity;
          if (scan.method) raw = { sample: built.sample };
          for (const problem of scan.problems) errors.push({ dataset: table.name, ...problem });
        } catch (error) {
          if (options.signal?.aborted) return;
          const described = dialect.describeError(error);
          if (described.connectionLost) {
            session.destroy();
            sessions[worker] = undefined;
          }
          const what = described.connectionLost ? 'connection lost while reading the dataset' : 'reading failed';
          errors.push({ dataset: table.name, code: described.code, message: `${what}: ${described.message}` });
        }
      }
      datasets.push(await emitDataset(options, dataset, raw));
      options.onProgress({ done: ++done, total: tables.length, dataset: table.name });
    });
    throwIfAborted(options.signal);
    return assembleSource(
      {
        name: info.name,
        engine: catalog.engine,
        kind: 'RELATIONAL_DATABASE',
        structure: 'STRUCTURED',
        accessMethods: ['SQL'],
        location: { ...info.location, ...(catalog.database ? { database: catalog.database } : {}) },
        startedAt,
      },
      datasets,
      errors,
    );
  } finally {
    options.signal?.removeEventListener('abort', destroyAll);
    await Promise.all(sessions.map((session) => session?.close()));
  }
}
