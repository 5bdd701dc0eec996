import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { stringify } from 'yaml';
import { createDriver, Neo4jService } from '@cartographer/graph';
import { smallInventory, testStores, uniqueId } from '@cartographer/testing';
import { carto } from './testing/carto-process.js';

describe('carto: error kinds reach the exit code, options take full keys (real stores)', () => {
  const org = uniqueId('cliopt-');
  const database = uniqueId('carto_cliopt_');
  let dir: string;
  let neo4j: Neo4jService;
  let databaseUrl: string;
  let admin: pg.Client;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carto-cliopt-'));
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    admin = new pg.Client({ connectionString: stores.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(stores.databaseUrl);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query('CREATE TABLE usagers (id serial PRIMARY KEY, courriel text)');
    await client.query(
      `INSERT INTO usagers (courriel) SELECT 'usager' || g || '@exemple.fr' FROM generate_series(1, 20) g`,
    );
    await client.end();
    await writeFile(join(dir, 'inventory.yaml'), stringify(smallInventory(org)));
    expect((await carto('import', join(dir, 'inventory.yaml'))).code).toBe(0);
  });

  afterAll(async () => {
    await neo4j.queryWrite('MATCH (n {organisation: $org}) DETACH DELETE n', { org });
    await neo4j.driver.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.end();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers an unreachable scan target with one line naming it and the "unavailable" exit code', async () => {
    const result = await carto('scan', 'postgres://nobody@127.0.0.1:1/x', '--no-store');
    expect(result).toEqual({
      code: 8,
      stdout: '',
      stderr: 'carto: cannot connect to 127.0.0.1:1/x: connect ECONNREFUSED 127.0.0.1:1\n',
    });
  });

  it('answers an unknown organisation to export with the "not found" exit code', async () => {
    const result = await carto('export', '--organisation', `${org}-missing`);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`carto: Organisation '${org}-missing' does not exist\n`);
  });

  it('takes --source and --department as full keys, and gives the organisation from them', async () => {
    const result = await carto('scan', databaseUrl, '--source', `${org}:guichet`, '--department', `${org}:it`);
    expect(result.code).toBe(0);
    expect(
      await neo4j.queryRead<{ department: string; organisation: string }>(
        'MATCH (s:DataSource {key: $key}) RETURN s.department AS department, s.organisation AS organisation',
        { key: `${org}:guichet` },
      ),
    ).toEqual([{ department: 'it', organisation: org }]);
  });

  it('refuses a full key of another organisation, naming the option, and writes nothing', async () => {
    const result = await carto('scan', databaseUrl, '--organisation', org, '--source', 'other:guichet2');
    expect(result).toEqual({
      code: 3,
      stdout: '',
      stderr: `carto: --source 'other:guichet2' is in organisation 'other', not '${org}'\n`,
    });
    expect(await neo4j.queryRead('MATCH (s:DataSource {key: $key}) RETURN s', { key: `${org}:guichet2` })).toEqual([]);
  });
});
