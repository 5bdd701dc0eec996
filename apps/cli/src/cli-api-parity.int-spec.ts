import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { stringify } from 'yaml';
import { AuditOutbox, AuditOutboxRelay, Role, UsersService } from '@cartographer/access';
import { ALLOW_EVERY_IMPORT, importInventory } from '@cartographer/findings';
import { Neo4jService } from '@cartographer/graph';
import { type InventoryDocument, InventoryImportService } from '@cartographer/inventory';
import { smallInventory, uniqueId, testStores } from '@cartographer/testing';
import { type ApiHarness, startApi } from '../../api/src/testing/api-harness.js';
import { carto } from './testing/carto-process.js';

const PASSWORD = 'a long test password';
/** The audit label of the CLI operator (users.command.ts, cliActor). */
const OPERATOR = `cli:${userInfo().username}@${hostname()}`;

/** Properties that record when or by which run, not what: left out of the comparisons. */
const WHEN = new Set(['createdAt', 'lastDetectedAt', 'lastScannedAt', 'lastScanRun', 'scanRun']);

/** Every node and relationship of an organisation as sorted lines, its key replaced by ORG. */
async function snapshot(
  neo4j: Neo4jService,
  organisation: string,
  where = 'true',
  ignored: readonly string[] = [],
): Promise<string> {
  const text = (props: Record<string, unknown>) =>
    Object.keys(props)
      .filter((name) => !WHEN.has(name) && !ignored.includes(name))
      .sort()
      .map((name) => `${name}=${JSON.stringify(props[name], (_, v: unknown) => (isInteger(v) ? v.toString() : v))};`)
      .join('');
  const nodes = await neo4j.queryRead<{ label: string; props: Record<string, unknown> }>(
    `MATCH (n {organisation: $organisation}) WHERE ${where} RETURN labels(n)[0] AS label, properties(n) AS props`,
    { organisation },
  );
  const rels = await neo4j.queryRead<{ from: string; type: string; to: string; props: Record<string, unknown> }>(
    `MATCH (a {organisation: $organisation})-[r]->(b) WHERE ${where.replaceAll('n:', 'b:')}
     RETURN a.key AS from, type(r) AS type, b.key AS to, properties(r) AS props`,
    { organisation },
  );
  const lines = [
    ...nodes.map((n) => `${n.label} ${text(n.props)}`),
    ...rels.map((r) => `${r.from} ${r.type} ${r.to} ${text(r.props)}`),
  ];
  return lines
    .map((line) => line.split(organisation).join('ORG'))
    .sort()
    .join('\n');
}

function isInteger(value: unknown): value is { low: number; high: number; toString(): string } {
  return typeof value === 'object' && value !== null && 'low' in value && 'high' in value;
}

