import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@cartographer/config';
import type { AuditService } from '../audit/audit.service.js';
import { TokensService } from './tokens.service.js';

/** Login tokens need only the configuration: the store and the audit log serve API tokens, unused here. */
function sut(secret = 'a-test-secret-of-at-least-32-bytes!!') {
  const config = loadConfig({ NODE_ENV: 'test', CARTO_JWT_SECRET: secret, CARTO_TOKEN_TTL_SECONDS: '900' });
  return new TokensService(undefined as unknown as DataSource, undefined as unknown as AuditService, config);
}

describe('TokensService login tokens (verified once, expiry checked on every use)', () => {
  const user = '3f0e7c1a-1111-4222-8333-944445555666';

  it('accepts a token again before its expiry and refuses it from its expiry second on', async () => {
    const tokens = sut();
    const issued = new Date('2026-12-03T10:00:00Z');
    const { token, expiresAt } = await tokens.issueLoginToken(user, issued);
    expect(expiresAt.toISOString()).toBe('2026-12-03T10:15:00.000Z');
    expect(await tokens.verifyLoginToken(token, issued.getTime() + 1_000)).toBe(user);
    // Remembered now: the second use skips the signature, not the expiry.
    expect(await tokens.verifyLoginToken(token, expiresAt.getTime() - 1)).toBe(user);
    await expect(tokens.verifyLoginToken(token, expiresAt.getTime())).rejects.toThrow('token expired');
    await expect(tokens.verifyLoginToken(token, expiresAt.getTime() + 60_000)).rejects.toThrow('token expired');
  });

  it('refuses an expired token it never saw, a token of another key, and a tampered remembered token', async () => {
    const tokens = sut();
    const issued = new Date('2026-12-03T10:00:00Z');
    const { token } = await tokens.issueLoginToken(user, issued);
    await expect(tokens.verifyLoginToken(token, issued.getTime() + 900_000)).rejects.toThrow('token expired');
    const other = await sut('another-secret-of-at-least-32-bytes!!').issueLoginToken(user, issued);
    await expect(tokens.verifyLoginToken(other.token, issued.getTime())).rejects.toThrow('invalid or expired token');
    expect(await tokens.verifyLoginToken(token, issued.getTime())).toBe(user);
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(tokens.verifyLoginToken(tampered, issued.getTime())).rejects.toThrow('invalid or expired token');
  });
});
