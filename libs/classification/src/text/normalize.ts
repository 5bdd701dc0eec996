/** Folds a string for comparison: lower case, accents stripped, ligatures expanded. Linear time. */
export function foldText(value: string): string {
  let s = value.toLowerCase();
  // Only pay for Unicode normalisation when a non-ASCII character is present.
  if (isAscii(s)) return s;
  s = s.replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** Folds and collapses every run of non-alphanumeric characters to one space, trimmed. */
export function foldPhrase(value: string): string {
  return foldText(value)
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isUpperCode(c: number): boolean {
  return c >= 65 && c <= 90;
}

export function isLowerCode(c: number): boolean {
  return c >= 97 && c <= 122;
}

export function isAsciiLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Letters including Latin-1 and Latin Extended-A accented letters (names, French words). */
export function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** Upper-case letter including accented capitals (É, À, Ç…). */
export function isUpperLetterCode(c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return true;
  // Latin Extended-A alternates upper/lower case on even/odd code points.
  return c >= 0x100 && c <= 0x17f && c % 2 === 0;
}

/**
 * Removes the separators people type inside identifiers (spaces, dots, dashes, non-breaking spaces)
 * and upper-cases the rest. Returns null when the value is longer than `maxLength` before compaction,
 * so a hostile long value costs nothing.
 */
export function compactIdentifier(value: string, maxLength: number): string | null {
  if (value.length > maxLength) return null;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 32 || c === 46 || c === 45 || c === 0xa0 || c === 0x202f || c === 9) continue;
    out += value[i];
  }
  return out.toUpperCase();
}

/** True when every character of `s` is an ASCII digit (and s is not empty). */
export function allDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigitCode(s.charCodeAt(i))) return false;
  return true;
}
