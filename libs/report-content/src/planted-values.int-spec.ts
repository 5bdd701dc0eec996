import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { AUDIT_OUTBOX_LABEL, AuditOutbox } from '@cartographer/access';
import { createDataSource, migrations } from '@cartographer/database';
import { ALLOW_EVERY_IMPORT, importInventory } from '@cartographer/findings';
import { createDriver, GraphMigrationService, Neo4jService } from '@cartographer/graph';
import { READ_ALL } from '@cartographer/registers';
import { type ReportModel, ReportRenderer } from '@cartographer/reports';
import { runScanJob, ScanRunsRepository } from '@cartographer/scan';
import { testStores, uniqueId } from '@cartographer/testing';
import { ReportContentService } from './report-content.service.js';

/** Values planted in the scanned table: none may appear in any report, in any format. */
const PLANTED = {
  email: 'zorglub.planted9127@exemple-unique.fr',
  nir: '1840775123456',
  iban: 'FR7630006000019876543210189',
  surname: 'Vingtetunième',
  phone: '06 19 83 27 64',
  postcode: '49123',
};

describe('reports carry no sampled value (real PostgreSQL scanned through the scan path, real Neo4j)', () => {
  const database = uniqueId('carto_rep_');
  const org = uniqueId('rep-');
  let admin: pg.Client;
  let neo4j: Neo4jService;
  let dataSource: DataSource;
  let runId: string;
  const today = new Date().toISOString().slice(0, 10);
  const models: ReportModel[] = [];

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: testStores().databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const target = new URL(testStores().databaseUrl);
    target.pathname = `/${database}`;
    const client = new pg.Client({ connectionString: target.toString() });
    await client.connect();
    await client.query(`CREATE TABLE usagers (
      id serial PRIMARY KEY, nom text, prenom text, courriel text, telephone text, num_secu text,
      iban text, date_naissance date, code_postal text, sexe text)`);
    const first = ['Marie', 'Jean', 'Camille', 'Louis', 'Chloé', 'Lucas', 'Léa', 'Hugo'];
    const last = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand'];
    for (let i = 0; i < 150; i++) {
      const planted = i === 11;
      await client.query(
        `INSERT INTO usagers (nom, prenom, courriel, telephone, num_secu, iban, date_naissance, code_postal, sexe)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          planted ? PLANTED.surname : last[i % 8],
          first[(i * 3) % 8],
          planted ? PLANTED.email : `${first[(i * 3) % 8].toLowerCase()}.${last[i % 8].toLowerCase()}${i}@exemple.fr`,
          planted
            ? PLANTED.phone
            : `06 ${String(10 + (i % 89)).padStart(2, '0')} ${String(i % 100).padStart(2, '0')} 11 22`,
          planted ? `${PLANTED.nir}08` : null,
          planted ? PLANTED.iban : null,
          `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}`,
          planted ? PLANTED.postcode : `4900${i % 10}`,
          i % 2 === 0 ? 'F' : 'M',
        ],
      );
    }
    await client.end();

    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    await new GraphMigrationService(neo4j).migrate();
    const outbox = new AuditOutbox();
    await importInventory(
      { neo4j, outbox },
      {
        document: {
          version: 1,
          organisation: { key: org, name: 'Commune témoin', country: 'FR' },
          departments: [{ key: 'social', name: 'Action sociale' }],
        },
        authorize: ALLOW_EVERY_IMPORT,
      },
    );
    dataSource = createDataSource({ url: stores.databaseUrl, migrations });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const runs = new ScanRunsRepository(dataSource);
    const run = await runs.create({
      organisation: org,
      sourceKey: 'usagers-db',
      target: 'test',
      requestedBy: 'test',
      store: true,
    });
    runId = run.id;
    await runScanJob({ neo4j, runs, outbox }, run.id, {
      target: target.toString(),
      store: {
        organisation: org,
        sourceKey: 'usagers-db',
        department: 'social',
        connectionRef: 'USAGERS_DATABASE_URL',
      },
    });
    const service = new ReportContentService({ neo4j, scanRuns: runs, scope: READ_ALL, today: () => today });
    for (const kind of ['CARTOGRAPHY', 'RISKS'] as const)
      for (const language of ['fr', 'en'] as const)
        models.push(await service.build({ kind, organisationKey: org, language, asOf: today }));
  }, 180_000);

  afterAll(async () => {
    await neo4j.queryWrite('MATCH (n {organisation: $org}) DETACH DELETE n', { org });
    await neo4j.queryWrite(`MATCH (o:${AUDIT_OUTBOX_LABEL}) WHERE o.entry CONTAINS $org DELETE o`, { org });
    await neo4j.driver.close();
    await dataSource.query('DELETE FROM scan_runs WHERE organisation = $1', [org]).catch(() => undefined);
    await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('reports what the scan found: the run, the personal fields and the re-identification measure', () => {
    const fr = JSON.stringify(models[0]);
    expect(fr).toContain(`scan-run:${runId}`);
    const cartography = models[0]!;
    const treatments = cartography.sections.find((s) => s.key === 'treatments')!;
    const fields = (treatments.sections ?? []).flatMap((s) =>
      s.blocks.flatMap((b) => (b.type === 'table' ? b.rows.map((r) => r.key) : [])),
    );
    expect(fields).toEqual(
      expect.arrayContaining(['usagers-db.public.usagers/num_secu', 'usagers-db.public.usagers/iban']),
    );
    const reid = cartography.sections.find((s) => s.key === 'reidentification')!;
    const table = reid.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' ? table.rows.map((r) => r.key) : []).toEqual(['usagers-db.public.usagers']);
  });

  it('no planted value appears in the PDF text, the HTML or the JSON of any of the four reports', () => {
    const renderer = new ReportRenderer();
    const dir = mkdtempSync(join(tmpdir(), 'carto-planted-'));
    const leaks: string[] = [];
    models.forEach((model, i) => {
      const files = renderer.renderAll(model);
      writeFileSync(join(dir, `${i}.pdf`), files.pdf.bytes);
      const texts = {
        pdf: execFileSync('pdftotext', [join(dir, `${i}.pdf`), '-'], { encoding: 'utf8' }),
        html: files.html.bytes.toString('utf8'),
        json: files.json.bytes.toString('utf8'),
      };
      for (const [format, content] of Object.entries(texts))
        for (const value of Object.values(PLANTED))
          if (content.includes(value))
            leaks.push(`${model.metadata.kind} ${model.metadata.language} ${format}: ${value}`);
    });
    expect(leaks).toEqual([]);
  });
});
