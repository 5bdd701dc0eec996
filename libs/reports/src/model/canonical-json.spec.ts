import { describe, expect, it } from '@jest/globals';
import { ReportError } from '../reports.errors.js';
import { canonicalJson, contentHashOf, sha256Hex } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys, drops undefined members and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'é"\n'], c: undefined, d: { z: 0.5, y: -0 } })).toBe(
      '{"a":[true,null,"é\\"\\n"],"b":1,"d":{"y":0,"z":0.5}}',
    );
  });

  it('indents with two spaces for files people read, with the same members', () => {
    expect(canonicalJson({ b: [1, {}], a: [] }, true)).toBe('{\n  "a": [],\n  "b": [\n    1,\n    {}\n  ]\n}');
  });

  it('gives one hash whatever order the keys were built in', () => {
    const hash = contentHashOf({ metadata: { kind: 'x', asOf: '2026-11-30' }, sections: [] });
    expect(contentHashOf({ sections: [], metadata: { asOf: '2026-11-30', kind: 'x' } })).toBe(hash);
    expect(hash).toBe(sha256Hex('{"metadata":{"asOf":"2026-11-30","kind":"x"},"sections":[]}'));
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it.each([NaN, Infinity, new Date(0), () => 1, 10n])('refuses %p, which is no JSON value', (value) => {
    expect(() => canonicalJson({ value })).toThrow(ReportError);
  });
});
