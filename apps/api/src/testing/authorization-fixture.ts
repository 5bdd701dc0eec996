import { DataSource } from 'typeorm';
import { type Account, type ApiTokenView, AuditService, Role, TokensService, UsersService } from '@cartographer/access';
import { Neo4jService, plainValue } from '@cartographer/graph';
import { type InventoryDocument, InventoryImportService, type LegalBasis } from '@cartographer/inventory';
import { SCAN_QUEUE, type ScanRun, ScanRunsRepository } from '@cartographer/scan';
import { uniqueId } from '@cartographer/testing';
import { type ApiHarness, startApi } from './api-harness.js';

/** The columns of the authorization matrix: every role, anonymous, and two accounts of another organisation. */
export const MATRIX_ROLES = ['ADMIN', 'LEAD_A', 'LEAD_B', 'DPO', 'AUDITOR', 'ANON', 'OTHER_LEAD', 'OTHER_DPO'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];
type AccountName = Exclude<MatrixRole, 'ANON'> | 'PROBE' | 'SPARE';

const PASSWORD = 'a long matrix password';
const SIDES = ['a', 'b'] as const;
export type Side = (typeof SIDES)[number];

/** What one test run owns: its keys, its accounts and how to get back to the state it started from. */
export interface MatrixFixture {
  api: ApiHarness;
  neo4j: Neo4jService;
  db: DataSource;
  /** Lower-case letters and digits, in every name (lists are searched by it) and key of the run. */
  run: string;
  /** The organisation every role but OTHER_* works in, and the other one (same local keys). */
  main: string;
  other: string;
  /** A key createOrganisation may use; cleaned up with the others. */
  spareOrganisation: string;
  password: string;
  documents: Record<'main' | 'other', InventoryDocument>;
  accounts: Record<AccountName, Account>;
  /** Request headers per column (none for ANON). */
  headers: Record<MatrixRole, Record<string, string>>;
  /** One API token per account of the matrix, named `token <role>`. */
  tokens: Record<Exclude<MatrixRole, 'ANON'>, ApiTokenView>;
  scanRuns: Record<'main' | 'other', ScanRun>;
  /** Environment variable named by connectionRef of main's src-a (set, so startScan can queue it). */
  scanRef: string;
  findingKeys(organisation: string): Record<Side, string>;
  /** Everything the run owns in both stores, as comparable values. */
  probe(): Promise<MatrixState>;
  /** Puts the graph and PostgreSQL back as the fixture left them (after an allowed mutation); all steps by default. */
  restore(only?: readonly RestoreStep[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * How to undo an allowed mutation: drop nodes the fixture did not have, re-state `main`'s
 * declarations, re-seed its findings, lift lineage blocks, reset accounts and tokens, drop scans.
 */
export const RESTORE_STEPS = ['extras', 'declarations', 'findings', 'lineage', 'accounts', 'scans', 'risks'] as const;
export type RestoreStep = (typeof RESTORE_STEPS)[number];

export interface MatrixState {
  graph: { nodes: string[]; rels: string[] };
  users: unknown[];
  tokens: unknown[];
  scanRuns: unknown[];
  scanJobs: number;
  /** The DPO's risk decisions and actions of the run's organisations (PostgreSQL). */
  riskDecisions: unknown[];
  /** Audit rows about the run's organisations or accounts, or written by them. */
  audit: number;
}

/** Field names carry the run too: the fields list is searched by name. */
/** The Art. 30 contents every fixture activity shares (purposes, legal bases, ...), fresh each time. */
export const activityRecord = () => ({
  purposes: ['Gestion'],
  legalBases: ['CONTRACT'] as LegalBasis[],
  dataSubjectCategories: ['Clients'],
  personalDataCategories: ['Identité'],
  retention: '1 an',
  securityMeasures: ['Chiffrement'],
});

export const fieldNames = (run: string) => ({ email: `email_${run}`, nom: `nom_${run}` });
export const connectionRefOf = (run: string, organisation: 'main' | 'other', side: Side) =>
  `CARTO_MX_${run.toUpperCase()}_${organisation.toUpperCase()}_${side.toUpperCase()}`;

export const scanTargetOf = (run: string, tag: 'main' | 'other') =>
  `postgres://scanner:***@${tag}-${run}.db.internal:5432/crm`;
export const scanFailureOf = (run: string, tag: 'main' | 'other') =>
  `environment variable ${connectionRefOf(run, tag, 'a')} (connectionRef of source 'src-a') is not set on the scanning host`;

/** The same small inventory in both organisations: two departments, each with its source, dataset, activity... */
export function matrixDocument(run: string, organisation: string, tag: 'main' | 'other'): InventoryDocument {
  const { email, nom } = fieldNames(run);
  const upper = (side: Side) => side.toUpperCase();
  return {
    version: 1,
    organisation: {
      key: organisation,
      name: `Org ${tag} ${run}`,
      country: 'FR',
      sector: 'PRIVATE',
      description: 'matrix fixture',
    },
    departments: SIDES.map((side) => ({
      key: `dept-${side}`,
      name: `Dept ${upper(side)} ${run}`,
      description: 'fixture department',
      stakeholders: [{ role: 'OWNER', name: `Owner ${upper(side)} ${run}` }],
    })),
    servers: SIDES.map((side) => ({
      key: `srv-${side}`,
      name: `Server ${upper(side)} ${run}`,
      hosting: 'ON_PREMISES',
      country: 'FR',
      description: 'fixture server',
    })),
    recipients: SIDES.map((side) => ({
      key: `rcp-${side}`,
      name: `Recipient ${upper(side)} ${run}`,
      role: 'PROCESSOR',
      country: 'FR',
      safeguard: 'NONE',
      description: 'fixture recipient',
    })),
    sources: SIDES.map((side) => ({
      key: `src-${side}`,
      name: `Source ${upper(side)} ${run}`,
      department: `dept-${side}`,
      kind: 'RELATIONAL_DATABASE',
      structure: 'STRUCTURED',
      servers: [`srv-${side}`],
      connectionRef: connectionRefOf(run, tag, side),
      description: 'fixture source',
      datasets: [
        {
          key: `ds-${side}`,
          name: `Dataset ${upper(side)} ${run}`,
          kind: 'TABLE',
          description: 'fixture dataset',
          fields: [
            { name: email, dataType: 'text', description: 'fixture field' },
            { name: nom, dataType: 'text', description: 'fixture field' },
          ],
        },
      ],
    })),
    processingActivities: SIDES.map((side) => ({
      key: `pa-${side}`,
      name: `Activity ${upper(side)} ${run}`,
      department: `dept-${side}`,
      description: 'fixture activity',
      controller: { name: `Org ${tag}` },
      ...activityRecord(),
      recipients: [`rcp-${side}`],
      datasets: [`ds-${side}`],
      fields: side === 'a' ? [`ds-a/${email}`] : [],
    })),
    flows: [
      {
        key: 'flow-ab',
        name: `Flow AB ${run}`,
        from: 'ds-a',
        to: 'ds-b',
        fields: [email],
        description: 'fixture flow',
      },
    ],
  };
}

/** One finding per department (on the email field of its dataset), with a masked exemplar and evidence. */
function findingsOf(run: string, organisation: string) {
  const { email } = fieldNames(run);
  return SIDES.map((side) => {
    const field = `${organisation}:ds-${side}/${email}`;
    return {
      field,
      props: {
        key: `${field}#matrix`,
        organisation,
        department: `dept-${side}`,
        field,
        dataset: `${organisation}:ds-${side}`,
        source: `${organisation}:src-${side}`,
        origin: 'SCAN',
        status: 'OPEN',
        personal: true,
        category: `cat-${run}`,
        specialCategory: false,
        quasiIdentifier: false,
        treatment: 'PSEUDONYMISE',
        treatmentReason: 'contact data',
        confidence: 0.9,
        evidence: '{"detectors":["email"]}',
        maskedExemplar: 'j***@e***.fr',
        provenance: [],
      },
    };
  });
}

/**
 * Boots the API (scan workers off: a queued scan stays queued) and builds the data of the matrix:
 * two organisations with the same local keys, findings, scan runs, audit rows, nine accounts (one
 * per column, a login target, an account to update) and one API token per column.
 */
export async function startMatrixFixture(): Promise<MatrixFixture> {
  const api = await startApi({ CARTO_SCAN_WORKERS: '0' });
  const neo4j = api.app.get(Neo4jService);
  const db = api.app.get(DataSource);
  const users = api.app.get(UsersService);
  const tokens = api.app.get(TokensService);
  const importer = api.app.get(InventoryImportService);
  const runs = new ScanRunsRepository(db);
  const run = uniqueId('mx').toLowerCase();
  const main = `${run}-main`;
  const other = `${run}-other`;
  const spareOrganisation = `${run}-new`;
  const organisations = [main, other, spareOrganisation];
  const documents = { main: matrixDocument(run, main, 'main'), other: matrixDocument(run, other, 'other') };
  const scanRef = connectionRefOf(run, 'main', 'a');
  process.env[scanRef] = 'postgres://matrix.invalid/never-scanned';

  const seedFindings = async (organisation: string) => {
    await neo4j.queryWrite(
      `UNWIND $findings AS f
       MATCH (field:Field {key: f.field})
       MERGE (x:Finding {key: f.props.key})
       SET x = f.props
       MERGE (field)-[:HAS_FINDING]->(x)`,
      { findings: findingsOf(run, organisation) },
    );
  };
  await importer.importDocument(documents.main);
  await importer.importDocument(documents.other);
  await seedFindings(main);
  await seedFindings(other);

  const specs: Record<AccountName, [string, Role, string[], string[]]> = {
    ADMIN: ['admin', Role.ADMIN, [], []],
    LEAD_A: ['leada', Role.DATA_LEAD, [main], ['dept-a']],
    LEAD_B: ['leadb', Role.DATA_LEAD, [main], ['dept-b']],
    DPO: ['dpo', Role.DPO, [main], []],
    AUDITOR: ['auditor', Role.AUDITOR, [main], []],
    // Same local department key as LEAD_A, in the other organisation.
    OTHER_LEAD: ['otherlead', Role.DATA_LEAD, [other], ['dept-a']],
    OTHER_DPO: ['otherdpo', Role.DPO, [other], []],
    PROBE: ['probe', Role.AUDITOR, [main], []],
    SPARE: ['spare', Role.AUDITOR, [main], []],
  };
  const accounts = Object.fromEntries(
    await Promise.all(
      Object.entries(specs).map(async ([name, [tag, role, orgs, departments]]) => [
        name,
        await users.create({
          email: `${run}${tag}@matrix.test`,
          displayName: `Matrix ${tag}`,
          role,
          organisations: orgs,
          departments,
          password: PASSWORD,
        }),
      ]),
    ),
  ) as Record<AccountName, Account>;
  const columns = MATRIX_ROLES.filter((role): role is Exclude<MatrixRole, 'ANON'> => role !== 'ANON');
  const headers = { ANON: {} } as Record<MatrixRole, Record<string, string>>;
  const apiTokens = {} as Record<Exclude<MatrixRole, 'ANON'>, ApiTokenView>;
  for (const role of columns) {
    const account = accounts[role];
    headers[role] = { authorization: `Bearer ${(await tokens.issueLoginToken(account.id)).token}` };
    apiTokens[role] = (await tokens.createApiToken(account.id, `token ${role}`, 30)).token;
  }
  // Failed runs as the CLI records them: a target URL naming user, host and database, and a failure
  // naming the source's connectionRef (connection details an AUDITOR must not get).
  const failedRun = async (tag: 'main' | 'other', organisation: string) => {
    const created = await runs.create({
      organisation,
      sourceKey: `probe-${run}`,
      target: scanTargetOf(run, tag),
      requestedBy: 'cli:fixture',
      store: true,
      status: 'RUNNING',
    });
    await runs.fail(created.id, scanFailureOf(run, tag));
    return (await runs.get(created.id))!;
  };
  const scanRuns = { main: await failedRun('main', main), other: await failedRun('other', other) };
  const audit = api.app.get(AuditService);
  for (const organisation of [main, other]) {
    await audit.record({
      action: 'matrix.probe',
      entityType: `Matrix-${run}`,
      entityKey: `${organisation}:probe`,
      organisation,
    });
  }

  const userIds = Object.values(accounts).map((account) => account.id);
  const tokenIds = Object.values(apiTokens).map((token) => token.id);
  const runIds = Object.values(scanRuns).map((scanRun) => scanRun.id);

  const text = (props: Record<string, unknown>) =>
    Object.keys(props)
      .filter((name) => name !== 'createdAt')
      .sort()
      .map((name) => `${name}=${JSON.stringify(plainValue(props[name]))};`)
      .join('');
  const probe = async (): Promise<MatrixState> => {
    const [nodes, userRows, tokenRows, scanRows, jobs, auditRows, riskRows] = await Promise.all([
      // Nodes of the run's organisations with every relationship touching them, in one read.
      neo4j.queryRead<{
        label: string;
        key: string;
        props: Record<string, unknown>;
        rels: { id: string; from: string; type: string; to: string; props: Record<string, unknown> }[];
      }>(
        `MATCH (n) WHERE n.organisation IN $organisations
         OPTIONAL MATCH (n)-[r]-(m)
         WITH n, collect(CASE WHEN r IS NULL THEN null
           ELSE {id: elementId(r), from: startNode(r).key, type: type(r), to: endNode(r).key, props: properties(r)} END) AS rels
         RETURN labels(n)[0] AS label, n.key AS key, properties(n) AS props, rels`,
        { organisations },
      ),
      db.query(
        `SELECT email, display_name, role, organisations, departments, disabled FROM users
          WHERE email LIKE $1 ORDER BY email`,
        [`${run}%@matrix.test`],
      ),
      db.query('SELECT id, user_id, name, revoked_at FROM api_tokens WHERE user_id = ANY($1) ORDER BY id', [userIds]),
      db.query('SELECT id, organisation, source_key, status FROM scan_runs WHERE organisation = ANY($1) ORDER BY id', [
        organisations,
      ]),
      db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'organisation' = ANY($2)`, [
        SCAN_QUEUE,
        organisations,
      ]),
      db.query(
        `SELECT count(*)::int AS n FROM audit_log
          WHERE organisation = ANY($1) OR actor_id = ANY($2) OR entity_key = ANY($3)`,
        [organisations, userIds, [...userIds, ...tokenIds]],
      ),
      db.query(
        `SELECT 'override' AS kind, organisation, risk AS key, score::text AS value FROM risk_score_overrides
          WHERE organisation = ANY($1)
         UNION ALL SELECT 'acceptance', organisation, risk, justification FROM risk_acceptances WHERE organisation = ANY($1)
         UNION ALL SELECT 'action', organisation, key, status FROM risk_actions WHERE organisation = ANY($1)
         ORDER BY 1, 2, 3, 4`,
        [organisations],
      ),
    ]);
    return {
      graph: {
        nodes: nodes.map((n) => `${n.label} ${n.key} ${text(n.props)}`).sort(),
        // A relationship between two of the run's nodes comes from both ends: kept once (by id).
        rels: [
          ...new Map(
            nodes.flatMap((n) => n.rels.map((r) => [r.id, `${r.from} ${r.type} ${r.to} ${text(r.props)}`.trim()])),
          ).values(),
        ].sort(),
      },
      users: userRows as unknown[],
      tokens: tokenRows as unknown[],
      scanRuns: scanRows as unknown[],
      scanJobs: (jobs as { n: number }[])[0].n,
      audit: (auditRows as { n: number }[])[0].n,
      riskDecisions: riskRows as unknown[],
    };
  };
  const baselineKeys = (await probe()).graph.nodes.map((line) => line.split(' ')[1]);

  const steps: Record<RestoreStep, () => Promise<unknown>> = {
    extras: () =>
      neo4j.queryWrite('MATCH (n) WHERE n.organisation IN $organisations AND NOT n.key IN $keys DETACH DELETE n', {
        organisations,
        keys: baselineKeys,
      }),
    declarations: () => importer.importDocument(documents.main),
    findings: () => seedFindings(main),
    lineage: () =>
      neo4j.queryWrite(
        `MATCH (a:Field)-[r:FEEDS]->(:Field) WHERE a.organisation IN $organisations
         REMOVE r.blocked, r.blockReason, r.blockedBy, r.blockedAt`,
        { organisations },
      ),
    accounts: async () => {
      await db.query('DELETE FROM users WHERE email LIKE $1 AND NOT id = ANY($2)', [`${run}%@matrix.test`, userIds]);
      await db.query('DELETE FROM api_tokens WHERE user_id = ANY($1) AND NOT id = ANY($2)', [userIds, tokenIds]);
      await db.query('UPDATE api_tokens SET revoked_at = NULL WHERE id = ANY($1)', [tokenIds]);
      const names = Object.entries(specs).map(([name, [tag]]) => [accounts[name as AccountName].id, `Matrix ${tag}`]);
      await db.query(
        `UPDATE users u SET display_name = v.name, disabled = false
           FROM unnest($1::uuid[], $2::text[]) AS v(id, name) WHERE u.id = v.id`,
        [names.map(([id]) => id), names.map(([, name]) => name)],
      );
    },
    scans: async () => {
      await db.query(
        `DELETE FROM pgboss.job WHERE name = $1 AND data->>'organisation' = ANY($2) AND NOT data->>'runId' = ANY($3)`,
        [SCAN_QUEUE, organisations, runIds],
      );
      await db.query('DELETE FROM scan_runs WHERE organisation = ANY($1) AND NOT id = ANY($2)', [
        organisations,
        runIds,
      ]);
    },
    // Overrides and acceptances are append-only (triggers): the test database's owner lifts them to undo.
    risks: async () => {
      for (const table of ['risk_score_overrides', 'risk_acceptances']) {
        await db.query(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_append_only`);
        await db.query(`DELETE FROM ${table} WHERE organisation = ANY($1)`, [organisations]);
        await db.query(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_append_only`);
      }
      await db.query('DELETE FROM risk_actions WHERE organisation = ANY($1)', [organisations]);
    },
  };
  // In this order: extra nodes go before the declarations are re-stated, findings after.
  const restore = async (only: readonly RestoreStep[] = RESTORE_STEPS) => {
    for (const step of RESTORE_STEPS) if (only.includes(step)) await steps[step]();
  };

  return {
    api,
    neo4j,
    db,
    run,
    main,
    other,
    spareOrganisation,
    password: PASSWORD,
    documents,
    accounts,
    headers,
    tokens: apiTokens,
    scanRuns,
    scanRef,
    findingKeys: (organisation) => ({
      a: `${organisation}:ds-a/${fieldNames(run).email}#matrix`,
      b: `${organisation}:ds-b/${fieldNames(run).email}#matrix`,
    }),
    probe,
    restore,
    async close() {
      await neo4j.queryWrite('MATCH (n) WHERE n.organisation IN $organisations DETACH DELETE n', { organisations });
      await db.query(`DELETE FROM pgboss.job WHERE name = $1 AND data->>'organisation' = ANY($2)`, [
        SCAN_QUEUE,
        organisations,
      ]);
      await db.query('DELETE FROM scan_runs WHERE organisation = ANY($1)', [organisations]);
      // Tokens go with their accounts (ON DELETE CASCADE).
      await db.query('DELETE FROM users WHERE email LIKE $1', [`${run}%@matrix.test`]);
      delete process.env[scanRef];
      await api.close();
    },
  };
}
