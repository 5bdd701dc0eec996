import { ambiguousFirstNames, firstNames, surnames } from '../dictionaries/dictionaries.js';
import { PLACE_WORDS } from '../dictionaries/place-words.js';
import { PersonalDataCategory } from '../taxonomy.js';
import { isEmailLocalCode, isValidDomain, isValidLocalPart } from '../values/email.validator.js';
import { IBAN_LENGTHS, isIbanCompact } from '../values/iban.validator.js';
import { isIpv6, isMacAddress } from '../values/ip-address.validator.js';
import { parsePlate } from '../values/licence-plate.validator.js';
import { parseNirCompact } from '../values/nir.validator.js';
import { isPaymentCardCompact } from '../values/payment-card.validator.js';
import { parsePhone } from '../values/phone.validator.js';
import { isSirenCompact, isSiretCompact } from '../values/siren.validator.js';
import { foldText, isDigitCode, isLetterCode, isUpperCode, isUpperLetterCode } from './normalize.js';

/** Counts of what scanText found. Never holds a matched value. */
export interface TextScanResult {
  /** True when at least one finding identifies a natural person (organisation identifiers do not count). */
  readonly personal: boolean;
  /** Number of personal findings. */
  readonly findings: number;
  /** Findings per detector id (email, phone, nir, iban, payment-card, ipv4, ipv6, mac-address, person-name, birth-date, passport-fr, plate-fr, siren, siret); detectors that found nothing are absent. */
  readonly counts: Readonly<Record<string, number>>;
  /** Alias of counts. */
  readonly byDetector: Readonly<Record<string, number>>;
  /** Personal findings per category. */
  readonly byCategory: Readonly<Partial<Record<PersonalDataCategory, number>>>;
  /** SIREN/SIRET found: business identifiers, personal only for sole traders. */
  readonly organisationIdentifiers: number;
  readonly characters: number;
}

const D_EMAIL = 0;
const D_PHONE = 1;
const D_NIR = 2;
const D_IBAN = 3;
const D_CARD = 4;
const D_IPV4 = 5;
const D_IPV6 = 6;
const D_MAC = 7;
const D_NAME = 8;
const D_BIRTH = 9;
const D_PASSPORT = 10;
const D_PLATE = 11;
const D_SIREN = 12;
const D_SIRET = 13;

const DETECTOR_IDS = [
  'email',
  'phone',
  'nir',
  'iban',
  'payment-card',
  'ipv4',
  'ipv6',
  'mac-address',
  'person-name',
  'birth-date',
  'passport-fr',
  'plate-fr',
  'siren',
  'siret',
];
const DETECTOR_CATEGORY: readonly (PersonalDataCategory | null)[] = [
  PersonalDataCategory.CONTACT,
  PersonalDataCategory.CONTACT,
  PersonalDataCategory.NATIONAL_ID,
  PersonalDataCategory.FINANCIAL,
  PersonalDataCategory.FINANCIAL,
  PersonalDataCategory.ONLINE_ID,
  PersonalDataCategory.ONLINE_ID,
  PersonalDataCategory.ONLINE_ID,
  PersonalDataCategory.IDENTITY,
  PersonalDataCategory.BIRTH_DATE,
  PersonalDataCategory.NATIONAL_ID,
  PersonalDataCategory.VEHICLE,
  null,
  null,
];

const CIVILITIES: ReadonlySet<string> = new Set([
  'M',
  'Mme',
  'Mlle',
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Pr',
  'Monsieur',
  'Madame',
  'Mademoiselle',
  'Docteur',
  'Professeur',
  'Maître',
  'Miss',
  'MME',
  'MLLE',
  'MR',
  'MRS',
  'MS',
  'DR',
  'MONSIEUR',
  'MADAME',
  'MADEMOISELLE',
]);

// Words before a person's name that make it a street, a school or a prize, not a person mentioned;
// in running text, also the abbreviations of saints' names (Rue St Exupéry).
const PLACE_BEFORE_NAME: ReadonlySet<string> = new Set([...PLACE_WORDS, 'st', 'saint', 'sainte']);

