import { allDigits } from '../text/normalize.js';
import { luhnValid } from './checksums.js';

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'diners' | 'jcb' | 'unionpay' | 'maestro' | 'mir';

/** Brand of a PAN by its issuer identification number (IIN) prefix and length; null when none fits. */
export function cardBrand(pan: string): CardBrand | null {
  const n = pan.length;
  const p1 = pan.charCodeAt(0) - 48;
  const p2 = Number(pan.slice(0, 2));
  const p3 = Number(pan.slice(0, 3));
  const p4 = Number(pan.slice(0, 4));
  const p6 = Number(pan.slice(0, 6));
  if (p1 === 4 && (n === 13 || n === 16 || n === 19)) return 'visa';
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n === 16) return 'mastercard';
  if ((p2 === 34 || p2 === 37) && n === 15) return 'amex';
  if (p4 >= 2200 && p4 <= 2204 && n >= 16 && n <= 19) return 'mir';
  if ((p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65 || (p6 >= 622126 && p6 <= 622925)) && n >= 16 && n <= 19) {
    return 'discover';
  }
  if (((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) && n >= 14 && n <= 19) return 'diners';
  if (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19) return 'jcb';
  if (p2 === 62 && n >= 16 && n <= 19) return 'unionpay';
  if ((p2 === 50 || (p2 >= 56 && p2 <= 58) || p1 === 6) && n >= 12 && n <= 19) return 'maestro';
  return null;
}

/** A compact digit string that is a plausible PAN: 13-19 digits, a known IIN, and a valid Luhn key. */
export function isPaymentCardCompact(s: string): boolean {
  if (s.length < 13 || s.length > 19 || !allDigits(s)) return false;
  return cardBrand(s) !== null && luhnValid(s);
}

/** Whole value is a card number, written compact or in groups separated by spaces or dashes. */
export function isPaymentCard(value: string): boolean {
  const v = value.trim();
  if (v.length < 13 || v.length > 23) return false;
  let digits = '';
  let previousSeparator = true;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits += v[i];
      previousSeparator = false;
    } else if ((c === 32 || c === 45) && !previousSeparator) {
      previousSeparator = true;
    } else {
      return false;
    }
  }
  return isPaymentCardCompact(digits);
}
