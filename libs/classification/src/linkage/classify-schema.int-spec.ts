import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connectorFor } from '@cartographer/discovery';
import type { DiscoveredSource } from '@cartographer/discovery';
import { uniqueId } from '@cartographer/testing';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { classifyField } from '../classify/classify-field.js';
import { classifySchema } from './classify-schema.js';
import type { DatasetLinkage, SchemaClassification } from './linkage.types.js';

// Real servers, each test run in its own database: PostgreSQL (trust) and MariaDB on the machine, or
// the ones POSTGRES_URL / MARIADB_URL name.
const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MARIADB_URL = process.env.MARIADB_URL ?? 'mysql://root@127.0.0.1:3306';
const NOW = new Date('2025-06-30T00:00:00.000Z');

const FIRST = [
  'Jean',
  'Marie',
  'Zoé',
  'Loïc',
  'Hélène',
  'Karim',
  'Aïcha',
  'Oliver',
  'Amelia',
  'Søren',
  'Nguyen',
  'Ifeoma',
];
const LAST = ['Dupont', 'Martin', 'Smith', "O'Brien", 'Kowalczyk', 'Diallo', 'Nakamura', 'Haddad', 'Jones', 'Moreau'];
const COMPANIES = ['Acme SA', 'Globex Ltd', 'Initech', 'Umbrella Corp', 'Vandelay Industries'];

/**
 * A tennis and fitness club: a person table (member), a table one hop away (booking), a many-to-many
 * link table (member_activity), a table two hops away (booking_payment), a reference table the person
 * table points to (country), things pointed to by linked rows (court, activity), and an unrelated table.
 * Written once for both engines: only portable types and statements.
 */
