import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { AUDIT_OUTBOX_LABEL, AuditService, auditRowHash } from '@cartographer/access';
import { projectRoot } from '@cartographer/config';
import { createDataSource } from '@cartographer/database';
import { createDriver, Neo4jService } from '@cartographer/graph';
import { testStores, uniqueId } from '@cartographer/testing';
import { migrations } from '@cartographer/database';

const CLI = join(projectRoot(), 'dist', 'apps', 'cli', 'src', 'main.js');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `carto` against one database, the way an operator would. */
function carto(databaseUrl: string, args: string[], input?: string): Promise<CliResult> {
  const { neo4j } = testStores();
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      {
        cwd: projectRoot(),
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'error',
          DATABASE_URL: databaseUrl,
          NEO4J_URI: neo4j.uri,
          NEO4J_USER: neo4j.user,
          NEO4J_PASSWORD: neo4j.password,
        },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

describe('carto audit verify and carto users (built CLI, real PostgreSQL)', () => {
  let admin: pg.Client;
  const databases: string[] = [];

  /** A database of its own per scenario, holding a five-row chain, so tampering stays local. */
  async function chain(): Promise<{ url: string; superuser: pg.Client; hashes: string[] }> {
    const name = uniqueId('carto_tamper_');
    databases.push(name);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(testStores().databaseUrl);
    url.pathname = `/${name}`;
    const dataSource = createDataSource({ url: url.toString(), migrations });
    await dataSource.initialize();
    const hashes: string[] = [];
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      const audit = new AuditService(dataSource);
      for (let i = 1; i <= 5; i += 1) {
        const record = await audit.record({
          action: 'dataset.update',
          entityType: 'Dataset',
          entityKey: `ds-${i}`,
          organisation: 'acme',
          before: { legalBasis: null },
          after: { legalBasis: 'contract', revision: i },
        });
        hashes.push(record.hash);
      }
    } finally {
      await dataSource.destroy();
    }
    // The test's DATABASE_URL is a superuser on the embedded server: it can switch triggers off.
    const superuser = new pg.Client({ connectionString: url.toString() });
    await superuser.connect();
    await superuser.query('SET session_replication_role = replica');
    return { url: url.toString(), superuser, hashes };
  }

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build'], { cwd: projectRoot(), stdio: 'ignore' });
    admin = new pg.Client({ connectionString: testStores().databaseUrl });
    await admin.connect();
  });

  afterAll(async () => {
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('passes on an untouched chain and prints its head', async () => {
    const { url, superuser, hashes } = await chain();
    await superuser.end();
    const result = await carto(url, ['audit', 'verify']);
    expect(result).toEqual({ code: 0, stdout: `audit chain ok: 5 rows, head seq 5 hash ${hashes[4]}\n`, stderr: '' });
  });

  it('fails, naming them, when audit entries have waited in the graph outbox for over a minute', async () => {
    const { url, superuser, hashes } = await chain();
    await superuser.end();
    const { neo4j: options } = testStores();
    const neo4j = new Neo4jService(createDriver(options), options);
    const id = uniqueId('stale-');
    const occurredAt = new Date(Date.now() - 120_000).toISOString();
    try {
      // What a crash leaves when no API starts afterwards to relay it.
      await neo4j.queryWrite(
        `CREATE (:${AUDIT_OUTBOX_LABEL} {id: $id, occurredAt: $occurredAt, entry: '{"action":"probe.stale"}'})`,
        { id, occurredAt },
      );
      const result = await carto(url, ['audit', 'verify']);
      expect(result).toEqual({
        code: 6,
        stdout: '',
        stderr: `carto: audit chain ok up to seq 5, but 1 audit entries wait in the graph's outbox since ${occurredAt} (over a minute): start the API to append them\n`,
      });
    } finally {
      await neo4j.queryWrite(`MATCH (o:${AUDIT_OUTBOX_LABEL} {id: $id}) DELETE o`, { id });
      await neo4j.driver.close();
    }
    // Relayed (here: gone), the chain verifies again.
    expect((await carto(url, ['audit', 'verify'])).stdout).toBe(
      `audit chain ok: 5 rows, head seq 5 hash ${hashes[4]}\n`,
    );
  });

  it('names an updated row', async () => {
    const { url, superuser } = await chain();
    await superuser.query(`UPDATE audit_log SET after = '{"legalBasis": "consent", "revision": 3}' WHERE seq = 3`);
    await superuser.end();
    const result = await carto(url, ['audit', 'verify']);
    expect(result.code).toBe(6);
    expect(result.stderr).toBe(
      'carto: audit chain broken at seq 3: row 3 does not match its hash (altered or moved) (2 rows verified before it)\n',
    );
  });

  it('names a rewritten row whose hash was recomputed, through the broken link after it', async () => {
    const { url, superuser } = await chain();
    const [row] = (
      await superuser.query(
        `SELECT seq::text AS seq, occurred_at, request_id, actor_type, actor_id, actor_label, action, entity_type, entity_key,
                organisation, before, after, prev_hash FROM audit_log WHERE seq = 2`,
      )
    ).rows;
    const forged = { legalBasis: 'legitimate interest', revision: 2 };
    const hash = auditRowHash({
      seq: row.seq,
      prevHash: row.prev_hash,
      occurredAt: row.occurred_at,
      requestId: row.request_id,
      actorType: row.actor_type,
      actorId: row.actor_id,
      actorLabel: row.actor_label,
      action: row.action,
      entityType: row.entity_type,
      entityKey: row.entity_key,
      organisation: row.organisation,
      before: row.before,
      after: forged,
    });
    await superuser.query(`UPDATE audit_log SET after = $1, hash = $2 WHERE seq = 2`, [JSON.stringify(forged), hash]);
    await superuser.end();
    const result = await carto(url, ['audit', 'verify']);
    expect(result.code).toBe(6);
    expect(result.stderr).toBe(
      'carto: audit chain broken at seq 3: row 3 does not follow row 2: row 2 was rewritten or rows were reordered (2 rows verified before it)\n',
    );
  });

  it('names a deleted row', async () => {
    const { url, superuser } = await chain();
    await superuser.query('DELETE FROM audit_log WHERE seq = 3');
    await superuser.end();
    const result = await carto(url, ['audit', 'verify']);
    expect(result.code).toBe(6);
    expect(result.stderr).toBe(
      'carto: audit chain broken at seq 3: row 3 is missing (deleted) (2 rows verified before it)\n',
    );
  });

  it('names the first of two swapped rows', async () => {
    const { url, superuser } = await chain();
    await superuser.query('UPDATE audit_log SET seq = 1000 WHERE seq = 2');
    await superuser.query('UPDATE audit_log SET seq = 2 WHERE seq = 4');
    await superuser.query('UPDATE audit_log SET seq = 4 WHERE seq = 1000');
    await superuser.end();
    const result = await carto(url, ['audit', 'verify']);
    expect(result.code).toBe(6);
    expect(result.stderr).toBe(
      'carto: audit chain broken at seq 2: row 2 does not match its hash (altered or moved) (1 rows verified before it)\n',
    );
  });

  it('names a deleted last row through the chain head', async () => {
    const { url, superuser } = await chain();
    await superuser.query('DELETE FROM audit_log WHERE seq = 5');
    await superuser.end();
    const result = await carto(url, ['audit', 'verify']);
    expect(result.code).toBe(6);
    expect(result.stderr).toBe(
      'carto: audit chain broken at seq 5: rows after 4 are missing (the chain head is at 5) (4 rows verified before it)\n',
    );
  });

  it('creates an account from standard input, audited as the CLI operator', async () => {
    const { url, superuser } = await chain();
    const result = await carto(
      url,
      [
        'users',
        'create',
        '--email',
        'Lead@Acme.test',
        '--role',
        'data_lead',
        '--organisation',
        'acme',
        '--department',
        'hr',
        '--department',
        'sales',
        '--password-stdin',
      ],
      'a long enough password\n',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^created DATA_LEAD lead@acme\.test \(id [0-9a-f-]{36}\)\n$/);
    const users = await superuser.query(
      `SELECT email, role, organisations, departments, password_hash LIKE '$argon2id$%' AS argon2id FROM users`,
    );
    expect(users.rows).toEqual([
      {
        email: 'lead@acme.test',
        role: 'DATA_LEAD',
        organisations: ['acme'],
        departments: ['hr', 'sales'],
        argon2id: true,
      },
    ]);
    const audit = await superuser.query(`SELECT action, actor_type FROM audit_log WHERE seq = 6`);
    expect(audit.rows).toEqual([{ action: 'user.create', actor_type: 'cli' }]);
    await superuser.end();
    expect((await carto(url, ['audit', 'verify'])).code).toBe(0);
  });

  it('refuses a password on the command line, an unknown role and a short password, writing nothing', async () => {
    const { url, superuser } = await chain();
    const results = [
      await carto(url, ['users', 'create', '--email', 'x@acme.test', '--role', 'DPO']),
      await carto(
        url,
        ['users', 'create', '--email', 'x@acme.test', '--role', 'ROOT', '--password-stdin'],
        'a long enough password',
      ),
      await carto(url, ['users', 'create', '--email', 'x@acme.test', '--role', 'DPO', '--password-stdin'], 'short'),
    ];
    expect(results.map(({ code, stderr }) => [code, stderr])).toEqual([
      [3, 'carto: --password-stdin is required (pipe the password in)\n'],
      [3, "carto: --role: expected one of ADMIN, DATA_LEAD, DPO, AUDITOR, got 'ROOT'\n"],
      [3, 'carto: password: must be at least 12 characters long\n'],
    ]);
    const users = await superuser.query('SELECT count(*)::int AS n FROM users');
    expect(users.rows).toEqual([{ n: 0 }]);
    await superuser.end();
  });
});
