import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { uniqueId } from '@cartographer/testing';
import { type ApiHarness, startApi } from '../testing/api-harness.js';

const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { token }
}`;
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

/*
 * The client address feeds the per-address login limit. Behind a reverse proxy it is only taken
 * from X-Forwarded-For when the proxy is trusted (CARTO_TRUST_PROXY); otherwise the header is
 * ignored, so a client cannot pick a fresh address for every attempt.
 */
describe('client address behind a reverse proxy (booted API, real PostgreSQL)', () => {
  let trusting: ApiHarness;
  let direct: ApiHarness;
  let db: DataSource;
  const run = uniqueId('proxy');
  // Documentation addresses (RFC 5737), one pair per run.
  const octet = 1 + (Number.parseInt(createHash('sha256').update(run).digest('hex').slice(0, 4), 16) % 250);
  const clientA = `203.0.113.${octet}`;
  const clientB = `198.51.100.${octet}`;
  const emails: string[] = [];
  const email = () => {
    const value = `nobody-${uniqueId()}@${run}.test`;
    emails.push(value);
    return value;
  };
  const attempt = async (api: ApiHarness, from: string) =>
    (await api.graphql(LOGIN, { email: email(), password: 'not a password' }, { 'x-forwarded-for': from })).errors?.[0]
      ?.extensions?.code;

  beforeAll(async () => {
    // 2 failures per email, 8 per address.
    trusting = await startApi({ CARTO_LOGIN_MAX_FAILURES: '2', CARTO_TRUST_PROXY: 'loopback' });
    direct = await startApi({ CARTO_LOGIN_MAX_FAILURES: '2' });
    db = trusting.app.get(DataSource);
  });

  afterAll(async () => {
    await db.query('DELETE FROM login_failures WHERE email_hash = ANY($1) OR ip_hash = ANY($2)', [
      emails.map((value) => digest(`email:${value}`)),
      [digest(`ip:${clientA}`), digest(`ip:${clientB}`)],
    ]);
    await trusting.close();
    await direct.close();
  });

  it('counts failures per forwarded address when the proxy is trusted', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 8; i += 1) codes.push(await attempt(trusting, clientA));
    expect(codes).toEqual(Array.from({ length: 8 }, () => 'UNAUTHENTICATED'));
    // The ninth attempt from that address is refused whatever the email; another address is not.
    expect(await attempt(trusting, clientA)).toBe('TOO_MANY_REQUESTS');
    expect(await attempt(trusting, clientB)).toBe('UNAUTHENTICATED');
  });

  it('ignores X-Forwarded-For when no proxy is trusted: the socket address is counted', async () => {
    const value = email();
    await direct.graphql(LOGIN, { email: value, password: 'not a password' }, { 'x-forwarded-for': clientB });
    const rows = (await db.query('SELECT ip_hash FROM login_failures WHERE email_hash = $1', [
      digest(`email:${value}`),
    ])) as { ip_hash: string }[];
    expect(rows).toEqual([{ ip_hash: digest('ip:127.0.0.1') }]);
  });
});
