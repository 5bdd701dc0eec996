import type { TypeFamily } from '../discovery.types.js';

// No leading zero: '0612345678' is a phone number or a code, not a number.
const INTEGER = /^[+-]?(?:0|[1-9]\d*)$/;
const DECIMAL = /^[+-]?(?:(?:0|[1-9]\d*)[.,]\d+|\.\d+|(?:0|[1-9]\d*)(?:\.\d+)?[eE][+-]?\d+)$/;
const BOOLEAN = /^(?:true|false)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EU_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dateFamily(value: string): 'date' | 'timestamp' | undefined {
  let match = ISO_DATE.exec(value);
  if (match) return validDay(+match[1], +match[2], +match[3]) ? 'date' : undefined;
  match = EU_DATE.exec(value);
  if (match) return validDay(+match[3], +match[2], +match[1]) ? 'date' : undefined;
  match = ISO_TIMESTAMP.exec(value);
  if (match)
    return validDay(+match[1], +match[2], +match[3]) && +match[4] < 24 && +match[5] < 60 ? 'timestamp' : undefined;
  return undefined;
}

/** Family of a cell of a text format (CSV, TSV, a string cell of a sheet). Never called with ''. */
export function familyOfText(value: string): TypeFamily {
  if (INTEGER.test(value)) return 'integer';
  if (DECIMAL.test(value)) return 'decimal';
  if (BOOLEAN.test(value)) return 'boolean';
  if (UUID.test(value)) return 'uuid';
  return dateFamily(value) ?? 'string';
}

/** Family of a JSON string: its declared type is string, only dates and UUIDs are told apart. */
export function familyOfJsonString(value: string): TypeFamily {
  if (UUID.test(value)) return 'uuid';
  return dateFamily(value) ?? 'string';
}

/** The narrowest family covering both; unrelated families fall back to string. */
export function mergeFamily(current: TypeFamily | undefined, next: TypeFamily): TypeFamily {
  if (current === undefined || current === next) return next;
  const pair = new Set([current, next]);
  if (pair.has('integer') && pair.has('decimal')) return 'decimal';
  if (pair.has('date') && pair.has('timestamp')) return 'timestamp';
  return 'string';
}

/** Epoch milliseconds of a date or timestamp text (zone-less times read as UTC), or undefined. */
export function parseDateMs(value: string): number | undefined {
  let match = ISO_DATE.exec(value);
  if (match) return Date.UTC(+match[1], +match[2] - 1, +match[3]);
  match = EU_DATE.exec(value);
  if (match) return Date.UTC(+match[3], +match[2] - 1, +match[1]);
  match = ISO_TIMESTAMP.exec(value);
  if (!match) return undefined;
  const text = value.replace(' ', 'T');
  const parsed = Date.parse(match[7] ? text : `${text}Z`);
  return Number.isNaN(parsed) ? undefined : parsed;
}
