import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { AuditService, defineAbilityFor, type Principal, Role } from '@cartographer/access';
import { createDataSource, migrations } from '@cartographer/database';
import { testStores, uniqueId } from '@cartographer/testing';
import { contentHashOf } from '../model/canonical-json.js';
import type { ReportModel } from '../model/report-model.js';
import { ReportRenderer } from '../render/report-renderer.js';
import { ReportError, ReportErrorCode } from '../reports.errors.js';
import { sampleModel } from '../testing/sample-model.js';
import { ReportSnapshotsRepository } from './report-snapshots.repository.js';
import {
  type ReportBuildRequest,
  type ReportModelBuilder,
  ReportSnapshotService,
  type SnapshotCaller,
} from './report-snapshots.service.js';

/**
 * The content builder's part, done by hand: the engine's sample report filed under what was asked
 * (the real builder, @cartographer/report-content, is exercised by the API and CLI tests). It
 * records every request, so a refused call can be shown to have built nothing.
 */
class SampleBuilder implements ReportModelBuilder {
  readonly requests: ReportBuildRequest[] = [];
  /** When set, the next model says it is about this organisation instead (a faulty builder). */
  lieAbout: string | null = null;

  async build(request: ReportBuildRequest, onProgress?: (step: string, done: number, total: number) => void) {
    this.requests.push(request);
    onProgress?.('sections', 1, 2);
    onProgress?.('figures', 2, 2);
    const model = sampleModel(request.language);
    const organisation = this.lieAbout ?? request.organisationKey;
    return {
      ...model,
      metadata: {
        ...model.metadata,
        kind: request.kind.toLowerCase(),
        organisation: { key: organisation, name: organisation },
        department: request.departmentKey ? { key: request.departmentKey, name: request.departmentKey } : null,
        asOf: request.asOf,
      },
    } satisfies ReportModel;
  }
}

async function failureOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  return error instanceof Error && 'code' in error ? `${String(error.code)}: ${error.message}` : String(error);
}

const callerOf = (role: Role, organisations: string[], by: string): SnapshotCaller => {
  const principal: Principal = { userId: by, role, organisations, departments: [] };
  return { ability: defineAbilityFor(principal), by };
};

