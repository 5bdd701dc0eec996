import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertPageSize } from '../page-size.js';
import { AccessError, AccessErrorCode } from '../access.errors.js';
import { currentRequestContext } from '../request-context.js';
import { type AuditActorType, auditRowHash, GENESIS_HASH } from './audit-chain.js';
import { resolveAuditEntry, type ResolvedAuditEntry } from './audit-entry.js';
import type { AuditEntry, AuditPage, AuditQuery, AuditRecord, AuditVerification } from './audit.types.js';

interface AuditRow {
  seq: string;
  occurred_at: Date;
  request_id: string | null;
  actor_type: AuditActorType;
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  entity_type: string;
  entity_key: string | null;
  organisation: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

const COLUMNS = `seq::text AS seq, occurred_at, request_id, actor_type, actor_id, actor_label, action, entity_type,
  entity_key, organisation, before, after, prev_hash, hash`;
const VERIFY_BATCH = 1000;

function toRecord(row: AuditRow): AuditRecord {
  return {
    seq: row.seq,
    occurredAt: row.occurred_at,
    requestId: row.request_id,
    actor: { type: row.actor_type, id: row.actor_id, label: row.actor_label },
    action: row.action,
    entityType: row.entity_type,
    entityKey: row.entity_key,
    organisation: row.organisation,
    before: row.before,
    after: row.after,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function hashOf(row: AuditRow): string {
  return auditRowHash({
    seq: row.seq,
    prevHash: row.prev_hash,
    occurredAt: row.occurred_at,
    requestId: row.request_id,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityKey: row.entity_key,
    organisation: row.organisation,
    before: row.before,
    after: row.after,
  });
}

/**
 * The append-only, hash-chained audit log. Appends are serialised by locking the chain head row,
 * inside the caller's transaction when one is given, so a change and its audit row commit together.
 */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends one entry. Pass `manager` (of an open transaction) to commit it with the change it
   * describes; otherwise it commits on its own. For a change to the graph, enqueue the entry in
   * the graph transaction instead (AuditOutbox): it then reaches this chain even after a crash.
   */
  async record(entry: AuditEntry, options: { manager?: EntityManager } = {}): Promise<AuditRecord> {
    const resolved = resolveAuditEntry(entry);
    let record: AuditRecord;
    if (options.manager) {
      // Locking the head outside a transaction would release it before the row commits.
      if (!options.manager.queryRunner?.isTransactionActive) {
        throw new AccessError(
          AccessErrorCode.INVALID_INPUT,
          'AuditService.record: the manager must be in a transaction',
        );
      }
      record = await this.append(options.manager, resolved, new Date(), null);
    } else {
      record = await this.dataSource.transaction((manager) => this.append(manager, resolved, new Date(), null));
    }
    const context = currentRequestContext();
    if (context) context.auditCount += 1;
    return record;
  }

  /**
   * Appends an entry of the graph's audit outbox, exactly once: the row carries the outbox id
   * (unique), and an id already in the chain is skipped, so a relay that crashed after appending
   * and before deleting the outbox node appends nothing the second time. Returns null when skipped.
   */
  async appendOutboxEntry(item: {
    id: string;
    occurredAt: Date;
    entry: ResolvedAuditEntry;
  }): Promise<AuditRecord | null> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT seq FROM audit_chain_head WHERE singleton FOR UPDATE');
      // Checked under the head lock: two relays cannot both find the id absent.
      const done = (await manager.query('SELECT 1 FROM audit_log WHERE outbox_id = $1', [item.id])) as unknown[];
      if (done.length > 0) return null;
      return this.append(manager, item.entry, item.occurredAt, item.id);
    });
  }

  private async append(
    manager: EntityManager,
    entry: ResolvedAuditEntry,
    occurredAt: Date,
    outboxId: string | null,
  ): Promise<AuditRecord> {
    const [head] = (await manager.query(
      'SELECT seq::text AS seq, hash FROM audit_chain_head WHERE singleton FOR UPDATE',
    )) as { seq: string; hash: string }[];
    const row: AuditRow = {
      seq: (BigInt(head.seq) + 1n).toString(),
      // Millisecond precision: what JavaScript writes is exactly what it reads back and hashes.
      occurred_at: occurredAt,
      request_id: entry.requestId,
      actor_type: entry.actor.type,
      actor_id: entry.actor.id,
      actor_label: entry.actor.label,
      action: entry.action,
      entity_type: entry.entityType,
      entity_key: entry.entityKey,
      organisation: entry.organisation,
      before: entry.before,
      after: entry.after,
      prev_hash: head.hash,
      hash: '',
    };
    row.hash = hashOf(row);
    await manager.query(
      `INSERT INTO audit_log (seq, occurred_at, request_id, actor_type, actor_id, actor_label, action, entity_type,
         entity_key, organisation, before, after, prev_hash, hash, outbox_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14, $15)`,
      [
        row.seq,
        row.occurred_at,
        row.request_id,
        row.actor_type,
        row.actor_id,
        row.actor_label,
        row.action,
        row.entity_type,
        row.entity_key,
        row.organisation,
        row.before === null ? null : JSON.stringify(row.before),
        row.after === null ? null : JSON.stringify(row.after),
        row.prev_hash,
        row.hash,
        outboxId,
      ],
    );
    await manager.query('UPDATE audit_chain_head SET seq = $1, hash = $2 WHERE singleton', [row.seq, row.hash]);
    return toRecord(row);
  }

  /** Newest first, filtered to the caller's organisations (null = all, for ADMIN). */
  async list(query: AuditQuery): Promise<AuditPage> {
    const first = assertPageSize(query.first);
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.organisations !== null) where.push(`organisation = ANY(${param(query.organisations)}::text[])`);
    if (query.entityType) where.push(`entity_type = ${param(query.entityType)}`);
    if (query.entityKey) where.push(`entity_key = ${param(query.entityKey)}`);
    if (query.after) {
      if (!/^\d{1,18}$/.test(query.after))
        throw new AccessError(AccessErrorCode.INVALID_INPUT, `after: not a cursor of this list`);
      where.push(`seq < ${param(query.after)}::bigint`);
    }
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY audit_log.seq DESC LIMIT ${param(first + 1)}`,
      params,
    )) as AuditRow[];
    const entries = rows.slice(0, first).map(toRecord);
    return { entries, endCursor: entries.at(-1)?.seq ?? null, hasNextPage: rows.length > first };
  }

  /**
   * Recomputes the whole chain in seq order and reports the first row that was altered, deleted or
   * moved, and a tail cut off behind the head. Reads in batches, so memory does not grow with the log.
   */
  async verify(): Promise<AuditVerification> {
    const [head] = (await this.dataSource.query('SELECT seq::text AS seq, hash FROM audit_chain_head')) as {
      seq: string;
      hash: string;
    }[];
    let expected = 1n;
    let previous = GENESIS_HASH;
    let checked = 0;
    const fail = (seq: bigint, kind: NonNullable<AuditVerification['problem']>['kind'], message: string) => ({
      ok: false,
      checked,
      head,
      problem: { seq: seq.toString(), kind, message },
    });
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT ${COLUMNS} FROM audit_log WHERE seq >= $1 ORDER BY audit_log.seq LIMIT ${VERIFY_BATCH}`,
        [expected.toString()],
      )) as AuditRow[];
      for (const row of rows) {
        const seq = BigInt(row.seq);
        if (seq !== expected) return fail(expected, 'missing', `row ${expected} is missing (deleted)`);
        if (hashOf(row) !== row.hash) {
          return fail(seq, 'altered', `row ${seq} does not match its hash (altered or moved)`);
        }
        if (row.prev_hash !== previous) {
          return fail(
            seq,
            'reordered',
            `row ${seq} does not follow row ${seq - 1n}: row ${seq - 1n} was rewritten or rows were reordered`,
          );
        }
        previous = row.hash;
        expected += 1n;
        checked += 1;
      }
      if (rows.length < VERIFY_BATCH) break;
    }
    const last = expected - 1n;
    if (BigInt(head.seq) !== last || head.hash !== previous) {
      return fail(expected, 'tail-missing', `rows after ${last} are missing (the chain head is at ${head.seq})`);
    }
    return { ok: true, checked, head };
  }
}
