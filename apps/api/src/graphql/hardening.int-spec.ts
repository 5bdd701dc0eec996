import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { AccountsBootstrapService, Role, TokensService, UsersService } from '@cartographer/access';
import { APP_CONFIG, type AppConfig } from '@cartographer/config';
import { uniqueId } from '@cartographer/testing';
import { type ApiHarness, startApi } from '../testing/api-harness.js';

const ADMIN_PASSWORD = 'first admin password';

describe('first accounts, GraphQL limits and the audit safety net (booted API)', () => {
  const run = uniqueId('hard');
  const adminEmail = `admin-${run}@boot.test`;
  const demoOrg = `${run}-demo`;
  let api: ApiHarness;
  let db: DataSource;
  let adminToken: string;

  const login = async (email: string, password: string) =>
    api.graphql<{ login: { token: string; user: { role: string } } }>(
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token user { role } } }',
      { e: email, p: password },
    );

  beforeAll(async () => {
    api = await startApi({
      CARTO_ADMIN_EMAIL: adminEmail,
      CARTO_ADMIN_PASSWORD: ADMIN_PASSWORD,
      CARTO_DEV_MODE: 'true',
      GRAPHQL_MAX_DEPTH: '3',
      GRAPHQL_MAX_COMPLEXITY: '60',
    });
    db = api.app.get(DataSource);
    adminToken = (await login(adminEmail, ADMIN_PASSWORD)).data!.login.token;
  });

  afterAll(async () => {
    await db.query(`DELETE FROM users WHERE email = $1 OR email LIKE $2`, [adminEmail, `%@${demoOrg}.demo`]);
    await api.close();
  });

  it('creates the administrator named by CARTO_ADMIN_EMAIL at boot, once', async () => {
    const [created] = (await db.query(
      `SELECT u.role, u.organisations, a.actor_type, a.actor_label FROM users u
         JOIN audit_log a ON a.entity_key = u.id::text AND a.action = 'user.create' WHERE u.email = $1`,
      [adminEmail],
    )) as { role: string; organisations: string[]; actor_type: string; actor_label: string }[];
    expect(created).toEqual({ role: 'ADMIN', organisations: [], actor_type: 'system', actor_label: 'boot' });
    expect(await api.app.get(AccountsBootstrapService).ensureAdminFromConfig()).toBe(false);
  });

  it('creates one demo account per role in dev mode, with passwords shown only on creation', async () => {
    const bootstrap = api.app.get(AccountsBootstrapService);
    const written: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof process.stdout.write;
    let first;
    try {
      first = await bootstrap.ensureDemoAccounts(demoOrg, ['hr', 'sales']);
    } finally {
      process.stdout.write = write;
    }
    expect(first).toEqual([
      { email: `admin@${demoOrg}.demo`, role: Role.ADMIN },
      { email: `data-lead@${demoOrg}.demo`, role: Role.DATA_LEAD },
      { email: `dpo@${demoOrg}.demo`, role: Role.DPO },
      { email: `auditor@${demoOrg}.demo`, role: Role.AUDITOR },
    ]);
    const printed = written.join('');
    const leadPassword = new RegExp(`DATA_LEAD\\s+data-lead@${demoOrg}\\.demo\\s+(\\S+)`).exec(printed)?.[1] ?? '';
    expect(leadPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const lead = await login(`data-lead@${demoOrg}.demo`, leadPassword);
    expect(lead.data?.login.user).toEqual({ role: 'DATA_LEAD' });
    const account = await api.app.get(UsersService).findByEmail(`data-lead@${demoOrg}.demo`);
    expect([account?.organisations, account?.departments]).toEqual([[demoOrg], ['hr', 'sales']]);
    expect(await bootstrap.ensureDemoAccounts(demoOrg, ['hr'])).toEqual([]);

    const config = api.app.get<AppConfig>(APP_CONFIG);
    const outsideDevMode = new AccountsBootstrapService(api.app.get(UsersService), {
      ...config,
      auth: { ...config.auth, devMode: false },
    });
    expect(await outsideDevMode.ensureDemoAccounts(`${run}-other`, [])).toEqual([]);
    expect(await api.app.get(UsersService).findByEmail(`admin@${run}-other.demo`)).toBeNull();
  });

  it('refuses a query deeper than GRAPHQL_MAX_DEPTH before running it', async () => {
    const result = await api.graphql(
      '{ auditLog(first: 1) { nodes { actor { type } } } }',
      {},
      { authorization: `Bearer ${adminToken}` },
    );
    expect(result.status).toBe(400);
    expect(result.errors).toEqual([
      {
        message: 'query is too deep: more than 3 levels',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'QUERY_TOO_DEEP' },
      },
    ]);
  });

  it('refuses a query costlier than GRAPHQL_MAX_COMPLEXITY and accepts a cheaper page', async () => {
    const headers = { authorization: `Bearer ${adminToken}` };
    const costly = await api.graphql('{ users(first: 50) { nodes { id email } } }', {}, headers);
    const cheap = await api.graphql<{ users: { nodes: unknown[] } }>(
      '{ users(first: 10) { nodes { id email } } }',
      {},
      headers,
    );
    expect(costly.errors).toEqual([
      { message: 'query is too complex: cost 151 exceeds 60', extensions: { code: 'QUERY_TOO_COMPLEX' } },
    ]);
    expect(cheap.errors).toBeUndefined();
    expect(cheap.data!.users.nodes.length).toBeGreaterThan(0);
  });

  it('echoes a plain x-request-id and records it with the audit row of the mutation', async () => {
    const requestId = `req-${run}`;
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}`, 'x-request-id': requestId },
      body: JSON.stringify({ query: 'mutation { createApiToken(input: { name: "ci" }) { apiToken { id } } }' }),
    });
    const body = (await response.json()) as { data: { createApiToken: { apiToken: { id: string } } } };
    expect(response.headers.get('x-request-id')).toBe(requestId);
    const rows = (await db.query(`SELECT action, request_id FROM audit_log WHERE entity_key = $1`, [
      body.data.createApiToken.apiToken.id,
    ])) as { action: string; request_id: string }[];
    expect(rows).toEqual([{ action: 'apiToken.create', request_id: requestId }]);
    const spoofed = await fetch(`${api.baseUrl}/health`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(spoofed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('records a generic audit row for a successful mutation that wrote none', async () => {
    const admin = await api.app.get(UsersService).findByEmail(adminEmail);
    const { token } = await api.app.get(TokensService).createApiToken(admin!.id, 'twice', 1);
    await api.app.get(TokensService).revokeApiToken(token.id);
    const requestId = `again-${run}`;
    // Revoking an already revoked token changes nothing, so the service writes no row of its own.
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}`, 'x-request-id': requestId },
      body: JSON.stringify({
        query: 'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }',
        variables: { id: token.id },
      }),
    });
    expect(response.status).toBe(200);
    const rows = (await db.query(
      `SELECT action, entity_type, entity_key, actor_label FROM audit_log WHERE request_id = $1`,
      [requestId],
    )) as Record<string, string>[];
    expect(rows).toEqual([
      { action: 'graphql.mutation', entity_type: 'GraphQL', entity_key: 'revokeApiToken', actor_label: adminEmail },
    ]);
  });

  it('answers a REST route error with the same codes as GraphQL', async () => {
    const response = await fetch(`${api.baseUrl}/no-such-route`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 'NOT_FOUND', message: 'Cannot GET /no-such-route' });
  });
});
