import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { AuditOutbox, AuditOutboxRelay, AuditService } from '@cartographer/access';
import { createDataSource } from '@cartographer/database';
import { createDriver, GraphMigrationService, Neo4jService } from '@cartographer/graph';
import { InventoryImportService } from '@cartographer/inventory';
import { smallInventory, testStores, uniqueId } from '@cartographer/testing';
import { migrations } from '../../../migrations/index.js';
import { type FindingsDeps, reviewFinding, setPropagationBlock } from './finding-review.js';
import { FindingsError, FindingsErrorCode } from './findings.errors.js';
import { FindingsRepository } from './findings.repository.js';
import { propagateFindings } from './propagation.js';

describe('finding propagation along lineage and review (real Neo4j)', () => {
  let neo4j: Neo4jService;
  let sut: FindingsRepository;
  let postgres: DataSource;
  let deps: FindingsDeps;
  let relay: AuditOutboxRelay;
  const allow = () => undefined;
  /** The audit rows of this organisation, after a relay of the outbox. */
  const auditRows = async () => {
    await relay.relay();
    return (
      (await postgres.query(
        `SELECT action, entity_key, actor_type, actor_label, before, after FROM audit_log WHERE organisation = $1 ORDER BY seq`,
        [org],
      )) as { action: string; entity_key: string; actor_type: string; actor_label: string }[]
    ).map((row) => ({ ...row, entity_key: row.entity_key.split(org).join('ORG') }));
  };
  const org = uniqueId('prop-');
  const k = (local: string) => `${org}:${local}`;
  const all = { organisations: null, departments: null };

  const flag = async (field: string, category: string, special = false) =>
    neo4j.queryWrite(
      `MATCH (f:Field {key: $field}) MERGE (x:Finding {key: $field + '#classification'})
       SET x.organisation = $org, x.department = f.department, x.field = $field, x.origin = 'SCAN', x.status = 'OPEN',
           x.personal = true, x.category = $category, x.specialCategory = $special, x.quasiIdentifier = false, x.treatment = 'PSEUDONYMISE'
       MERGE (f)-[:HAS_FINDING]->(x)`,
      { field: k(field), org, category, special },
    );

  const propagated = async () =>
    (
      await neo4j.queryRead<{ field: string; provenance: string[]; category: string; special: boolean }>(
        `MATCH (x:Finding {organisation: $org, origin: 'PROPAGATED'})
         RETURN x.field AS field, x.provenance AS provenance, x.category AS category, x.specialCategory AS special ORDER BY field`,
        { org },
      )
    ).map((row) => ({ ...row, field: row.field.slice(org.length + 1) }));

  beforeAll(async () => {
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    await new GraphMigrationService(neo4j).migrate();
    await new InventoryImportService(neo4j).importDocument(smallInventory(org));
    sut = new FindingsRepository(neo4j);
    postgres = createDataSource({ url: stores.databaseUrl, migrations });
    await postgres.initialize();
    await postgres.runMigrations({ transaction: 'each' });
    deps = { neo4j, outbox: new AuditOutbox() };
    relay = new AuditOutboxRelay(neo4j, new AuditService(postgres));
  });

  afterAll(async () => {
    await neo4j.queryWrite('MATCH (n {organisation: $org}) DETACH DELETE n', { org });
    await neo4j.driver.close();
    await postgres.destroy();
  });

  it('flags the fields fed by a personal field, naming where it comes from', async () => {
    await flag('patients/nom', 'IDENTITY');
    expect(await propagateFindings(neo4j, org)).toEqual({ propagated: 1 });
    expect(await propagated()).toEqual([
      {
        field: 'stats/nom',
        provenance: [`propagated from ${k('patients/nom')}`],
        category: 'IDENTITY',
        special: false,
      },
    ]);
  });

  it('follows foreign keys and flows over several hops, taking the union of sources', async () => {
    await flag('patients/id', 'IDENTIFIER', true);
    expect(await propagateFindings(neo4j, org)).toEqual({ propagated: 3 });
    expect(await propagated()).toEqual([
      {
        field: 'sejours/patient_id',
        provenance: [`propagated from ${k('patients/id')}`],
        category: 'IDENTIFIER',
        special: true,
      },
      {
        field: 'stats/nom',
        provenance: [`propagated from ${k('patients/nom')}`],
        category: 'IDENTITY',
        special: false,
      },
      {
        field: 'stats/patient_id',
        provenance: [`propagated from ${k('patients/id')}`],
        category: 'IDENTIFIER',
        special: true,
      },
    ]);
  });

  it('stops at a blocked edge, and resumes when it is unblocked', async () => {
    const blocked = await setPropagationBlock(
      deps,
      {
        from: k('patients/nom'),
        to: k('stats/nom'),
        blocked: true,
        reason: 'hashed by the ETL',
        by: 'dpo@example.org',
      },
      allow,
    );
    expect(blocked).toEqual({ organisation: org, edges: 1, propagated: 2 });
    expect((await propagated()).map((row) => row.field)).toEqual(['sejours/patient_id', 'stats/patient_id']);
    await setPropagationBlock(
      deps,
      {
        from: k('patients/nom'),
        to: k('stats/nom'),
        blocked: false,
        reason: '',
        by: 'dpo@example.org',
        actor: { type: 'cli', label: 'cli:dpo' },
      },
      allow,
    );
    expect((await propagated()).map((row) => row.field)).toEqual([
      'sejours/patient_id',
      'stats/nom',
      'stats/patient_id',
    ]);
  });

  it('refuses a block without a reason, on an edge that does not exist, or that authorize refuses', async () => {
    await expect(
      setPropagationBlock(
        deps,
        { from: k('patients/nom'), to: k('stats/nom'), blocked: true, reason: ' ', by: 'x' },
        allow,
      ),
    ).rejects.toEqual(new FindingsError(FindingsErrorCode.INVALID_INPUT, 'a propagation block needs a reason'));
    const refused = new Error('no');
    await expect(
      setPropagationBlock(
        deps,
        { from: k('patients/nom'), to: k('stats/nom'), blocked: true, reason: 'r', by: 'x' },
        () => {
          throw refused;
        },
      ),
    ).rejects.toBe(refused);
    await expect(
      setPropagationBlock(
        deps,
        { from: k('stats/nom'), to: k('patients/nom'), blocked: true, reason: 'r', by: 'x' },
        allow,
      ),
    ).rejects.toEqual(
      new FindingsError(
        FindingsErrorCode.NOT_FOUND,
        `no lineage from field '${k('stats/nom')}' to field '${k('patients/nom')}'`,
      ),
    );
  });

  it('removes what a rejected finding propagated, and records the review', async () => {
    const {
      before,
      after,
      propagated: count,
    } = await reviewFinding(
      deps,
      {
        key: `${k('patients/id')}#classification`,
        decision: 'REJECT',
        comment: 'technical surrogate key',
        by: 'dpo@example.org',
      },
      allow,
    );
    expect(count).toBe(1);
    expect(before.status).toBe('OPEN');
    expect([after.status, after.reviewedBy, after.reviewComment]).toEqual([
      'REJECTED',
      'dpo@example.org',
      'technical surrogate key',
    ]);
    // The review recomputed propagation in its own transaction.
    expect((await propagated()).map((row) => row.field)).toEqual(['stats/nom']);
    // Every change above has its audit entry, in order, with its actor; refused ones have none.
    expect(await auditRows()).toEqual([
      {
        action: 'lineage.block',
        entity_key: 'ORG:patients/nom -> ORG:stats/nom',
        actor_type: 'system',
        actor_label: null,
        before: null,
        after: { blocked: true, reason: 'hashed by the ETL' },
      },
      {
        action: 'lineage.unblock',
        entity_key: 'ORG:patients/nom -> ORG:stats/nom',
        actor_type: 'cli',
        actor_label: 'cli:dpo',
        before: null,
        after: { blocked: false, reason: '' },
      },
      {
        action: 'finding.review',
        entity_key: 'ORG:patients/id#classification',
        actor_type: 'system',
        actor_label: null,
        before: { status: 'OPEN' },
        after: { status: 'REJECTED', comment: 'technical surrogate key' },
      },
    ]);
  });

  it('lists findings by status and origin, within the access filter, page by page', async () => {
    const open = await sut.list({ organisation: org, status: 'OPEN' }, { first: 1 }, all);
    expect(open.totalCount).toBe(2);
    expect(open.items.map((f) => f.key)).toEqual([`${k('patients/nom')}#classification`]);
    expect(open.hasNextPage).toBe(true);
    const next = await sut.list({ organisation: org, status: 'OPEN' }, { first: 1, after: open.endCursor! }, all);
    expect(next.items.map((f) => f.key)).toEqual([`${k('stats/nom')}#propagated`]);
    expect(next.hasNextPage).toBe(false);
    const elsewhere = await sut.list(
      { organisation: org },
      { first: 10 },
      { organisations: ['another-org'], departments: null },
    );
    expect([elsewhere.totalCount, elsewhere.items]).toEqual([0, []]);
    const otherDepartment = await sut.list(
      { organisation: org },
      { first: 10 },
      { organisations: [org], departments: ['it'] },
    );
    expect(otherDepartment.items.map((f) => f.field)).toEqual([k('stats/nom')]);
    await expect(sut.list({}, { first: 101 }, all)).rejects.toEqual(
      new FindingsError(FindingsErrorCode.INVALID_INPUT, 'first must be between 1 and 100, got 101'),
    );
  });
});
