import { foldText, isLetterCode, isUpperLetterCode } from '../text/normalize.js';
import { ambiguousFirstNames, firstNames, surnames } from './dictionaries.js';
import { PLACE_WORDS } from './place-words.js';

const PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'da',
  'di',
  'del',
  'dos',
  'el',
  'al',
  'ben',
  'bin',
  'mac',
  'mc',
  'st',
  'saint',
  'sainte',
]);

/** Splits a short value into words; null when it holds anything but letters, hyphens, apostrophes, dots, commas. */
function nameWords(value: string): string[] | null {
  const s = value.trim();
  if (s.length < 2 || s.length > 60) return null;
  const words: string[] = [];
  let current = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isLetterCode(c) || c === 39 || c === 0x2019 || c === 45 || c === 46) {
      current += s[i];
    } else if (c === 32 || c === 44) {
      if (current !== '') words.push(current);
      current = '';
    } else {
      return null;
    }
  }
  if (current !== '') words.push(current);
  return words.length > 0 && words.length <= 5 ? words : null;
}

function startsUpper(word: string): boolean {
  return isUpperLetterCode(word.charCodeAt(0));
}

function isFirstNameWord(word: string): boolean {
  const folded = foldText(word);
  if (firstNames().has(folded)) return true;
  // "Jean-Pierre": every part a first name.
  if (folded.includes('-')) return folded.split('-').every((p) => p !== '' && firstNames().has(p));
  return false;
}

/** A value looking like a person-related word: 1-4 alphabetic words starting with a letter, no digits. */
export function isNameShaped(value: string): boolean {
  const words = nameWords(value);
  return words !== null && words.length <= 4 && words.every((w) => isLetterCode(w.charCodeAt(0)));
}

/** "Marie", "Jean-Pierre", "Marie Claire": every word a dictionary first name (1-3 words). */
export function isFirstNameValue(value: string): boolean {
  const words = nameWords(value);
  if (words === null || words.length > 3) return false;
  return words.every(isFirstNameWord);
}

/** A first-name value that is also a common word ("Rose", "Olive", "Pierre"): weaker evidence. */
export function isAmbiguousFirstNameValue(value: string): boolean {
  const words = nameWords(value);
  return words !== null && words.length === 1 && ambiguousFirstNames().has(foldText(words[0]));
}

/**
 * "Jean Dupont", "DUPONT Jean", "Dupont, Jean", "Marie-Claire de la Fontaine", "J. Martin": a first name
 * (or an initial) next to at least one other capitalised or upper-case word.
 */
export function isPersonNameValue(value: string): boolean {
  const words = nameWords(value);
  if (words === null || words.length < 2) return false;
  if (PLACE_WORDS.has(foldText(words[0]))) return false;
  let first = -1;
  for (let i = 0; i < words.length; i++) {
    if (isFirstNameWord(words[i])) {
      first = i;
      break;
    }
  }
  if (first === -1) {
    // Initial + known surname: "J. Martin".
    const initial = words[0].length === 2 && words[0].endsWith('.') && startsUpper(words[0]);
    return initial && words.slice(1).some((w) => surnames().has(foldText(w)));
  }
  for (let i = 0; i < words.length; i++) {
    if (i === first) continue;
    const w = words[i];
    if (PARTICLES.has(foldText(w))) continue;
    if (startsUpper(w) && w.length >= 2) return true;
  }
  return false;
}

/** A frequent surname alone ("Martin", "LE GALL", "Da Silva"). */
export function isSurnameValue(value: string): boolean {
  const words = nameWords(value);
  if (words === null || words.length > 3) return false;
  const folded = foldText(value.trim());
  if (surnames().has(folded) || surnames().has(folded.replace(/ /g, '-'))) return true;
  return words.some((w) => !PARTICLES.has(foldText(w)) && surnames().has(foldText(w)));
}
