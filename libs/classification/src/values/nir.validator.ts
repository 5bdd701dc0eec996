import { allDigits, compactIdentifier } from '../text/normalize.js';

/**
 * French NIR ("numéro de sécurité sociale"), INSEE RNIPP rules:
 *  1     sex: 1 male, 2 female; 3/4 foreign persons being registered; 7/8 temporary numbers (NIA)
 *  2-3   year of birth (2 digits)
 *  4-5   month: 01-12, or 20-42 / 50-99 when the civil-status record is incomplete
 *  6-7   department of birth: 01-99 (99 = abroad, 91-96 former Algeria/Morocco/Tunisia), 2A/2B Corsica
 *  8-10  commune (or country code for 99)
 *  11-13 order number, 001-999
 *  14-15 key = 97 - (first 13 digits mod 97), with 2A read as 19 and 2B as 18 for the computation.
 */
export interface NirInfo {
  readonly sex: 'male' | 'female';
  readonly temporary: boolean;
  readonly corsica: boolean;
}

const SEX_DIGITS = '123478';

/** Parses a compact 15-character NIR (no separators, upper case). */
export function parseNirCompact(s: string): NirInfo | null {
  if (s.length !== 15) return null;
  const sex = s[0];
  if (!SEX_DIGITS.includes(sex)) return null;
  if (!allDigits(s.slice(1, 5))) return null;
  const month = Number(s.slice(3, 5));
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return null;
  const dept = s.slice(5, 7);
  let numeric: string;
  let corsica = false;
  if (dept === '2A' || dept === '2B') {
    corsica = true;
    numeric = s.slice(0, 5) + (dept === '2A' ? '19' : '18') + s.slice(7, 13);
  } else {
    if (!allDigits(dept) || dept === '00') return null;
    numeric = s.slice(0, 13);
  }
  if (!allDigits(numeric) || !allDigits(s.slice(13, 15))) return null;
  if (s.slice(10, 13) === '000') return null;
  const key = Number(s.slice(13, 15));
  if (key !== nirKey(numeric)) return null;
  const sexDigit = Number(sex);
  return { sex: sexDigit % 2 === 1 ? 'male' : 'female', temporary: sexDigit >= 7, corsica };
}

/** The NIR key of the first 13 characters (2A/2B accepted). */
export function nirKey(first13: string): number {
  const n = first13.toUpperCase().replace('2A', '19').replace('2B', '18');
  // 13 digits stay below 2^53: plain number arithmetic is exact.
  return 97 - (Number(n) % 97);
}

/** True for a whole value that is a valid NIR, with or without separators ("1 85 05 78 006 084 36"). */
export function isNir(value: string): boolean {
  const s = compactIdentifier(value.trim(), 32);
  return s !== null && parseNirCompact(s) !== null;
}
