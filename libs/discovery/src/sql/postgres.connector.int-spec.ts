import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { testStores, uniqueId } from '@cartographer/testing';
import pg from 'pg';
import { connectorFor } from '../connector-for.js';
import { DiscoveryError, DiscoveryErrorCode } from '../discovery.errors.js';
import type { DiscoveredDataset, DiscoveredSource } from '../discovery.types.js';

const NOW = new Date('2025-06-30T00:00:00.000Z');
const FIRST_NAMES = ['Jean', 'Marie', 'Zoé', 'Loïc', 'Hélène', 'Karim', 'Aïcha', 'Søren'];
const LAST_NAMES = ['Dupont', 'Martin', 'Ölçer', "O'Brien", 'Nguyễn'];

function urlFor(base: string, database: string, credentials?: { user: string; password: string }): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  if (credentials) {
    url.username = credentials.user;
    url.password = credentials.password;
  }
  return url.toString();
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const byName = (source: DiscoveredSource, name: string): DiscoveredDataset => {
  const found = source.datasets.find((dataset) => dataset.name === name);
  if (!found) throw new Error(`no dataset ${name}`);
  return found;
};
const columns = (dataset: DiscoveredDataset) => dataset.fields.map(({ metrics: _metrics, ...field }) => field);

/**
 * A made-up shop: customers with personal data (names, emails, phones, birth dates, a photo, a
 * 1 MB biography), orders and composite keys, a commented view, materialized views (one never
 * populated), hostile names, a 150k-row table for TABLESAMPLE, and a view that tries to write.
 */
const FIXTURE_SQL = `
CREATE SCHEMA crm;
CREATE TYPE crm.gender AS ENUM ('F', 'M', 'X');
CREATE TABLE crm.customers (
  id serial PRIMARY KEY,
  first_name text NOT NULL,
  last_name varchar(80) NOT NULL,
  email varchar(320) UNIQUE,
  phone text,
  birth_date date,
  gender crm.gender,
  created_at timestamptz NOT NULL,
  photo bytea,
  biography text,
  profile jsonb,
  external_id uuid
);
COMMENT ON TABLE crm.customers IS 'Customers of the web shop';
COMMENT ON COLUMN crm.customers.email IS 'Contact email address';
COMMENT ON COLUMN crm.customers.birth_date IS 'Date of birth';
INSERT INTO crm.customers (first_name, last_name, email, phone, birth_date, gender, created_at, photo, biography, profile, external_id)
SELECT ($1::text[])[1 + g % 8], ($2::text[])[1 + g % 5], 'client' || g || '@example.fr',
       CASE WHEN g % 4 = 0 THEN NULL ELSE '+33 6 ' || lpad((g * 7919 % 100000000)::text, 8, '0') END,
       date '1960-01-01' + g * 211, (ARRAY['F','M','X'])[1 + g % 3]::crm.gender,
       $3::timestamptz - make_interval(days => g),
       CASE WHEN g % 2 = 0 THEN decode(repeat('ff', 2048), 'hex') END,
       CASE WHEN g = 1 THEN repeat('x', 1000000) ELSE 'Bio ' || g END,
       jsonb_build_object('newsletter', g % 2 = 0), md5(g::text)::uuid
FROM generate_series(1, 40) g;
CREATE TABLE crm.orders (
  id bigint PRIMARY KEY,
  customer_id int NOT NULL REFERENCES crm.customers(id),
  ordered_on date NOT NULL,
  amount numeric(10, 2)
);
INSERT INTO crm.orders SELECT g, 1 + g % 40, date '2025-01-01' + g, g * 1.5 FROM generate_series(1, 120) g;
CREATE TABLE crm.order_lines (order_id bigint REFERENCES crm.orders(id), line_no int, sku text, PRIMARY KEY (order_id, line_no));
CREATE TABLE crm.shipments (
  id int PRIMARY KEY, order_id bigint, line_no int, shipped boolean,
  CONSTRAINT shipments_line_fk FOREIGN KEY (order_id, line_no) REFERENCES crm.order_lines(order_id, line_no)
);
CREATE VIEW crm.customer_contacts AS SELECT id, email, phone FROM crm.customers;
COMMENT ON VIEW crm.customer_contacts IS 'Contact details for the call centre';
CREATE MATERIALIZED VIEW crm.orders_per_customer AS SELECT customer_id, count(*) AS orders FROM crm.orders GROUP BY customer_id;
CREATE MATERIALIZED VIEW crm.stale_report AS SELECT 1 AS n WITH NO DATA;
CREATE SCHEMA "Sales ""EU""";
CREATE TABLE "Sales ""EU"""."Clients; DROP TABLE x --" ("Prénom" text, "e-mail address" text, "🙂" int, "a""b" text);
INSERT INTO "Sales ""EU"""."Clients; DROP TABLE x --" VALUES ('Zoé', 'zoe@example.fr', 1, 'q"uote'), (NULL, 'lea@example.fr', 2, NULL);
CREATE SCHEMA bulk;
CREATE TABLE bulk.events (id bigint PRIMARY KEY, email text, created_at timestamptz);
-- One event a minute over 104 days, in shuffled order (7919 is prime to 150000) so no page is all recent.
INSERT INTO bulk.events SELECT g, 'visitor' || g || '@example.org',
  timestamptz '2025-06-30T00:00:00Z' - make_interval(secs => (g * 7919 % 150000) * 60) FROM generate_series(1, 150000) g;
ANALYZE bulk.events;
CREATE SCHEMA audit;
CREATE TABLE audit.log (n int);
CREATE FUNCTION audit.touch() RETURNS int LANGUAGE plpgsql VOLATILE AS $f$ BEGIN INSERT INTO audit.log VALUES (1); RETURN 1; END $f$;
CREATE VIEW audit.sneaky AS SELECT audit.touch() AS touched;
`;

