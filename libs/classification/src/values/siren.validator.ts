import { allDigits, compactIdentifier } from '../text/normalize.js';
import { luhnValid } from './checksums.js';

/** La Poste's SIREN: its establishments' SIRETs follow "sum of digits is a multiple of 5", not Luhn. */
export const LA_POSTE_SIREN = '356000000';

export function isSirenCompact(s: string): boolean {
  return s.length === 9 && allDigits(s) && s !== '000000000' && luhnValid(s);
}

export function isSiretCompact(s: string): boolean {
  if (s.length !== 14 || !allDigits(s) || s === '00000000000000') return false;
  if (luhnValid(s)) return true;
  if (s.startsWith(LA_POSTE_SIREN)) {
    let sum = 0;
    for (let i = 0; i < 14; i++) sum += s.charCodeAt(i) - 48;
    return sum % 5 === 0;
  }
  return false;
}

/** Whole value is a SIREN (9 digits, Luhn), grouped or not ("732 829 320"). */
export function isSiren(value: string): boolean {
  const s = compactIdentifier(value.trim(), 16);
  return s !== null && isSirenCompact(s);
}

/** Whole value is a SIRET (14 digits, Luhn, La Poste exception). */
export function isSiret(value: string): boolean {
  const s = compactIdentifier(value.trim(), 24);
  return s !== null && isSiretCompact(s);
}
