import { compactIdentifier, isDigitCode, isUpperCode } from '../text/normalize.js';
import { mod97 } from './checksums.js';

/** IBAN length per country (SWIFT IBAN registry, ISO 13616). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HN: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

/** Converts an upper-case alphanumeric string to the digit string used by ISO 7064 MOD 97-10. */
function toNumeric(s: string): string | null {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigitCode(c)) out += s[i];
    else if (isUpperCode(c)) out += String(c - 55);
    else return null;
  }
  return out;
}

/** Validates a compact upper-case IBAN: country, registry length, check digits. */
export function isIbanCompact(s: string): boolean {
  if (s.length < 15 || s.length > 34) return false;
  const expected = IBAN_LENGTHS[s.slice(0, 2)];
  if (expected === undefined || expected !== s.length) return false;
  if (!isDigitCode(s.charCodeAt(2)) || !isDigitCode(s.charCodeAt(3))) return false;
  const numeric = toNumeric(s.slice(4) + s.slice(0, 4));
  return numeric !== null && mod97(numeric) === 1;
}

/** The two check digits that make `country + '00' + bban` a valid IBAN. */
export function ibanCheckDigits(country: string, bban: string): string {
  const numeric = toNumeric(bban.toUpperCase() + country.toUpperCase() + '00');
  if (numeric === null) throw new RangeError('ibanCheckDigits expects alphanumeric input');
  return String(98 - mod97(numeric)).padStart(2, '0');
}

/** True for a whole value that is a valid IBAN, grouped or not ("FR76 3000 6000 …"). */
export function isIban(value: string): boolean {
  const s = compactIdentifier(value.trim(), 48);
  return s !== null && isIbanCompact(s);
}

/** BIC (ISO 9362): 4 letters bank, 2 letters country, 2 alphanumerics location, optional 3 branch. */
export function isBic(value: string): boolean {
  const s = value.trim();
  if (s.length !== 8 && s.length !== 11) return false;
  for (let i = 0; i < 6; i++) if (!isUpperCode(s.charCodeAt(i))) return false;
  for (let i = 6; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isUpperCode(c) && !isDigitCode(c)) return false;
  }
  return IBAN_LENGTHS[s.slice(4, 6)] !== undefined || BIC_ONLY_COUNTRIES.has(s.slice(4, 6));
}

// Countries without IBAN whose banks still have BICs (the most frequent in European data).
const BIC_ONLY_COUNTRIES: ReadonlySet<string> = new Set([
  'US',
  'CA',
  'CN',
  'JP',
  'IN',
  'AU',
  'NZ',
  'SG',
  'HK',
  'KR',
  'MA',
  'DZ',
  'SN',
  'CI',
  'CM',
  'ZA',
  'MX',
  'AR',
]);
