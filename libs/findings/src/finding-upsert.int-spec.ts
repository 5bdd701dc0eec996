import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDriver, GraphMigrationService, Neo4jService } from '@cartographer/graph';
import { InventoryImportService } from '@cartographer/inventory';
import { smallInventory, testStores, uniqueId } from '@cartographer/testing';
import { type ClassifiedField, type FindingClassification, upsertFindings } from './finding-upsert.js';

/** The review-preservation rule of upsertFindings, case by case (real Neo4j). */
describe('upsertFindings: one finding per field and origin, reviews kept while the classification is unchanged', () => {
  let neo4j: Neo4jService;
  const org = uniqueId('upsert-');
  const field = `${org}:patients/nom`;

  const identity: FindingClassification = {
    personal: true,
    category: 'IDENTITY',
    specialCategory: false,
    specialCategoryKind: null,
    quasiIdentifier: false,
    treatment: 'PSEUDONYMISE',
    treatmentReason: 'a name identifies a person',
    confidence: 0.9,
    evidence: [{ rule: 'name' }],
    maskedExemplar: 'D****',
  };
  const on = (classification: FindingClassification): ClassifiedField[] => [
    { field, dataset: `${org}:patients`, source: `${org}:dpi`, department: 'soins', classification },
  ];
  const upsert = (origin: 'SCAN' | 'DECLARED', classification: FindingClassification, at: string) =>
    neo4j.write((tx) =>
      upsertFindings(tx, { origin, organisation: org, at, scanRun: 'run-1', fields: on(classification) }),
    );
  const review = (status: 'CONFIRMED' | 'REJECTED') =>
    neo4j.queryWrite(
      `MATCH (x:Finding {key: $key}) SET x.status = $status, x.reviewedBy = 'dpo@example.org', x.reviewedAt = '2026-01-02T00:00:00.000Z', x.reviewComment = 'checked'`,
      { key: `${field}#classification`, status },
    );
  const findings = () =>
    neo4j.queryRead<Record<string, unknown>>(
      `MATCH (:Field {key: $field})-[:HAS_FINDING]->(x:Finding)
       RETURN x.key AS key, x.origin AS origin, x.status AS status, x.category AS category,
              x.specialCategory AS special, x.reviewedBy AS reviewedBy, x.reviewComment AS comment,
              x.lastDetectedAt AS lastDetectedAt, x.createdAt AS createdAt, x.scanRun AS scanRun ORDER BY key`,
      { field },
    );
  const row = (changes: Record<string, unknown>) => ({
    key: `${field}#classification`,
    origin: 'SCAN',
    status: 'OPEN',
    category: 'IDENTITY',
    special: false,
    reviewedBy: null,
    comment: null,
    lastDetectedAt: '2026-01-01T00:00:00.000Z',
    createdAt: '2026-01-01T00:00:00.000Z',
    scanRun: 'run-1',
    ...changes,
  });

  beforeAll(async () => {
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    await new GraphMigrationService(neo4j).migrate();
    await new InventoryImportService(neo4j).importDocument(smallInventory(org));
  });

  afterAll(async () => {
    await neo4j.queryWrite('MATCH (n {organisation: $org}) DETACH DELETE n', { org });
    await neo4j.driver.close();
  });

  it('creates an OPEN finding for a flagged field, with what the classifier said', async () => {
    expect(await upsert('SCAN', identity, '2026-01-01T00:00:00.000Z')).toEqual({ flagged: 1, cleared: 0 });
    expect(await findings()).toEqual([row({})]);
  });

  it('keeps a rejection while the category and special-category flag are unchanged', async () => {
    await review('REJECTED');
    await upsert('SCAN', { ...identity, confidence: 0.7 }, '2026-01-03T00:00:00.000Z');
    expect(await findings()).toEqual([
      row({
        status: 'REJECTED',
        reviewedBy: 'dpo@example.org',
        comment: 'checked',
        lastDetectedAt: '2026-01-03T00:00:00.000Z',
      }),
    ]);
  });

  it('resets the review to pending when the category changes, clearing the reviewer', async () => {
    await upsert('SCAN', { ...identity, category: 'CONTACT' }, '2026-01-04T00:00:00.000Z');
    expect(await findings()).toEqual([row({ category: 'CONTACT', lastDetectedAt: '2026-01-04T00:00:00.000Z' })]);
  });

  it('keeps a confirmation while unchanged, and resets it when the special-category flag changes', async () => {
    await review('CONFIRMED');
    await upsert('SCAN', { ...identity, category: 'CONTACT' }, '2026-01-05T00:00:00.000Z');
    expect(await findings()).toEqual([
      row({
        category: 'CONTACT',
        status: 'CONFIRMED',
        reviewedBy: 'dpo@example.org',
        comment: 'checked',
        lastDetectedAt: '2026-01-05T00:00:00.000Z',
      }),
    ]);
    await upsert('SCAN', { ...identity, category: 'CONTACT', specialCategory: true }, '2026-01-06T00:00:00.000Z');
    expect(await findings()).toEqual([
      row({ category: 'CONTACT', special: true, lastDetectedAt: '2026-01-06T00:00:00.000Z' }),
    ]);
  });

  it('keeps scan and declared findings apart: one key per origin, no scan run on a declared one', async () => {
    await upsert('DECLARED', identity, '2026-01-07T00:00:00.000Z');
    expect((await findings()).map((f) => [f.key, f.origin, f.status, f.scanRun])).toEqual([
      [`${field}#classification`, 'SCAN', 'OPEN', 'run-1'],
      [`${field}#declared`, 'DECLARED', 'OPEN', null],
    ]);
  });

  it('drops the OPEN finding of a field no longer flagged, and keeps a reviewed one', async () => {
    const notPersonal = { ...identity, personal: false, category: null };
    expect(await upsert('DECLARED', notPersonal, '2026-01-08T00:00:00.000Z')).toEqual({ flagged: 0, cleared: 1 });
    expect((await findings()).map((f) => f.key)).toEqual([`${field}#classification`]);
    await review('REJECTED');
    expect(await upsert('SCAN', notPersonal, '2026-01-09T00:00:00.000Z')).toEqual({ flagged: 0, cleared: 0 });
    expect((await findings()).map((f) => [f.key, f.status])).toEqual([[`${field}#classification`, 'REJECTED']]);
  });
});
