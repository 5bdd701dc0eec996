import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@cartographer/database';
import { createDriver, Neo4jService } from '@cartographer/graph';
import { testStores, uniqueId } from '@cartographer/testing';
import { migrations } from '../../../../migrations/index.js';
import { Role } from '../policy/policy.types.js';
import { runWithRequestContext } from '../request-context.js';
import { AUDIT_OUTBOX_LABEL, AuditOutbox, AuditOutboxRelay } from './audit-outbox.js';
import type { ResolvedAuditEntry } from './audit-entry.js';
import { AuditService } from './audit.service.js';

/**
 * The outbox shares the test stores with other files (a relay moves every entry to the chain of
 * its PostgreSQL), so this file uses the shared chain and asserts on the rows of its own
 * organisation.
 */
describe('AuditOutbox and its relay (real Neo4j and PostgreSQL)', () => {
  const org = uniqueId('outbox-');
  let neo4j: Neo4jService;
  let postgres: DataSource;
  let audit: AuditService;
  const outbox = new AuditOutbox();
  let sut: AuditOutboxRelay;

  const rows = async () =>
    (await postgres.query(
      `SELECT seq::text AS seq, occurred_at, request_id, actor_type, actor_id, actor_label, action, entity_key, after, outbox_id
       FROM audit_log WHERE organisation = $1 ORDER BY seq`,
      [org],
    )) as {
      seq: string;
      occurred_at: Date;
      request_id: string | null;
      actor_type: string;
      actor_id: string | null;
      actor_label: string | null;
      action: string;
      entity_key: string;
      after: unknown;
      outbox_id: string | null;
    }[];
  const waiting = () =>
    neo4j.queryRead<{ id: string; occurredAt: string; entry: string }>(
      `MATCH (o:${AUDIT_OUTBOX_LABEL}) WHERE o.entry CONTAINS $org RETURN o.id AS id, o.occurredAt AS occurredAt, o.entry AS entry ORDER BY o.occurredAt`,
      { org: `"${org}"` },
    );
  const change = (key: string) =>
    neo4j.write(async (tx) => {
      await tx.run('CREATE (:OutboxProbe {organisation: $org, key: $key})', { org, key });
      return outbox.enqueue(tx, {
        action: 'probe.create',
        entityType: 'Probe',
        entityKey: key,
        organisation: org,
        after: { key, token: 'secret-token-value' },
      });
    });

  beforeAll(async () => {
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    postgres = createDataSource({ url: stores.databaseUrl, migrations });
    await postgres.initialize();
    await postgres.runMigrations({ transaction: 'each' });
    audit = new AuditService(postgres);
    sut = new AuditOutboxRelay(neo4j, audit);
  });

  afterAll(async () => {
    await neo4j.queryWrite('MATCH (n:OutboxProbe {organisation: $org}) DELETE n', { org });
    await neo4j.driver.close();
    await postgres.destroy();
  });

  it('writes the entry with the change, or not at all when the change rolls back', async () => {
    const failed = neo4j.write(async (tx) => {
      await outbox.enqueue(tx, { action: 'probe.create', entityType: 'Probe', entityKey: 'lost', organisation: org });
      throw new Error('the change failed');
    });
    await expect(failed).rejects.toThrow('the change failed');
    expect(await waiting()).toEqual([]);

    // Actor and request id come from the request in which the change is made, not from the relay's.
    const context = {
      requestId: 'req-outbox-1',
      auditCount: 0,
      principal: {
        userId: 'u-9',
        role: Role.DPO,
        organisations: [org],
        departments: [],
        email: 'dpo@outbox.test',
        displayName: 'DPO',
      },
    };
    const id = await runWithRequestContext(context, () => change('a'));
    expect(context.auditCount).toBe(1);
    const [item] = await waiting();
    expect(item.id).toBe(id);
    expect(JSON.parse(item.entry)).toEqual({
      action: 'probe.create',
      entityType: 'Probe',
      entityKey: 'a',
      organisation: org,
      before: null,
      // Secrets never reach the graph either.
      after: { key: 'a', token: '[redacted]' },
      actor: { type: 'user', id: 'u-9', label: 'dpo@outbox.test' },
      requestId: 'req-outbox-1',
    } satisfies ResolvedAuditEntry);

    await sut.relay();
    expect(await waiting()).toEqual([]);
    const [row] = await rows();
    expect({ ...row, seq: undefined }).toEqual({
      seq: undefined,
      occurred_at: new Date(item.occurredAt),
      request_id: 'req-outbox-1',
      actor_type: 'user',
      actor_id: 'u-9',
      actor_label: 'dpo@outbox.test',
      action: 'probe.create',
      entity_key: 'a',
      after: { key: 'a', token: '[redacted]' },
      outbox_id: id,
    });
  });

  it('appends an entry once even when a relay stopped between the append and the delete', async () => {
    await change('b');
    const [item] = await waiting();
    // What a relay that crashed after its PostgreSQL commit leaves: the row, and the outbox node.
    const appended = await audit.appendOutboxEntry({
      id: item.id,
      occurredAt: new Date(item.occurredAt),
      entry: JSON.parse(item.entry) as ResolvedAuditEntry,
    });
    expect(appended?.entityKey).toBe('b');
    await sut.relay();
    expect(await waiting()).toEqual([]);
    expect((await rows()).filter((row) => row.entity_key === 'b').map((row) => row.outbox_id)).toEqual([item.id]);
  });

  it('appends in the order the changes were made, with concurrent relays serialised', async () => {
    for (const key of ['c', 'd', 'e']) await change(key);
    const stamps = (await waiting()).map((item) => item.occurredAt);
    await Promise.all([sut.relay(), sut.relay(), new AuditOutboxRelay(neo4j, audit).relay()]);
    const appended = (await rows()).filter((row) => ['c', 'd', 'e'].includes(row.entity_key));
    expect(appended.map((row) => [row.entity_key, row.occurred_at.toISOString()])).toEqual([
      ['c', stamps[0]],
      ['d', stamps[1]],
      ['e', stamps[2]],
    ]);
    expect(BigInt(appended[0].seq) < BigInt(appended[1].seq) && BigInt(appended[1].seq) < BigInt(appended[2].seq)).toBe(
      true,
    );
    expect((await audit.verify()).ok).toBe(true);
  });

  it('reports entries waiting since before a date', async () => {
    await change('f');
    const [item] = await waiting();
    expect(await sut.pendingSince(new Date(0))).toEqual({ count: 0, oldest: null });
    const later = await sut.pendingSince(new Date(Date.parse(item.occurredAt) + 1));
    // Other files' entries may wait too: ours is counted, and nothing is older than the oldest.
    expect(later.count).toBeGreaterThanOrEqual(1);
    expect(later.oldest! <= item.occurredAt).toBe(true);
    await sut.flush();
    expect(await waiting()).toEqual([]);
  });
});