describe('PostgresConnector', () => {
  const { databaseUrl } = testStores();
  const database = uniqueId('carto_disc_');
  const url = urlFor(databaseUrl, database);
  const reader = { user: `${database}_reader`, password: `pw-${uniqueId()}` };

  beforeAll(async () => {
    await withClient(databaseUrl, (admin) => admin.query(`CREATE DATABASE ${database}`));
    await withClient(url, async (client) => {
      // Extended protocol allows one statement per query: run the fixture statement by statement.
      for (const statement of FIXTURE_SQL.split(/;\n/).filter((s) => s.trim())) {
        await client.query(statement, statement.includes('$1') ? [FIRST_NAMES, LAST_NAMES, NOW.toISOString()] : []);
      }
      await client.query(`CREATE ROLE ${reader.user} LOGIN PASSWORD '${reader.password}'`);
      await client.query(`GRANT USAGE ON SCHEMA crm TO ${reader.user}`);
      await client.query(`GRANT SELECT ON crm.customers, crm.orders TO ${reader.user}`);
    });
    // Insert counters reach pg_stat once the writing backend has reported: wait for them.
    await withClient(url, async (client) => {
      for (let i = 0; i < 100; i++) {
        const { rows } = await client.query(`SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'customers'`);
        if (Number(rows[0].n_tup_ins) === 40) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
  });

  afterAll(async () => {
    await withClient(databaseUrl, async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${reader.user}`);
    });
  });

  it('describes schemas, relations, columns, keys, comments, counts and velocity', async () => {
    const source = await connectorFor(url, { name: 'shop' }).discover({ now: NOW, exclude: ['bulk.*', 'audit.*'] });
    const { hostname, port } = new URL(databaseUrl);
    expect(source).toMatchObject({
      name: 'shop',
      engine: 'postgresql',
      kind: 'RELATIONAL_DATABASE',
      structure: 'STRUCTURED',
      accessMethods: ['SQL'],
      location: { host: hostname, port: Number(port), database },
    });
    expect(source.datasets.map((d) => [d.name, d.kind, d.rowCount, d.rowCountExact])).toEqual([
      ['Sales "EU".Clients; DROP TABLE x --', 'TABLE', 2, true],
      ['crm.customer_contacts', 'VIEW', 40, true],
      ['crm.customers', 'TABLE', 40, true],
      ['crm.order_lines', 'TABLE', 0, true],
      ['crm.orders', 'TABLE', 120, true],
      ['crm.orders_per_customer', 'MATERIALIZED_VIEW', 40, true],
      ['crm.shipments', 'TABLE', 0, true],
      ['crm.stale_report', 'MATERIALIZED_VIEW', 0, false],
    ]);
    expect(source.errors).toEqual([
      {
        dataset: 'crm.stale_report',
        code: DiscoveryErrorCode.DATASET_UNREADABLE,
        message: 'materialized view is not populated (created WITH NO DATA): not sampled',
      },
    ]);

    const customers = byName(source, 'crm.customers');
    const sizes = await withClient(url, async (client) => {
      const { rows } = await client.query(
        `SELECT pg_total_relation_size('crm.customers')::text AS customers, pg_total_relation_size('crm.orders')::text AS orders`,
      );
      return rows[0];
    });
    expect({ ...customers, fields: columns(customers) }).toEqual({
      name: 'crm.customers',
      kind: 'TABLE',
      description: 'Customers of the web shop',
      rowCount: 40,
      rowCountExact: true,
      bytes: Number(sizes.customers),
      primaryKey: ['id'],
      foreignKeys: [],
      insertCounter: 40,
      velocity: {
        rowsPerDay: 1,
        basis: 'timestamp column created_at: 30 rows in the 30 days before 2025-06-30T00:00:00.000Z',
      },
      fields: [
        { name: 'id', ordinal: 1, dataType: 'integer', typeFamily: 'integer', nullable: false },
        { name: 'first_name', ordinal: 2, dataType: 'text', typeFamily: 'string', nullable: false },
        { name: 'last_name', ordinal: 3, dataType: 'character varying(80)', typeFamily: 'string', nullable: false },
        {
          name: 'email',
          ordinal: 4,
          dataType: 'character varying(320)',
          typeFamily: 'string',
          nullable: true,
          comment: 'Contact email address',
        },
        { name: 'phone', ordinal: 5, dataType: 'text', typeFamily: 'string', nullable: true },
        {
          name: 'birth_date',
          ordinal: 6,
          dataType: 'date',
          typeFamily: 'date',
          nullable: true,
          comment: 'Date of birth',
        },
        { name: 'gender', ordinal: 7, dataType: 'crm.gender', typeFamily: 'string', nullable: true },
        {
          name: 'created_at',
          ordinal: 8,
          dataType: 'timestamp with time zone',
          typeFamily: 'timestamp',
          nullable: false,
        },
        { name: 'photo', ordinal: 9, dataType: 'bytea', typeFamily: 'binary', nullable: true },
        { name: 'biography', ordinal: 10, dataType: 'text', typeFamily: 'string', nullable: true },
        { name: 'profile', ordinal: 11, dataType: 'jsonb', typeFamily: 'json', nullable: true },
        { name: 'external_id', ordinal: 12, dataType: 'uuid', typeFamily: 'uuid', nullable: true },
      ],
    });
    const metrics = Object.fromEntries(customers.fields.map((f) => [f.name, f.metrics]));
    expect(metrics.email).toEqual({ sampled: 40, nullRatio: 0, distinctEstimate: 40, minLength: 18, maxLength: 19 });
    expect(metrics.phone).toEqual({ sampled: 40, nullRatio: 0.25, distinctEstimate: 30, minLength: 14, maxLength: 14 });
    expect(metrics.gender).toEqual({ sampled: 40, nullRatio: 0, distinctEstimate: 3, minLength: 1, maxLength: 1 });
    // Binary: lengths in bytes, distinct by digest, never in the sample.
    expect(metrics.photo).toEqual({
      sampled: 40,
      nullRatio: 0.5,
      distinctEstimate: 1,
      minLength: 2048,
      maxLength: 2048,
    });
    expect(metrics.biography).toEqual({
      sampled: 40,
      nullRatio: 0,
      distinctEstimate: 40,
      minLength: 5,
      maxLength: 1_000_000,
    });

    const sample = customers.sample!;
    expect([sample.method, sample.rows.length, sample.columns]).toEqual([
      'all',
      40,
      [
        'id',
        'first_name',
        'last_name',
        'email',
        'phone',
        'birth_date',
        'gender',
        'created_at',
        'biography',
        'profile',
        'external_id',
      ],
    ]);
    const first = sample.rows.find((row) => row[0] === '1')!;
    expect(first).toEqual([
      '1',
      'Marie',
      'Martin',
      'client1@example.fr',
      '+33 6 00007919',
      '1960-07-30',
      'M',
      '2025-06-29 00:00:00+00',
      'x'.repeat(256),
      '{"newsletter": false}',
      'c4ca4238-a0b9-2382-0dcc-509a6f75849b',
    ]);

    const orders = byName(source, 'crm.orders');
    expect([orders.primaryKey, orders.foreignKeys, orders.bytes, orders.velocity]).toEqual([
      ['id'],
      [
        {
          name: 'orders_customer_id_fkey',
          columns: ['customer_id'],
          references: { dataset: 'crm.customers', columns: ['id'] },
        },
      ],
      Number(sizes.orders),
      undefined,
    ]);
    expect([byName(source, 'crm.order_lines').primaryKey, byName(source, 'crm.shipments').foreignKeys]).toEqual([
      ['order_id', 'line_no'],
      [
        {
          name: 'shipments_line_fk',
          columns: ['order_id', 'line_no'],
          references: { dataset: 'crm.order_lines', columns: ['order_id', 'line_no'] },
        },
      ],
    ]);
    const view = byName(source, 'crm.customer_contacts');
    expect([view.description, view.bytes, view.primaryKey, columns(view)]).toEqual([
      'Contact details for the call centre',
      0,
      [],
      [
        { name: 'id', ordinal: 1, dataType: 'integer', typeFamily: 'integer', nullable: true },
        { name: 'email', ordinal: 2, dataType: 'character varying(320)', typeFamily: 'string', nullable: true },
        { name: 'phone', ordinal: 3, dataType: 'text', typeFamily: 'string', nullable: true },
      ],
    ]);
    expect([byName(source, 'crm.stale_report').sample, byName(source, 'crm.stale_report').fields[0].metrics]).toEqual([
      undefined,
      { sampled: 0, nullRatio: 0, distinctEstimate: 0 },
    ]);

    const hostile = byName(source, 'Sales "EU".Clients; DROP TABLE x --');
    expect([hostile.fields.map((f) => f.name), hostile.sample]).toEqual([
      ['Prénom', 'e-mail address', '🙂', 'a"b'],
      {
        method: 'all',
        columns: ['Prénom', 'e-mail address', '🙂', 'a"b'],
        rows: [
          ['Zoé', 'zoe@example.fr', '1', 'q"uote'],
          [null, 'lea@example.fr', '2', null],
        ],
      },
    ]);

    expect(source.metrics).toEqual({
      datasets: 8,
      fields: 33,
      rows: 242,
      bytes: source.datasets.reduce((sum, d) => sum + d.bytes, 0),
      rowsPerDay: 1,
      typeMix: { binary: 1, boolean: 1, date: 2, decimal: 1, integer: 13, json: 1, string: 12, timestamp: 1, uuid: 1 },
    });
    // Neither sampled values nor credentials survive serialisation.
    const serialised = JSON.stringify(source);
    for (const raw of ['client1@example.fr', 'Zoé', 'xxxxxxxx', 'Bio 2']) expect(serialised.includes(raw)).toBe(false);
  });

  it('bounds the sample by sampleSize and cuts values at maxValueLength', async () => {
    const source = await connectorFor(url).discover({ include: ['crm.customers'], sampleSize: 7, maxValueLength: 16 });
    const customers = source.datasets[0];
    expect([customers.sample?.method, customers.sample?.rows.length, customers.fields[9].metrics.sampled]).toEqual([
      'random',
      7,
      7,
    ]);
    const longest = Math.max(...customers.sample!.rows.flat().map((value) => (value ?? '').length));
    expect(longest).toBe(16);
    expect(new Set(customers.sample!.rows.map((row) => row[0])).size).toBe(7);
  });

  it('samples a large table with TABLESAMPLE and trusts the catalog estimate', async () => {
    const source = await connectorFor(url).discover({ include: ['bulk.*'], now: NOW });
    const events = source.datasets[0];
    const estimate = await withClient(url, async (client) => {
      const { rows } = await client.query(
        `SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'bulk.events'::regclass`,
      );
      return Math.round(rows[0].n);
    });
    expect([events.rowCount, events.rowCountExact, events.sample?.method, events.sample?.rows.length]).toEqual([
      estimate,
      false,
      'system',
      1000,
    ]);
    // Velocity scaled from the sample: one event a minute is 1440 a day.
    expect(events.velocity!.basis).toMatch(
      /^timestamp column created_at: \d+ of 1000 sampled rows in the 30 days before 2025-06-30T00:00:00.000Z, scaled to \d+ rows$/,
    );
    expect(events.velocity!.rowsPerDay).toBeGreaterThan(1150);
    expect(events.velocity!.rowsPerDay).toBeLessThan(1750);
  });

  it('never writes: a view whose function writes is refused by the read-only transaction', async () => {
    const before = await withClient(url, (client) => client.query('SELECT count(*)::int AS n FROM audit.log'));
    const source = await connectorFor(url).discover({ include: ['audit.*'] });
    const refused = 'cannot execute INSERT in a read-only transaction (SQLSTATE 25006)';
    expect(source.errors).toEqual([
      {
        dataset: 'audit.sneaky',
        code: DiscoveryErrorCode.READ_ONLY_VIOLATION,
        message: `row count failed: ${refused}`,
      },
      { dataset: 'audit.sneaky', code: DiscoveryErrorCode.READ_ONLY_VIOLATION, message: `sampling failed: ${refused}` },
    ]);
    const after = await withClient(url, (client) => client.query('SELECT count(*)::int AS n FROM audit.log'));
    expect([before.rows[0].n, after.rows[0].n]).toEqual([0, 0]);
  });

  it('fails only the table another session holds locked, within the timeout', async () => {
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE crm.orders IN ACCESS EXCLUSIVE MODE');
      const started = performance.now();
      const source = await connectorFor(url).discover({
        include: ['crm.orders', 'crm.order_lines'],
        statementTimeoutMs: 500,
      });
      expect(performance.now() - started).toBeLessThan(5000);
      expect([source.datasets.map((d) => [d.name, d.rowCountExact]), source.errors]).toEqual([
        [
          ['crm.order_lines', true],
          ['crm.orders', false],
        ],
        [
          {
            dataset: 'crm.orders',
            code: DiscoveryErrorCode.STATEMENT_TIMEOUT,
            message: 'reading failed: canceling statement due to lock timeout (SQLSTATE 55P03)',
          },
        ],
      ]);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
  });

  it('works with SELECT alone, reports what it may not read, and never shows the password', async () => {
    const readerUrl = urlFor(databaseUrl, database, reader);
    const source = await connectorFor(readerUrl).discover({ include: ['crm.*'], exclude: ['crm.stale_report'] });
    expect(source.datasets.map((d) => [d.name, d.rowCount, d.sample?.rows.length])).toEqual([
      ['crm.customer_contacts', 0, undefined],
      ['crm.customers', 40, 40],
      ['crm.order_lines', 0, undefined],
      ['crm.orders', 120, 120],
      ['crm.orders_per_customer', 0, undefined],
      ['crm.shipments', 0, undefined],
    ]);
    expect(source.errors.map((e) => [e.dataset, e.code, e.message])).toEqual(
      ['customer_contacts', 'order_lines', 'orders_per_customer', 'shipments'].flatMap((name) => {
        const kind =
          name === 'customer_contacts' ? 'view' : name === 'orders_per_customer' ? 'materialized view' : 'table';
        const denied = `permission denied for ${kind} ${name} (SQLSTATE 42501)`;
        return [
          [`crm.${name}`, DiscoveryErrorCode.PERMISSION_DENIED, `row count failed: ${denied}`],
          [`crm.${name}`, DiscoveryErrorCode.PERMISSION_DENIED, `sampling failed: ${denied}`],
        ];
      }),
    );
    expect(JSON.stringify(source).includes(reader.password)).toBe(false);

    const wrong = urlFor(databaseUrl, database, { user: reader.user, password: `${reader.password}-wrong` });
    const failure = await connectorFor(wrong)
      .discover()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DiscoveryError);
    expect([(failure as DiscoveryError).code, (failure as DiscoveryError).message.includes(reader.password)]).toEqual([
      DiscoveryErrorCode.AUTHENTICATION_FAILED,
      false,
    ]);
  });

  it('scans a thousand tables with bounded connections, streaming datasets out', async () => {
    const many = `${database}_many`;
    const manyUrl = urlFor(databaseUrl, many);
    await withClient(databaseUrl, (admin) => admin.query(`CREATE DATABASE ${many}`));
    try {
      await withClient(manyUrl, (client) =>
        client.query(`DO $$ BEGIN FOR i IN 1..1000 LOOP
          EXECUTE format('CREATE TABLE t%s (id int PRIMARY KEY, email text)', lpad(i::text, 4, '0'));
          EXECUTE format('INSERT INTO t%s VALUES (1, %L), (2, NULL)', lpad(i::text, 4, '0'), 'a' || i || '@example.org');
        END LOOP; END $$`),
      );
      let streamed = 0;
      let peakConnections = 0;
      const watcher = new pg.Client({ connectionString: databaseUrl });
      await watcher.connect();
      const watching = setInterval(() => {
        watcher
          .query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'cartographer-discovery'`,
            [many],
          )
          .then(({ rows }) => (peakConnections = Math.max(peakConnections, rows[0].n)))
          .catch(() => undefined);
      }, 20);
      const progress: number[] = [];
      const source = await connectorFor(manyUrl)
        .discover({
          concurrency: 3,
          retainSamples: false,
          onDataset: (dataset) => {
            if (dataset.sample?.rows.length === 2) streamed++;
          },
          onProgress: ({ done }) => progress.push(done),
        })
        .finally(async () => {
          clearInterval(watching);
          await watcher.end();
        });
      expect([source.datasets.length, source.errors, source.metrics.rows, streamed]).toEqual([1000, [], 2000, 1000]);
      expect([progress.length, progress.at(-1), source.datasets.every((d) => d.sample === undefined)]).toEqual([
        1001,
        1000,
        true,
      ]);
      expect(peakConnections).toBeLessThanOrEqual(3);
      expect(peakConnections).toBeGreaterThan(0);

      // An abort stops the scan early, rejects, and leaves no connection behind.
      const controller = new AbortController();
      let reported = 0;
      await expect(
        connectorFor(manyUrl).discover({
          concurrency: 3,
          signal: controller.signal,
          onProgress: ({ done }) => {
            reported = done;
            if (done === 10) controller.abort();
          },
        }),
      ).rejects.toThrow(new DiscoveryError(DiscoveryErrorCode.ABORTED, 'the scan was aborted'));
      expect(reported).toBeLessThan(20);
      const remaining = await withClient(databaseUrl, async (admin) => {
        for (let i = 0; i < 50; i++) {
          const { rows } = await admin.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'cartographer-discovery'`,
            [many],
          );
          if (rows[0].n === 0) return 0;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return -1;
      });
      expect(remaining).toBe(0);
    } finally {
      await withClient(databaseUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${many} WITH (FORCE)`));
    }
  });

  it('ends with what it got when the database goes away mid-scan', async () => {
    const gone = `${database}_gone`;
    const goneUrl = urlFor(databaseUrl, gone);
    await withClient(databaseUrl, (admin) => admin.query(`CREATE DATABASE ${gone}`));
    try {
      await withClient(goneUrl, async (client) => {
        for (const name of ['a1', 'a2', 'c1', 'c2']) {
          await client.query(`CREATE TABLE ${name} (id int PRIMARY KEY, email text)`);
          await client.query(`INSERT INTO ${name} VALUES (1, 'someone@example.org')`);
        }
        await client.query(
          `CREATE FUNCTION slow(i int) RETURNS int LANGUAGE sql VOLATILE AS 'SELECT i FROM pg_sleep(0.2)'`,
        );
        await client.query(`CREATE VIEW b_slow AS SELECT slow(g) AS n FROM generate_series(1, 100) g`);
      });
      const scan = connectorFor(goneUrl).discover({ concurrency: 1 });
      // Once the slow view is being read, refuse new connections and kill the scanner's backend.
      await withClient(databaseUrl, async (admin) => {
        for (;;) {
          const { rows } = await admin.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND query LIKE '%b_slow%'`,
            [gone],
          );
          if (rows[0].n > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await admin.query(`ALTER DATABASE ${gone} ALLOW_CONNECTIONS false`);
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [gone]);
      });
      const source = await scan;
      expect(source.datasets.map((d) => [d.name, d.rowCountExact, d.sample?.rows.length])).toEqual([
        ['public.a1', true, 1],
        ['public.a2', true, 1],
        ['public.b_slow', false, undefined],
        ['public.c1', false, undefined],
        ['public.c2', false, undefined],
      ]);
      const unreachable = `not scanned: the source could not be reached again (database "${gone}" is not currently accepting connections (SQLSTATE 55000))`;
      expect(source.errors).toEqual([
        {
          dataset: 'public.b_slow',
          code: DiscoveryErrorCode.CONNECTION_LOST,
          message:
            'connection lost while reading the dataset: terminating connection due to administrator command (SQLSTATE 57P01)',
        },
        { dataset: 'public.c1', code: DiscoveryErrorCode.SOURCE_UNAVAILABLE, message: unreachable },
        { dataset: 'public.c2', code: DiscoveryErrorCode.SOURCE_UNAVAILABLE, message: unreachable },
      ]);
    } finally {
      await withClient(databaseUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${gone} WITH (FORCE)`));
    }
  });

  it('reads odd encodings: Latin-1 converted, invalid UTF-8 bytes replaced', async () => {
    const latin = `${database}_latin`;
    const ascii = `${database}_ascii`;
    await withClient(databaseUrl, async (admin) => {
      await admin.query(`CREATE DATABASE ${latin} ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
      await admin.query(`CREATE DATABASE ${ascii} ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
    });
    try {
      await withClient(urlFor(databaseUrl, latin), (client) =>
        client.query(`CREATE TABLE people AS SELECT 'Hélène Besançon'::text AS name`),
      );
      // In SQL_ASCII the server stores bytes unchecked: \\xe9 alone is not valid UTF-8.
      await withClient(urlFor(databaseUrl, ascii), (client) =>
        client.query(`CREATE TABLE people AS SELECT E'caf\\xe9'::text AS name`),
      );
      const fromLatin = await connectorFor(urlFor(databaseUrl, latin)).discover();
      const fromAscii = await connectorFor(urlFor(databaseUrl, ascii)).discover();
      expect([fromLatin.datasets[0].sample?.rows, fromLatin.errors]).toEqual([[['Hélène Besançon']], []]);
      expect([fromAscii.datasets[0].sample?.rows, fromAscii.errors]).toEqual([[['caf\uFFFD']], []]);
    } finally {
      await withClient(databaseUrl, async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS ${latin} WITH (FORCE)`);
        await admin.query(`DROP DATABASE IF EXISTS ${ascii} WITH (FORCE)`);
      });
    }
  });
});