function fixture(): string[] {
  const sql: string[] = [
    `CREATE TABLE country (code CHAR(2) PRIMARY KEY, name VARCHAR(80) NOT NULL)`,
    `CREATE TABLE member (
       id INTEGER PRIMARY KEY, first_name VARCHAR(60) NOT NULL, last_name VARCHAR(60) NOT NULL,
       email VARCHAR(120) NOT NULL, birth_date DATE, country_code CHAR(2),
       company VARCHAR(80), joined_on DATE NOT NULL, status VARCHAR(12) NOT NULL,
       CONSTRAINT fk_member_country FOREIGN KEY (country_code) REFERENCES country(code))`,
    `CREATE TABLE court (id INTEGER PRIMARY KEY, label VARCHAR(40) NOT NULL, surface VARCHAR(20) NOT NULL)`,
    `CREATE TABLE booking (
       id INTEGER PRIMARY KEY, member_id INTEGER NOT NULL, court_id INTEGER NOT NULL,
       booked_at TIMESTAMP NOT NULL, amount DECIMAL(8,2) NOT NULL,
       CONSTRAINT fk_booking_member FOREIGN KEY (member_id) REFERENCES member(id),
       CONSTRAINT fk_booking_court FOREIGN KEY (court_id) REFERENCES court(id))`,
    `CREATE TABLE activity (id INTEGER PRIMARY KEY, label VARCHAR(60) NOT NULL)`,
    `CREATE TABLE member_activity (
       member_id INTEGER NOT NULL, activity_id INTEGER NOT NULL, enrolled_on DATE NOT NULL,
       PRIMARY KEY (member_id, activity_id),
       CONSTRAINT fk_ma_member FOREIGN KEY (member_id) REFERENCES member(id),
       CONSTRAINT fk_ma_activity FOREIGN KEY (activity_id) REFERENCES activity(id))`,
    `CREATE TABLE booking_payment (
       id INTEGER PRIMARY KEY, booking_id INTEGER NOT NULL, paid_at TIMESTAMP NOT NULL,
       amount DECIMAL(8,2) NOT NULL, method VARCHAR(12) NOT NULL,
       CONSTRAINT fk_payment_booking FOREIGN KEY (booking_id) REFERENCES booking(id))`,
    `CREATE TABLE newsletter_template (
       id INTEGER PRIMARY KEY, subject VARCHAR(120) NOT NULL, body TEXT NOT NULL, created_at TIMESTAMP NOT NULL)`,
    `INSERT INTO country VALUES ('FR', 'France'), ('GB', 'United Kingdom'), ('DE', 'Germany'), ('IE', 'Ireland')`,
    `INSERT INTO court VALUES (1, 'Court 1', 'clay'), (2, 'Court 2', 'hard'), (3, 'Centre court', 'grass')`,
    `INSERT INTO activity VALUES (1, 'Tennis'), (2, 'Yoga'), (3, 'Swimming'), (4, 'Pilates')`,
  ];
  const pad = (n: number): string => String(n).padStart(2, '0');
  const members: string[] = [];
  for (let i = 1; i <= 60; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i * 7) % LAST.length];
    const email = `${first
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase()}.${i}@example.org`;
    members.push(
      `(${i}, '${first}', '${last.replace("'", "''")}', '${email}', '${1950 + (i % 50)}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}', ` +
        `'${['FR', 'GB', 'DE', 'IE'][i % 4]}', '${COMPANIES[i % COMPANIES.length]}', '20${pad(16 + (i % 9))}-0${1 + (i % 9)}-15', '${i % 5 === 0 ? 'lapsed' : 'active'}')`,
    );
  }
  sql.push(`INSERT INTO member VALUES ${members.join(', ')}`);
  const bookings: string[] = [];
  const payments: string[] = [];
  for (let i = 1; i <= 120; i++) {
    const at = `2025-0${1 + (i % 6)}-${pad(1 + (i % 27))} ${pad(8 + (i % 12))}:00:00`;
    bookings.push(`(${i}, ${1 + ((i * 13) % 60)}, ${1 + (i % 3)}, '${at}', ${(12 + (i % 5) * 4).toFixed(2)})`);
    payments.push(`(${i}, ${i}, '${at}', ${(12 + (i % 5) * 4).toFixed(2)}, '${['card', 'cash', 'transfer'][i % 3]}')`);
  }
  sql.push(`INSERT INTO booking VALUES ${bookings.join(', ')}`);
  sql.push(`INSERT INTO booking_payment VALUES ${payments.join(', ')}`);
  const enrolments: string[] = [];
  for (let m = 1; m <= 60; m++) {
    for (let a = 1; a <= 1 + (m % 3); a++) enrolments.push(`(${m}, ${a}, '2024-${pad(1 + ((m + a) % 12))}-01')`);
  }
  sql.push(`INSERT INTO member_activity VALUES ${enrolments.join(', ')}`);
  sql.push(
    `INSERT INTO newsletter_template VALUES (1, 'Summer tournament', 'Sign up for the summer tournament at the front desk.', '2025-05-01 10:00:00'),
       (2, 'New yoga classes', 'Two new classes start in September.', '2025-06-01 10:00:00')`,
  );
  return sql;
}

/** What the scan will do: classify every discovered field with its sample, then run the dataset-level pass. */
function classifySource(source: DiscoveredSource): SchemaClassification {
  return classifySchema({
    datasets: source.datasets.map((dataset) => {
      const sample = dataset.sample;
      return {
        name: dataset.name,
        description: dataset.description,
        primaryKey: dataset.primaryKey,
        foreignKeys: dataset.foreignKeys,
        fields: dataset.fields.map((field) => {
          const index = sample?.columns.indexOf(field.name) ?? -1;
          const values = sample !== undefined && index >= 0 ? sample.rows.map((row) => row[index] ?? null) : undefined;
          return {
            name: field.name,
            dataType: field.dataType,
            typeFamily: field.typeFamily,
            metrics: field.metrics,
            classification: classifyField(
              {
                dataset: dataset.name,
                field: field.name,
                dataType: field.dataType,
                comment: field.comment,
                sample: values,
              },
              { referenceDate: NOW },
            ),
          };
        }),
      };
    }),
  });
}