describe('carto and the API run the same workflows (built CLI, booted API, real stores)', () => {
  let api: ApiHarness;
  let neo4j: Neo4jService;
  let db: DataSource;
  let admin: pg.Client;
  let token: string;
  let dir: string;
  const database = uniqueId('carto_parity_');
  const connectionRef = `CARTO_TEST_${database.toUpperCase()}`;
  const email = `admin-${uniqueId()}@parity.test`;
  const organisations: string[] = [];

  const gql = async <T>(query: string, variables: Record<string, unknown>) => {
    const result = await api.graphql<T>(query, variables, { authorization: `Bearer ${token}` });
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const organisation = () => {
    const key = uniqueId('parity-');
    organisations.push(key);
    return key;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carto-parity-'));
    const stores = testStores();
    admin = new pg.Client({ connectionString: stores.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(stores.databaseUrl);
    url.pathname = `/${database}`;
    // Read by the queued scan in this process and by `carto scan env:...` in its child.
    process.env[connectionRef] = url.toString();
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(`
      CREATE TABLE clients (id serial PRIMARY KEY, nom text, courriel text, ville text);
      CREATE TABLE commandes (numero serial PRIMARY KEY, acheteur integer REFERENCES clients(id), montant numeric(10,2));
      INSERT INTO clients (nom, courriel, ville)
        SELECT (ARRAY['Martin','Bernard','Dubois','Thomas','Robert'])[1 + g % 5], 'client' || g || '@exemple.fr',
               (ARRAY['Lyon','Paris','Nantes'])[1 + g % 3] FROM generate_series(1, 40) g;
      INSERT INTO commandes (acheteur, montant) SELECT 1 + g % 40, g * 3.5 FROM generate_series(1, 60) g;`);
    await client.end();

    api = await startApi({ CARTO_SCAN_WORKERS: '1' });
    neo4j = api.app.get(Neo4jService);
    db = api.app.get(DataSource);
    await api.app.get(UsersService).create({
      email,
      displayName: 'Admin',
      role: Role.ADMIN,
      organisations: [],
      departments: [],
      password: PASSWORD,
    });
    const login = await api.graphql<{ login: { token: string } }>(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      { email, password: PASSWORD },
    );
    token = login.data!.login.token;
  });

  afterAll(async () => {
    for (const key of organisations) await neo4j.queryWrite('MATCH (n {organisation: $key}) DETACH DELETE n', { key });
    await db.query('DELETE FROM scan_runs WHERE organisation = ANY($1)', [organisations]);
    await db.query('DELETE FROM users WHERE email = $1', [email]);
    await api.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    delete process.env[connectionRef];
    await rm(dir, { recursive: true, force: true });
  });

  it('`carto import` and importInventory write byte-identical graphs, findings and audit entries included', async () => {
    const key = organisation();
    const document = stringify(smallInventory(key));
    const file = join(dir, 'inventory.yaml');
    await writeFile(file, document);
    const imported = await carto('import', file);
    expect(imported.code).toBe(0);
    const byCli = await snapshot(neo4j, key);
    await neo4j.queryWrite('MATCH (n {organisation: $key}) DETACH DELETE n', { key });

    const byApi = await gql<{ importInventory: { organisation: string } }>(
      'mutation ($d: String!) { importInventory(document: $d, format: YAML) { organisation } }',
      { d: document },
    );
    expect(byApi.importInventory.organisation).toBe(key);
    expect(await snapshot(neo4j, key)).toBe(byCli);
    // The findings are part of it: declared ones, and one propagated along the flow to the warehouse.
    expect(
      byCli
        .split('\n')
        .filter((line) => line.startsWith('Finding '))
        .map((line) => /key="([^"]+)"/.exec(line)![1])
        .sort(),
    ).toEqual([
      'ORG:patients/date_naissance#declared',
      'ORG:patients/id#declared',
      'ORG:patients/nom#declared',
      'ORG:sejours/id#declared',
      'ORG:sejours/patient_id#declared',
      'ORG:stats/nom#propagated',
      'ORG:stats/patient_id#propagated',
    ]);
    // Both imports are in the audit chain: one by the CLI's operating-system user, one by the account.
    const audit = (await db.query(
      `SELECT actor_type, actor_label, after->>'flagged' AS flagged FROM audit_log WHERE action = 'inventory.import' AND organisation = $1 ORDER BY seq`,
      [key],
    )) as { actor_type: string; actor_label: string; flagged: string }[];
    expect(audit.map((row) => [row.actor_type, row.actor_label])).toEqual([
      ['cli', OPERATOR],
      ['user', email],
    ]);
    expect(audit[0].flagged).toBe(audit[1].flagged);
  });

  it('`carto scan` and a queued scan of the same database give the same findings, propagated ones included', async () => {
    const declare = async (key: string) => {
      const doc: InventoryDocument = {
        version: 1,
        organisation: { key, name: 'Boutique' },
        departments: [{ key: 'ventes', name: 'Ventes' }],
        sources: [
          {
            key: 'boutique',
            name: 'Boutique',
            department: 'ventes',
            kind: 'RELATIONAL_DATABASE',
            structure: 'STRUCTURED',
            connectionRef,
          },
        ],
      };
      await new InventoryImportService(neo4j).importDocument(doc);
    };
    const byCliOrg = organisation();
    const byQueueOrg = organisation();
    await declare(byCliOrg);
    await declare(byQueueOrg);

    const scanned = await carto('scan', `env:${connectionRef}`, '--organisation', byCliOrg, '--source', 'boutique');
    expect([scanned.code, scanned.stderr]).toEqual([0, '']);

    const started = await gql<{ startScan: { id: string } }>(
      'mutation ($o: String!, $s: String!) { startScan(organisation: $o, source: $s) { id } }',
      { o: byQueueOrg, s: 'boutique' },
    );
    let status = 'QUEUED';
    for (let i = 0; i < 240 && !['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(status); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (
        await gql<{ scanRun: { status: string } }>('query ($id: String!) { scanRun(id: $id) { status } }', {
          id: started.startScan.id,
        })
      ).scanRun.status;
    }
    expect(status).toBe('SUCCEEDED');

    const findings = (key: string) => snapshot(neo4j, key, 'n:Finding');
    const byCli = await findings(byCliOrg);
    expect(await findings(byQueueOrg)).toBe(byCli);
    const keys = byCli
      .split('\n')
      .filter((line) => line.startsWith('Finding '))
      .map((line) => /key="([^"]+)"/.exec(line)![1])
      .sort();
    expect(keys).toEqual([
      'ORG:boutique.public.clients/courriel#classification',
      'ORG:boutique.public.clients/id#classification',
      'ORG:boutique.public.clients/nom#classification',
      'ORG:boutique.public.clients/ville#classification',
      // commandes rows point to a client: its key to the client is a pseudonymous identifier of
      // its own (no longer only propagated), its other columns are linked attributes.
      'ORG:boutique.public.commandes/acheteur#classification',
      'ORG:boutique.public.commandes/montant#classification',
      'ORG:boutique.public.commandes/numero#classification',
    ]);
    // Each scan is in the audit chain with its actor.
    const audit = (await db.query(
      `SELECT organisation, actor_type, actor_label FROM audit_log WHERE action = 'scan.store' AND organisation = ANY($1) ORDER BY seq`,
      [[byCliOrg, byQueueOrg]],
    )) as { organisation: string; actor_type: string; actor_label: string }[];
    expect(audit.map((row) => [row.organisation, row.actor_type, row.actor_label])).toEqual([
      [byCliOrg, 'cli', OPERATOR],
      [byQueueOrg, 'user', email],
    ]);
  }, 120_000);

  it('`carto findings review` and reviewFinding make the same change, each audited with its actor', async () => {
    const byCliOrg = organisation();
    const byApiOrg = organisation();
    for (const key of [byCliOrg, byApiOrg]) {
      await importInventory(
        { neo4j, outbox: api.app.get(AuditOutbox) },
        { document: smallInventory(key), authorize: ALLOW_EVERY_IMPORT },
      );
    }
    await api.app.get(AuditOutboxRelay).relay();
    const reviewed = await carto(
      'findings',
      'review',
      `${byCliOrg}:sejours/patient_id#declared`,
      'reject',
      '--comment',
      'a stay number',
    );
    // Rejected, the stay's patient number is flagged through its foreign key instead: 3 propagated.
    expect(reviewed).toEqual({
      code: 0,
      stdout: `finding '${byCliOrg}:sejours/patient_id#declared' rejected; 3 findings propagated in '${byCliOrg}'\n`,
      stderr: '',
    });
    const byApi = await gql<{ reviewFinding: { status: string; reviewedBy: string } }>(
      'mutation ($k: String!) { reviewFinding(key: $k, decision: REJECT, comment: "a stay number") { status reviewedBy } }',
      { k: `${byApiOrg}:sejours/patient_id#declared` },
    );
    expect(byApi.reviewFinding).toEqual({ status: 'REJECTED', reviewedBy: email });
    const findings = (key: string) => snapshot(neo4j, key, 'n:Finding', ['reviewedAt', 'reviewedBy']);
    expect(await findings(byApiOrg)).toBe(await findings(byCliOrg));
    const audit = (await db.query(
      `SELECT organisation, actor_type, actor_label, after FROM audit_log WHERE action = 'finding.review' AND organisation = ANY($1) ORDER BY seq`,
      [[byCliOrg, byApiOrg]],
    )) as unknown[];
    expect(audit).toEqual([
      {
        organisation: byCliOrg,
        actor_type: 'cli',
        actor_label: OPERATOR,
        after: { status: 'REJECTED', comment: 'a stay number' },
      },
      {
        organisation: byApiOrg,
        actor_type: 'user',
        actor_label: email,
        after: { status: 'REJECTED', comment: 'a stay number' },
      },
    ]);
  });
});
