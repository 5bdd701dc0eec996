import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { type Account, Role, TokensService, UsersService } from '@cartographer/access';
import { uniqueId } from '@cartographer/testing';
import { type ApiHarness, startApi } from '../testing/api-harness.js';

const PASSWORD = 'a long test password';
const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { token expiresAt user { email role organisations } }
}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('authentication and accounts (real PostgreSQL, booted API)', () => {
  let api: ApiHarness;
  let users: UsersService;
  let db: DataSource;
  const run = uniqueId('auth');
  const emails: string[] = [];

  const account = async (role: Role, extra: Partial<Parameters<UsersService['create']>[0]> = {}): Promise<Account> => {
    const email = `${role.toLowerCase()}-${uniqueId()}@${run}.test`;
    emails.push(email);
    return users.create({
      email,
      displayName: `Test ${role}`,
      role,
      organisations: [`${run}-org`],
      password: PASSWORD,
      ...extra,
    });
  };
  const login = (email: string, password = PASSWORD) =>
    api.graphql<{
      login: { token: string; expiresAt: string; user: { email: string; role: string; organisations: string[] } };
    }>(LOGIN, { email, password });
  const tokenOf = async (email: string) => (await login(email)).data!.login.token;
  const userCount = async (email: string) =>
    ((await db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email])) as { n: number }[])[0].n;

  beforeAll(async () => {
    api = await startApi({ CARTO_LOGIN_MAX_FAILURES: '3', CARTO_LOGIN_WINDOW_SECONDS: '900' });
    users = api.app.get(UsersService);
    db = api.app.get(DataSource);
  });

  afterAll(async () => {
    // Failed-login rows of this file's emails also carry the shared 127.0.0.1 counter: remove them.
    await db.query(
      `DELETE FROM login_failures WHERE email_hash = ANY(
         SELECT encode(sha256(convert_to('email:' || e, 'UTF8')), 'hex') FROM unnest($1::text[]) AS e)`,
      [[...emails, `nobody-${run}@${run}.test`, `locked-${run}@${run}.test`]],
    );
    await db.query('DELETE FROM users WHERE email = ANY($1)', [emails]);
    await api.close();
  });

  describe('login', () => {
    it('returns a token, its expiry and the account', async () => {
      const dpo = await account(Role.DPO);
      const started = Date.now();
      const result = await login(dpo.email.toUpperCase());
      expect(result.errors).toBeUndefined();
      expect(result.data!.login.user).toEqual({ email: dpo.email, role: 'DPO', organisations: [`${run}-org`] });
      const ttl = new Date(result.data!.login.expiresAt).getTime() - started;
      expect(Math.round(ttl / 60_000)).toBe(15);
      const me = await api.graphql<{ me: { id: string } }>('{ me { id } }', {}, bearer(result.data!.login.token));
      expect(me.data).toEqual({ me: { id: dpo.id } });
    });

    it('answers a wrong password, an unknown email and a disabled account with the same error', async () => {
      const user = await account(Role.AUDITOR);
      const disabled = await account(Role.AUDITOR);
      await users.disable(disabled.id);
      const answers = [
        await login(user.email, 'not the password at all'),
        await login(`nobody-${run}@${run}.test`),
        await login(disabled.email),
      ];
      for (const answer of answers) {
        expect(answer.data).toBeNull();
        expect(answer.errors).toEqual([
          {
            message: 'invalid email or password',
            locations: [{ line: 2, column: 3 }],
            path: ['login'],
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ]);
      }
    });

    it('refuses every attempt after 3 failures for one email, even with the right password', async () => {
      const email = `locked-${run}@${run}.test`;
      emails.push(email);
      await users.create({ email, displayName: 'Locked', role: Role.DPO, organisations: [], password: PASSWORD });
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 3; i += 1)
        codes.push((await login(email, `wrong password ${i}`)).errors?.[0]?.extensions?.code);
      const blocked = await login(email);
      expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
      expect(blocked.data).toBeNull();
      expect(blocked.errors?.[0]?.message).toBe('too many failed logins; try again later');
      expect(blocked.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    });

    it('clears the email counter after a success', async () => {
      const user = await account(Role.DPO);
      await login(user.email, 'wrong once');
      await login(user.email, 'wrong twice');
      expect((await login(user.email)).errors).toBeUndefined();
      const counted = (await db.query(
        `SELECT count(*)::int AS n FROM login_failures WHERE email_hash = encode(sha256(convert_to('email:' || $1, 'UTF8')), 'hex')`,
        [user.email],
      )) as { n: number }[];
      expect(counted).toEqual([{ n: 0 }]);
    });
  });

  describe('tokens', () => {
    it('refuses an expired login token', async () => {
      const user = await account(Role.DPO);
      const { token } = await api.app.get(TokensService).issueLoginToken(user.id, new Date(Date.now() - 16 * 60_000));
      const result = await api.graphql('{ me { id } }', {}, bearer(token));
      expect(result.errors?.[0]).toMatchObject({ message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } });
    });

    it('refuses a token signed with another secret and a malformed header', async () => {
      const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4IiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2lnbmF0dXJlLW5vdC12YWxpZA';
      const results = [
        await api.graphql('{ me { id } }', {}, bearer(forged)),
        await api.graphql('{ me { id } }', {}, { authorization: 'Basic abc' }),
      ];
      expect(results.map((result) => result.errors?.[0]?.message)).toEqual([
        'invalid or expired token',
        'malformed Authorization header',
      ]);
    });

    it('stops a disabled account at once, whatever token it holds', async () => {
      const user = await account(Role.DPO);
      const token = await tokenOf(user.email);
      expect((await api.graphql('{ me { id } }', {}, bearer(token))).data).toEqual({ me: { id: user.id } });
      await users.disable(user.id);
      const after = await api.graphql('{ me { id } }', {}, bearer(token));
      expect(after.errors?.[0]).toMatchObject({
        message: 'account disabled or removed',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    });

    it('creates an API token shown once, authenticates with it, lists it, and refuses it once revoked', async () => {
      const user = await account(Role.AUDITOR);
      const session = bearer(await tokenOf(user.email));
      const created = await api.graphql<{
        createApiToken: { secret: string; apiToken: { id: string; name: string; prefix: string } };
      }>(
        'mutation { createApiToken(input: { name: "nightly export", expiresInDays: 7 }) { secret apiToken { id name prefix } } }',
        {},
        session,
      );
      expect(created.errors).toBeUndefined();
      const { secret, apiToken } = created.data!.createApiToken;
      expect(secret).toMatch(new RegExp(`^carto_${apiToken.prefix}_[A-Za-z0-9_-]{43}$`));
      expect(apiToken.name).toBe('nightly export');
      const stored = (await db.query('SELECT secret_hash FROM api_tokens WHERE id = $1', [apiToken.id])) as {
        secret_hash: string;
      }[];
      // The random part is parsed by its fixed layout (it may itself start with or contain '_').
      const random = secret.slice(`carto_${apiToken.prefix}_`.length);
      expect(random).toHaveLength(43);
      expect(stored[0].secret_hash).toBe(createHash('sha256').update(secret).digest('hex'));
      expect(stored[0].secret_hash).not.toContain(random);

      const me = await api.graphql<{ me: { email: string } }>('{ me { email } }', {}, bearer(secret));
      expect(me.data).toEqual({ me: { email: user.email } });
      const listed = await api.graphql<{ apiTokens: { id: string; revokedAt: string | null }[] }>(
        '{ apiTokens { id revokedAt } }',
        {},
        session,
      );
      expect(listed.data).toEqual({ apiTokens: [{ id: apiToken.id, revokedAt: null }] });

      const revoked = await api.graphql<{ revokeApiToken: { revokedAt: string } }>(
        'mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
        { id: apiToken.id },
        session,
      );
      expect(typeof revoked.data?.revokeApiToken.revokedAt).toBe('string');
      const refused = await api.graphql('{ me { email } }', {}, bearer(secret));
      expect(refused.errors?.[0]).toMatchObject({ message: 'token revoked', extensions: { code: 'UNAUTHENTICATED' } });
    });

    it('refuses an expired API token', async () => {
      const user = await account(Role.AUDITOR);
      const { secret, token } = await api.app.get(TokensService).createApiToken(user.id, 'short-lived', 1);
      await db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [token.id]);
      const refused = await api.graphql('{ me { email } }', {}, bearer(secret));
      expect(refused.errors?.[0]).toMatchObject({ message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } });
    });

    it("does not let an account revoke another account's token", async () => {
      const owner = await account(Role.DPO);
      const other = await account(Role.DPO);
      const { token } = await api.app.get(TokensService).createApiToken(owner.id, 'owned', 30);
      const result = await api.graphql(
        'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }',
        { id: token.id },
        bearer(await tokenOf(other.email)),
      );
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      const rows = (await db.query('SELECT revoked_at FROM api_tokens WHERE id = $1', [token.id])) as {
        revoked_at: Date | null;
      }[];
      expect(rows).toEqual([{ revoked_at: null }]);
    });
  });

  describe('account administration', () => {
    const CREATE = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id email role departments } }`;

    it('lets an ADMIN create, update and disable accounts, each change audited', async () => {
      const admin = await account(Role.ADMIN, { organisations: [] });
      const session = bearer(await tokenOf(admin.email));
      const email = `lead-${uniqueId()}@${run}.test`;
      emails.push(email);
      const created = await api.graphql<{
        createUser: { id: string; email: string; role: string; departments: string[] };
      }>(
        CREATE,
        {
          input: {
            email,
            displayName: 'Lead',
            role: 'DATA_LEAD',
            organisations: [`${run}-org`],
            departments: ['hr'],
            password: PASSWORD,
          },
        },
        session,
      );
      expect(created.errors).toBeUndefined();
      const id = created.data!.createUser.id;
      expect(created.data!.createUser).toEqual({ id, email, role: 'DATA_LEAD', departments: ['hr'] });

      const updated = await api.graphql<{ updateUser: { departments: string[] } }>(
        'mutation ($input: UpdateUserInput!) { updateUser(input: $input) { departments } }',
        { input: { id, departments: ['sales', 'hr'] } },
        session,
      );
      expect(updated.data).toEqual({ updateUser: { departments: ['hr', 'sales'] } });
      const disabled = await api.graphql<{ disableUser: { disabled: boolean } }>(
        'mutation ($id: ID!) { disableUser(id: $id) { disabled } }',
        { id },
        session,
      );
      expect(disabled.data).toEqual({ disableUser: { disabled: true } });

      const audit = (await db.query(
        `SELECT action, actor_id, actor_label, request_id IS NOT NULL AS has_request, after->>'departments' AS departments
           FROM audit_log WHERE entity_type = 'User' AND entity_key = $1 ORDER BY seq`,
        [id],
      )) as { action: string; actor_id: string; actor_label: string; has_request: boolean; departments: string }[];
      expect(audit).toEqual([
        {
          action: 'user.create',
          actor_id: admin.id,
          actor_label: admin.email,
          has_request: true,
          departments: '["hr"]',
        },
        {
          action: 'user.update',
          actor_id: admin.id,
          actor_label: admin.email,
          has_request: true,
          departments: '["hr", "sales"]',
        },
        {
          action: 'user.disable',
          actor_id: admin.id,
          actor_label: admin.email,
          has_request: true,
          departments: '["hr", "sales"]',
        },
      ]);
      const leaked = (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE after::text LIKE '%argon2%'`)) as {
        n: number;
      }[];
      expect(leaked).toEqual([{ n: 0 }]);
    });

    it.each([Role.DATA_LEAD, Role.DPO, Role.AUDITOR])('refuses createUser to a %s and writes nothing', async (role) => {
      const caller = await account(role);
      const email = `intruder-${uniqueId()}@${run}.test`;
      const result = await api.graphql(
        CREATE,
        { input: { email, displayName: 'X', role: 'ADMIN', organisations: [], departments: [], password: PASSWORD } },
        bearer(await tokenOf(caller.email)),
      );
      expect(result.errors?.[0]).toMatchObject({
        message: 'not allowed to create User',
        extensions: { code: 'FORBIDDEN' },
      });
      expect(await userCount(email)).toBe(0);
    });

    it('refuses createUser without a token and writes nothing', async () => {
      const email = `anonymous-${uniqueId()}@${run}.test`;
      const result = await api.graphql(CREATE, {
        input: { email, displayName: 'X', role: 'ADMIN', organisations: [], departments: [], password: PASSWORD },
      });
      expect(result.errors?.[0]).toMatchObject({
        message: 'authentication required',
        extensions: { code: 'UNAUTHENTICATED' },
      });
      expect(await userCount(email)).toBe(0);
    });

    it('refuses a DPO promoting itself and keeps its role', async () => {
      const dpo = await account(Role.DPO);
      const result = await api.graphql(
        'mutation ($input: UpdateUserInput!) { updateUser(input: $input) { role } }',
        { input: { id: dpo.id, role: 'ADMIN' } },
        bearer(await tokenOf(dpo.email)),
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await users.get(dpo.id)).role).toBe(Role.DPO);
    });

    it('answers a duplicate email with CONFLICT and bad input with BAD_USER_INPUT', async () => {
      const admin = await account(Role.ADMIN, { organisations: [] });
      const existing = await account(Role.DPO);
      const session = bearer(await tokenOf(admin.email));
      const input = { displayName: 'X', role: 'DPO', organisations: [], departments: [], password: PASSWORD };
      const duplicate = await api.graphql(CREATE, { input: { ...input, email: existing.email } }, session);
      const shortPassword = await api.graphql(
        CREATE,
        { input: { ...input, email: `short-${run}@x.test`, password: 'short' } },
        session,
      );
      const badKey = await api.graphql(
        CREATE,
        { input: { ...input, email: `key-${run}@x.test`, organisations: ['no spaces'] } },
        session,
      );
      expect(duplicate.errors?.[0]).toMatchObject({
        message: `an account with email '${existing.email}' already exists`,
        extensions: { code: 'CONFLICT' },
      });
      expect(shortPassword.errors?.[0]).toMatchObject({
        message: 'password must be longer than or equal to 12 characters',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect(badKey.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await userCount(`short-${run}@x.test`)).toBe(0);
    });

    it('bounds page sizes', async () => {
      const admin = await account(Role.ADMIN, { organisations: [] });
      const result = await api.graphql(
        '{ users(first: 101) { nodes { id } } }',
        {},
        bearer(await tokenOf(admin.email)),
      );
      expect(result.errors?.[0]).toMatchObject({
        message: 'first must not be greater than 100',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });
  });

  describe('audit log query', () => {
    const QUERY = `query ($org: String) { auditLog(first: 100, entityType: "Test", organisation: $org) { nodes { entityKey organisation actor { type } } } }`;

    it('shows an ADMIN every organisation, a DPO only theirs, and refuses AUDITORs and DATA_LEADs', async () => {
      const { AuditService } = await import('@cartographer/access');
      const audit = api.app.get(AuditService);
      const mine = `${run}-org`;
      const other = `${run}-other`;
      await audit.record({ action: 'test.note', entityType: 'Test', entityKey: `${run}-a`, organisation: mine });
      await audit.record({ action: 'test.note', entityType: 'Test', entityKey: `${run}-b`, organisation: other });
      const admin = bearer(await tokenOf((await account(Role.ADMIN, { organisations: [] })).email));
      const dpo = bearer(await tokenOf((await account(Role.DPO)).email));
      const keys = async (headers: Record<string, string>, org?: string) =>
        (
          (await api.graphql<{ auditLog: { nodes: { entityKey: string }[] } }>(QUERY, { org }, headers)).data?.auditLog
            .nodes ?? []
        )
          .map((node) => node.entityKey)
          .filter((key) => key.startsWith(run));
      expect(await keys(admin)).toEqual([`${run}-b`, `${run}-a`]);
      expect(await keys(dpo)).toEqual([`${run}-a`]);
      expect(await keys(dpo, other)).toEqual([]);
      for (const role of [Role.AUDITOR, Role.DATA_LEAD]) {
        const denied = await api.graphql(QUERY, {}, bearer(await tokenOf((await account(role)).email)));
        expect(denied.errors?.[0]).toMatchObject({
          message: 'not allowed to read AuditLog',
          extensions: { code: 'FORBIDDEN' },
        });
      }
    });
  });
});
