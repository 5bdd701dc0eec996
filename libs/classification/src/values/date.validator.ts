import { isDigitCode } from '../text/normalize.js';

export interface ParsedDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** A time of day other than 00:00[:00] was present: a timestamp, not a calendar date. */
  readonly hasTime: boolean;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function readInt(s: string, start: number, len: number): number {
  let n = 0;
  for (let i = start; i < start + len; i++) {
    const c = s.charCodeAt(i);
    if (!isDigitCode(c)) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

function valid(year: number, month: number, day: number): boolean {
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Reads an optional time suffix "[T ]hh:mm[:ss[.fff]][Z|±hh:mm]"; returns whether it is a non-midnight time, or null if malformed. */
function readTime(s: string, start: number): boolean | null {
  if (start === s.length) return false;
  const sep = s.charCodeAt(start);
  if (sep !== 84 && sep !== 32) return null;
  const rest = s.slice(start + 1);
  if (rest.length < 5 || rest.length > 29) return null;
  const hh = readInt(rest, 0, 2);
  const mm = readInt(rest, 3, 2);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || rest.charCodeAt(2) !== 58) return null;
  let ss = 0;
  if (rest.length >= 8 && rest.charCodeAt(5) === 58) ss = readInt(rest, 6, 2);
  if (ss < 0) return null;
  return hh !== 0 || mm !== 0 || ss !== 0;
}

/**
 * Parses ISO dates (YYYY-MM-DD, YYYY/MM/DD) and day-first dates (DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY),
 * optionally followed by a time. A slash date that is impossible day-first is read month-first
 * (US "12/31/1985"). Anything else, including 8-digit "YYYYMMDD", is not a date here.
 */
export function parseDate(value: string): ParsedDate | null {
  const s = value.trim();
  if (s.length < 8 || s.length > 40) return null;
  const c4 = s.charCodeAt(4);
  if ((c4 === 45 || c4 === 47) && s.charCodeAt(7) === c4) {
    const year = readInt(s, 0, 4);
    const month = readInt(s, 5, 2);
    const day = readInt(s, 8, 2);
    if (!valid(year, month, day)) return null;
    const time = readTime(s, 10);
    return time === null ? null : { year, month, day, hasTime: time };
  }
  const c2 = s.charCodeAt(2);
  if ((c2 === 47 || c2 === 45 || c2 === 46) && s.charCodeAt(5) === c2) {
    const a = readInt(s, 0, 2);
    const b = readInt(s, 3, 2);
    const year = readInt(s, 6, 4);
    if (a < 0 || b < 0 || year < 0) return null;
    const time = readTime(s, 10);
    if (time === null) return null;
    if (valid(year, b, a)) return { year, month: b, day: a, hasTime: time };
    if (c2 === 47 && valid(year, a, b)) return { year, month: a, day: b, hasTime: time };
  }
  return null;
}

/** Whole years between a date and a reference date (negative when the date is later). */
export function ageAt(date: ParsedDate, reference: ParsedDate): number {
  let age = reference.year - date.year;
  if (reference.month < date.month || (reference.month === date.month && reference.day < date.day)) age--;
  return age;
}

/** Converts a JS Date or ISO string passed by the caller into a ParsedDate (UTC calendar day). */
export function toReferenceDate(reference: Date | string): ParsedDate | null {
  if (typeof reference === 'string') return parseDate(reference);
  if (Number.isNaN(reference.getTime())) return null;
  return {
    year: reference.getUTCFullYear(),
    month: reference.getUTCMonth() + 1,
    day: reference.getUTCDate(),
    hasTime: false,
  };
}

/**
 * A plausible date of birth: a calendar date without time of day, giving an age of 0 to 120 years at
 * the reference date. Without a reference date only the calendar check and year >= 1880 apply, so the
 * function stays pure (no clock inside).
 */
export function isPlausibleBirthDate(value: string, reference: ParsedDate | null): boolean {
  const d = parseDate(value);
  if (d === null || d.hasTime) return false;
  if (reference === null) return d.year >= 1880;
  const age = ageAt(d, reference);
  return age >= 0 && age <= 120;
}