function rows(d: DatasetLinkage): [string, string, string | null, string[]][] {
  return d.fields.map((f) => [f.field, f.tier, f.category ?? f.linkedCategory, f.linkedTo.map((l) => l.explanation)]);
}

/** The expected result, whatever the engine calls the schema (`club.` in PostgreSQL, the database in MariaDB). */
function expectClub(result: SchemaClassification, schema: string): void {
  const p = `${schema}.`;
  const by = (name: string): DatasetLinkage => {
    const d = result.datasets.find((x) => x.dataset === p + name);
    if (d === undefined) throw new Error(`no dataset ${p + name}`);
    return d;
  };
  const row = `a row of ${p}member (members)`;
  const oneHop = `linked to ${p}member through booking.member_id`;
  const link = `linked to ${p}member through member_activity.member_id`;
  const twoHops = `linked to ${p}member through booking_payment.booking_id → booking.member_id`;
  expect(
    [...result.datasets]
      .sort((a, b) => (a.dataset < b.dataset ? -1 : 1))
      .map((d) => [d.dataset, d.role, d.subjectKind]),
  ).toEqual([
    [`${p}activity`, 'REFERENCE', null],
    [`${p}booking`, 'LINKED', null],
    [`${p}booking_payment`, 'LINKED', null],
    [`${p}country`, 'REFERENCE', null],
    [`${p}court`, 'REFERENCE', null],
    [`${p}member`, 'PERSON', 'MEMBER'],
    [`${p}member_activity`, 'LINKED', null],
    [`${p}newsletter_template`, 'UNRELATED', null],
  ]);
  expect(rows(by('member'))).toEqual([
    ['id', 'DIRECT_IDENTIFIER', 'INTERNAL_ID', [row]],
    ['first_name', 'DIRECT_IDENTIFIER', 'IDENTITY', [row]],
    ['last_name', 'DIRECT_IDENTIFIER', 'IDENTITY', [row]],
    ['email', 'DIRECT_IDENTIFIER', 'CONTACT', [row]],
    ['birth_date', 'QUASI_IDENTIFIER', 'BIRTH_DATE', [row]],
    ['country_code', 'LINKED_ATTRIBUTE', 'LOCATION', [row]],
    ['company', 'LINKED_ATTRIBUTE', 'PROFESSIONAL', [row]],
    ['joined_on', 'LINKED_ATTRIBUTE', 'METADATA', [row]],
    ['status', 'LINKED_ATTRIBUTE', 'METADATA', [row]],
  ]);
  expect(rows(by('country'))).toEqual([
    ['code', 'NONE', null, []],
    ['name', 'NONE', null, []],
  ]);
  expect(by('country').evidence).toEqual([
    {
      rule: 'reference.not-linked',
      explanation:
        'Pointed to by member.country_code, but a reference list or shared thing: its rows describe no one, its labels are not personal.',
    },
  ]);
  expect(rows(by('booking'))).toEqual([
    ['id', 'LINKED_ATTRIBUTE', 'METADATA', [oneHop]],
    ['member_id', 'DIRECT_IDENTIFIER', 'INTERNAL_ID', [oneHop]],
    ['court_id', 'LINKED_ATTRIBUTE', 'BEHAVIOUR', [oneHop]],
    ['booked_at', 'LINKED_ATTRIBUTE', 'BEHAVIOUR', [oneHop]],
    ['amount', 'LINKED_ATTRIBUTE', 'FINANCIAL', [oneHop]],
  ]);
  expect(by('member_activity').linkTable).toBe(true);
  expect(rows(by('member_activity'))).toEqual([
    ['member_id', 'DIRECT_IDENTIFIER', 'INTERNAL_ID', [link]],
    ['activity_id', 'LINKED_ATTRIBUTE', 'BEHAVIOUR', [link]],
    ['enrolled_on', 'LINKED_ATTRIBUTE', 'BEHAVIOUR', [link]],
  ]);
  expect(rows(by('booking_payment'))).toEqual([
    ['id', 'LINKED_ATTRIBUTE', 'METADATA', [twoHops]],
    ['booking_id', 'LINKED_ATTRIBUTE', 'METADATA', [twoHops]],
    ['paid_at', 'LINKED_ATTRIBUTE', 'BEHAVIOUR', [twoHops]],
    ['amount', 'LINKED_ATTRIBUTE', 'FINANCIAL', [twoHops]],
    ['method', 'LINKED_ATTRIBUTE', 'FINANCIAL', [twoHops]],
  ]);
  expect(by('booking_payment').linkedTo[0].path.map((h) => [h.kind, h.from, h.fromFields, h.to, h.toFields])).toEqual([
    ['FOREIGN_KEY', `${p}booking_payment`, ['booking_id'], `${p}booking`, ['id']],
    ['FOREIGN_KEY', `${p}booking`, ['member_id'], `${p}member`, ['id']],
  ]);
  for (const name of ['court', 'activity', 'newsletter_template']) {
    expect(rows(by(name)).every(([, tier]) => tier === 'NONE')).toBe(true);
  }
  expect(by('booking_payment').register).toEqual({
    dataset: `${p}booking_payment`,
    subjectKinds: ['MEMBER'],
    personalDataCategories: [],
    linkedCategories: ['BEHAVIOUR', 'FINANCIAL', 'METADATA'],
    specialCategories: [],
    fieldsByTier: { DIRECT_IDENTIFIER: 0, QUASI_IDENTIFIER: 0, LINKED_ATTRIBUTE: 5 },
  });
}

