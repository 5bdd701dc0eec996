import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level and `undefined` members dropped: the same value
 * always gives the same bytes, whatever the order its members were built in.
 *
 * Written out directly rather than as `JSON.stringify` of a key-sorted copy: the DPIA screening
 * digests every field an activity uses, and the copy (then its garbage) was most of the
 * screening's time on 1M fields. Same bytes as `JSON.stringify(sortKeys(value))` (spec-tested).
 */
export function canonicalJson(value: unknown): string {
  return canonical(value) as string;
}

/** Characters JSON.stringify escapes (quote, backslash, controls, surrogates): without them it only quotes. */
// eslint-disable-next-line no-control-regex -- the controls are exactly what JSON escapes
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `JSON.stringify` of a string, without the call for the plain strings that are most field names. */
const quotedString = (value: string): string => (ESCAPED.test(value) ? JSON.stringify(value) : `"${value}"`);

function canonical(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return quotedString(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += `${i > 0 ? ',' : ''}${canonical(value[i]) ?? 'null'}`;
        return `${out}]`;
      }
      // Own enumerable keys only, no toJSON: as the key-sorted copy did (a Date is `{}`).
      let out = '{';
      let first = true;
      for (const key of Object.keys(value).sort()) {
        const member = canonical((value as Record<string, unknown>)[key]);
        if (member === undefined) continue;
        out += `${first ? '' : ','}${quotedString(key)}:${member}`;
        first = false;
      }
      return `${out}}`;
    }
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    default:
      // undefined, functions, symbols: dropped from objects, null in arrays (as JSON.stringify does).
      return undefined;
  }
}

/** `sha256:<hex>` of the canonical JSON. */
export function digestOf(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}
