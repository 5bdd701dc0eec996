import type { DataSource } from 'typeorm';
import type { DiscoveryErrorEntry, DiscoveryProgress } from '@cartographer/discovery';
import type { ScanReport } from './scan.types.js';

export type ScanRunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'PARTIAL' | 'FAILED';

export interface ScanRun {
  id: string;
  organisation: string | null;
  sourceKey: string | null;
  target: string;
  requestedBy: string;
  status: ScanRunStatus;
  store: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  progress: DiscoveryProgress;
  counts: ScanRunCounts | null;
  errors: DiscoveryErrorEntry[];
  failure: string | null;
}

export interface ScanRunCounts {
  datasets: number;
  fields: number;
  personalFields: number;
  specialCategoryFields: number;
  rows: number;
  bytes: number;
  errors: number;
}

interface Row {
  id: string;
  organisation: string | null;
  source_key: string | null;
  target: string;
  requested_by: string;
  status: ScanRunStatus;
  store: boolean;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  duration_ms: number | null;
  progress: DiscoveryProgress;
  counts: ScanRunCounts | null;
  errors: DiscoveryErrorEntry[];
  failure: string | null;
}

const toRun = (row: Row): ScanRun => ({
  id: row.id,
  organisation: row.organisation,
  sourceKey: row.source_key,
  target: row.target,
  requestedBy: row.requested_by,
  status: row.status,
  store: row.store,
  createdAt: row.created_at.toISOString(),
  startedAt: row.started_at?.toISOString() ?? null,
  finishedAt: row.finished_at?.toISOString() ?? null,
  durationMs: row.duration_ms,
  progress: row.progress,
  counts: row.counts,
  errors: row.errors,
  failure: row.failure,
});

export function countsOf(report: ScanReport): ScanRunCounts {
  return {
    datasets: report.datasets.length,
    fields: report.fields.length,
    personalFields: report.fields.filter((f) => f.personal).length,
    specialCategoryFields: report.fields.filter((f) => f.specialCategory).length,
    rows: report.source.metrics.rows,
    bytes: report.source.metrics.bytes,
    errors: report.errors.length,
  };
}

/** Scan runs in PostgreSQL. Targets are stored redacted (no credentials), errors carry no values. */
export class ScanRunsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(run: {
    organisation?: string;
    sourceKey?: string;
    target: string;
    requestedBy: string;
    store: boolean;
    status?: ScanRunStatus;
  }): Promise<ScanRun> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO scan_runs (organisation, source_key, target, requested_by, store, status)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [run.organisation ?? null, run.sourceKey ?? null, run.target, run.requestedBy, run.store, run.status ?? 'QUEUED'],
    )) as Row[];
    return toRun(row);
  }

  async start(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE scan_runs SET status = 'RUNNING', started_at = now() WHERE id = $1`, [id]);
  }

  async progress(id: string, progress: DiscoveryProgress): Promise<void> {
    await this.dataSource.query(`UPDATE scan_runs SET progress = $2 WHERE id = $1`, [
      id,
      JSON.stringify({ done: progress.done, total: progress.total }),
    ]);
  }

  async finish(id: string, report: ScanReport): Promise<void> {
    const status: ScanRunStatus = report.errors.length > 0 ? 'PARTIAL' : 'SUCCEEDED';
    await this.dataSource.query(
      `UPDATE scan_runs SET status = $2, finished_at = now(),
         duration_ms = (extract(epoch FROM now() - coalesce(started_at, created_at)) * 1000)::int,
         counts = $3, errors = $4 WHERE id = $1`,
      [id, status, JSON.stringify(countsOf(report)), JSON.stringify(report.errors)],
    );
  }

  async fail(id: string, failure: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE scan_runs SET status = 'FAILED', finished_at = now(),
         duration_ms = (extract(epoch FROM now() - coalesce(started_at, created_at)) * 1000)::int, failure = $2 WHERE id = $1`,
      [id, failure.slice(0, 2000)],
    );
  }

  async get(id: string): Promise<ScanRun | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const rows = (await this.dataSource.query(`SELECT * FROM scan_runs WHERE id = $1`, [id])) as Row[];
    return rows[0] ? toRun(rows[0]) : null;
  }

  async list(filter: { organisations: string[] | null; sourceKey?: string; limit: number }): Promise<ScanRun[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM scan_runs
       WHERE ($1::text[] IS NULL OR organisation = ANY($1)) AND ($2::text IS NULL OR source_key = $2)
       ORDER BY created_at DESC LIMIT $3`,
      [filter.organisations, filter.sourceKey ?? null, filter.limit],
    )) as Row[];
    return rows.map(toRun);
  }
}
