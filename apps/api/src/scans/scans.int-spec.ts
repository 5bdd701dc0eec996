import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { Role, UsersService } from '@cartographer/access';
import { Neo4jService } from '@cartographer/graph';
import { InventoryImportService } from '@cartographer/inventory';
import { testStores, uniqueId } from '@cartographer/testing';
import { type ApiHarness, startApi } from '../testing/api-harness.js';

const PASSWORD = 'a long test password';
const PLANTED_EMAIL = 'planted.value.9931@unique-domain.fr';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

interface Run {
  id: string;
  status: string;
  counts: { datasets: number; fields: number; personalFields: number } | null;
  errors: { message: string }[];
  failure: string | null;
}
const RUN_FIELDS = 'id status counts { datasets fields personalFields } errors { message } failure';

describe('scans and findings through the API (real stores, booted API)', () => {
  let api: ApiHarness;
  let neo4j: Neo4jService;
  let db: DataSource;
  let admin: pg.Client;
  const org = uniqueId('apiscan-');
  const database = uniqueId('carto_apiscan_');
  const connectionRef = `CARTO_TEST_${database.toUpperCase()}`;
  const emails: string[] = [];
  const answers: string[] = [];
  const tokens: Record<string, string> = {};

  const gql = async <T>(who: string, query: string, variables: Record<string, unknown> = {}) => {
    const result = await api.graphql<T>(query, variables, bearer(tokens[who]));
    answers.push(JSON.stringify(result));
    return result;
  };

  const waitForRun = async (id: string): Promise<Run> => {
    for (let i = 0; i < 240; i++) {
      const { data } = await gql<{ scanRun: Run }>(
        'lead',
        `query ($id: String!) { scanRun(id: $id) { ${RUN_FIELDS} } }`,
        { id },
      );
      if (data && ['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(data.scanRun.status)) return data.scanRun;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`scan run ${id} did not finish`);
  };

  beforeAll(async () => {
    const stores = testStores();
    admin = new pg.Client({ connectionString: stores.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(stores.databaseUrl);
    url.pathname = `/${database}`;
    process.env[connectionRef] = url.toString();
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query('CREATE TABLE usagers (id serial PRIMARY KEY, nom text, email text, code_produit text)');
    await client.query(
      `INSERT INTO usagers (nom, email, code_produit)
       SELECT (ARRAY['Martin','Bernard','Dubois','Thomas','Robert'])[1 + g % 5],
              CASE WHEN g = 3 THEN $1 ELSE 'usager' || g || '@exemple.fr' END, 'P-' || (1000 + g)
       FROM generate_series(1, 40) g`,
      [PLANTED_EMAIL],
    );
    await client.end();

    api = await startApi({ CARTO_SCAN_WORKERS: '1' });
    neo4j = api.app.get(Neo4jService);
    db = api.app.get(DataSource);
    await new InventoryImportService(neo4j).importDocument({
      version: 1,
      organisation: { key: org, name: 'Mairie' },
      departments: [
        { key: 'etat-civil', name: 'État civil' },
        { key: 'finances', name: 'Finances' },
      ],
      sources: [
        {
          key: 'usagers',
          name: 'Usagers',
          department: 'etat-civil',
          kind: 'RELATIONAL_DATABASE',
          structure: 'STRUCTURED',
          connectionRef,
        },
      ],
    });
    const users = api.app.get(UsersService);
    const accounts: [string, Role, string[]][] = [
      ['lead', Role.DATA_LEAD, ['etat-civil']],
      ['otherLead', Role.DATA_LEAD, ['finances']],
      ['dpo', Role.DPO, []],
      ['auditor', Role.AUDITOR, []],
    ];
    for (const [who, role, departments] of accounts) {
      const email = `${who.toLowerCase()}-${uniqueId()}@${org}.test`;
      emails.push(email);
      await users.create({ email, displayName: who, role, organisations: [org], departments, password: PASSWORD });
      const login = await api.graphql<{ login: { token: string } }>(
        'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
        { email, password: PASSWORD },
      );
      tokens[who] = login.data!.login.token;
    }
  });

  afterAll(async () => {
    await neo4j.queryWrite('MATCH (n {organisation: $org}) DETACH DELETE n', { org });
    await db.query('DELETE FROM scan_runs WHERE organisation = $1', [org]);
    await db.query('DELETE FROM users WHERE email = ANY($1)', [emails]);
    await api.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    delete process.env[connectionRef];
  });

  it('refuses a scan to a data lead of another department and to an auditor, queuing nothing', async () => {
    for (const who of ['otherLead', 'auditor']) {
      const result = await gql<unknown>(
        who,
        'mutation ($o: String!, $s: String!) { startScan(organisation: $o, source: $s) { id } }',
        { o: org, s: 'usagers' },
      );
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const runs = (await db.query('SELECT count(*)::int AS n FROM scan_runs WHERE organisation = $1', [org])) as {
      n: number;
    }[];
    expect(runs).toEqual([{ n: 0 }]);
  });

  it('runs a queued scan for the data lead of the department and reports its progress and result', async () => {
    const started = await gql<{ startScan: Run }>(
      'lead',
      `mutation ($o: String!, $s: String!) { startScan(organisation: $o, source: $s, sample: 100) { ${RUN_FIELDS} } }`,
      {
        o: org,
        s: 'usagers',
      },
    );
    expect(started.errors).toBeUndefined();
    expect(started.data!.startScan.status).toBe('QUEUED');
    const run = await waitForRun(started.data!.startScan.id);
    expect(run).toEqual({
      id: started.data!.startScan.id,
      status: 'SUCCEEDED',
      // code_produit of a table of persons is a linked attribute: personal in the GDPR reading.
      counts: { datasets: 1, fields: 4, personalFields: 4 },
      errors: [],
      failure: null,
    });
  });

  it('lists findings to the DPO with masked exemplars, and to the auditor without them', async () => {
    const query = `query ($o: String!) { findings(organisation: $o, origin: SCAN) { totalCount nodes { key field category status maskedExemplar tier linkedTo linkedCategory } } }`;
    const dpo = await gql<{
      findings: {
        totalCount: number;
        nodes: {
          field: string;
          category: string | null;
          maskedExemplar: string | null;
          tier: string;
          linkedTo: string[];
          linkedCategory: string | null;
        }[];
      };
    }>('dpo', query, { o: org });
    expect(dpo.errors).toBeUndefined();
    const row = 'a row of public.usagers (citizens and residents)';
    expect(
      dpo.data!.findings.nodes.map((f) => [f.field.split('/')[1], f.category, f.tier, f.linkedCategory, f.linkedTo]),
    ).toEqual([
      ['code_produit', null, 'LINKED_ATTRIBUTE', 'BEHAVIOUR', [row]],
      ['email', 'CONTACT', 'DIRECT_IDENTIFIER', null, [row]],
      ['id', 'INTERNAL_ID', 'DIRECT_IDENTIFIER', null, [row]],
      ['nom', 'IDENTITY', 'DIRECT_IDENTIFIER', null, [row]],
    ]);
    expect(dpo.data!.findings.nodes.find((f) => f.field.endsWith('/email'))!.maskedExemplar).toMatch(/\*\*\*/);
    const auditor = await gql<{ findings: { nodes: { maskedExemplar: string | null }[] } }>('auditor', query, {
      o: org,
    });
    expect(auditor.data!.findings.nodes.map((f) => f.maskedExemplar)).toEqual([null, null, null, null]);
  });

  it('keeps a rejected finding rejected on the next scan, and audits the review', async () => {
    const key = `${org}:usagers.public.usagers/id#classification`;
    const review = await gql<{ reviewFinding: { status: string; reviewComment: string } }>(
      'dpo',
      'mutation ($k: String!) { reviewFinding(key: $k, decision: REJECT, comment: "surrogate key, not shared") { status reviewComment } }',
      { k: key },
    );
    expect(review.data).toEqual({ reviewFinding: { status: 'REJECTED', reviewComment: 'surrogate key, not shared' } });
    const again = await gql<{ startScan: Run }>(
      'lead',
      'mutation ($o: String!, $s: String!) { startScan(organisation: $o, source: $s) { id } }',
      { o: org, s: 'usagers' },
    );
    expect((await waitForRun(again.data!.startScan.id)).status).toBe('SUCCEEDED');
    const status = await neo4j.queryRead<{ status: string }>(
      'MATCH (x:Finding {key: $key}) RETURN x.status AS status',
      { key },
    );
    expect(status).toEqual([{ status: 'REJECTED' }]);
    const audit = (await db.query(`SELECT action FROM audit_log WHERE entity_key = $1`, [key])) as { action: string }[];
    expect(audit).toEqual([{ action: 'finding.review' }]);
  });

  it('never answers a scanned value', async () => {
    expect(answers.filter((answer) => answer.includes(PLANTED_EMAIL))).toEqual([]);
    expect(answers.length).toBeGreaterThan(5);
  });
});
