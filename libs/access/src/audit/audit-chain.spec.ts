import { describe, expect, it } from '@jest/globals';
import { auditRowHash, canonicalJson, GENESIS_HASH, redactAuditValue } from './audit-chain.js';

const row = {
  seq: '1',
  prevHash: GENESIS_HASH,
  occurredAt: new Date('2026-01-02T03:04:05.678Z'),
  requestId: 'req-1',
  actorType: 'user' as const,
  actorId: 'u-1',
  actorLabel: 'dpo@acme.test',
  action: 'dataset.update',
  entityType: 'Dataset',
  entityKey: 'ds-1',
  organisation: 'acme',
  before: { b: 1, a: [true, null] },
  after: { a: 'x' },
};

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: { d: 1, c: [{ z: 1, y: undefined, x: 2 }] }, a: new Date(0) })).toBe(
      '{"a":"1970-01-01T00:00:00.000Z","b":{"c":[{"x":2,"z":1}],"d":1}}',
    );
  });

  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ ratio: Number.NaN })).toThrow('audit values must be finite numbers');
  });
});

describe('auditRowHash', () => {
  it('is stable across key order and changes with any field', () => {
    const hash = auditRowHash(row);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(auditRowHash({ ...row, before: { a: [true, null], b: 1 } })).toBe(hash);
    const variants = [
      { seq: '2' },
      { prevHash: 'f'.repeat(64) },
      { occurredAt: new Date('2026-01-02T03:04:05.679Z') },
      { actorId: 'u-2' },
      { entityKey: 'ds-2' },
      { organisation: null },
      { after: { a: 'y' } },
    ];
    for (const change of variants) expect(auditRowHash({ ...row, ...change })).not.toBe(hash);
  });
});

describe('redactAuditValue', () => {
  it('replaces secrets and sampled values at any depth', () => {
    expect(
      redactAuditValue({
        name: 'Customers',
        password: 'pw',
        fields: [{ key: 'email', maskedExemplar: 'j***@e***.fr', samples: ['a@b.c'] }],
        connection: { credentials: { user: 'x' }, host: 'db' },
      }),
    ).toEqual({
      name: 'Customers',
      password: '[redacted]',
      fields: [{ key: 'email', maskedExemplar: '[redacted]', samples: '[redacted]' }],
      connection: { credentials: '[redacted]', host: 'db' },
    });
  });
});
