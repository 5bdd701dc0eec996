import { describe, expect, it } from '@jest/globals';
import { ComplianceError, ComplianceErrorCode, quoteUntrusted, sanitiseFieldName } from './compliance.errors.js';

describe('quoteUntrusted', () => {
  it('quotes a short value as is', () => {
    expect(quoteUntrusted('XZ')).toBe("'XZ'");
    expect(quoteUntrusted('')).toBe("''");
  });

  it('keeps at most 16 characters and states the full length', () => {
    expect(quoteUntrusted('A'.repeat(10_240))).toBe("'AAAAAAAAAAAAAAAA…' (10240 characters)");
    expect(quoteUntrusted('B'.repeat(16))).toBe("'BBBBBBBBBBBBBBBB'");
    expect(quoteUntrusted('B'.repeat(17))).toBe("'BBBBBBBBBBBBBBBB…' (17 characters)");
  });

  it('escapes control, format and line-separator characters, quotes and backslashes', () => {
    expect(quoteUntrusted('F\nR')).toBe("'F\\u{A}R'");
    expect(quoteUntrusted('\u0000\u001b[31m')).toBe("'\\u{0}\\u{1B}[31m'");
    expect(quoteUntrusted('\u202eRF')).toBe("'\\u{202E}RF'");
    expect(quoteUntrusted('F\u200bR')).toBe("'F\\u{200B}R'");
    expect(quoteUntrusted('a\u2028b')).toBe("'a\\u{2028}b'");
    expect(quoteUntrusted("it's")).toBe("'it\\'s'");
    expect(quoteUntrusted('a\\b')).toBe("'a\\\\b'");
    expect(quoteUntrusted('fr ')).toBe("'fr '");
    expect(quoteUntrusted('fr\u00a0')).toBe("'fr\\u{A0}'");
  });

  it('keeps letters of other scripts, counted by code point', () => {
    expect(quoteUntrusted('Été')).toBe("'Été'");
    expect(quoteUntrusted('😀'.repeat(20))).toBe(`'${'😀'.repeat(16)}…' (20 characters)`);
  });

  it('describes non-strings by type without echoing them', () => {
    expect(quoteUntrusted(42)).toBe('a value of type number');
    expect(quoteUntrusted(undefined)).toBe('a value of type undefined');
    expect(quoteUntrusted(null)).toBe('null');
    expect(quoteUntrusted(['FR'])).toBe('an array');
    expect(quoteUntrusted({ country: 'FR' })).toBe('a value of type object');
  });
});

describe('sanitiseFieldName', () => {
  it('falls back when the field is missing or empty', () => {
    expect(sanitiseFieldName(undefined, 'country')).toBe('country');
    expect(sanitiseFieldName('', 'country')).toBe('country');
  });

  it('keeps a normal path and neutralises control characters and length', () => {
    expect(sanitiseFieldName('servers[3].country', 'country')).toBe('servers[3].country');
    expect(sanitiseFieldName('a\nb\u202ec', 'country')).toBe('a?b?c');
    expect(sanitiseFieldName('x'.repeat(500), 'country')).toBe(`${'x'.repeat(80)}…`);
  });
});

describe('ComplianceError', () => {
  it('carries its code, name, field and cause', () => {
    const cause = new Error('root');
    const error = new ComplianceError(ComplianceErrorCode.UNKNOWN_COUNTRY, 'msg', { field: 'f', cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ComplianceError');
    expect(error.code).toBe('COMPLIANCE_UNKNOWN_COUNTRY');
    expect(error.message).toBe('msg');
    expect(error.field).toBe('f');
    expect(error.cause).toBe(cause);
  });
});
