import { quoteUntrusted } from '../compliance.errors.js';
import { ComplianceRulesError, ComplianceRulesErrorCode } from './compliance-rules.errors.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written YYYY-MM-DD (no time, no offset). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Validates a date member; throws INVALID_DATE naming it. Returns the date unchanged. */
export function requireIsoDate(value: unknown, member: string): string {
  if (isIsoDate(value)) return value;
  throw new ComplianceRulesError(
    ComplianceRulesErrorCode.INVALID_DATE,
    member,
    `${quoteUntrusted(value)} is not a date written YYYY-MM-DD (e.g. 2026-12-03)`,
  );
}

/** The as-of date as a Date at 00:00 UTC, for the jurisdiction table's sunset clauses. */
export function asOfInstant(asOf: string): Date {
  return new Date(`${asOf}T00:00:00Z`);
}
