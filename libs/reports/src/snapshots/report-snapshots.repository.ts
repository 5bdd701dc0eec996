import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@cartographer/common';
import type { AccessFilter, AuditActor, AuditEntry } from '@cartographer/access';
import type { DataSource, EntityManager } from 'typeorm';
import { contentHashOf } from '../model/canonical-json.js';
import type { JsonValue, ReportLanguage, ReportModel } from '../model/report-model.js';
import { assertValidReportModel } from '../model/validate-model.js';
import { assertReportFormat, ReportRenderer, type RenderedReport } from '../render/report-renderer.js';
import { ReportError, ReportErrorCode } from '../reports.errors.js';
import { diffReportModels, type ReportDiff } from '../diff/report-diff.js';
import { verifyReportFile, type ReportVerification } from '../verify/verify-report.js';

/**
 * Which snapshots a caller may see: the organisations (and departments) of
 * `accessFilterFor(ability, 'read', <subject>)` — null means no restriction — and, for AUDITOR
 * accounts, approved snapshots only. Deny by default: there is no scope that means "everything"
 * except one with explicit nulls.
 */
export interface SnapshotScope extends AccessFilter {
  approvedOnly: boolean;
}

/** The audit log, as the repository uses it (`AuditService` of @cartographer/access fits). */
export interface SnapshotAuditLog {
  record(entry: AuditEntry, options: { manager?: EntityManager }): Promise<unknown>;
}

export interface ReportApproval {
  approvedBy: string;
  approvedAt: Date;
  comment: string | null;
}

export interface ReportSnapshotSummary {
  id: string;
  kind: string;
  organisation: string;
  department: string | null;
  language: ReportLanguage;
  asOf: string;
  options: { [key: string]: JsonValue };
  contentHash: string;
  /** The audit chain's last entry when the snapshot was taken (seq 0 = empty chain). */
  auditHead: { seq: string; hash: string };
  generatedBy: string;
  generatedAt: Date;
  approval: ReportApproval | null;
}

export interface ReportSnapshot extends ReportSnapshotSummary {
  model: ReportModel;
}