describe('ReportSnapshotService (real PostgreSQL)', () => {
  const database = uniqueId('carto_report_uc_');
  const renderer = new ReportRenderer();
  const builder = new SampleBuilder();
  let admin: pg.Client;
  let db: DataSource;
  let audit: AuditService;
  let service: ReportSnapshotService;
  const lead = callerOf(Role.DATA_LEAD, ['acme'], 'lead@acme.test');
  const dpo = callerOf(Role.DPO, ['acme'], 'dpo@acme.test');
  const auditor = callerOf(Role.AUDITOR, ['acme'], 'auditor@acme.test');
  const otherDpo = callerOf(Role.DPO, ['globex'], 'dpo@globex.test');

  const count = async () =>
    ((await db.query(`SELECT count(*)::int AS n FROM report_snapshots`)) as { n: number }[])[0].n;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: testStores().databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(testStores().databaseUrl);
    url.pathname = `/${database}`;
    db = createDataSource({ url: url.toString(), migrations });
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    audit = new AuditService(db);
    service = new ReportSnapshotService(new ReportSnapshotsRepository(db, audit, renderer), () => builder, {
      today: () => '2026-12-03',
    });
  });

  afterAll(async () => {
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('builds what was asked (as of today by default), reports progress, and stores it with its generator', async () => {
    const progress: string[] = [];
    const snapshot = await service.generate(
      { kind: 'CARTOGRAPHY', organisation: 'acme', department: 'ventes', language: 'en' },
      { ...lead, actor: { type: 'cli', label: 'cli:ops@host' } },
      (step, done, total) => progress.push(`${step} ${done}/${total}`),
    );
    expect(builder.requests.at(-1)).toEqual({
      kind: 'CARTOGRAPHY',
      organisationKey: 'acme',
      departmentKey: 'ventes',
      language: 'en',
      asOf: '2026-12-03',
    });
    expect(progress).toEqual(['sections 1/2', 'figures 2/2']);
    expect([snapshot.kind, snapshot.organisation, snapshot.department, snapshot.asOf, snapshot.generatedBy]).toEqual([
      'cartography',
      'acme',
      'ventes',
      '2026-12-03',
      'lead@acme.test',
    ]);
    expect(snapshot.contentHash).toBe(contentHashOf(snapshot.model));
    const [entry] = (await audit.list({ organisations: ['acme'], entityType: 'ReportSnapshot' })).entries;
    expect([entry.action, entry.entityKey, entry.actor]).toEqual([
      'report.generate',
      snapshot.id,
      { type: 'cli', id: null, label: 'cli:ops@host' },
    ]);
  });

  it('refuses bad input and callers without the right before building anything, and stores nothing', async () => {
    const asked = builder.requests.length;
    const before = await count();
    const ask = (input: Record<string, unknown>, caller: SnapshotCaller = dpo) =>
      failureOf(
        service.generate(
          { kind: 'CARTOGRAPHY', organisation: 'acme', language: 'fr', asOf: '2026-11-30', ...input },
          caller,
        ),
      );
    expect(
      await Promise.all([
        ask({ kind: 'FEASIBILITY' }),
        ask({ language: 'de' }),
        ask({ asOf: '2026-13-01' }),
        ask({ asOf: '1 décembre' }),
        ask({ asOf: '2026-12-04' }),
        ask({}, auditor),
        ask({}, otherDpo),
      ]),
    ).toEqual([
      "REPORT_INVALID_INPUT: unknown report kind 'FEASIBILITY' (CARTOGRAPHY or RISKS)",
      "REPORT_INVALID_INPUT: unknown report language 'de' (fr or en)",
      "REPORT_INVALID_INPUT: the as-of date '2026-13-01' is not a date YYYY-MM-DD",
      "REPORT_INVALID_INPUT: the as-of date '1 décembre' is not a date YYYY-MM-DD",
      'REPORT_INVALID_INPUT: the as-of date 2026-12-04 is in the future (today is 2026-12-03)',
      'ACCESS_FORBIDDEN: not allowed to create ReportSnapshot',
      "ACCESS_NOT_FOUND: 'acme' does not exist or is not readable by this caller",
    ]);
    expect([builder.requests.length, await count()]).toEqual([asked, before]);
  });

  it('refuses a model filed under another organisation than asked (a faulty builder) and stores nothing', async () => {
    const before = await count();
    builder.lieAbout = 'globex';
    try {
      const error = await service
        .generate({ kind: 'RISKS', organisation: 'acme', language: 'fr', asOf: '2026-11-30' }, dpo)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ReportError);
      expect([(error as ReportError).code, (error as ReportError).kind]).toEqual([
        ReportErrorCode.CONTENT_MISMATCH,
        'INTERNAL',
      ]);
    } finally {
      builder.lieAbout = null;
    }
    expect(await count()).toBe(before);
  });

  it('lets an AUDITOR read and download approved snapshots of its organisations only, and a DPO approve once', async () => {
    const draft = await service.generate(
      { kind: 'RISKS', organisation: 'acme', language: 'fr', asOf: '2026-11-01' },
      dpo,
    );
    const toApprove = await service.generate(
      { kind: 'RISKS', organisation: 'acme', language: 'fr', asOf: '2026-11-02' },
      lead,
    );
    const foreign = await service.generate(
      { kind: 'RISKS', organisation: 'globex', language: 'fr', asOf: '2026-11-02' },
      otherDpo,
    );
    expect(await failureOf(service.approve({ id: toApprove.id }, lead))).toBe(
      'ACCESS_FORBIDDEN: not allowed to approve ReportSnapshot',
    );
    expect(await failureOf(service.approve({ id: toApprove.id }, otherDpo))).toBe(
      `REPORT_NOT_FOUND: no report snapshot '${toApprove.id}'`,
    );
    const approved = await service.approve({ id: toApprove.id, comment: 'Vu' }, dpo);
    expect(approved.approval).toEqual({ approvedBy: 'dpo@acme.test', approvedAt: expect.any(Date), comment: 'Vu' });
    expect(await failureOf(service.approve({ id: toApprove.id }, dpo))).toBe(
      `REPORT_ALREADY_APPROVED: report snapshot '${toApprove.id}' is already approved`,
    );

    const listed = await service.list({ kind: 'RISKS', first: 100 }, auditor);
    expect(listed.items.map((item) => item.id)).toEqual([approved.id]);
    expect((await service.list({ kind: 'RISKS', first: 100 }, dpo)).items.map((item) => item.id)).toEqual([
      approved.id,
      draft.id,
    ]);
    expect(
      (await service.file(approved.id, 'html', auditor)).bytes.equals(renderer.render(approved.model, 'html').bytes),
    ).toBe(true);
    expect(await failureOf(service.file(draft.id, 'html', auditor))).toBe(
      `REPORT_NOT_FOUND: no report snapshot '${draft.id}'`,
    );
    expect(await failureOf(service.get(foreign.id, auditor))).toBe(
      `REPORT_NOT_FOUND: no report snapshot '${foreign.id}'`,
    );
    expect(await failureOf(service.diff(draft.id, approved.id, auditor))).toBe(
      `REPORT_NOT_FOUND: no report snapshot '${draft.id}'`,
    );
    expect(await failureOf(service.diff(approved.id, foreign.id, callerOf(Role.ADMIN, [], 'root')))).toMatch(
      /^REPORT_INVALID_INPUT: only reports of the same kind and scope compare/,
    );
    expect(await failureOf(service.list({ kind: 'MAP' }, dpo))).toBe(
      "REPORT_INVALID_INPUT: unknown report kind 'MAP' (CARTOGRAPHY or RISKS)",
    );

    const pdf = renderer.render(foreign.model, 'pdf').bytes;
    expect((await service.verify(pdf, otherDpo)).snapshots.map((item) => item.id)).toEqual([foreign.id]);
    expect((await service.verify(pdf, auditor)).snapshots).toEqual([]);
  });
});
