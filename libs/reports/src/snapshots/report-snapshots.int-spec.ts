import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { AuditService } from '@cartographer/access';
import { createDataSource, migrations } from '@cartographer/database';
import { testStores, uniqueId } from '@cartographer/testing';
import { contentHashOf } from '../model/canonical-json.js';
import { ReportRenderer } from '../render/report-renderer.js';
import { ReportError, ReportErrorCode } from '../reports.errors.js';
import { sampleModel } from '../testing/sample-model.js';
import { verifyReportFile } from '../verify/verify-report.js';
import { ReportSnapshotsRepository, type SnapshotScope } from './report-snapshots.repository.js';

const EVERYTHING: SnapshotScope = { organisations: null, departments: null, approvedOnly: false };

function modelOf(organisation: string, asOf: string) {
  const model = sampleModel('fr');
  return { ...model, metadata: { ...model.metadata, organisation: { key: organisation, name: organisation }, asOf } };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  return error instanceof ReportError ? error.code : `not a ReportError: ${String(error)}`;
}

describe('ReportSnapshotsRepository (real PostgreSQL)', () => {
  const database = uniqueId('carto_reports_');
  const renderer = new ReportRenderer();
  let admin: pg.Client;
  let db: DataSource;
  let audit: AuditService;
  let snapshots: ReportSnapshotsRepository;

  beforeAll(async () => {
    // A database of its own: the test appends audit entries and tries to alter rows.
    admin = new pg.Client({ connectionString: testStores().databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(testStores().databaseUrl);
    url.pathname = `/${database}`;
    db = createDataSource({ url: url.toString(), migrations });
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    audit = new AuditService(db);
    snapshots = new ReportSnapshotsRepository(db, audit, renderer);
  });

  afterAll(async () => {
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('stores a snapshot with the audit head before it, audits it, and re-renders its files byte for byte', async () => {
    const before = await audit.record({ action: 'test.marker', entityType: 'System' });
    const model = modelOf('acme', '2026-11-30');
    const files = renderer.renderAll(model);
    const snapshot = await snapshots.create({ model, generatedBy: 'dpo@acme.test' });
    expect(snapshot).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      kind: 'cartography',
      organisation: 'acme',
      department: 'ventes',
      language: 'fr',
      asOf: '2026-11-30',
      options: { includeAnnexes: true },
      contentHash: contentHashOf(model),
      auditHead: { seq: before.seq, hash: before.hash },
      generatedBy: 'dpo@acme.test',
      generatedAt: expect.any(Date),
      approval: null,
      model,
    });
    const entries = await audit.list({ organisations: ['acme'], entityType: 'ReportSnapshot' });
    expect(entries.entries.map((entry) => [entry.action, entry.entityKey, entry.after])).toEqual([
      [
        'report.generate',
        snapshot.id,
        {
          kind: 'cartography',
          department: 'ventes',
          language: 'fr',
          asOf: '2026-11-30',
          contentHash: snapshot.contentHash,
        },
      ],
    ]);
    for (const format of ['pdf', 'html', 'json'] as const) {
      const again = await snapshots.render(snapshot.id, format, EVERYTHING);
      expect(again.bytes.equals(files[format].bytes)).toBe(true);
      const verified = await verifyReportFile(again.bytes, { renderer });
      expect([verified.matches, verified.contentHash]).toEqual([true, snapshot.contentHash]);
    }
    const { model: _model, ...summary } = snapshot;
    expect(await snapshots.findByContentHash(snapshot.contentHash, EVERYTHING)).toEqual([summary]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of a snapshot in the database itself', async () => {
    const { id } = await snapshots.create({ model: modelOf('acme', '2026-11-29'), generatedBy: 'lead@acme.test' });
    await expect(
      db.query(`UPDATE report_snapshots SET content_hash = repeat('0', 64) WHERE id = $1`, [id]),
    ).rejects.toThrow('report_snapshots is immutable (UPDATE refused)');
    await expect(db.query(`DELETE FROM report_snapshots WHERE id = $1`, [id])).rejects.toThrow(
      'report_snapshots is immutable (DELETE refused)',
    );
    await expect(db.query(`TRUNCATE report_snapshots CASCADE`)).rejects.toThrow(/immutable \(TRUNCATE refused\)/);
    await expect(db.query(`TRUNCATE report_snapshots`)).rejects.toThrow(/cannot truncate a table referenced|immutable/);
    const [row] = (await db.query(`SELECT count(*)::int AS count FROM report_snapshots WHERE id = $1`, [id])) as {
      count: number;
    }[];
    expect(row.count).toBe(1);
    expect((await snapshots.get(id, EVERYTHING)).contentHash).toBe(contentHashOf(modelOf('acme', '2026-11-29')));
  });

  it('approves once; a second approval is a CONFLICT that writes nothing, and approvals are immutable', async () => {
    const { id } = await snapshots.create({ model: modelOf('acme', '2026-11-28'), generatedBy: 'lead@acme.test' });
    const approved = await snapshots.approve({
      id,
      approvedBy: 'dpo@acme.test',
      comment: ' Conforme. ',
      scope: EVERYTHING,
    });
    expect(approved.approval).toEqual({
      approvedBy: 'dpo@acme.test',
      approvedAt: expect.any(Date),
      comment: 'Conforme.',
    });
    const auditBefore = await audit.list({ organisations: ['acme'], entityType: 'ReportSnapshot', first: 100 });
    const error = await snapshots
      .approve({ id, approvedBy: 'other@acme.test', comment: null, scope: EVERYTHING })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).code).toBe(ReportErrorCode.ALREADY_APPROVED);
    expect((error as ReportError).kind).toBe('CONFLICT');
    expect((error as ReportError).message).toBe(`report snapshot '${id}' is already approved`);
    expect((await snapshots.get(id, EVERYTHING)).approval?.approvedBy).toBe('dpo@acme.test');
    const auditAfter = await audit.list({ organisations: ['acme'], entityType: 'ReportSnapshot', first: 100 });
    expect(auditAfter.entries.length).toBe(auditBefore.entries.length);
    await expect(
      db.query(`UPDATE report_approvals SET approved_by = 'x' WHERE snapshot_id = $1`, [id]),
    ).rejects.toThrow('report_approvals is immutable (UPDATE refused)');
    await expect(db.query(`DELETE FROM report_approvals WHERE snapshot_id = $1`, [id])).rejects.toThrow(
      'report_approvals is immutable (DELETE refused)',
    );
  });

  it('scopes reads: another organisation and unapproved snapshots (for auditors) are NOT_FOUND', async () => {
    const other = await snapshots.create({ model: modelOf('globex', '2026-11-30'), generatedBy: 'lead@globex.test' });
    const draft = await snapshots.create({ model: modelOf('acme', '2026-11-27'), generatedBy: 'lead@acme.test' });
    const acmeOnly: SnapshotScope = { organisations: ['acme'], departments: null, approvedOnly: false };
    const acmeAuditor: SnapshotScope = { organisations: ['acme'], departments: null, approvedOnly: true };
    expect(await codeOf(snapshots.get(other.id, acmeOnly))).toBe(ReportErrorCode.NOT_FOUND);
    expect(await codeOf(snapshots.render(other.id, 'pdf', acmeOnly))).toBe(ReportErrorCode.NOT_FOUND);
    expect(await codeOf(snapshots.approve({ id: other.id, approvedBy: 'dpo@acme.test', scope: acmeOnly }))).toBe(
      ReportErrorCode.NOT_FOUND,
    );
    expect(await codeOf(snapshots.get(draft.id, acmeAuditor))).toBe(ReportErrorCode.NOT_FOUND);
    expect(await codeOf(snapshots.get('not-a-uuid', EVERYTHING))).toBe(ReportErrorCode.NOT_FOUND);
    expect(await snapshots.findByContentHash(other.contentHash, acmeOnly)).toEqual([]);
    const nothing: SnapshotScope = { organisations: [], departments: null, approvedOnly: false };
    expect((await snapshots.list({ scope: nothing })).items).toEqual([]);

    const auditorList = await snapshots.list({ scope: acmeAuditor, first: 100 });
    expect(auditorList.items.every((item) => item.organisation === 'acme' && item.approval !== null)).toBe(true);
    expect(auditorList.items.map((item) => item.asOf)).toEqual(['2026-11-28']);
    const globexForAll = await snapshots.list({ scope: EVERYTHING, organisation: 'globex' });
    expect(globexForAll.items.map((item) => item.id)).toEqual([other.id]);
  });

  it('lists newest first in bounded pages that follow one another without gaps', async () => {
    const all = await snapshots.list({ scope: EVERYTHING, first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await snapshots.list({ scope: EVERYTHING, first: 2, after });
      seen.push(...page.items.map((item) => item.id));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(all.items.length).toBe(5);
    expect(seen).toEqual(all.items.map((item) => item.id));
    expect(all.items.map((item) => item.asOf)).toEqual([
      '2026-11-27',
      '2026-11-30',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
    ]);
    expect(await codeOf(snapshots.list({ scope: EVERYTHING, first: 101 }))).toBe(ReportErrorCode.INVALID_INPUT);
    expect(await codeOf(snapshots.list({ scope: EVERYTHING, after: 'garbage' }))).toBe(ReportErrorCode.INVALID_INPUT);
  });

  it('verifies a file against the snapshots the caller may read, and only those', async () => {
    const model = modelOf('initech', '2026-11-30');
    const snapshot = await snapshots.create({ model, generatedBy: 'lead@initech.test' });
    const pdf = renderer.render(model, 'pdf').bytes;
    const own = await snapshots.verifyFile(pdf, { organisations: ['initech'], departments: null, approvedOnly: false });
    expect([own.verification.matches, own.snapshots.map((item) => item.id)]).toEqual([true, [snapshot.id]]);
    const foreign = await snapshots.verifyFile(pdf, {
      organisations: ['acme'],
      departments: null,
      approvedOnly: false,
    });
    expect([foreign.verification.matches, foreign.snapshots]).toEqual([true, []]);
    const tampered = Buffer.from(pdf);
    tampered[Math.floor(tampered.length / 2)] ^= 0x01;
    const refused = await snapshots.verifyFile(tampered, EVERYTHING);
    expect([refused.verification.matches, refused.snapshots]).toEqual([false, []]);
  });

  it('diffs two snapshots of one organisation, older to newer whatever the order given', async () => {
    const older = await snapshots.create({
      model: modelOf('umbrella', '2026-11-01'),
      generatedBy: 'lead@umbrella.test',
    });
    const changed = modelOf('umbrella', '2026-11-30');
    const newer = await snapshots.create({
      model: { ...changed, sections: changed.sections.slice(0, 2) },
      generatedBy: 'lead@umbrella.test',
    });
    const umbrella: SnapshotScope = { organisations: ['umbrella'], departments: null, approvedOnly: false };
    const result = await snapshots.diff(newer.id, older.id, umbrella);
    expect([result.older.id, result.newer.id]).toEqual([older.id, newer.id]);
    expect(result.diff.entries.map((entry) => [entry.change, entry.path])).toEqual([['removed', 'section:hostile']]);
    const other = await snapshots.create({ model: modelOf('acme', '2026-11-26'), generatedBy: 'lead@acme.test' });
    expect(await codeOf(snapshots.diff(older.id, other.id, umbrella))).toBe(ReportErrorCode.NOT_FOUND);
    expect(await codeOf(snapshots.diff(older.id, other.id, EVERYTHING))).toBe(ReportErrorCode.INVALID_INPUT);
  });

  it('refuses an invalid model and stores nothing', async () => {
    const model = modelOf('acme', '2026-02-30');
    const [before] = (await db.query(`SELECT count(*)::int AS count FROM report_snapshots`)) as { count: number }[];
    expect(await codeOf(snapshots.create({ model, generatedBy: 'lead@acme.test' }))).toBe(
      ReportErrorCode.INVALID_MODEL,
    );
    const [after] = (await db.query(`SELECT count(*)::int AS count FROM report_snapshots`)) as { count: number }[];
    expect(after.count).toBe(before.count);
  });
});
