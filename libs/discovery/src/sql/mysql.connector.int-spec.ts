import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { uniqueId } from '@cartographer/testing';
import mysql from 'mysql2/promise';
import { connectorFor } from '../connector-for.js';
import { DiscoveryErrorCode } from '../discovery.errors.js';
import type { DiscoveredDataset, DiscoveredSource } from '../discovery.types.js';

// MariaDB is not one of the stores globalSetup starts: MARIADB_URL names it, or the local default.
const SERVER_URL = process.env.MARIADB_URL ?? 'mysql://root@127.0.0.1:3306';
const NOW = new Date('2025-06-30T00:00:00.000Z');

function urlFor(database: string, credentials?: { user: string; password: string }): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  if (credentials) {
    url.username = credentials.user;
    url.password = credentials.password;
  }
  return url.toString();
}

async function withConnection<T>(run: (connection: mysql.Connection) => Promise<T>): Promise<T> {
  const url = new URL(SERVER_URL);
  const connection = await mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username) || 'root',
    password: decodeURIComponent(url.password) || undefined,
    charset: 'UTF8MB4_UNICODE_CI',
  });
  try {
    return await run(connection);
  } finally {
    await connection.end();
  }
}

const byName = (source: DiscoveredSource, name: string): DiscoveredDataset => {
  const found = source.datasets.find((dataset) => dataset.name === name);
  if (!found) throw new Error(`no dataset ${name}`);
  return found;
};
const columns = (dataset: DiscoveredDataset) => dataset.fields.map(({ metrics: _metrics, ...field }) => field);

const fixture = (db: string) => [
  `CREATE DATABASE ${db} CHARACTER SET utf8mb4`,
  `CREATE TABLE ${db}.customers (
     id INT AUTO_INCREMENT PRIMARY KEY,
     first_name VARCHAR(60) NOT NULL COMMENT 'Given name',
     last_name VARCHAR(60) NOT NULL,
     email VARCHAR(320) UNIQUE COMMENT 'Contact email address',
     phone VARCHAR(20),
     birth_date DATE,
     is_active TINYINT(1) NOT NULL DEFAULT 1,
     created_at DATETIME NOT NULL,
     photo BLOB,
     biography LONGTEXT,
     city VARCHAR(80) CHARACTER SET latin1,
     profile JSON,
     balance DECIMAL(10, 2)
   ) ENGINE=InnoDB COMMENT='Customers of the web shop'`,
  `INSERT INTO ${db}.customers (first_name, last_name, email, phone, birth_date, is_active, created_at, photo, biography, city, profile, balance)
   SELECT ELT(1 + seq % 4, 'Jean', 'Marie', 'Zoé', 'Loïc'), ELT(1 + seq % 3, 'Dupont', 'Martin', 'Ölçer'),
          CONCAT('client', seq, '@example.fr'), IF(seq % 4 = 0, NULL, CONCAT('+33 6 ', LPAD(seq * 7919 % 100000000, 8, '0'))),
          DATE '1960-01-01' + INTERVAL seq * 211 DAY, seq % 2, TIMESTAMP '2025-06-30 00:00:00' - INTERVAL seq DAY,
          IF(seq % 2 = 0, UNHEX(REPEAT('FF', 2048)), NULL), IF(seq = 1, REPEAT('x', 1000000), CONCAT('Bio ', seq)),
          ELT(1 + seq % 2, 'Besançon', 'Nîmes'), JSON_OBJECT('newsletter', seq % 2 = 0), seq * 1.25
   FROM ${db}.seq_1_to_40`,
  `CREATE TABLE ${db}.orders (
     id BIGINT PRIMARY KEY, customer_id INT NOT NULL, ordered_on DATE NOT NULL, amount DECIMAL(10, 2),
     CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES ${db}.customers (id)
   )`,
  `INSERT INTO ${db}.orders SELECT seq, 1 + seq % 40, DATE '2025-01-01' + INTERVAL seq DAY, seq * 1.5 FROM ${db}.seq_1_to_120`,
  `CREATE TABLE ${db}.order_lines (
     order_id BIGINT, line_no INT, sku VARCHAR(20), PRIMARY KEY (order_id, line_no),
     CONSTRAINT fk_lines_order FOREIGN KEY (order_id) REFERENCES ${db}.orders (id)
   )`,
  `CREATE TABLE ${db}.shipments (
     id INT PRIMARY KEY, order_id BIGINT, line_no INT,
     CONSTRAINT fk_ship_line FOREIGN KEY (order_id, line_no) REFERENCES ${db}.order_lines (order_id, line_no)
   )`,
  `CREATE VIEW ${db}.customer_contacts AS SELECT id, email, phone FROM ${db}.customers`,
  `CREATE TABLE ${db}.\`Clients; DROP TABLE x --\` (\`Prénom\` TEXT, \`e-mail address\` TEXT, \`Ünïcödé\` INT, \`a\`\`b\` TEXT, emoji TEXT)`,
  `INSERT INTO ${db}.\`Clients; DROP TABLE x --\` VALUES ('Zoé', 'zoe@example.fr', 1, 'q"uote', '🙂'), (NULL, 'lea@example.fr', 2, NULL, NULL)`,
];

