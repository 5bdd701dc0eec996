import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REPORT_FORMATS, REPORT_MEDIA_TYPES, ReportRenderer } from '@cartographer/reports';
import { type MatrixFixture, type MatrixRole, startMatrixFixture } from '../testing/authorization-fixture.js';

/*
 * The report surfaces against the booted API and the real stores (the matrix fixture: two
 * organisations, a draft and an approved cartography snapshot of each): files downloaded with the
 * caller's rights, a file verified against the snapshots the caller may read, and bad input to
 * generateReport answered with a clear error and nothing written.
 */
describe('reports API (booted API, real Neo4j and PostgreSQL)', () => {
  let fx: MatrixFixture;
  const renderer = new ReportRenderer();

  beforeAll(async () => {
    fx = await startMatrixFixture();
  });

  afterAll(async () => {
    await fx?.close();
  });

  const download = (role: MatrixRole, path: string) => fetch(`${fx.api.baseUrl}${path}`, { headers: fx.headers[role] });
  const fileOf = (id: string, format: string) => `/reports/${id}/file.${format}`;

  it('serves each file of a snapshot byte for byte as rendered from its stored model, as an attachment', async () => {
    const { approved } = fx.reports.main;
    for (const format of REPORT_FORMATS) {
      const expected = renderer.render(approved.model, format);
      const response = await download('DPO', fileOf(approved.id, format));
      const bytes = Buffer.from(await response.arrayBuffer());
      expect({
        status: response.status,
        type: response.headers.get('content-type'),
        disposition: response.headers.get('content-disposition'),
        cache: response.headers.get('cache-control'),
        nosniff: response.headers.get('x-content-type-options'),
        csp: response.headers.get('content-security-policy'),
        same: bytes.equals(expected.bytes),
      }).toEqual({
        status: 200,
        type: expect.stringMatching(new RegExp(`^${REPORT_MEDIA_TYPES[format].replace('+', '\\+')}`)),
        disposition: `attachment; filename="${expected.fileName}"`,
        cache: 'private, no-store',
        nosniff: 'nosniff',
        csp: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
        same: true,
      });
    }
  });

  it('downloads with the caller’s rights: drafts hidden from an AUDITOR, another organisation’s from everyone', async () => {
    const { draft, approved } = fx.reports.main;
    const cases: [MatrixRole, string, number][] = [
      ['ADMIN', draft.id, 200],
      ['LEAD_A', draft.id, 200],
      ['LEAD_B', approved.id, 200],
      ['DPO', draft.id, 200],
      ['AUDITOR', approved.id, 200],
      ['AUDITOR', draft.id, 404],
      ['OTHER_DPO', approved.id, 404],
      ['OTHER_LEAD', draft.id, 404],
      ['ANON', approved.id, 401],
      ['OTHER_DPO', fx.reports.other.draft.id, 200],
      ['DPO', 'not-a-snapshot', 404],
      ['DPO', '00000000-0000-4000-8000-000000000000', 404],
    ];
    const actual: [MatrixRole, string, number][] = [];
    for (const [role, id] of cases) actual.push([role, id, (await download(role, fileOf(id, 'json'))).status]);
    expect(actual).toEqual(cases);
    const refused = await download('AUDITOR', fileOf(draft.id, 'pdf'));
    expect([refused.status, await refused.json()]).toEqual([
      404,
      { code: 'NOT_FOUND', message: `no report snapshot '${draft.id}'` },
    ]);
    const badFormat = await download('DPO', fileOf(approved.id, 'docx'));
    expect([badFormat.status, await badFormat.json()]).toEqual([
      400,
      { code: 'BAD_USER_INPUT', message: "unknown report format 'docx' (pdf, html or json)" },
    ]);
  });

  it('is never answered by the dashboard: an unknown report path keeps the API’s 404', async () => {
    const response = await download('DPO', '/reports/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).not.toMatch(/text\/html/);
  });

  it('verifies a file against the snapshots the caller may read, and refuses one changed byte', async () => {
    const { draft, approved } = fx.reports.main;
    const verify = async (role: MatrixRole, bytes: Uint8Array) => {
      const response = await fetch(`${fx.api.baseUrl}/reports/verify`, {
        method: 'POST',
        headers: { ...fx.headers[role], 'content-type': 'application/octet-stream' },
        body: bytes,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const pdf = renderer.render(approved.model, 'pdf').bytes;
    const summary = {
      id: approved.id,
      kind: 'cartography',
      organisation: fx.main,
      department: null,
      asOf: '2026-11-30',
      approved: true,
    };
    expect(await verify('DPO', pdf)).toEqual({
      status: 200,
      body: { format: 'pdf', matches: true, contentHash: approved.contentHash, problems: [], snapshots: [summary] },
    });
    expect(await verify('AUDITOR', pdf)).toEqual({
      status: 200,
      body: { format: 'pdf', matches: true, contentHash: approved.contentHash, problems: [], snapshots: [summary] },
    });
    // Intact, but not a snapshot the caller may read: nothing said about it.
    expect((await verify('OTHER_DPO', pdf)).body.snapshots).toEqual([]);
    const draftHtml = renderer.render(draft.model, 'html').bytes;
    expect((await verify('AUDITOR', draftHtml)).body).toEqual({
      format: 'html',
      matches: true,
      contentHash: draft.contentHash,
      problems: [],
      snapshots: [],
    });
    const tampered = Buffer.from(pdf);
    tampered[Math.floor(tampered.length / 2)] ^= 0x01;
    const refused = await verify('DPO', tampered);
    expect([refused.status, refused.body.matches, refused.body.snapshots]).toEqual([200, false, []]);
    expect((refused.body.problems as string[]).length).toBeGreaterThan(0);
    expect((await verify('ANON', pdf)).status).toBe(401);
    const garbage = await verify('DPO', Buffer.from('not a report'));
    expect([garbage.status, garbage.body.code]).toEqual([400, 'BAD_USER_INPUT']);
  });

  it('answers bad input to generateReport with a clear error and writes nothing', async () => {
    const generate = (variables: Record<string, unknown>) =>
      fx.api.graphql(
        `mutation ($organisation: String!, $department: String, $language: String, $asOf: String) {
          generateReport(kind: CARTOGRAPHY, organisation: $organisation, department: $department, language: $language, asOf: $asOf) { id } }`,
        variables,
        fx.headers.ADMIN,
      );
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { organisation: `${fx.run}-nowhere` },
        'NOT_FOUND',
        `'${fx.run}-nowhere' does not exist or is not readable by this caller`,
      ],
      [{ organisation: fx.main, department: 'dept-z' }, 'NOT_FOUND', `'dept-z' is not a department of '${fx.main}'`],
      [{ organisation: fx.main, language: 'de' }, 'BAD_USER_INPUT', "unknown report language 'de' (fr or en)"],
      [
        { organisation: fx.main, asOf: '2026-02-30' },
        'BAD_USER_INPUT',
        "the as-of date '2026-02-30' is not a date YYYY-MM-DD",
      ],
      [
        { organisation: fx.main, asOf: '30/11/2026' },
        'BAD_USER_INPUT',
        "the as-of date '30/11/2026' is not a date YYYY-MM-DD",
      ],
      [{ organisation: fx.main, asOf: '2999-01-01' }, 'BAD_USER_INPUT', 'the as-of date 2999-01-01 is in the future'],
    ];
    const before = await fx.probe();
    const actual: [Record<string, unknown>, string, string][] = [];
    for (const [variables, , message] of cases) {
      const answer = await generate(variables);
      const error = answer.errors?.[0];
      actual.push([
        variables,
        error?.extensions?.code ?? 'no error',
        error?.message.includes(message) ? message : (error?.message ?? ''),
      ]);
    }
    expect(actual).toEqual(cases);
    const after = await fx.probe();
    expect([after.reports, after.audit]).toEqual([before.reports, before.audit]);
  });
});
