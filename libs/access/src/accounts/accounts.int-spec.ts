import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@cartographer/config';
import { createDataSource } from '@cartographer/database';
import { testConfig, testStores, uniqueId } from '@cartographer/testing';
import { migrations } from '@cartographer/database';
import { AuditService } from '../audit/audit.service.js';
import { Role } from '../policy/policy.types.js';
import { ACCESS_ENTITIES } from '../access.module.js';
import { AuthService } from './auth.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordService } from './password.service.js';
import { TokensService } from './tokens.service.js';
import { UsersService } from './users.service.js';

describe('accounts (real PostgreSQL, database of its own)', () => {
  const database = uniqueId('carto_accounts_');
  let admin: pg.Client;
  let db: DataSource;
  let users: UsersService;
  let auth: AuthService;

  beforeAll(async () => {
    // Its own database: "last administrator" needs to know every account there is.
    admin = new pg.Client({ connectionString: testStores().databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(testStores().databaseUrl);
    url.pathname = `/${database}`;
    db = createDataSource({ url: url.toString(), migrations, entities: ACCESS_ENTITIES });
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    const config: AppConfig = testConfig();
    const audit = new AuditService(db);
    const passwords = new PasswordService();
    users = new UsersService(db, passwords, audit);
    auth = new AuthService(
      users,
      passwords,
      new TokensService(db, audit, config),
      new LoginThrottleService(db, config),
      audit,
    );
  });

  afterAll(async () => {
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('never disables or demotes the last active administrator', async () => {
    const only = await users.create({
      email: 'one@x.test',
      displayName: 'One',
      role: Role.ADMIN,
      organisations: [],
      password: 'p'.repeat(12),
    });
    await expect(users.disable(only.id)).rejects.toThrow('cannot disable or demote the last active administrator');
    await expect(users.update(only.id, { role: Role.DPO })).rejects.toThrow(
      'cannot disable or demote the last active administrator',
    );
    expect(await users.get(only.id)).toMatchObject({ role: Role.ADMIN, disabled: false });

    const second = await users.create({
      email: 'two@x.test',
      displayName: 'Two',
      role: Role.ADMIN,
      organisations: [],
      password: 'p'.repeat(12),
    });
    expect((await users.disable(only.id)).disabled).toBe(true);
    await expect(users.update(second.id, { role: Role.AUDITOR })).rejects.toThrow(
      'cannot disable or demote the last active administrator',
    );
    expect((await users.update(only.id, { disabled: false })).disabled).toBe(false);
    expect((await users.update(second.id, { role: Role.AUDITOR })).role).toBe(Role.AUDITOR);
  });

  it('refuses an over-long password at creation and at login, with the usual answer', async () => {
    const long = 'x'.repeat(1025);
    await expect(
      users.create({ email: 'long@x.test', displayName: 'Long', role: Role.DPO, organisations: [], password: long }),
    ).rejects.toThrow('password: must be at most 1024 characters long');
    await users.create({
      email: 'prefix@x.test',
      displayName: 'P',
      role: Role.DPO,
      organisations: [],
      password: 'x'.repeat(1024),
    });
    await expect(auth.login('prefix@x.test', long, '192.0.2.1')).rejects.toThrow('invalid email or password');
    expect((await auth.login('prefix@x.test', 'x'.repeat(1024), '192.0.2.1')).account.email).toBe('prefix@x.test');
  });

  it('counts failures per address too: four times the per-email limit', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 21; i += 1) {
      try {
        await auth.login(`visitor${i % 7}@x.test`, 'wrong password', '198.51.100.7');
      } catch (error) {
        codes.push((error as { code: string }).code);
      }
    }
    expect(codes.slice(0, 20)).toEqual(Array(20).fill('ACCESS_UNAUTHENTICATED'));
    expect(codes[20]).toBe('ACCESS_RATE_LIMITED');
  });
});
