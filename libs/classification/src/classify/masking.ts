import type { ValueDetectorKey } from '../detectors.js';
import { isDigitCode, isLetterCode } from '../text/normalize.js';

const MAX_EXEMPLAR = 48;

/** Replaces every letter and digit with "*" except those at the kept positions (counted over alphanumerics). */
function maskAlnum(value: string, keep: (index: number, total: number) => boolean): string {
  let total = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isDigitCode(c) || isLetterCode(c)) total++;
  }
  let out = '';
  let k = 0;
  for (let i = 0; i < value.length && out.length < MAX_EXEMPLAR; i++) {
    const c = value.charCodeAt(i);
    if (isDigitCode(c) || isLetterCode(c)) {
      out += keep(k, total) ? value[i] : '*';
      k++;
    } else {
      out += value[i];
    }
  }
  return out;
}

function maskEmail(value: string): string {
  const at = value.indexOf('@');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot >= 0 ? domain.slice(dot) : '';
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***${tld}`;
}

function maskDigitsKeeping(value: string, first: number, last: number): string {
  let digits = 0;
  for (let i = 0; i < value.length; i++) if (isDigitCode(value.charCodeAt(i))) digits++;
  let out = '';
  let k = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isDigitCode(c)) {
      out += k < first || k >= digits - last ? value[i] : '*';
      k++;
    } else {
      out += value[i];
    }
  }
  return out;
}

/**
 * A masked exemplar that shows the shape of a value without disclosing it: "j***@e***.fr",
 * "06 ** ** ** 12", "1 ** ** ** *** *** **", "**** **** **** 4242". Never the raw value.
 */
export function maskExemplar(key: ValueDetectorKey, raw: string): string {
  const value = raw.trim().slice(0, 64);
  switch (key) {
    case 'email':
      return maskEmail(value);
    case 'phone':
      return maskDigitsKeeping(value, 2, 2);
    case 'nir':
      return maskAlnum(value, (i) => i === 0);
    case 'iban':
      return maskAlnum(value, (i, total) => i < 4 || i >= total - 3);
    case 'card':
      return maskDigitsKeeping(value, 0, 4);
    case 'postalCode':
      return maskDigitsKeeping(value, 2, 0);
    case 'birthDate':
      return value.charCodeAt(4) === 45 || value.charCodeAt(4) === 47
        ? maskDigitsKeeping(value.slice(0, 10), 2, 0)
        : maskAlnum(value.slice(0, 10), (i) => i === 4 || i === 5);
    case 'ipv4':
      return value.replace(/\.[0-9]+/g, '.*');
    case 'ipv6':
      return value.replace(/:[0-9a-fA-F]*/g, (m) => (m.length > 1 ? ':*' : m)).replace(/(:\*)+/g, ':*');
    case 'mac':
      return maskAlnum(value, (i) => i < 6);
    case 'siren':
    case 'siret':
      return maskDigitsKeeping(value, 3, 0);
    default:
      return maskAlnum(value, (i) => i === 0);
  }
}
