import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import { createDataSource } from '@cartographer/database';
import { FindingsRepository } from '@cartographer/findings';
import { createDriver, GraphMigrationService, Neo4jService } from '@cartographer/graph';
import { InventoryImportService } from '@cartographer/inventory';
import { testStores, uniqueId } from '@cartographer/testing';
import { migrations } from '@cartographer/database';
import { runScan } from './scan.service.js';
import { ScanRunsRepository } from './scan-runs.repository.js';

/** Values that must never leave the scanned database. */
const PLANTED = {
  email: 'zorglub.planted4471@exemple-unique.fr',
  nir: '2690549588157',
  nirKey: '80',
  iban: 'FR7630006000011234567890189',
  surname: 'Quarantedeuxième',
  phone: '06 71 42 98 13',
};

describe('scan of a real PostgreSQL database into the inventory (real Neo4j and PostgreSQL)', () => {
  const database = uniqueId('carto_scan_');
  const org = uniqueId('scan-');
  let admin: pg.Client;
  let url: string;
  let neo4j: Neo4jService;
  let firstAbsence: string | null = null;
  const absentSince = async (label: 'Field' | 'Dataset', key: string) =>
    (
      await neo4j.queryRead<{ since: string | null }>(`MATCH (n:${label} {key: $key}) RETURN n.absentSince AS since`, {
        key,
      })
    )[0].since;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: testStores().databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const target = new URL(testStores().databaseUrl);
    target.pathname = `/${database}`;
    url = target.toString();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`
      CREATE TABLE clients (
        id serial PRIMARY KEY,
        nom text NOT NULL,
        prenom text,
        courriel text,
        telephone text,
        num_secu text,
        iban text,
        date_naissance date,
        code_postal text,
        created_at timestamptz DEFAULT now()
      );
      COMMENT ON COLUMN clients.num_secu IS 'Numéro de sécurité sociale';
      CREATE TABLE commandes (
        id serial PRIMARY KEY,
        client_id integer REFERENCES clients(id),
        code_produit text,
        montant_ttc numeric(10,2)
      );`);
    const firstNames = ['Marie', 'Jean', 'Camille', 'Louis', 'Chloé', 'Lucas', 'Léa', 'Hugo'];
    const surnames = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand'];
    for (let i = 0; i < 200; i++) {
      await client.query(
        `INSERT INTO clients (nom, prenom, courriel, telephone, num_secu, iban, date_naissance, code_postal)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          i === 7 ? PLANTED.surname : surnames[i % 8],
          firstNames[(i * 3) % 8],
          i === 7
            ? PLANTED.email
            : `${firstNames[(i * 3) % 8].toLowerCase()}.${surnames[i % 8].toLowerCase()}${i}@exemple.fr`,
          i === 7
            ? PLANTED.phone
            : `06 ${String(10 + (i % 89)).padStart(2, '0')} ${String(i % 100).padStart(2, '0')} 11 22`,
          i === 7 ? `${PLANTED.nir}${PLANTED.nirKey}` : null,
          i === 7 ? PLANTED.iban : null,
          `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
          `${75000 + (i % 20) * 10}`.padStart(5, '0'),
        ],
      );
      await client.query('INSERT INTO commandes (client_id, code_produit, montant_ttc) VALUES ($1, $2, $3)', [
        i + 1,
        `PRD-${1000 + i}`,
        (i * 7.31).toFixed(2),
      ]);
    }
    await client.end();

    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    await new GraphMigrationService(neo4j).migrate();
    await new InventoryImportService(neo4j).importDocument({
      version: 1,
      organisation: { key: org, name: 'Boutique' },
      departments: [{ key: 'ventes', name: 'Ventes' }],
      servers: [{ key: 'srv', name: 'Serveur', hosting: 'ON_PREMISES', country: 'FR' }],
      sources: [
        {
          key: 'crm',
          name: 'CRM',
          department: 'ventes',
          kind: 'RELATIONAL_DATABASE',
          structure: 'STRUCTURED',
          servers: ['srv'],
        },
      ],
    });
  });

  afterAll(async () => {
    await neo4j.queryWrite('MATCH (n {organisation: $org}) DETACH DELETE n', { org });
    await neo4j.driver.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('fills the inventory with datasets, fields, metrics and findings, keeping declared facts', async () => {
    const report = await runScan(
      {
        target: url,
        sampleSize: 500,
        store: { organisation: org, sourceKey: 'crm', connectionRef: 'CRM_DATABASE_URL' },
      },
      neo4j,
    );

    expect(report.datasets.map((d) => [d.name, d.rowCount, d.fields])).toEqual([
      ['public.clients', 200, 10],
      ['public.commandes', 200, 4],
    ]);
    const byField = Object.fromEntries(report.fields.map((f) => [`${f.dataset}.${f.field}`, f]));
    expect(
      ['nom', 'prenom', 'courriel', 'telephone', 'num_secu', 'iban', 'date_naissance'].map(
        (name) => byField[`public.clients.${name}`].personal,
      ),
    ).toEqual([true, true, true, true, true, true, true]);
    // Not identifiers, but personal in the GDPR reading: commandes rows point to a client (linkage).
    expect(
      ['code_produit', 'montant_ttc'].map((name) => {
        const f = byField[`public.commandes.${name}`];
        return [f.personal, f.tier, f.category, f.linkedCategory];
      }),
    ).toEqual([
      [true, 'LINKED_ATTRIBUTE', null, 'BEHAVIOUR'],
      [true, 'LINKED_ATTRIBUTE', null, 'FINANCIAL'],
    ]);
    expect(byField['public.clients.code_postal'].quasiIdentifier).toBe(true);
    expect(report.stored?.source).toBe('crm');

    const source = await neo4j.queryRead<{
      servers: string[];
      connectionRef: string;
      datasets: string[];
      engine: string;
    }>(
      `MATCH (s:DataSource {key: $key})-[:HOSTED_ON]->(h:Server)
       MATCH (s)-[:CONTAINS]->(d:Dataset)
       RETURN collect(DISTINCT h.localKey) AS servers, s.connectionRef AS connectionRef, collect(DISTINCT d.name) AS datasets, s.engine AS engine`,
      { key: `${org}:crm` },
    );
    expect(source).toEqual([
      {
        servers: ['srv'],
        connectionRef: 'CRM_DATABASE_URL',
        datasets: expect.arrayContaining(['public.clients', 'public.commandes']),
        engine: 'postgresql',
      },
    ]);
    const fk = await neo4j.queryRead<{ from: string; to: string }>(
      `MATCH (a:Field)-[:FEEDS {via: 'FOREIGN_KEY'}]->(b:Field) WHERE a.organisation = $org RETURN a.name AS from, b.name AS to`,
      { org },
    );
    expect(fk).toEqual([{ from: 'id', to: 'client_id' }]);
    const findings = await new FindingsRepository(neo4j).list(
      { organisation: org, origin: 'SCAN' },
      { first: 100 },
      { organisations: null, departments: null },
    );
    expect(findings.items.map((f) => f.field.split('/')[1]).sort()).toEqual(
      report.fields
        .filter((f) => f.personal || f.quasiIdentifier)
        .map((f) => f.field)
        .sort(),
    );
  });

  it('marks a column that disappeared as absent instead of deleting it', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('ALTER TABLE commandes DROP COLUMN code_produit');
    await client.end();
    await runScan({ target: url, store: { organisation: org, sourceKey: 'crm' } }, neo4j);
    const fields = await neo4j.queryRead<{ name: string; absent: boolean }>(
      `MATCH (:Dataset {key: $dataset})-[:HAS_FIELD]->(f:Field) RETURN f.name AS name, f.absentSince IS NOT NULL AS absent ORDER BY name`,
      { dataset: `${org}:crm.public.commandes` },
    );
    expect(fields).toEqual([
      { name: 'client_id', absent: false },
      { name: 'code_produit', absent: true },
      { name: 'id', absent: false },
      { name: 'montant_ttc', absent: false },
    ]);
    firstAbsence = await absentSince('Field', `${org}:crm.public.commandes/code_produit`);
  });

  it('keeps every planted value out of Neo4j, PostgreSQL, logs and the report', async () => {
    const written: string[] = [];
    const capture = (chunk: unknown) => {
      written.push(String(chunk));
      return true;
    };
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(capture as never);
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(capture as never);
    const log = jest
      .spyOn(console, 'log')
      .mockImplementation((...args: unknown[]) => void written.push(args.join(' ')));
    let report: Awaited<ReturnType<typeof runScan>>;
    try {
      report = await runScan({ target: url, store: { organisation: org, sourceKey: 'crm' } }, neo4j);
    } finally {
      out.mockRestore();
      err.mockRestore();
      log.mockRestore();
    }
    const nodes = await neo4j.queryRead<{ p: Record<string, unknown> }>('MATCH (n) RETURN properties(n) AS p');
    const rels = await neo4j.queryRead<{ p: Record<string, unknown> }>('MATCH ()-[r]->() RETURN properties(r) AS p');
    const graphText = JSON.stringify([nodes, rels]);

    const service = createDataSource({ url: testStores().databaseUrl, migrations });
    await service.initialize();
    await service.runMigrations({ transaction: 'each' });
    const runs = new ScanRunsRepository(service);
    const run = await runs.create({
      organisation: org,
      sourceKey: 'crm',
      target: 'test',
      requestedBy: 'test',
      store: true,
    });
    await runs.finish(run.id, report!);
    const tables = (await service.query(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
    )) as { schema: string; name: string }[];
    let postgresText = '';
    for (const table of tables) {
      const rows = (await service.query(
        `SELECT row_to_json(t)::text AS row FROM "${table.schema}"."${table.name}" t`,
      )) as { row: string }[];
      postgresText += rows.map((r) => r.row).join('\n');
    }
    await service.destroy();

    const reportText = JSON.stringify(report);
    const texts = { graph: graphText, postgres: postgresText, logs: written.join(''), report: reportText };
    const leaks = Object.entries(texts).flatMap(([where, text]) =>
      [PLANTED.email, PLANTED.nir, PLANTED.iban, PLANTED.surname, PLANTED.phone]
        .filter((value) => text.includes(value))
        .map((value) => `${where}: ${value}`),
    );
    expect(leaks).toEqual([]);
    expect(tables.length).toBeGreaterThan(2);
    expect(reportText).toContain('public.clients');
  });

  it('marks a dropped table absent with its foreign keys, keeping first absence dates and the organisation', async () => {
    // The previous test's rescan saw commandes without code_produit again: the first date stayed.
    expect(firstAbsence).not.toBeNull();
    expect(await absentSince('Field', `${org}:crm.public.commandes/code_produit`)).toBe(firstAbsence);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('DROP TABLE commandes');
    await client.end();
    const commandes = `${org}:crm.public.commandes`;
    await runScan({ target: url, store: { organisation: org, sourceKey: 'crm' } }, neo4j);
    const dropped = await absentSince('Dataset', commandes);
    expect(dropped).not.toBeNull();
    await runScan({ target: url, store: { organisation: org, sourceKey: 'crm' } }, neo4j);
    expect(await absentSince('Dataset', commandes)).toBe(dropped);
    expect(await absentSince('Dataset', `${org}:crm.public.clients`)).toBeNull();
    // Kept as it was: its fields, its foreign key and their lineage.
    const kept = await neo4j.queryRead<{ fields: number; references: string[]; lineage: number }>(
      `MATCH (d:Dataset {key: $key})
       RETURN COUNT { (d)-[:HAS_FIELD]->() } AS fields, [(d)-[:REFERENCES]->(r) | r.name] AS references,
              COUNT { (d)-[:HAS_FIELD]->()<-[:FEEDS]-() } AS lineage`,
      { key: commandes },
    );
    expect(kept.map((row) => ({ ...row, fields: Number(row.fields), lineage: Number(row.lineage) }))).toEqual([
      { fields: 4, references: ['public.clients'], lineage: 1 },
    ]);
    // The scan's document names the organisation without restating it: nothing declared is lost.
    const organisation = await neo4j.queryRead<{ name: string; departments: string[] }>(
      `MATCH (o:Organisation {key: $org}) RETURN o.name AS name, [(o)-[:HAS_DEPARTMENT]->(d) | d.name] AS departments`,
      { org },
    );
    expect(organisation).toEqual([{ name: 'Boutique', departments: ['Ventes'] }]);
  });
});
