import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@cartographer/database';
import { testStores, uniqueId } from '@cartographer/testing';
import { migrations } from '@cartographer/database';
import { runWithRequestContext } from '../request-context.js';
import { Role } from '../policy/policy.types.js';
import { auditRowHash, GENESIS_HASH } from './audit-chain.js';
import { AuditService } from './audit.service.js';

/** A database of its own: tampering must not break the shared chain of other test files. */
async function freshDatabase(admin: pg.Client, name: string): Promise<DataSource> {
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(testStores().databaseUrl);
  url.pathname = `/${name}`;
  const dataSource = createDataSource({ url: url.toString(), migrations });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

describe('AuditService (real PostgreSQL)', () => {
  const database = uniqueId('carto_audit_');
  let admin: pg.Client;
  let db: DataSource;
  let audit: AuditService;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: testStores().databaseUrl });
    await admin.connect();
    db = await freshDatabase(admin, database);
    audit = new AuditService(db);
  });

  afterAll(async () => {
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('chains rows from the genesis hash, with the request principal as actor and secrets redacted', async () => {
    const first = await audit.record({ action: 'boot', entityType: 'System' });
    const second = await runWithRequestContext(
      {
        requestId: 'req-12345678',
        auditCount: 0,
        principal: {
          userId: 'u-1',
          role: Role.DPO,
          organisations: ['acme'],
          departments: [],
          email: 'dpo@acme.test',
          displayName: 'DPO',
        },
      },
      () =>
        audit.record({
          action: 'dataset.update',
          entityType: 'Dataset',
          entityKey: 'ds-1',
          organisation: 'acme',
          before: { legalBasis: null, name: 'Customers' },
          after: {
            legalBasis: 'contract',
            name: 'Customers',
            samples: ['alice@example.org'],
            nested: { password: 'pw' },
          },
        }),
    );
    expect(first.seq).toBe('1');
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(first.actor).toEqual({ type: 'system', id: null, label: null });
    expect(second.seq).toBe('2');
    expect(second.prevHash).toBe(first.hash);
    expect(second.actor).toEqual({ type: 'user', id: 'u-1', label: 'dpo@acme.test' });
    expect(second.requestId).toBe('req-12345678');
    const [row] = (await db.query(`SELECT after, hash FROM audit_log WHERE seq = 2`)) as {
      after: unknown;
      hash: string;
    }[];
    expect(row.after).toEqual({
      legalBasis: 'contract',
      name: 'Customers',
      samples: '[redacted]',
      nested: { password: '[redacted]' },
    });
    expect(row.hash).toBe(
      auditRowHash({
        seq: '2',
        prevHash: first.hash,
        occurredAt: second.occurredAt,
        requestId: 'req-12345678',
        actorType: 'user',
        actorId: 'u-1',
        actorLabel: 'dpo@acme.test',
        action: 'dataset.update',
        entityType: 'Dataset',
        entityKey: 'ds-1',
        organisation: 'acme',
        before: { legalBasis: null, name: 'Customers' },
        after: row.after,
      }),
    );
    expect(await audit.verify()).toEqual({ ok: true, checked: 2, head: { seq: '2', hash: second.hash } });
  });

  it('never forks under concurrent appends', async () => {
    const before = await audit.verify();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        audit.record({ action: 'test.concurrent', entityType: 'Test', entityKey: `k${i}` }),
      ),
    );
    const after = await audit.verify();
    expect(after.problem).toBeUndefined();
    expect(after.ok).toBe(true);
    expect(after.checked).toBe(before.checked + 40);
    const [{ distinct }] = (await db.query(`SELECT count(DISTINCT prev_hash)::int AS distinct FROM audit_log`)) as {
      distinct: number;
    }[];
    expect(distinct).toBe(after.checked);
  });

  it('commits with the caller transaction, and not at all when it rolls back', async () => {
    const before = await audit.verify();
    await expect(
      db.transaction(async (manager) => {
        await audit.record({ action: 'test.rollback', entityType: 'Test' }, { manager });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.rollback'`)) as {
      n: number;
    }[];
    expect(rows).toEqual([{ n: 0 }]);
    expect(await audit.verify()).toEqual(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE, even for the table owner', async () => {
    await expect(db.query(`UPDATE audit_log SET action = 'forged' WHERE seq = 1`)).rejects.toThrow(
      'audit_log is append-only (UPDATE refused)',
    );
    await expect(db.query(`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow(
      'audit_log is append-only (DELETE refused)',
    );
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow('audit_log is append-only (TRUNCATE refused)');
    const rows = (await db.query(`SELECT action FROM audit_log WHERE seq = 1`)) as { action: string }[];
    expect(rows).toEqual([{ action: 'boot' }]);
  });

  it('lists newest first with a cursor, filtered by organisation', async () => {
    await audit.record({ action: 'test.page', entityType: 'Paged', entityKey: 'p1', organisation: 'acme' });
    await audit.record({ action: 'test.page', entityType: 'Paged', entityKey: 'p2', organisation: 'beta' });
    await audit.record({ action: 'test.page', entityType: 'Paged', entityKey: 'p3', organisation: 'acme' });
    const page1 = await audit.list({ first: 1, entityType: 'Paged', organisations: ['acme'] });
    const page2 = await audit.list({ first: 1, after: page1.endCursor, entityType: 'Paged', organisations: ['acme'] });
    const all = await audit.list({ first: 10, entityType: 'Paged', organisations: null });
    expect(page1.entries.map((entry) => entry.entityKey)).toEqual(['p3']);
    expect(page1.hasNextPage).toBe(true);
    expect(page2.entries.map((entry) => entry.entityKey)).toEqual(['p1']);
    expect(page2.hasNextPage).toBe(false);
    expect(all.entries.map((entry) => entry.entityKey)).toEqual(['p3', 'p2', 'p1']);
    await expect(audit.list({ first: 101, organisations: null })).rejects.toThrow(
      'first: expected an integer from 1 to 100, got 101',
    );
  });
});
