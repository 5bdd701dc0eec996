import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { projectRoot } from '@cartographer/config';
import { FindingsRepository } from '@cartographer/findings';
import { createDriver, GraphMigrationService, Neo4jService } from '@cartographer/graph';
import { InventoryImportService } from '@cartographer/inventory';
import { testStores, uniqueId } from '@cartographer/testing';
import { runScan } from './scan.service.js';
import type { ScanReport } from './scan.types.js';

const run = promisify(execFile);

/**
 * A rental shop: a table of persons (customer), a table one hop away (rental), one two hops away
 * (payment), a link table (customer_club) to a shared table (club), a reference list the persons
 * point to (country), a table linked only by a flow the inventory declares (mailing), and an
 * unrelated table (warehouse).
 */
const SCHEMA = `
  CREATE TABLE country (country_id serial PRIMARY KEY, country text NOT NULL);
  CREATE TABLE customer (
    customer_id serial PRIMARY KEY,
    first_name text NOT NULL,
    last_name text NOT NULL,
    email text,
    country_id integer REFERENCES country(country_id),
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE rental (
    rental_id serial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customer(customer_id),
    rental_date timestamptz NOT NULL,
    return_date timestamptz
  );
  CREATE TABLE payment (
    payment_id serial PRIMARY KEY,
    rental_id integer NOT NULL REFERENCES rental(rental_id),
    amount numeric(8,2) NOT NULL,
    paid_at timestamptz NOT NULL
  );
  CREATE TABLE club (club_id serial PRIMARY KEY, title text NOT NULL);
  CREATE TABLE customer_club (
    customer_id integer NOT NULL REFERENCES customer(customer_id),
    club_id integer NOT NULL REFERENCES club(club_id),
    PRIMARY KEY (customer_id, club_id)
  );
  CREATE TABLE mailing (mailing_id serial PRIMARY KEY, campaign text NOT NULL, sent_at timestamptz NOT NULL);
  CREATE TABLE warehouse (warehouse_id serial PRIMARY KEY, capacity integer NOT NULL, opened_on date);`;

const PERSON_ROW = 'a row of public.customer (customers and prospects)';
const RENTAL = 'linked to public.customer through rental.customer_id';
const PAYMENT = 'linked to public.customer through payment.rental_id → rental.customer_id';
const CUSTOMER_CLUB = 'linked to public.customer through customer_club.customer_id';
const MAILING = 'linked to public.customer through flow newsletter: public.customer → public.mailing';

type Expected = [tier: string, category: string | null, linkedCategory: string | null, linkedTo: string[]];
const key = (path: string): Expected => ['DIRECT_IDENTIFIER', 'INTERNAL_ID', null, [path]];
const direct = (category: string, path: string): Expected => ['DIRECT_IDENTIFIER', category, null, [path]];
const linked = (category: string, path: string): Expected => ['LINKED_ATTRIBUTE', null, category, [path]];

/** Every flagged field of the scan with the inventory (the others are NONE), by `<dataset>/<field>`. */
const FLAGGED: Record<string, Expected> = {
  'public.customer/country_id': linked('LOCATION', PERSON_ROW),
  'public.customer/created_at': linked('METADATA', PERSON_ROW),
  'public.customer/customer_id': key(PERSON_ROW),
  'public.customer/email': direct('CONTACT', PERSON_ROW),
  'public.customer/first_name': direct('IDENTITY', PERSON_ROW),
  'public.customer/last_name': direct('IDENTITY', PERSON_ROW),
  'public.customer_club/club_id': linked('BEHAVIOUR', CUSTOMER_CLUB),
  'public.customer_club/customer_id': key(CUSTOMER_CLUB),
  'public.mailing/campaign': linked('BEHAVIOUR', MAILING),
  'public.mailing/mailing_id': linked('METADATA', MAILING),
  'public.mailing/sent_at': linked('BEHAVIOUR', MAILING),
  'public.payment/amount': linked('FINANCIAL', PAYMENT),
  'public.payment/paid_at': linked('BEHAVIOUR', PAYMENT),
  'public.payment/payment_id': linked('METADATA', PAYMENT),
  'public.payment/rental_id': linked('METADATA', PAYMENT),
  'public.rental/customer_id': key(RENTAL),
  'public.rental/rental_date': linked('BEHAVIOUR', RENTAL),
  'public.rental/rental_id': linked('METADATA', RENTAL),
  'public.rental/return_date': linked('BEHAVIOUR', RENTAL),
};

