import { isDigitCode } from '../text/normalize.js';

/** Luhn (mod 10) check over a digit string: payment cards, SIREN, SIRET. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    const c = digits.charCodeAt(i);
    if (!isDigitCode(c)) return false;
    let d = c - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** The digit that completes `partial` into a Luhn-valid number. */
export function luhnCheckDigit(partial: string): number {
  for (let d = 0; d <= 9; d++) if (luhnValid(partial + String(d))) return d;
  throw new RangeError('luhnCheckDigit expects a digit string');
}

/** Remainder modulo 97 of a long decimal string, computed in chunks so it never loses precision. */
export function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i += 7) {
    rest = Number(String(rest) + digits.slice(i, i + 7)) % 97;
  }
  return rest;
}
