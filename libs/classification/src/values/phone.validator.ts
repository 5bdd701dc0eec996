import { isDigitCode } from '../text/normalize.js';

export type PhoneKind = 'fr-national' | 'fr-international' | 'international';

export interface PhoneMatch {
  readonly kind: PhoneKind;
  /** True when written with separators or a "+" prefix, the way people write phone numbers. */
  readonly formatted: boolean;
  /** The national significant number's digits, e.g. "612345678" for "06 12 34 56 78". */
  readonly digits: string;
}

/**
 * Parses a whole value as a phone number. French national numbers are "0" + [1-9] + 8 digits
 * ("06 12 34 56 78", "06.12.34.56.78", "0612345678"); international ones start with "+" or "00"
 * and carry 8 to 15 digits (E.164), an optional "(0)" trunk prefix, and single separators.
 * +33 / 0033 numbers must have the French 9-digit national significant number.
 */
export function parsePhone(value: string): PhoneMatch | null {
  const s = value.trim();
  if (s.length < 8 || s.length > 24) return null;
  let i = 0;
  let international = false;
  let doubleZero = false;
  if (s.charCodeAt(0) === 43) {
    international = true;
    i = 1;
  } else if (s.startsWith('00') && s.charCodeAt(2) !== 48) {
    international = true;
    doubleZero = true;
    i = 2;
  }
  let digits = '';
  let separators = 0;
  let lastWasSeparator = true;
  let trunkSeen = false;
  let parenOpen = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigitCode(c)) {
      digits += s[i];
      lastWasSeparator = false;
    } else if (c === 32 || c === 46 || c === 45 || c === 0xa0 || c === 0x202f) {
      if (lastWasSeparator && digits.length > 0) return null;
      lastWasSeparator = true;
      separators++;
    } else if (c === 40 && !parenOpen) {
      // "(0)" trunk prefix after a country code, or "(415)" area code.
      if (s.charCodeAt(i + 1) === 48 && s.charCodeAt(i + 2) === 41 && international && !trunkSeen) {
        trunkSeen = true;
        i += 2;
        separators++;
        lastWasSeparator = true;
        continue;
      }
      parenOpen = true;
      separators++;
    } else if (c === 41 && parenOpen) {
      // "(415) 555": the space after ")" is the separator.
      parenOpen = false;
      separators++;
      lastWasSeparator = false;
    } else {
      return null;
    }
  }
  if (parenOpen) return null;
  if (!international) {
    if (digits.length !== 10 || digits[0] !== '0' || digits[1] === '0') return null;
    return { kind: 'fr-national', formatted: separators > 0, digits: digits.slice(1) };
  }
  // "00" + 8 digits is more often a zero-padded code than a call abroad: ask for 10 digits then.
  if (digits.length < (doubleZero ? 10 : 8) || digits.length > 15 || digits[0] === '0') return null;
  if (digits.startsWith('33')) {
    const national = digits.slice(2);
    if (national.length !== 9 || national[0] === '0') return null;
    return { kind: 'fr-international', formatted: true, digits: national };
  }
  return { kind: 'international', formatted: true, digits };
}

export function isPhone(value: string): boolean {
  return parsePhone(value) !== null;
}