describe('scan with the dataset-level linkage pass (real PostgreSQL and Neo4j)', () => {
  const database = uniqueId('carto_link_');
  const org = uniqueId('link-');
  let admin: pg.Client;
  let url: string;
  let neo4j: Neo4jService;
  let report: ScanReport;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: testStores().databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const target = new URL(testStores().databaseUrl);
    target.pathname = `/${database}`;
    url = target.toString();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(SCHEMA);
    const first = ['Marie', 'Jean', 'Camille', 'Louis', 'Chloé', 'Lucas', 'Léa', 'Hugo', 'Emma', 'Paul'];
    const last = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau'];
    await client.query(`INSERT INTO country (country) VALUES ('France'), ('Belgique'), ('Suisse')`);
    await client.query(`INSERT INTO club (title) VALUES ('Cinéphiles'), ('Famille'), ('Classiques')`);
    for (let i = 0; i < 40; i++) {
      await client.query('INSERT INTO customer (first_name, last_name, email, country_id) VALUES ($1, $2, $3, $4)', [
        first[i % 10],
        last[(i * 3) % 10],
        `${first[i % 10].toLowerCase()}.${i}@exemple.fr`,
        1 + (i % 3),
      ]);
      await client.query(
        `INSERT INTO rental (customer_id, rental_date, return_date) VALUES ($1, now() - ($2 || ' days')::interval, now())`,
        [i + 1, String(i + 2)],
      );
      await client.query('INSERT INTO payment (rental_id, amount, paid_at) VALUES ($1, $2, now())', [
        i + 1,
        (3 + (i % 7)).toFixed(2),
      ]);
      await client.query('INSERT INTO customer_club (customer_id, club_id) VALUES ($1, $2)', [i + 1, 1 + (i % 3)]);
      await client.query(`INSERT INTO mailing (campaign, sent_at) VALUES ($1, now())`, [`C-${i % 4}`]);
      await client.query('INSERT INTO warehouse (capacity, opened_on) VALUES ($1, current_date)', [100 + i]);
    }
    await client.end();

    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    await new GraphMigrationService(neo4j).migrate();
    // The inventory declares the source with a flow the database cannot tell: customers → mailing.
    await new InventoryImportService(neo4j).importDocument({
      version: 1,
      organisation: { key: org, name: 'Vidéoclub' },
      departments: [{ key: 'ventes', name: 'Ventes' }],
      sources: [
        {
          key: 'shop',
          name: 'Boutique',
          department: 'ventes',
          kind: 'RELATIONAL_DATABASE',
          structure: 'STRUCTURED',
          datasets: [
            { key: 'shop.public.customer', name: 'public.customer', kind: 'TABLE' },
            { key: 'shop.public.mailing', name: 'public.mailing', kind: 'TABLE' },
          ],
        },
      ],
      flows: [{ key: 'newsletter', name: 'newsletter', from: 'shop.public.customer', to: 'shop.public.mailing' }],
    });
    report = await runScan({ target: url, sampleSize: 100, store: { organisation: org, sourceKey: 'shop' } }, neo4j);
  });

  afterAll(async () => {
    await neo4j.queryWrite('MATCH (n {organisation: $org}) DETACH DELETE n', { org });
    await neo4j.driver.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('gives each dataset its role, subject kinds and path to the persons', () => {
    expect(
      report.datasets.map((d) => [d.name, d.role, d.subjectKind, d.subjectKinds, d.linkedTo, d.personalFields]),
    ).toEqual([
      ['public.club', 'REFERENCE', null, [], [], 0],
      ['public.country', 'REFERENCE', null, [], [], 0],
      ['public.customer', 'PERSON', 'CUSTOMER', ['CUSTOMER'], [], 6],
      ['public.customer_club', 'LINKED', null, ['CUSTOMER'], [CUSTOMER_CLUB], 2],
      ['public.mailing', 'LINKED', null, ['CUSTOMER'], [MAILING], 3],
      ['public.payment', 'LINKED', null, ['CUSTOMER'], [PAYMENT], 4],
      ['public.rental', 'LINKED', null, ['CUSTOMER'], [RENTAL], 4],
      ['public.warehouse', 'UNRELATED', null, [], [], 0],
    ]);
  });

  it('stores each flagged field finding with its tier, category, linked category and path', async () => {
    const findings = await new FindingsRepository(neo4j).list(
      { organisation: org, origin: 'SCAN' },
      { first: 100 },
      { organisations: null, departments: null },
    );
    const stored = findings.items
      .map((f) => [f.field.slice(`${org}:shop.`.length), [f.tier, f.category, f.linkedCategory, f.linkedTo]] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    expect(Object.fromEntries(stored)).toEqual(FLAGGED);
    expect(findings.items.every((f) => f.personal && f.status === 'OPEN')).toBe(true);
  });

  it('stores the register inputs on the datasets and the tier on the fields', async () => {
    const datasets = await neo4j.queryRead<Record<string, unknown>>(
      `MATCH (:DataSource {key: $source})-[:CONTAINS]->(d:Dataset)
       RETURN d.name AS name, d.datasetRole AS role, d.dataSubjectKinds AS subjects,
              d.personalDataCategories AS personal, d.linkedDataCategories AS linked, d.specialCategories AS special
       ORDER BY name`,
      { source: `${org}:shop` },
    );
    const row = (name: string, role: string, subjects: string[], personal: string[], linked: string[]) => ({
      name,
      role,
      subjects,
      personal,
      linked,
      special: [],
    });
    expect(datasets).toEqual([
      row('public.club', 'REFERENCE', [], [], []),
      row('public.country', 'REFERENCE', [], [], []),
      row('public.customer', 'PERSON', ['CUSTOMER'], ['CONTACT', 'IDENTITY', 'INTERNAL_ID'], ['LOCATION', 'METADATA']),
      row('public.customer_club', 'LINKED', ['CUSTOMER'], ['INTERNAL_ID'], ['BEHAVIOUR']),
      row('public.mailing', 'LINKED', ['CUSTOMER'], [], ['BEHAVIOUR', 'METADATA']),
      row('public.payment', 'LINKED', ['CUSTOMER'], [], ['BEHAVIOUR', 'FINANCIAL', 'METADATA']),
      row('public.rental', 'LINKED', ['CUSTOMER'], ['INTERNAL_ID'], ['BEHAVIOUR', 'METADATA']),
      row('public.warehouse', 'UNRELATED', [], [], []),
    ]);
    const fields = await neo4j.queryRead<Record<string, unknown>>(
      `MATCH (:Dataset {key: $dataset})-[:HAS_FIELD]->(f:Field)
       RETURN f.name AS name, f.tier AS tier, f.linkedCategory AS linkedCategory, f.personal AS personal ORDER BY name`,
      { dataset: `${org}:shop.public.rental` },
    );
    expect(fields).toEqual([
      { name: 'customer_id', tier: 'DIRECT_IDENTIFIER', linkedCategory: null, personal: true },
      { name: 'rental_date', tier: 'LINKED_ATTRIBUTE', linkedCategory: 'BEHAVIOUR', personal: true },
      { name: 'rental_id', tier: 'LINKED_ATTRIBUTE', linkedCategory: 'METADATA', personal: true },
      { name: 'return_date', tier: 'LINKED_ATTRIBUTE', linkedCategory: 'BEHAVIOUR', personal: true },
    ]);
  });

  it('keeps a rejected linked-attribute finding rejected on a rescan, and the flow link with it', async () => {
    const amount = `${org}:shop.public.payment/amount#classification`;
    await neo4j.queryWrite(`MATCH (x:Finding {key: $key}) SET x.status = 'REJECTED', x.reviewedBy = 'dpo'`, {
      key: amount,
    });
    const again = await runScan(
      { target: url, sampleSize: 100, store: { organisation: org, sourceKey: 'shop' } },
      neo4j,
    );
    expect(again.datasets.find((d) => d.name === 'public.mailing')?.linkedTo).toEqual([MAILING]);
    const rows = await neo4j.queryRead<Record<string, unknown>>(
      `MATCH (x:Finding {key: $key}) RETURN x.status AS status, x.reviewedBy AS by, x.tier AS tier, x.linkedCategory AS linked`,
      { key: amount },
    );
    expect(rows).toEqual([{ status: 'REJECTED', by: 'dpo', tier: 'LINKED_ATTRIBUTE', linked: 'FINANCIAL' }]);
  });

  it('prints the tiers and paths in `carto scan --format json --no-store` (no inventory: no declared flow)', async () => {
    const { stdout } = await run(
      process.execPath,
      [join(projectRoot(), 'bin', 'carto.js'), 'scan', url, '--no-store', '--format', 'json', '--sample', '100'],
      { env: { ...process.env, LOG_LEVEL: 'error' }, maxBuffer: 64 * 1024 * 1024 },
    );
    const json = JSON.parse(stdout) as ScanReport;
    const printed = json.fields.map(
      (f) =>
        [
          `${f.dataset}/${f.field}`,
          [f.tier, f.personal, f.quasiIdentifier, f.specialCategory, f.category, f.linkedCategory, f.linkedTo],
        ] as const,
    );
    const expected = (name: string) => {
      const [tier, category, linkedCategory, linkedTo] = FLAGGED[name] ?? ['NONE', null, null, []];
      return [tier, tier !== 'NONE', false, false, category, linkedCategory, linkedTo];
    };
    // Without the inventory the scan does not know the flow customer → mailing.
    const unflagged = new Set(['public.mailing/campaign', 'public.mailing/mailing_id', 'public.mailing/sent_at']);
    expect(printed).toEqual(
      printed.map(([name]) => [
        name,
        unflagged.has(name) ? ['NONE', false, false, false, null, null, []] : expected(name),
      ]),
    );
    expect(printed.length).toBe(26);
    expect(json.datasets.map((d) => [d.name, d.role, d.subjectKind, d.subjectKinds])).toEqual([
      ['public.club', 'REFERENCE', null, []],
      ['public.country', 'REFERENCE', null, []],
      ['public.customer', 'PERSON', 'CUSTOMER', ['CUSTOMER']],
      ['public.customer_club', 'LINKED', null, ['CUSTOMER']],
      ['public.mailing', 'UNRELATED', null, []],
      ['public.payment', 'LINKED', null, ['CUSTOMER']],
      ['public.rental', 'LINKED', null, ['CUSTOMER']],
      ['public.warehouse', 'UNRELATED', null, []],
    ]);
  });
});
