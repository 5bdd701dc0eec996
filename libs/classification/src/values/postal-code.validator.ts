import { isDigitCode } from '../text/normalize.js';

/**
 * French postal code: five digits whose first two name a metropolitan department 01-95 (20 for
 * Corsica, whose codes run 20000-20699), or overseas 971-976, or 980 (Monaco), 984, 986-988.
 * Most random five-digit numbers also pass: treat a match as weak evidence unless the column's name
 * or comment says "postal code".
 */
export function isFrenchPostalCode(value: string): boolean {
  const s = value.trim();
  if (s.length !== 5) return false;
  for (let i = 0; i < 5; i++) if (!isDigitCode(s.charCodeAt(i))) return false;
  return isFrenchPostalCodeDigits(s);
}

export function isFrenchPostalCodeDigits(s: string): boolean {
  const d2 = Number(s.slice(0, 2));
  if (d2 >= 1 && d2 <= 95) {
    if (d2 === 20) return Number(s.slice(2, 3)) <= 6;
    return true;
  }
  const d3 = Number(s.slice(0, 3));
  if (d3 >= 971 && d3 <= 976) return true;
  return d3 === 980 || d3 === 984 || d3 === 986 || d3 === 987 || d3 === 988;
}

/** The department part of a French postal code: 2 digits, or 3 for overseas (97x, 98x). */
export function departmentOfPostalCode(code: string): string {
  return code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2);
}