// "né le", "née le", "né(e) le", "naissance", "born", "birth", "DOB", "DDN" just before a date. No nested
// quantifier, applied to a 40-character window only.
const BIRTH_KEYWORDS = /n[ée]e?(?:\(e\))? le|naiss|born|birth|\bdob\b|\bddn\b/i;

function isAlnumCode(c: number): boolean {
  return isDigitCode(c) || isLetterCode(c);
}

function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function isSeparatorCode(c: number): boolean {
  return c === 32 || c === 46 || c === 45 || c === 47 || c === 0xa0 || c === 0x202f;
}

// Characters that can start or anchor a finding: digits, @, +, :, upper-case letters (ASCII, Latin-1).
const TRIGGER = new Uint8Array(256);
for (let c = 48; c <= 58; c++) TRIGGER[c] = 1;
for (let c = 65; c <= 90; c++) TRIGGER[c] = 1;
for (let c = 0xc0; c <= 0xde; c++) if (c !== 0xd7) TRIGGER[c] = 1;
TRIGGER[64] = 1;
TRIGGER[43] = 1;
const NEAR = 24;

const MAX_GROUPS = 16;
const LOOKAHEAD = 8;

/**
 * Scans free text for personal data in one linear pass (no backtracking regex): e-mails, French and
 * international phones, NIR (key verified), IBAN (mod 97), card numbers (Luhn + issuer), IPv4/IPv6/MAC,
 * SIV plates, French passports, dates of birth introduced by "né le"/"born", and person names after a
 * civility (M., Mme, Dr…) or as a dictionary first name followed by a capitalised surname.
 */
