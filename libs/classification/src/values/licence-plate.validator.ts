import { isDigitCode, isUpperCode } from '../text/normalize.js';

export type PlateKind = 'siv' | 'siv-temporary' | 'fni';

function sivLetter(c: number): boolean {
  // SIV never uses I, O (confused with 1, 0) nor U (confused with V).
  return isUpperCode(c) && c !== 73 && c !== 79 && c !== 85;
}

/**
 * French licence plates.
 * SIV (since 2009): AA-123-AA; letters without I, O, U; "SS" is forbidden in either block; number
 * 001-999; the "WW" left block is reserved for temporary registrations, and is not used on the right.
 * FNI (1950-2009): number 1-9999, 1-3 letters, department (01-95, 2A, 2B, 971-976), e.g. "123 ABC 75".
 */
export function parsePlate(value: string): PlateKind | null {
  const s = value.trim().toUpperCase();
  if (s.length < 5 || s.length > 12) return null;
  return parseSiv(s) ?? (isFni(s) ? 'fni' : null);
}

function parseSiv(s: string): PlateKind | null {
  let compact: string;
  if (s.length === 9) {
    const sep = s.charCodeAt(2);
    if ((sep !== 45 && sep !== 32) || s.charCodeAt(6) !== sep) return null;
    compact = s.slice(0, 2) + s.slice(3, 6) + s.slice(7, 9);
  } else if (s.length === 7) {
    compact = s;
  } else {
    return null;
  }
  if (!sivLetter(compact.charCodeAt(0)) || !sivLetter(compact.charCodeAt(1))) return null;
  if (!sivLetter(compact.charCodeAt(5)) || !sivLetter(compact.charCodeAt(6))) return null;
  for (let i = 2; i < 5; i++) if (!isDigitCode(compact.charCodeAt(i))) return null;
  const left = compact.slice(0, 2);
  const right = compact.slice(5, 7);
  if (left === 'SS' || right === 'SS' || right === 'WW' || compact.slice(2, 5) === '000') return null;
  return left === 'WW' ? 'siv-temporary' : 'siv';
}

function isFni(s: string): boolean {
  // Split into runs of digits and letters, ignoring single separators between runs.
  const parts: string[] = [];
  let current = '';
  let kind = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = isDigitCode(c) ? 1 : isUpperCode(c) ? 2 : 0;
    if (k === 0) {
      if (c !== 32 && c !== 45) return false;
      if (current === '') return false;
      parts.push(current);
      current = '';
      kind = 0;
      continue;
    }
    if (kind !== 0 && k !== kind && !(kind === 1 && k === 2 && parts.length === 2 && current === '2')) {
      parts.push(current);
      current = '';
    }
    current += s[i];
    kind = k;
  }
  if (current !== '') parts.push(current);
  if (parts.length !== 3) return false;
  const [num, letters, dept] = parts;
  if (num.length < 1 || num.length > 4 || !/^[0-9]+$/.test(num) || num[0] === '0') return false;
  if (letters.length < 1 || letters.length > 3 || !/^[A-Z]+$/.test(letters)) return false;
  if (dept === '2A' || dept === '2B') return true;
  if (!/^[0-9]{2,3}$/.test(dept)) return false;
  const d = Number(dept);
  if (dept.length === 3) return d >= 971 && d <= 976;
  return d >= 1 && d <= 95 && d !== 20;
}