describe('MysqlConnector (MariaDB)', () => {
  const db = uniqueId('carto_disc_');
  const gone = `${db}_gone`;
  const reader = { user: `${db}_r`.slice(0, 32), password: `pw-${uniqueId()}` };

  beforeAll(async () => {
    await withConnection(async (connection) => {
      for (const statement of fixture(db)) await connection.query(statement);
    });
  });

  afterAll(async () => {
    await withConnection(async (connection) => {
      await connection.query(`DROP DATABASE IF EXISTS ${db}`);
      await connection.query(`DROP DATABASE IF EXISTS ${gone}`);
      await connection.query(`DROP USER IF EXISTS '${reader.user}'@'%'`);
    });
  });

  it('describes tables, views, columns, keys, comments, counts and velocity', async () => {
    const source = await connectorFor(urlFor(db), { name: 'shop' }).discover({ now: NOW });
    const server = new URL(SERVER_URL);
    expect(source).toMatchObject({
      name: 'shop',
      engine: 'mariadb',
      kind: 'RELATIONAL_DATABASE',
      structure: 'STRUCTURED',
      accessMethods: ['SQL'],
      location: { host: server.hostname, port: Number(server.port || 3306), database: db },
    });
    expect([source.datasets.map((d) => [d.name, d.kind, d.rowCount, d.rowCountExact]), source.errors]).toEqual([
      [
        [`${db}.Clients; DROP TABLE x --`, 'TABLE', 2, true],
        [`${db}.customer_contacts`, 'VIEW', 40, true],
        [`${db}.customers`, 'TABLE', 40, true],
        [`${db}.order_lines`, 'TABLE', 0, true],
        [`${db}.orders`, 'TABLE', 120, true],
        [`${db}.shipments`, 'TABLE', 0, true],
      ],
      [],
    ]);

    const stats = await withConnection(async (connection) => {
      const [rows] = await connection.query(
        `SELECT DATA_LENGTH + INDEX_LENGTH AS bytes, AUTO_INCREMENT AS counter FROM information_schema.TABLES
         WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'customers'`,
        [db],
      );
      return (rows as { bytes: number; counter: number }[])[0];
    });
    const customers = byName(source, `${db}.customers`);
    expect({ ...customers, fields: columns(customers) }).toEqual({
      name: `${db}.customers`,
      kind: 'TABLE',
      description: 'Customers of the web shop',
      rowCount: 40,
      rowCountExact: true,
      bytes: Number(stats.bytes),
      primaryKey: ['id'],
      foreignKeys: [],
      insertCounter: Number(stats.counter),
      velocity: {
        rowsPerDay: 1,
        basis: 'timestamp column created_at: 30 rows in the 30 days before 2025-06-30T00:00:00.000Z',
      },
      fields: [
        { name: 'id', ordinal: 1, dataType: 'int(11)', typeFamily: 'integer', nullable: false },
        {
          name: 'first_name',
          ordinal: 2,
          dataType: 'varchar(60)',
          typeFamily: 'string',
          nullable: false,
          comment: 'Given name',
        },
        { name: 'last_name', ordinal: 3, dataType: 'varchar(60)', typeFamily: 'string', nullable: false },
        {
          name: 'email',
          ordinal: 4,
          dataType: 'varchar(320)',
          typeFamily: 'string',
          nullable: true,
          comment: 'Contact email address',
        },
        { name: 'phone', ordinal: 5, dataType: 'varchar(20)', typeFamily: 'string', nullable: true },
        { name: 'birth_date', ordinal: 6, dataType: 'date', typeFamily: 'date', nullable: true },
        { name: 'is_active', ordinal: 7, dataType: 'tinyint(1)', typeFamily: 'boolean', nullable: false },
        { name: 'created_at', ordinal: 8, dataType: 'datetime', typeFamily: 'timestamp', nullable: false },
        { name: 'photo', ordinal: 9, dataType: 'blob', typeFamily: 'binary', nullable: true },
        { name: 'biography', ordinal: 10, dataType: 'longtext', typeFamily: 'string', nullable: true },
        { name: 'city', ordinal: 11, dataType: 'varchar(80)', typeFamily: 'string', nullable: true },
        { name: 'profile', ordinal: 12, dataType: 'json', typeFamily: 'json', nullable: true },
        { name: 'balance', ordinal: 13, dataType: 'decimal(10,2)', typeFamily: 'decimal', nullable: true },
      ],
    });
    const metrics = Object.fromEntries(customers.fields.map((f) => [f.name, f.metrics]));
    expect(metrics.email).toEqual({ sampled: 40, nullRatio: 0, distinctEstimate: 40, minLength: 18, maxLength: 19 });
    expect(metrics.phone).toEqual({ sampled: 40, nullRatio: 0.25, distinctEstimate: 30, minLength: 14, maxLength: 14 });
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
    expect(metrics.city).toEqual({ sampled: 40, nullRatio: 0, distinctEstimate: 2, minLength: 5, maxLength: 8 });

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
        'is_active',
        'created_at',
        'biography',
        'city',
        'profile',
        'balance',
      ],
    ]);
    expect(sample.rows.find((row) => row[0] === '1')).toEqual([
      '1',
      'Marie',
      'Martin',
      'client1@example.fr',
      '+33 6 00007919',
      '1960-07-30',
      '1',
      '2025-06-29 00:00:00',
      'x'.repeat(256),
      'Nîmes',
      '{"newsletter": false}',
      '1.25',
    ]);

    expect(byName(source, `${db}.orders`).foreignKeys).toEqual([
      {
        name: 'fk_orders_customer',
        columns: ['customer_id'],
        references: { dataset: `${db}.customers`, columns: ['id'] },
      },
    ]);
    expect([byName(source, `${db}.order_lines`).primaryKey, byName(source, `${db}.shipments`).foreignKeys]).toEqual([
      ['order_id', 'line_no'],
      [
        {
          name: 'fk_ship_line',
          columns: ['order_id', 'line_no'],
          references: { dataset: `${db}.order_lines`, columns: ['order_id', 'line_no'] },
        },
      ],
    ]);
    const view = byName(source, `${db}.customer_contacts`);
    expect([view.description, view.bytes, view.primaryKey, view.fields.map((f) => f.name)]).toEqual([
      undefined,
      0,
      [],
      ['id', 'email', 'phone'],
    ]);
    expect(byName(source, `${db}.Clients; DROP TABLE x --`).sample).toEqual({
      method: 'all',
      columns: ['Prénom', 'e-mail address', 'Ünïcödé', 'a`b', 'emoji'],
      rows: [
        ['Zoé', 'zoe@example.fr', '1', 'q"uote', '🙂'],
        [null, 'lea@example.fr', '2', null, null],
      ],
    });
    expect(source.metrics.typeMix).toEqual({
      binary: 1,
      boolean: 1,
      date: 2,
      decimal: 2,
      integer: 10,
      json: 1,
      string: 13,
      timestamp: 1,
    });
    const serialised = JSON.stringify(source);
    for (const raw of ['client1@example.fr', 'Zoé', 'xxxxxxxx', 'Besançon'])
      expect(serialised.includes(raw)).toBe(false);
  });

  it('bounds the sample and draws large tables by a per-row coin toss', async () => {
    const small = await connectorFor(urlFor(db)).discover({
      include: [`${db}.customers`],
      sampleSize: 7,
      maxValueLength: 16,
    });
    const customers = small.datasets[0];
    expect([customers.sample?.method, customers.sample?.rows.length, customers.fields[0].metrics.sampled]).toEqual([
      'random',
      7,
      7,
    ]);
    expect(Math.max(...customers.sample!.rows.flat().map((value) => (value ?? '').length))).toBe(16);

    const estimate = await withConnection(async (connection) => {
      await connection.query(`CREATE TABLE ${db}.visits (id INT PRIMARY KEY, ip VARCHAR(45))`);
      await connection.query(
        `INSERT INTO ${db}.visits SELECT seq, CONCAT('10.0.', seq % 256, '.', seq % 199) FROM ${db}.seq_1_to_300000`,
      );
      await connection.query(`ANALYZE TABLE ${db}.visits`);
      const [rows] = await connection.query(
        `SELECT TABLE_ROWS AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'visits'`,
        [db],
      );
      return Number((rows as { n: number }[])[0].n);
    });
    const large = await connectorFor(urlFor(db)).discover({ include: [`${db}.visits`] });
    const visits = large.datasets[0];
    expect([visits.rowCount, visits.rowCountExact, visits.sample?.method]).toEqual([estimate, false, 'bernoulli']);
    // n/rows per row: about sampleSize rows, never more.
    expect(visits.sample!.rows.length).toBeLessThanOrEqual(1000);
    expect(visits.sample!.rows.length).toBeGreaterThan(700);
  });

  it('never writes: a view whose function writes is refused by the read-only transaction', async () => {
    await withConnection(async (connection) => {
      await connection.query(`CREATE TABLE ${db}.audit_log (n INT)`);
      await connection.query(
        `CREATE FUNCTION ${db}.touch() RETURNS INT MODIFIES SQL DATA BEGIN INSERT INTO ${db}.audit_log VALUES (1); RETURN 1; END`,
      );
      await connection.query(`CREATE VIEW ${db}.sneaky AS SELECT ${db}.touch() AS touched`);
    });
    const source = await connectorFor(urlFor(db)).discover({ include: [`${db}.sneaky`, `${db}.audit_log`] });
    const refused =
      'Cannot execute statement in a READ ONLY transaction (ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION 1792)';
    expect(source.errors).toEqual([
      {
        dataset: `${db}.sneaky`,
        code: DiscoveryErrorCode.READ_ONLY_VIOLATION,
        message: `row count failed: ${refused}`,
      },
      { dataset: `${db}.sneaky`, code: DiscoveryErrorCode.READ_ONLY_VIOLATION, message: `sampling failed: ${refused}` },
    ]);
    const count = await withConnection(async (connection) => {
      const [rows] = await connection.query(`SELECT COUNT(*) AS n FROM ${db}.audit_log`);
      return Number((rows as { n: number }[])[0].n);
    });
    expect(count).toBe(0);
  });

  it('ends with what it got when its connection is killed mid-scan, with SELECT alone', async () => {
    await withConnection(async (connection) => {
      await connection.query(`CREATE DATABASE ${gone}`);
      for (const name of ['a1', 'a2', 'c1', 'c2']) {
        await connection.query(`CREATE TABLE ${gone}.${name} (id INT PRIMARY KEY, email VARCHAR(80))`);
        await connection.query(`INSERT INTO ${gone}.${name} VALUES (1, 'someone@example.org')`);
      }
      await connection.query(`CREATE VIEW ${gone}.b_slow AS SELECT SLEEP(0.2) AS s, seq FROM ${gone}.seq_1_to_100`);
      await connection.query(`CREATE USER '${reader.user}'@'%' IDENTIFIED BY '${reader.password}'`);
      await connection.query(`GRANT SELECT ON ${gone}.* TO '${reader.user}'@'%'`);
    });
    const scan = connectorFor(urlFor(gone, reader)).discover({ concurrency: 1 });
    let clientHost = '';
    // Once the slow view is being read: the account goes, then its connection.
    await withConnection(async (connection) => {
      for (;;) {
        const [rows] = await connection.query(
          `SELECT ID AS id, SUBSTRING_INDEX(HOST, ':', 1) AS host FROM information_schema.PROCESSLIST
           WHERE USER = ? AND INFO LIKE '%b_slow%'`,
          [reader.user],
        );
        const found = (rows as { id: number; host: string }[])[0];
        if (found) {
          clientHost = found.host;
          await connection.query(`DROP USER '${reader.user}'@'%'`);
          await connection.query(`KILL CONNECTION ${Number(found.id)}`);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    const source = await scan;
    expect(source.datasets.map((d) => [d.name, d.rowCountExact, d.sample?.rows.length])).toEqual([
      [`${gone}.a1`, true, 1],
      [`${gone}.a2`, true, 1],
      [`${gone}.b_slow`, false, undefined],
      [`${gone}.c1`, false, undefined],
      [`${gone}.c2`, false, undefined],
    ]);
    const unreachable = `not scanned: the source could not be reached again (Access denied for user '${reader.user}'@'${clientHost}' (using password: YES) (ER_ACCESS_DENIED_ERROR 1045))`;
    expect(source.errors).toEqual([
      {
        dataset: `${gone}.b_slow`,
        code: DiscoveryErrorCode.CONNECTION_LOST,
        message: 'connection lost while reading the dataset: Connection lost: The server closed the connection.',
      },
      { dataset: `${gone}.c1`, code: DiscoveryErrorCode.SOURCE_UNAVAILABLE, message: unreachable },
      { dataset: `${gone}.c2`, code: DiscoveryErrorCode.SOURCE_UNAVAILABLE, message: unreachable },
    ]);
    expect(JSON.stringify(source).includes(reader.password)).toBe(false);
  });
});