export function scanText(text: string): TextScanResult {
  const tally = new Array<number>(DETECTOR_IDS.length).fill(0);
  const n = text.length;
  const gStart = new Int32Array(MAX_GROUPS);
  const gEnd = new Int32Array(MAX_GROUPS);
  const gSep = new Int32Array(MAX_GROUPS);
  let i = 0;

  const boundaryBefore = (p: number): boolean => {
    if (p === 0) return true;
    const b = text.charCodeAt(p - 1);
    return !isAlnumCode(b) && b !== 46 && b !== 45 && b !== 95 && b !== 47 && b !== 64 && b !== 43 && b !== 38;
  };

  const boundaryAfter = (p: number): boolean => p >= n || !isAlnumCode(text.charCodeAt(p));

  const birthKeywordBefore = (p: number): boolean => BIRTH_KEYWORDS.test(text.slice(Math.max(0, p - 40), p));

  // Digits of groups a..b (inclusive) as one string.
  const digitsOf = (a: number, b: number): string => {
    let s = '';
    for (let g = a; g <= b; g++) s += text.slice(gStart[g], gEnd[g]);
    return s.toUpperCase();
  };

  const groupLen = (g: number): number => gEnd[g] - gStart[g];

  const groupValue = (g: number): number => {
    let v = 0;
    for (let p = gStart[g]; p < gEnd[g]; p++) v = v * 10 + (text.charCodeAt(p) - 48);
    return v;
  };

  const hasLetter = (g: number): boolean => !isDigitCode(text.charCodeAt(gEnd[g] - 1));

  /** Tries every identifier shape starting at group g; returns the number of groups consumed (0 if none). */
  const matchAt = (g: number, count: number, chainStart: number): number => {
    const len0 = groupLen(g);
    // Fast path: a lone group shorter than any identifier ("2025", "12", "500").
    if (g + 1 === count && len0 < 9) return 0;
    // IPv4: four 1-3 digit groups joined by dots.
    if (g + 3 < count && gSep[g + 1] === 46 && gSep[g + 2] === 46 && gSep[g + 3] === 46) {
      let ok = g > 0 ? gSep[g] !== 46 : chainStart === 0 || text.charCodeAt(chainStart - 1) !== 46;
      if (ok && g + 4 < count && gSep[g + 4] === 46) ok = false;
      for (let k = g; ok && k <= g + 3; k++) {
        const l = groupLen(k);
        if (l < 1 || l > 3 || hasLetter(k) || (l > 1 && text.charCodeAt(gStart[k]) === 48) || groupValue(k) > 255)
          ok = false;
      }
      if (ok) {
        tally[D_IPV4]++;
        return 4;
      }
    }
    // Dates: dd/mm/yyyy or yyyy-mm-dd; only a date of birth when introduced as one.
    if (
      g + 2 < count &&
      gSep[g + 1] === gSep[g + 2] &&
      (gSep[g + 1] === 47 || gSep[g + 1] === 45 || gSep[g + 1] === 46)
    ) {
      const l1 = groupLen(g);
      const l2 = groupLen(g + 1);
      const l3 = groupLen(g + 2);
      if ((l1 === 2 && l2 === 2 && l3 === 4) || (l1 === 4 && l2 === 2 && l3 === 2)) {
        const a = groupValue(g);
        const b = groupValue(g + 1);
        const c = groupValue(g + 2);
        const [day, month, year] = l1 === 4 ? [c, b, a] : [a, b, c];
        if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 1880 && year <= 2100) {
          if (birthKeywordBefore(gStart[g])) tally[D_BIRTH]++;
          return 3;
        }
      }
    }
    // Accumulate groups for the fixed-length identifiers.
    let total = 0;
    let allSpaces = true;
    for (let h = g; h < count && h < g + 8; h++) {
      if (h > g && gSep[h] !== 32 && gSep[h] !== 0xa0 && gSep[h] !== 0x202f) allSpaces = false;
      total += groupLen(h);
      if (total > 19) break;
      if (total === 15 && (allSpaces || h === g)) {
        const s = digitsOf(g, h);
        if (parseNirCompact(s) !== null) {
          tally[D_NIR]++;
          return h - g + 1;
        }
      }
      if (total >= 13 && !hasLetter(h)) {
        const sameSep = h === g || (allSpaces ? true : sepsEqual(g + 1, h, 45));
        const shaped =
          h === g ||
          (groupsOf4(g, h - 1) && groupLen(h) <= 4) ||
          (h === g + 2 && len0 === 4 && groupLen(g + 1) === 6 && groupLen(g + 2) === 5);
        if (sameSep && shaped) {
          const s = digitsOf(g, h);
          if (isPaymentCardCompact(s)) {
            tally[D_CARD]++;
            return h - g + 1;
          }
        }
      }
    }
    // French phone: 0X XX XX XX XX (one separator kind) or ten digits.
    if (len0 === 10 && text.charCodeAt(gStart[g]) === 48 && text.charCodeAt(gStart[g] + 1) !== 48 && !hasLetter(g)) {
      tally[D_PHONE]++;
      return 1;
    }
    if (len0 === 2 && g + 4 < count && text.charCodeAt(gStart[g]) === 48 && text.charCodeAt(gStart[g] + 1) !== 48) {
      const sep = gSep[g + 1];
      let ok = sep === 32 || sep === 46 || sep === 45 || sep === 0xa0;
      for (let k = g + 1; ok && k <= g + 4; k++) if (groupLen(k) !== 2 || gSep[k] !== sep || hasLetter(k)) ok = false;
      if (ok) {
        tally[D_PHONE]++;
        return 5;
      }
    }
    // SIRET (3-3-3-5 or 14 digits) and SIREN (3-3-3 or 9 digits).
    if (len0 === 14 && isSiretCompact(digitsOf(g, g))) {
      tally[D_SIRET]++;
      return 1;
    }
    if (
      len0 === 3 &&
      g + 3 < count &&
      groupLen(g + 1) === 3 &&
      groupLen(g + 2) === 3 &&
      groupLen(g + 3) === 5 &&
      sepsEqual(g + 1, g + 3, 32)
    ) {
      if (isSiretCompact(digitsOf(g, g + 3))) {
        tally[D_SIRET]++;
        return 4;
      }
    }
    if (len0 === 9 && isSirenCompact(digitsOf(g, g))) {
      tally[D_SIREN]++;
      return 1;
    }
    if (len0 === 3 && g + 2 < count && groupLen(g + 1) === 3 && groupLen(g + 2) === 3 && sepsEqual(g + 1, g + 2, 32)) {
      if (isSirenCompact(digitsOf(g, g + 2))) {
        tally[D_SIREN]++;
        return 3;
      }
    }
    return 0;
  };

  function sepsEqual(a: number, b: number, sep: number): boolean {
    for (let k = a; k <= b; k++) if (gSep[k] !== sep) return false;
    return true;
  }

  function groupsOf4(a: number, b: number): boolean {
    for (let k = a; k <= b; k++) if (gEnd[k] - gStart[k] !== 4) return false;
    return true;
  }

  /** Reads a chain of digit groups from p (its first digits end at runEnd); returns where scanning resumes. */
  const scanNumbers = (p: number, runEnd: number): number => {
    // Fast exit for most numbers in text ("2025", "12,50", "500;"): a run that does not continue into a
    // chain of groups and is too short (or too long) to be an identifier on its own.
    let e = runEnd;
    const run = e - p;
    const next = e < n ? text.charCodeAt(e) : 0;
    if (!(isSeparatorCode(next) && e + 1 < n && isDigitCode(text.charCodeAt(e + 1)))) {
      if (isLetterCode(next)) {
        if (!(run === 2 || (run === 1 && text.charCodeAt(p) === 50))) {
          while (e < n && isAlnumCode(text.charCodeAt(e))) e++;
          return e;
        }
      } else if (run < 9 || run > 19) {
        return e;
      }
    }
    // French passport "09AB12345": an alphanumeric word, checked before the digit chain.
    if (run === 2 && p + 9 <= n && isUpperCode(text.charCodeAt(p + 2)) && isUpperCode(text.charCodeAt(p + 3))) {
      let ok = boundaryAfter(p + 9);
      for (let k = p + 4; ok && k < p + 9; k++) if (!isDigitCode(text.charCodeAt(k))) ok = false;
      if (ok) {
        tally[D_PASSPORT]++;
        return p + 9;
      }
    }
    let from = p;
    // A long chain ("1 2 3 4 …") is read in windows of MAX_GROUPS groups; each group starts a match at most once.
    for (;;) {
      let count = 0;
      let j = from;
      let truncated = false;
      for (;;) {
        const start = j;
        if (start === p) j = runEnd;
        while (j < n && isDigitCode(text.charCodeAt(j))) j++;
        // Corsican NIR department "2A"/"2B".
        if (j - start === 1 && text.charCodeAt(start) === 50 && j < n) {
          const l = text.charCodeAt(j) | 32;
          if ((l === 97 || l === 98) && (j + 1 >= n || !isLetterCode(text.charCodeAt(j + 1)))) j++;
        }
        if (j < n && isLetterCode(text.charCodeAt(j))) {
          // Digits glued to letters ("12kg", a reference): not part of an identifier chain.
          if (count === 0) {
            while (j < n && isAlnumCode(text.charCodeAt(j))) j++;
            return j;
          }
          j = start;
          break;
        }
        gStart[count] = start;
        gEnd[count] = j;
        gSep[count] = count === 0 ? 0 : text.charCodeAt(start - 1);
        count++;
        if (j + 1 < n && isSeparatorCode(text.charCodeAt(j)) && isDigitCode(text.charCodeAt(j + 1))) {
          if (count === MAX_GROUPS) {
            truncated = true;
            break;
          }
          j++;
          continue;
        }
        break;
      }
      const lastStart = truncated ? count - LOOKAHEAD : count;
      let g = 0;
      while (g < lastStart) {
        const used = matchAt(g, count, from);
        g += used > 0 ? used : 1;
      }
      if (!truncated) return Math.max(j, gEnd[count - 1]);
      from = g < count ? gStart[g] : gEnd[count - 1] + 1;
    }
  };

  /** International phone from "+": bounded run of digits and separators handed to the phone parser. */
  const scanPlus = (p: number): number => {
    // E.164 country codes never start with 0 ("+0100" is a time zone).
    if (text.charCodeAt(p + 1) === 48) return p + 1;
    let j = p + 1;
    const limit = Math.min(n, p + 24);
    let lastDigit = -1;
    while (j < limit) {
      const c = text.charCodeAt(j);
      if (isDigitCode(c)) lastDigit = j;
      else if (!(c === 32 || c === 46 || c === 45 || c === 40 || c === 41 || c === 0xa0)) break;
      j++;
    }
    if (lastDigit > p && boundaryAfter(lastDigit + 1)) {
      const candidate = text.slice(p, lastDigit + 1);
      const phone = parsePhone(candidate);
      if (phone !== null && phone.kind !== 'fr-national') {
        tally[D_PHONE]++;
        return lastDigit + 1;
      }
    }
    return p + 1;
  };

  const scanEmail = (at: number): number => {
    let s = at;
    const floor = Math.max(0, at - 64);
    while (s > floor && isEmailLocalCode(text.charCodeAt(s - 1))) s--;
    let e = at + 1;
    const ceiling = Math.min(n, at + 254);
    while (e < ceiling && (isAlnumCode(text.charCodeAt(e)) || text.charCodeAt(e) === 45 || text.charCodeAt(e) === 46))
      e++;
    // A sentence-ending dot is not part of the domain.
    while (e > at + 1 && text.charCodeAt(e - 1) === 46) e--;
    if (s < at && isValidLocalPart(text, s, at) && isValidDomain(text, at + 1, e)) {
      tally[D_EMAIL]++;
      return e;
    }
    return at + 1;
  };

  /** IPv6 or MAC starting at p (hex digits and colons). */
  const scanColonAddress = (p: number): number => {
    // Inside a longer colon run ("…:fe80:fe80"), no address starts here.
    if (p > 0 && text.charCodeAt(p - 1) === 58) return -1;
    let j = p;
    const limit = Math.min(n, p + 46);
    let colons = 0;
    let hexLetters = false;
    let longGroup = false;
    let group = 0;
    while (j < limit) {
      const c = text.charCodeAt(j) | 32;
      if (c === 58) {
        colons++;
        group = 0;
      } else if ((c >= 48 && c <= 57) || (c >= 97 && c <= 102)) {
        if (c >= 97) hexLetters = true;
        if (++group > 2) longGroup = true;
      } else if (c !== 46 && c !== 45) break;
      j++;
    }
    // "10:11:12" is a time, "2:1" a ratio: an address needs hex letters, long groups or many colons.
    if (colons < 2 || (!hexLetters && !longGroup && colons < 5)) return -1;
    while (j > p && (text.charCodeAt(j - 1) === 46 || text.charCodeAt(j - 1) === 58)) j--;
    if (boundaryAfter(j)) {
      const candidate = text.slice(p, j);
      if (isMacAddress(candidate)) {
        tally[D_MAC]++;
        return j;
      }
      if (isIpv6(candidate)) {
        tally[D_IPV6]++;
        return j;
      }
    }
    return -1;
  };

  const readWordEnd = (p: number): number => {
    let j = p;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isLetterCode(c) || (c === 45 && j + 1 < n && isLetterCode(text.charCodeAt(j + 1)))) j++;
      else break;
    }
    return j;
  };

  const previousWordIsPlace = (p: number): boolean => {
    const before = text.slice(Math.max(0, p - 24), p).trimEnd();
    const space = before.lastIndexOf(' ');
    const word = foldText(before.slice(space + 1)).replace(/[^a-z]/g, '');
    return PLACE_BEFORE_NAME.has(word);
  };

  /** Upper-case start of a word: IBAN, SIV plate, civility + name, first name + surname. */
  const scanUpper = (p: number): number => {
    const c1 = text.charCodeAt(p + 1);
    // IBAN: two letters, two check digits.
    if (isUpperCode(c1) && p + 3 < n && isDigitCode(text.charCodeAt(p + 2)) && isDigitCode(text.charCodeAt(p + 3))) {
      const expected = IBAN_LENGTHS[text.slice(p, p + 2)];
      if (expected !== undefined) {
        let compact = '';
        let j = p;
        while (j < n && compact.length < expected) {
          const c = text.charCodeAt(j);
          if (isDigitCode(c) || isUpperCode(c)) {
            compact += text[j];
            j++;
          } else if (c === 32 && j + 1 < n && isAlnumCode(text.charCodeAt(j + 1))) {
            j++;
          } else break;
        }
        if (compact.length === expected && boundaryAfter(j) && isIbanCompact(compact)) {
          tally[D_IBAN]++;
          return j;
        }
      }
    }
    // SIV plate AA-123-AA / AA 123 AA / AA123AA: digits checked before any allocation.
    if (isUpperCode(c1) && p + 7 <= n) {
      const sep = text.charCodeAt(p + 2);
      const spaced = sep === 45 || sep === 32;
      const span = spaced ? 9 : 7;
      const d = spaced ? p + 3 : p + 2;
      if (
        p + span <= n &&
        isDigitCode(text.charCodeAt(d)) &&
        isDigitCode(text.charCodeAt(d + 1)) &&
        isDigitCode(text.charCodeAt(d + 2)) &&
        boundaryAfter(p + span) &&
        parsePlate(text.slice(p, p + span)) !== null
      ) {
        tally[D_PLATE]++;
        return p + span;
      }
    }
    const end = readWordEnd(p);
    const len = end - p;
    // Civility + capitalised name. Every civility starts with M, D or P and has at most 12 letters.
    const c0 = text.charCodeAt(p);
    if ((c0 === 77 || c0 === 68 || c0 === 80) && len <= 12) {
      const word = text.slice(p, end);
      if (CIVILITIES.has(word)) {
        let q = end;
        if (q < n && text.charCodeAt(q) === 46) q++;
        else if (word === 'M') return end;
        if (q + 2 < n && text.charCodeAt(q) === 32 && isUpperLetterCode(text.charCodeAt(q + 1))) {
          const nameEnd = readWordEnd(q + 1);
          if (nameEnd - (q + 1) >= 2) {
            tally[D_NAME]++;
            return skipFollowingCapitalised(nameEnd);
          }
        }
        return q;
      }
    }
    // Dictionary first name + surname.
    if (
      len >= 2 &&
      len <= 20 &&
      end + 2 < n &&
      text.charCodeAt(end) === 32 &&
      isUpperLetterCode(text.charCodeAt(end + 1))
    ) {
      const folded = foldText(text.slice(p, end));
      if (firstNames().has(folded)) {
        const nextEnd = readWordEnd(end + 1);
        const next = text.slice(end + 1, nextEnd);
        if (next.length >= 2) {
          const upperSurname = next === next.toUpperCase() && next !== next.toLowerCase();
          // "Pierre", "Claire", "Rose" are also words: they need an upper-case or a known surname after them.
          const accept = upperSurname || !ambiguousFirstNames().has(folded) || surnames().has(foldText(next));
          if (accept && !previousWordIsPlace(p)) {
            tally[D_NAME]++;
            return skipFollowingCapitalised(nextEnd);
          }
        }
      }
    }
    return end;
  };

  // After a name, further capitalised words belong to it ("Jean-Marc DE LA TOUR").
  const skipFollowingCapitalised = (p: number): number => {
    let j = p;
    for (let k = 0; k < 3; k++) {
      if (j + 2 < n && text.charCodeAt(j) === 32 && isUpperLetterCode(text.charCodeAt(j + 1))) j = readWordEnd(j + 1);
      else break;
    }
    return j;
  };

  // Jump from one interesting character to the next with a native regex search: lower-case prose,
  // spaces and punctuation cost nothing in JavaScript. The class has no quantifier, so each search is
  // linear in the distance it skips.
  const trigger = /[0-9@+:A-Z\u00C0-\u00D6\u00D8-\u00DE]/g;
  while (i < n) {
    // Dense text: look a few characters ahead by hand; sparse text: let the regex engine skip.
    const near = Math.min(n, i + NEAR);
    while (i < near) {
      const t = text.charCodeAt(i);
      if (t < 256 && TRIGGER[t] === 1) break;
      i++;
    }
    if (i === near) {
      if (i >= n) break;
      trigger.lastIndex = i;
      if (!trigger.test(text)) break;
      i = trigger.lastIndex - 1;
    }
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (!boundaryBefore(i)) {
        while (i < n && isAlnumCode(text.charCodeAt(i))) i++;
        continue;
      }
      let e = i + 1;
      while (e < n && isDigitCode(text.charCodeAt(e))) e++;
      // Hex groups with colons: MAC or IPv6 ("00:1a:2b:…", "2001:db8::1"), only when the digits are
      // followed by a colon or a hex letter.
      if (e < n && e - i <= 4 && (text.charCodeAt(e) === 58 || isHexCode(text.charCodeAt(e)))) {
        let k = e;
        while (k < n && k < i + 5 && isHexCode(text.charCodeAt(k))) k++;
        if (k < n && text.charCodeAt(k) === 58) {
          const next = scanColonAddress(i);
          if (next > 0) {
            i = next;
            continue;
          }
        }
      }
      i = scanNumbers(i, e);
      continue;
    }
    if (c === 64) {
      i = scanEmail(i);
      continue;
    }
    if (c === 43) {
      i = boundaryBefore(i) && i + 1 < n && isDigitCode(text.charCodeAt(i + 1)) ? scanPlus(i) : i + 1;
      continue;
    }
    if (c === 58) {
      // A lower-case hex word just before ":" may start an IPv6 or MAC address ("fe80::1", "aa:bb:…").
      let s = i;
      let letters = false;
      while (s > 0 && i - s < 4 && isHexCode(text.charCodeAt(s - 1))) {
        s--;
        if (text.charCodeAt(s) >= 97) letters = true;
      }
      if (letters && boundaryBefore(s)) {
        const next = scanColonAddress(s);
        if (next > 0) {
          i = next;
          continue;
        }
      }
      i++;
      continue;
    }
    // Upper-case letter.
    if (!boundaryBefore(i)) {
      i = readWordEnd(i);
      continue;
    }
    if (c >= 65 && c <= 70) {
      const upperHex = scanUpperHexColon(i);
      if (upperHex > 0) {
        i = upperHex;
        continue;
      }
    }
    const next = scanUpper(i);
    i = next > i ? next : i + 1;
  }

  function scanUpperHexColon(p: number): number {
    // Upper-case hex words followed by ":" (MAC "AA:BB:…", IPv6 "FE80::1").
    let k = p;
    while (k < n && k < p + 5) {
      const c = text.charCodeAt(k) | 32;
      if ((c >= 48 && c <= 57) || (c >= 97 && c <= 102)) k++;
      else break;
    }
    if (k > p && k < n && text.charCodeAt(k) === 58) return scanColonAddress(p);
    return -1;
  }

  const counts: Record<string, number> = {};
  const byCategory: Partial<Record<PersonalDataCategory, number>> = {};
  let findings = 0;
  let organisationIdentifiers = 0;
  for (let d = 0; d < tally.length; d++) {
    if (tally[d] === 0) continue;
    counts[DETECTOR_IDS[d]] = tally[d];
    const category = DETECTOR_CATEGORY[d];
    if (category === null) {
      organisationIdentifiers += tally[d];
    } else {
      findings += tally[d];
      byCategory[category] = (byCategory[category] ?? 0) + tally[d];
    }
  }
  return {
    personal: findings > 0,
    findings,
    counts,
    byDetector: counts,
    byCategory,
    organisationIdentifiers,
    characters: n,
  };
}
