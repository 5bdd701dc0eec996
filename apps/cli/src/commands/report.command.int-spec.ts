import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { stringify } from 'yaml';
import { AuditService } from '@cartographer/access';
import { createDataSource, migrations } from '@cartographer/database';
import { createDriver, Neo4jService } from '@cartographer/graph';
import { ReportContentService } from '@cartographer/report-content';
import {
  canonicalJson,
  contentHashOf,
  ReportRenderer,
  ReportSnapshotsRepository,
  type SnapshotScope,
} from '@cartographer/reports';
import { READ_ALL } from '@cartographer/registers';
import { registersInventory, testStores, uniqueId } from '@cartographer/testing';
import { carto } from '../testing/carto-process.js';

const EVERYTHING: SnapshotScope = { organisations: null, departments: null, approvedOnly: false };
const SNAPSHOT_LINE = /^report snapshot ([0-9a-f-]{36}) \(/;

/*
 * `carto report` as an operator runs it (the built command line) on the real stores: generate a
 * snapshot and write one of its files, verify a file (untouched, one byte changed, not stored),
 * diff two snapshots; bad input exits by error kind and stores nothing.
 */
describe('carto report (the built command line, real Neo4j and PostgreSQL)', () => {
  const org = uniqueId('cli-rep-');
  const renderer = new ReportRenderer();
  let dir: string;
  let neo4j: Neo4jService;
  let db: DataSource;
  let snapshots: ReportSnapshotsRepository;

  const snapshotIdOf = (stderr: string) => SNAPSHOT_LINE.exec(stderr)?.[1] ?? `no snapshot line in: ${stderr}`;
  const countOf = async () =>
    (
      (await db.query(`SELECT count(*)::int AS n FROM report_snapshots WHERE organisation = $1`, [org])) as {
        n: number;
      }[]
    )[0].n;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carto-report-'));
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    db = createDataSource({ url: stores.databaseUrl, migrations });
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    snapshots = new ReportSnapshotsRepository(db, new AuditService(db), renderer);
    const file = join(dir, 'inventory.yaml');
    await writeFile(file, stringify(registersInventory(org)));
    expect((await carto('import', file)).code).toBe(0);
  });

  afterAll(async () => {
    await neo4j.queryWrite('MATCH (n {organisation: $org}) DETACH DELETE n', { org });
    await neo4j.queryWrite(`MATCH (o:AuditOutbox) WHERE o.entry CONTAINS $org DELETE o`, { org });
    await neo4j.driver.close();
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('generates a snapshot, writes its file as re-rendered from the stored model, and audits it as the CLI', async () => {
    const output = join(dir, 'carto.json');
    const generated = await carto(
      'report',
      'cartography',
      '--organisation',
      org,
      '--lang',
      'en',
      '--format',
      'json',
      '--as-of',
      '2026-11-30',
      '--output',
      output,
    );
    expect([generated.code, generated.stdout]).toEqual([0, '']);
    const id = snapshotIdOf(generated.stderr);
    const snapshot = await snapshots.get(id, EVERYTHING);
    expect({
      kind: snapshot.kind,
      organisation: snapshot.organisation,
      department: snapshot.department,
      language: snapshot.language,
      asOf: snapshot.asOf,
      contentHash: snapshot.contentHash,
      generatedBy: snapshot.generatedBy.startsWith('cli:'),
      approval: snapshot.approval,
    }).toEqual({
      kind: 'cartography',
      organisation: org,
      department: null,
      language: 'en',
      asOf: '2026-11-30',
      contentHash: contentHashOf(snapshot.model),
      generatedBy: true,
      approval: null,
    });
    expect(generated.stderr).toBe(
      `report snapshot ${id} (cartography of ${org}, en, as of 2026-11-30) sha256 ${snapshot.contentHash} written to ${output}\n`,
    );
    const written = await readFile(output);
    expect(written.equals(renderer.render(snapshot.model, 'json').bytes)).toBe(true);
    const [audited] = (await db.query(
      `SELECT action, actor_type, actor_label, organisation FROM audit_log WHERE entity_key = $1`,
      [id],
    )) as { action: string; actor_type: string; actor_label: string; organisation: string }[];
    expect({ ...audited, actor_label: audited.actor_label.startsWith('cli:') }).toEqual({
      action: 'report.generate',
      actor_type: 'cli',
      actor_label: true,
      organisation: org,
    });
  });

  it('verify accepts the untouched PDF (naming its snapshot) and refuses it after one changed byte', async () => {
    const pdf = join(dir, 'carto.pdf');
    const generated = await carto('report', 'cartography', '-o', org, '--as-of', '2026-11-29', '--output', pdf);
    expect(generated.code).toBe(0);
    const id = snapshotIdOf(generated.stderr);
    const { contentHash } = await snapshots.get(id, EVERYTHING);

    const intact = await carto('report', 'verify', pdf);
    expect([intact.code, intact.stderr]).toEqual([0, '']);
    expect(intact.stdout.split('\n')[0]).toBe(`${pdf}: intact pdf report, sha256 ${contentHash}`);
    expect(intact.stdout).toContain(`  matches snapshot ${id}: cartography of ${org}, fr, as of 2026-11-29`);

    const bytes = await readFile(pdf);
    const tampered = join(dir, 'tampered.pdf');
    const changed = Buffer.from(bytes);
    changed[Math.floor(changed.length / 2)] ^= 0x01;
    await writeFile(tampered, changed);
    const refused = await carto('report', 'verify', tampered);
    expect([refused.code, refused.stdout]).toEqual([6, '']);
    expect(refused.stderr).toMatch(
      new RegExp(`^carto: ${tampered.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} does not match: `),
    );
  });

  it('verify says when an intact file matches no stored snapshot, and refuses what is not a report', async () => {
    // The scan-run annex left empty: the file only has to be intact and not stored.
    const content = new ReportContentService({ neo4j, scanRuns: null, scope: READ_ALL });
    const model = await content.build({
      kind: 'CARTOGRAPHY',
      organisationKey: org,
      language: 'fr',
      asOf: '2026-10-01',
    });
    const html = join(dir, 'unstored.html');
    await writeFile(html, renderer.render(model, 'html').bytes);
    const unstored = await carto('report', 'verify', html);
    expect([unstored.code, unstored.stdout, unstored.stderr]).toEqual([
      6,
      '',
      `carto: ${html} is an intact html report (sha256 ${contentHashOf(model)}) but matches no stored snapshot\n`,
    ]);
    const text = join(dir, 'notes.txt');
    await writeFile(text, 'not a report');
    expect((await carto('report', 'verify', text)).code).toBe(3);
    expect((await carto('report', 'verify', join(dir, 'missing.pdf'))).code).toBe(3);
  });

  it('diffs two snapshots older to newer, as text and as the JSON of the use case', async () => {
    const first = await carto(
      'report',
      'cartography',
      '-o',
      org,
      '--format',
      'json',
      '--as-of',
      '2026-11-01',
      '--output',
      join(dir, 'a.json'),
    );
    const second = await carto(
      'report',
      'cartography',
      '-o',
      org,
      '--format',
      'json',
      '--as-of',
      '2026-11-02',
      '--output',
      join(dir, 'b.json'),
    );
    const [older, newer] = [snapshotIdOf(first.stderr), snapshotIdOf(second.stderr)];
    const expected = await snapshots.diff(older, newer, EVERYTHING);
    const json = await carto('report', 'diff', newer, older, '--format', 'json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(canonicalJson({ older, newer, ...expected.diff })));
    const text = await carto('report', 'diff', older, newer);
    const { added, removed, changed } = expected.diff.counts;
    expect(text.stdout.split('\n')[0]).toBe(
      `cartography of ${org}: ${older} (2026-11-01) -> ${newer} (2026-11-02): ${added} added, ${removed} removed, ${changed} changed`,
    );
    expect(text.stdout.split('\n').length).toBe(expected.diff.entries.length + 2);
    const unknown = await carto('report', 'diff', older, '00000000-0000-4000-8000-000000000000');
    expect([unknown.code, unknown.stderr]).toEqual([
      4,
      "carto: no report snapshot '00000000-0000-4000-8000-000000000000'\n",
    ]);
  });

  it('exits by error kind on bad input and stores nothing', async () => {
    const before = await countOf();
    const cases: [string[], number, string][] = [
      [['--lang', 'de'], 3, "carto: unknown report language 'de' (fr or en)\n"],
      [['--as-of', '2026-02-30'], 3, "carto: the as-of date '2026-02-30' is not a date YYYY-MM-DD\n"],
      [['--as-of', '2999-01-01'], 3, 'carto: the as-of date 2999-01-01 is in the future'],
      [['--format', 'docx'], 3, "carto: --format must be one of pdf, html, json, got 'docx'\n"],
      [['--department', 'nowhere'], 4, 'nowhere'],
    ];
    const actual: [string[], number, string][] = [];
    for (const [args, , message] of cases) {
      const outcome = await carto('report', 'cartography', '-o', org, '--format', 'json', ...args);
      actual.push([args, outcome.code, outcome.stderr.includes(message) ? message : outcome.stderr]);
    }
    expect(actual).toEqual(cases);
    const unknown = await carto('report', 'risks', '-o', `${org}-nowhere`, '--format', 'json');
    expect(unknown.code).toBe(4);
    expect(await countOf()).toBe(before);
  });
});
