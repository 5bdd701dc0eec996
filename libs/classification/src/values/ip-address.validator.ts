import { isDigitCode } from '../text/normalize.js';

/**
 * Strict dotted-quad IPv4: four decimal octets 0-255 without leading zeros ("010" is rejected
 * because some parsers read it as octal), nothing else in the string.
 */
export function isIpv4(value: string): boolean {
  const s = value.trim();
  if (s.length < 7 || s.length > 15) return false;
  let octets = 0;
  let i = 0;
  while (i <= s.length) {
    const start = i;
    while (i < s.length && isDigitCode(s.charCodeAt(i))) i++;
    const len = i - start;
    if (len === 0 || len > 3) return false;
    if (len > 1 && s.charCodeAt(start) === 48) return false;
    if (Number(s.slice(start, i)) > 255) return false;
    octets++;
    if (i === s.length) break;
    if (s.charCodeAt(i) !== 46 || octets === 4) return false;
    i++;
  }
  return octets === 4;
}

function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * IPv6 in RFC 4291 text form: eight groups of 1-4 hex digits, at most one "::" compressing one or
 * more zero groups, optionally ending in an embedded dotted-quad IPv4. Zone ids are not accepted.
 */
export function isIpv6(value: string): boolean {
  const s = value.trim();
  if (s.length < 2 || s.length > 45) return false;
  const doubleColon = s.indexOf('::');
  if (doubleColon !== -1 && s.indexOf('::', doubleColon + 1) !== -1) return false;
  let groups = 0;
  let i = 0;
  if (doubleColon === 0) i = 2;
  while (i < s.length) {
    const start = i;
    while (i < s.length && isHexCode(s.charCodeAt(i))) i++;
    if (i < s.length && s.charCodeAt(i) === 46) {
      // Embedded IPv4 must be the last part and counts as two groups.
      if (!isIpv4(s.slice(start))) return false;
      groups += 2;
      break;
    }
    const len = i - start;
    if (len === 0 || len > 4) return false;
    groups++;
    if (i === s.length) break;
    if (s.charCodeAt(i) !== 58) return false;
    if (i === doubleColon) {
      i += 2;
      if (i === s.length) break;
    } else {
      i++;
      if (i === s.length) return false;
    }
  }
  return doubleColon === -1 ? groups === 8 : groups <= 7;
}

/** MAC-48 address: six hex pairs separated by ':' or '-' (one kind of separator throughout). */
export function isMacAddress(value: string): boolean {
  const s = value.trim();
  if (s.length !== 17) return false;
  const sep = s.charCodeAt(2);
  if (sep !== 58 && sep !== 45) return false;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i);
    if (i % 3 === 2) {
      if (c !== sep) return false;
    } else if (!isHexCode(c)) return false;
  }
  return true;
}
