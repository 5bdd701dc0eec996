import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { stringify } from 'yaml';
import { createDriver, Neo4jService } from '@cartographer/graph';
import { smallInventory, testStores, uniqueId } from '@cartographer/testing';
import { carto } from './testing/carto-process.js';

describe('carto (the built command line, real stores)', () => {
  const org = uniqueId('cli-');
  const database = uniqueId('carto_cli_');
  let dir: string;
  let neo4j: Neo4jService;
  let databaseUrl: string;
  let admin: pg.Client;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carto-cli-'));
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
    await client.query(`CREATE TABLE agents (id serial PRIMARY KEY, nom text, courriel text, salaire numeric)`);
    await client.query(
      `INSERT INTO agents (nom, courriel, salaire)
       SELECT (ARRAY['Martin','Bernard','Dubois','Thomas','Robert','Richard','Petit','Durand','Leroy','Moreau'])[1 + g % 10],
              'agent' || g || '@mairie.fr', 2000 + g FROM generate_series(1, 50) g`,
    );
    await client.end();
  });

  afterAll(async () => {
    await neo4j.queryWrite('MATCH (n {organisation: $org}) DETACH DELETE n', { org });
    await neo4j.driver.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a file, twice with the same result, and exports it back', async () => {
    const file = join(dir, 'inventory.yaml');
    await writeFile(file, stringify(smallInventory(org)));
    const first = await carto('import', file);
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n')[0]).toBe(
      `imported organisation '${org}': 60 graph writes (1 Organisation, 2 Department, 1 Stakeholder, 6 Server, 1 Recipient, 2 DataSource, 3 Dataset, 7 Field, 1 ProcessingActivity, 1 DataFlow)`,
    );
    const second = await carto('import', file);
    expect(second.stdout).toBe(first.stdout);
    const exported = await carto('export', '--format', 'json', '--organisation', org);
    expect(exported.code).toBe(0);
    const document = JSON.parse(exported.stdout) as { organisation: { key: string }; sources: { key: string }[] };
    expect(document.organisation.key).toBe(org);
    expect(document.sources.map((s) => s.key)).toEqual(['dpi', 'entrepot']);
  });

  it('refuses a broken file with exit code 3 and a line naming the file, path and reason', async () => {
    const file = join(dir, 'broken.yaml');
    await writeFile(
      file,
      stringify({
        version: 1,
        organisation: { key: org, name: 'X' },
        servers: [{ key: 's', name: 'S', hosting: 'CLOUD', country: 'XZ' }],
      }),
    );
    const result = await carto('import', file);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      "carto: broken.yaml: servers[0].country: 'XZ' is not an ISO 3166-1 alpha-2 country code\n",
    );
  });

  it('scans a database without storing and prints one JSON document', async () => {
    const result = await carto('scan', databaseUrl, '--no-store', '--format', 'json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      source: { engine: string; location: { database: string } };
      datasets: { name: string; rowCount: number }[];
      fields: { dataset: string; field: string; type: string; personal: boolean; metrics: { sampled: number } }[];
    };
    expect(report.source.engine).toBe('postgresql');
    expect(report.source.location.database).toBe(database);
    expect(report.datasets.map((d) => [d.name, d.rowCount])).toEqual([['public.agents', 50]]);
    expect(report.fields.map((f) => [f.field, f.personal, f.metrics.sampled])).toEqual([
      ['id', true, 50],
      ['nom', true, 50],
      ['courriel', true, 50],
      ['salaire', true, 50],
    ]);
    expect(result.stdout).not.toContain('agent7@mairie.fr');
    expect(await neo4j.queryRead('MATCH (d:Dataset {name: $name}) RETURN d', { name: 'public.agents' })).toEqual([]);
  });

  it('fails clearly on a bad option', async () => {
    const result = await carto('scan', databaseUrl, '--sample', 'lots', '--no-store');
    expect(result.code).toBe(3);
    expect(result.stderr).toBe("carto: --sample must be a whole number from 1 to 100000, got 'lots'\n");
  });
});
