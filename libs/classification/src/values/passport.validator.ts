import { isDigitCode, isUpperCode } from '../text/normalize.js';

/**
 * French passport number (passeport électronique / biométrique since 2006): 2 digits, 2 letters,
 * 5 digits, e.g. "09AB12345". There is no public check key, so a match is format evidence only.
 */
export function isFrenchPassport(value: string): boolean {
  const s = value.trim().toUpperCase();
  if (s.length !== 9) return false;
  for (let i = 0; i < 9; i++) {
    const c = s.charCodeAt(i);
    const letter = i === 2 || i === 3;
    if (letter ? !isUpperCode(c) : !isDigitCode(c)) return false;
  }
  return true;
}