describe('classifySchema on discovered databases', () => {
  describe('PostgreSQL', () => {
    const database = uniqueId('carto_link_');
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${database}`;
    const withClient = async (target: string, run: (client: pg.Client) => Promise<void>): Promise<void> => {
      const client = new pg.Client({ connectionString: target });
      await client.connect();
      try {
        await run(client);
      } finally {
        await client.end();
      }
    };

    beforeAll(async () => {
      await withClient(POSTGRES_URL, (admin) => admin.query(`CREATE DATABASE ${database}`).then(() => undefined));
      await withClient(url.toString(), async (client) => {
        await client.query('CREATE SCHEMA club');
        await client.query('SET search_path TO club');
        for (const statement of fixture()) await client.query(statement);
      });
    });

    afterAll(async () => {
      await withClient(POSTGRES_URL, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).then(() => undefined),
      );
    });

    it('gives each field its tier, category and evidence path', async () => {
      const source = await connectorFor(url.toString(), { name: 'club' }).discover({ now: NOW });
      expect(source.errors).toEqual([]);
      expectClub(classifySource(source), 'club');
    });
  });

  describe('MariaDB', () => {
    const database = uniqueId('carto_link_');
    const server = new URL(MARIADB_URL);
    const withConnection = async (run: (connection: mysql.Connection) => Promise<void>): Promise<void> => {
      const connection = await mysql.createConnection({
        host: server.hostname,
        port: Number(server.port || 3306),
        user: decodeURIComponent(server.username) || 'root',
        password: decodeURIComponent(server.password) || undefined,
      });
      try {
        await run(connection);
      } finally {
        await connection.end();
      }
    };

    beforeAll(async () => {
      await withConnection(async (connection) => {
        await connection.query(`CREATE DATABASE ${database} CHARACTER SET utf8mb4`);
        await connection.query(`USE ${database}`);
        for (const statement of fixture()) await connection.query(statement);
      });
    });

    afterAll(async () => {
      await withConnection((connection) =>
        connection.query(`DROP DATABASE IF EXISTS ${database}`).then(() => undefined),
      );
    });

    it('gives each field its tier, category and evidence path', async () => {
      const url = new URL(MARIADB_URL);
      url.pathname = `/${database}`;
      const source = await connectorFor(url.toString(), { name: 'club' }).discover({ now: NOW });
      expect(source.errors).toEqual([]);
      expectClub(classifySource(source), database);
    });
  });
});