export interface SnapshotPage {
  items: ReportSnapshotSummary[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface SnapshotVerification {
  verification: ReportVerification;
  /** The snapshots (in scope) whose content the file carries; empty if none or if it does not match. */
  snapshots: ReportSnapshotSummary[];
}

export interface SnapshotDiff {
  older: ReportSnapshotSummary;
  newer: ReportSnapshotSummary;
  diff: ReportDiff;
}

export interface ListSnapshotsQuery {
  scope: SnapshotScope;
  organisation?: string | null;
  kind?: string | null;
  first?: number | null;
  /** The `endCursor` of the previous page (snapshots come newest first). */
  after?: string | null;
}

interface SnapshotRow {
  id: string;
  kind: string;
  organisation: string;
  department: string | null;
  language: ReportLanguage;
  as_of: string;
  options: { [key: string]: JsonValue };
  content_hash: string;
  audit_head_seq: string;
  audit_head_hash: string;
  generated_by: string;
  generated_at: Date;
  generated_at_text: string;
  approved_by: string | null;
  approved_at: Date | null;
  comment: string | null;
  model?: ReportModel;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `timestamptz::text` as PostgreSQL writes it: `2026-11-30 12:34:56.789012+00`. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;
const SUMMARY_COLUMNS = `s.id, s.kind, s.organisation, s.department, s.language, to_char(s.as_of, 'YYYY-MM-DD') AS as_of,
  s.options, s.content_hash, s.audit_head_seq::text AS audit_head_seq, s.audit_head_hash, s.generated_by,
  s.generated_at, s.generated_at::text AS generated_at_text, a.approved_by, a.approved_at, a.comment`;
const FROM = `report_snapshots s LEFT JOIN report_approvals a ON a.snapshot_id = s.id`;
/** Parameters $1..$3 of every read: organisations, departments, approved only. */
const SCOPE = `($1::text[] IS NULL OR s.organisation = ANY($1)) AND ($2::text[] IS NULL OR s.department = ANY($2))
  AND (NOT $3::boolean OR a.snapshot_id IS NOT NULL)`;
const MAX_COMMENT_LENGTH = 2000;

function scopeParams(scope: SnapshotScope): unknown[] {
  return [scope.organisations, scope.departments, scope.approvedOnly];
}

function summaryOf(row: SnapshotRow): ReportSnapshotSummary {
  return {
    id: row.id,
    kind: row.kind,
    organisation: row.organisation,
    department: row.department,
    language: row.language,
    asOf: row.as_of,
    options: row.options,
    contentHash: row.content_hash,
    auditHead: { seq: row.audit_head_seq, hash: row.audit_head_hash },
    generatedBy: row.generated_by,
    generatedAt: row.generated_at,
    approval:
      row.approved_by === null
        ? null
        : { approvedBy: row.approved_by, approvedAt: row.approved_at as Date, comment: row.comment },
  };
}

function summaryWithoutModel(snapshot: ReportSnapshot): ReportSnapshotSummary {
  const { model: _model, ...summary } = snapshot;
  return summary;
}

function notFound(id: string): ReportError {
  return new ReportError(ReportErrorCode.NOT_FOUND, `no report snapshot '${id}'`);
}

function encodeCursor(row: SnapshotRow): string {
  return Buffer.from(`${row.generated_at_text}|${row.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || !UUID.test(id) || !TIMESTAMP.test(at)) {
    throw new ReportError(ReportErrorCode.INVALID_INPUT, 'the cursor is not one this list returned');
  }
  return [at, id];
}

/**
 * Immutable report snapshots in PostgreSQL: the model a report was rendered from, its hash, the
 * audit-chain head when it was taken, who generated it, and at most one approval. Every write is
 * one transaction with its audit entry. Reads are scoped: a snapshot outside the caller's scope is
 * NOT_FOUND, exactly like one that does not exist.
 */
export class ReportSnapshotsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: SnapshotAuditLog,
    private readonly renderer: ReportRenderer = new ReportRenderer(),
  ) {}

  /**
   * Stores a snapshot of a (validated) model. `generatedBy` is the account that asked for it;
   * `actor` is the audit entry's (default: the current request's caller).
   */
  async create(input: { model: unknown; generatedBy: string; actor?: AuditActor }): Promise<ReportSnapshot> {
    assertValidReportModel(input.model);
    if (!input.generatedBy.trim()) {
      throw new ReportError(ReportErrorCode.INVALID_INPUT, 'a snapshot needs the account that generated it');
    }
    const model = input.model;
    const { metadata } = model;
    const contentHash = contentHashOf(model);
    const id = await this.dataSource.transaction(async (manager) => {
      // Locked so no audit entry slips in between the head recorded and the snapshot's own entry.
      const [head] = (await manager.query(
        `SELECT seq::text AS seq, hash FROM audit_chain_head WHERE singleton FOR UPDATE`,
      )) as { seq: string; hash: string }[];
      const [row] = (await manager.query(
        `INSERT INTO report_snapshots (kind, organisation, department, language, as_of, options, model, content_hash,
           audit_head_seq, audit_head_hash, generated_by)
         VALUES ($1, $2, $3, $4, $5::date, $6::jsonb, $7::jsonb, $8, $9::bigint, $10, $11) RETURNING id`,
        [
          metadata.kind,
          metadata.organisation.key,
          metadata.department?.key ?? null,
          metadata.language,
          metadata.asOf,
          JSON.stringify(metadata.options),
          JSON.stringify(model),
          contentHash,
          head.seq,
          head.hash,
          input.generatedBy,
        ],
      )) as { id: string }[];
      await this.audit.record(
        {
          action: 'report.generate',
          entityType: 'ReportSnapshot',
          entityKey: row.id,
          ...(input.actor ? { actor: input.actor } : {}),
          organisation: metadata.organisation.key,
          after: {
            kind: metadata.kind,
            department: metadata.department?.key ?? null,
            language: metadata.language,
            asOf: metadata.asOf,
            contentHash,
          },
        },
        { manager },
      );
      return row.id;
    });
    return this.load(id, { organisations: null, departments: null, approvedOnly: false });
  }

  /** One snapshot with its model; NOT_FOUND outside the scope. */
  async get(id: string, scope: SnapshotScope): Promise<ReportSnapshot> {
    return this.load(id, scope);
  }

  /** Snapshots newest first, in bounded pages, without their models. */
  async list(query: ListSnapshotsQuery): Promise<SnapshotPage> {
    const first = query.first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw new ReportError(ReportErrorCode.INVALID_INPUT, `first must be an integer from 1 to ${MAX_PAGE_SIZE}`);
    }
    const params: unknown[] = [...scopeParams(query.scope), query.organisation ?? null, query.kind ?? null];
    let cursor = '';
    if (query.after) {
      const [at, id] = decodeCursor(query.after);
      params.push(at, id);
      cursor = `AND (s.generated_at, s.id) < ($6::timestamptz, $7::uuid)`;
    }
    params.push(first + 1);
    const rows = (await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM ${FROM}
       WHERE ${SCOPE} AND ($4::text IS NULL OR s.organisation = $4) AND ($5::text IS NULL OR s.kind = $5) ${cursor}
       ORDER BY s.generated_at DESC, s.id DESC LIMIT $${params.length}`,
      params,
    )) as SnapshotRow[];
    const page = rows.slice(0, first);
    return {
      items: page.map(summaryOf),
      endCursor: page.length > 0 ? encodeCursor(page[page.length - 1]) : null,
      hasNextPage: rows.length > first,
    };
  }

  /** Snapshots in scope whose content hash is `contentHash` (what `verify` matches a file against). */
  async findByContentHash(contentHash: string, scope: SnapshotScope): Promise<ReportSnapshotSummary[]> {
    if (!/^[0-9a-f]{64}$/.test(contentHash)) {
      throw new ReportError(ReportErrorCode.INVALID_INPUT, 'a content hash is 64 lower-case hexadecimal digits');
    }
    const rows = (await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM ${FROM} WHERE ${SCOPE} AND s.content_hash = $4
       ORDER BY s.generated_at DESC, s.id DESC LIMIT ${MAX_PAGE_SIZE}`,
      [...scopeParams(scope), contentHash],
    )) as SnapshotRow[];
    return rows.map(summaryOf);
  }

  /**
   * Records the approval (signature) of a snapshot, with its audit entry, in one transaction.
   * A second approval of the same snapshot is REPORT_ALREADY_APPROVED (CONFLICT) and writes nothing.
   */
  async approve(input: {
    id: string;
    approvedBy: string;
    comment?: string | null;
    actor?: AuditActor;
    scope: SnapshotScope;
  }): Promise<ReportSnapshot> {
    const comment = input.comment?.trim() || null;
    if (comment !== null && comment.length > MAX_COMMENT_LENGTH) {
      throw new ReportError(
        ReportErrorCode.INVALID_INPUT,
        `an approval comment has at most ${MAX_COMMENT_LENGTH} characters`,
      );
    }
    if (!input.approvedBy.trim())
      throw new ReportError(ReportErrorCode.INVALID_INPUT, 'an approval needs its approver');
    const snapshot = await this.load(input.id, input.scope, false);
    if (snapshot.approval) throw this.alreadyApproved(snapshot);
    await this.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO report_approvals (snapshot_id, approved_by, comment) VALUES ($1, $2, $3)
         ON CONFLICT (snapshot_id) DO NOTHING RETURNING snapshot_id`,
        [snapshot.id, input.approvedBy, comment],
      )) as unknown[];
      if (inserted.length === 0) throw this.alreadyApproved(snapshot);
      await this.audit.record(
        {
          action: 'report.approve',
          entityType: 'ReportSnapshot',
          entityKey: snapshot.id,
          ...(input.actor ? { actor: input.actor } : {}),
          organisation: snapshot.organisation,
          after: { contentHash: snapshot.contentHash, comment },
        },
        { manager },
      );
    });
    return this.load(snapshot.id, input.scope);
  }

  /** The file of a stored snapshot, byte-identical to the one rendered when it was taken. */
  async render(id: string, format: string, scope: SnapshotScope): Promise<RenderedReport> {
    assertReportFormat(format);
    const snapshot = await this.load(id, scope);
    return this.renderer.render(snapshot.model, format);
  }

  /**
   * What `carto report verify FILE` answers: whether the file is an intact report, and which stored
   * snapshots in the caller's scope it is a rendering of (none: intact, but not one of theirs).
   */
  async verifyFile(bytes: Uint8Array, scope: SnapshotScope): Promise<SnapshotVerification> {
    const verification = await verifyReportFile(bytes, { renderer: this.renderer });
    const snapshots =
      verification.matches && verification.contentHash
        ? await this.findByContentHash(verification.contentHash, scope)
        : [];
    return { verification, snapshots };
  }

  /**
   * The diff between two snapshots of the same kind and scope, older to newer by generation time
   * (whatever order the ids are given in). Both must be in the caller's scope.
   */
  async diff(firstId: string, secondId: string, scope: SnapshotScope): Promise<SnapshotDiff> {
    const first = await this.load(firstId, scope);
    const second = await this.load(secondId, scope);
    const [older, newer] =
      first.generatedAt.getTime() <= second.generatedAt.getTime() ? [first, second] : [second, first];
    return {
      older: summaryWithoutModel(older),
      newer: summaryWithoutModel(newer),
      diff: diffReportModels(older.model, newer.model),
    };
  }

  private alreadyApproved(snapshot: ReportSnapshotSummary): ReportError {
    return new ReportError(ReportErrorCode.ALREADY_APPROVED, `report snapshot '${snapshot.id}' is already approved`);
  }

  private async load(id: string, scope: SnapshotScope, withModel = true): Promise<ReportSnapshot> {
    if (!UUID.test(id)) throw notFound(id);
    const [row] = (await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, s.model FROM ${FROM} WHERE ${SCOPE} AND s.id = $4`,
      [...scopeParams(scope), id],
    )) as (SnapshotRow & { model: ReportModel })[];
    if (!row) throw notFound(id);
    // jsonb reorders keys; the canonical hash does not depend on key order, so it must still match.
    if (withModel && contentHashOf(row.model) !== row.content_hash) {
      throw new ReportError(ReportErrorCode.INTEGRITY, `report snapshot '${id}' no longer matches its content hash`);
    }
    return { ...summaryOf(row), model: row.model };
  }
}
