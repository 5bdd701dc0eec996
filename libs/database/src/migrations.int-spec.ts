import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { testStores, uniqueId } from '@cartographer/testing';
import { migrations } from './migrations.js';
import { createDataSource } from './data-source.js';

describe('PostgreSQL migrations (real PostgreSQL)', () => {
  const database = uniqueId('carto_migr_');
  let admin: pg.Client;
  let url: string;

  beforeAll(async () => {
    // A database of its own, so the test sees migrations run from nothing.
    admin = new pg.Client({ connectionString: testStores().databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const target = new URL(testStores().databaseUrl);
    target.pathname = `/${database}`;
    url = target.toString();
  });

  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('runs every migration once and records it', async () => {
    const dataSource = createDataSource({ url, migrations });
    await dataSource.initialize();
    try {
      const first = await dataSource.runMigrations({ transaction: 'each' });
      const second = await dataSource.runMigrations({ transaction: 'each' });
      expect(first.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
      expect(second).toEqual([]);
      const rows = (await dataSource.query('SELECT count(*)::int AS count FROM app_instance')) as { count: number }[];
      expect(rows).toEqual([{ count: 1 }]);
      await expect(dataSource.query('INSERT INTO app_instance (singleton) VALUES (false)')).rejects.toThrow(
        /app_instance_singleton_check/,
      );
    } finally {
      await dataSource.destroy();
    }
  });
});
