import { createHash } from 'node:crypto';
import { ReportError, ReportErrorCode } from '../reports.errors.js';

/**
 * Canonical JSON: object keys sorted by code unit (as RFC 8785 does), `undefined` members
 * omitted, no whitespace (or two-space indentation for files people read), finite numbers only.
 * The same value always gives the same bytes, whatever order its keys were built in and
 * whatever store (PostgreSQL jsonb reorders keys) it went through.
 */
export function canonicalJson(value: unknown, indent = false): string {
  return write(value, indent ? '\n' : '', indent);
}

function write(value: unknown, newline: string, indent: boolean): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) {
        throw new ReportError(ReportErrorCode.INVALID_MODEL, `a number must be finite (got ${String(value)})`);
      }
      return JSON.stringify(value);
    case 'object': {
      const inner = indent ? `${newline}  ` : '';
      const sep = indent ? ': ' : ':';
      if (Array.isArray(value)) {
        if (value.length === 0) return '[]';
        const items = value.map((item) => write(item === undefined ? null : item, inner, indent));
        return `[${inner}${items.join(`,${inner}`)}${newline}]`;
      }
      if (!isPlainObject(value)) {
        throw new ReportError(ReportErrorCode.INVALID_MODEL, 'only plain objects, arrays and primitives are JSON');
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort();
      if (keys.length === 0) return '{}';
      const members = keys.map((key) => `${JSON.stringify(key)}${sep}${write(record[key], inner, indent)}`);
      return `{${inner}${members.join(`,${inner}`)}${newline}}`;
    }
    default:
      throw new ReportError(ReportErrorCode.INVALID_MODEL, `a ${typeof value} is not JSON`);
  }
}

/** A plain object of any realm (a structured clone, a test's vm context) or without prototype. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The content hash of a report: SHA-256 of the compact canonical JSON of its model, in hex. */
export function contentHashOf(model: unknown): string {
  return sha256Hex(canonicalJson(model));
}
