import { containsPhrase, VOCABULARIES } from '../dictionaries/dictionaries.js';
import type { PhraseSet } from '../dictionaries/dictionaries.js';
import {
  isAmbiguousFirstNameValue,
  isFirstNameValue,
  isNameShaped,
  isPersonNameValue,
  isSurnameValue,
} from '../dictionaries/person-names.js';
import type { ValueDetectorKey } from '../detectors.js';
import { scanText } from '../text/scan-text.js';
import { foldPhrase } from '../text/normalize.js';
import { PersonalDataCategory } from '../taxonomy.js';
import { ageAt, parseDate } from './date.validator.js';
import type { ParsedDate } from './date.validator.js';
import { isEmail, isRoleEmail } from './email.validator.js';
import { isBic, isIban } from './iban.validator.js';
import { isIpv4, isIpv6, isMacAddress } from './ip-address.validator.js';
import { parsePlate } from './licence-plate.validator.js';
import { isNir } from './nir.validator.js';
import { isFrenchPassport } from './passport.validator.js';
import { isPaymentCard } from './payment-card.validator.js';
import { parsePhone } from './phone.validator.js';
import { isFrenchPostalCode } from './postal-code.validator.js';
import { isSiren, isSiret } from './siren.validator.js';

/** Per-detector hit counts over a sample; `firstHit` indexes the sample for a masked exemplar only. */
export interface ValueStats {
  /** Non-null, non-blank values examined. */
  readonly sampled: number;
  readonly hits: Readonly<Record<ValueDetectorKey, number>>;
  readonly firstHit: Readonly<Partial<Record<ValueDetectorKey, number>>>;
  readonly roleEmails: number;
  readonly formattedPhones: number;
  readonly dottedIcd10: number;
  readonly distinctSexValues: number;
  readonly nameShaped: number;
  /** First-name hits that are also common words ("Rose", "Olive"). */
  readonly ambiguousFirstNames: number;
  /** Values read as free text (long or many words) and, among them, those with personal findings. */
  readonly textValues: number;
  readonly textWithHealthTerms: number;
  readonly textCategories: Readonly<Partial<Record<PersonalDataCategory, number>>>;
  /** Dates without time, their year span and median age (for birth-date plausibility). */
  readonly calendarDates: number;
  readonly timestamps: number;
  readonly yearSpan: number;
  readonly medianAge: number | null;
}

const ICD10 = /^[A-Z][0-9]{2}(?:\.?[0-9A-Z]{1,4})?[+*]?$/;
const BLOOD_GROUP = /^(?:A|B|AB|O|0)\s?(?:RH)?\s?(?:\+|-|POS|NEG|POSITIF|NEGATIF|POSITIVE|NEGATIVE)$/;

function emptyHits(): Record<ValueDetectorKey, number> {
  return {
    email: 0,
    phone: 0,
    nir: 0,
    iban: 0,
    bic: 0,
    card: 0,
    siren: 0,
    siret: 0,
    ipv4: 0,
    ipv6: 0,
    mac: 0,
    postalCode: 0,
    birthDate: 0,
    passport: 0,
    plate: 0,
    firstName: 0,
    personName: 0,
    surname: 0,
    freeText: 0,
    sex: 0,
    civility: 0,
    marital: 0,
    nationality: 0,
    healthTerms: 0,
    icd10: 0,
    bloodGroup: 0,
    religion: 0,
    religiousDiet: 0,
    party: 0,
    union: 0,
    orientation: 0,
    ethnic: 0,
    criminal: 0,
  };
}

export interface AnalyseOptions {
  readonly referenceDate: ParsedDate | null;
  readonly maxValues: number;
}

/** Runs every value detector over a sample. Linear in the total size of the sample. */
export function analyseValues(sample: readonly (string | null)[], options: AnalyseOptions): ValueStats {
  const hits = emptyHits();
  const firstHit: Partial<Record<ValueDetectorKey, number>> = {};
  // Each distinct value is examined once and weighted by its count: enumerations cost nothing.
  let weight = 1;
  const hit = (key: ValueDetectorKey, index: number): void => {
    hits[key] += weight;
    if (firstHit[key] === undefined || index < (firstHit[key] as number)) firstHit[key] = index;
  };
  let sampled = 0;
  let roleEmails = 0;
  let formattedPhones = 0;
  let dottedIcd10 = 0;
  let nameShaped = 0;
  let ambiguousFirstNames = 0;
  let textValues = 0;
  let textWithHealthTerms = 0;
  let calendarDates = 0;
  let timestamps = 0;
  const sexValues = new Set<string>();
  const textCategories: Partial<Record<PersonalDataCategory, number>> = {};
  const years: number[] = [];
  const ages: number[] = [];
  const vocab = (set: PhraseSet, phrase: string): boolean => set.phrases.has(phrase);

  const distinct = new Map<string, { count: number; first: number }>();
  for (let i = 0; i < sample.length && sampled < options.maxValues; i++) {
    const raw = sample[i];
    if (raw === null || raw === undefined) continue;
    const value = raw.trim();
    if (value === '') continue;
    sampled++;
    const entry = distinct.get(value);
    if (entry === undefined) distinct.set(value, { count: 1, first: i });
    else entry.count++;
  }
  for (const [value, entry] of distinct) {
    weight = entry.count;
    const index = entry.first;
    const len = value.length;
    // Cheap features first, so each value only meets the detectors its shape allows.
    let digits = 0;
    let letters = 0;
    let at = false;
    let colon = false;
    for (let i = 0; i < len && i < 64; i++) {
      const c = value.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
      else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0) letters++;
      else if (c === 64) at = true;
      else if (c === 58) colon = true;
    }
    if (len <= 64) {
      if (at) {
        if (isEmail(value)) {
          hit('email', index);
          if (isRoleEmail(value)) roleEmails += weight;
        }
      } else if (digits > 0) {
        const phone = parsePhone(value);
        if (phone !== null) {
          hit('phone', index);
          if (phone.formatted) formattedPhones += weight;
        }
        if (digits >= 13 && isNir(value)) hit('nir', index);
        if (digits >= 10 && letters >= 2 && isIban(value)) hit('iban', index);
        if (digits >= 12 && isPaymentCard(value)) hit('card', index);
        if (digits === 9 && isSiren(value)) hit('siren', index);
        if (digits === 14 && isSiret(value)) hit('siret', index);
        if (colon) {
          if (isMacAddress(value)) hit('mac', index);
          else if (isIpv6(value)) hit('ipv6', index);
        } else if (isIpv4(value)) {
          hit('ipv4', index);
        }
        if (digits === 5 && isFrenchPostalCode(value)) hit('postalCode', index);
        if (digits === 7 && isFrenchPassport(value)) hit('passport', index);
        if (letters >= 1 && len <= 12 && parsePlate(value) !== null) hit('plate', index);
        if (digits >= 6) {
          const date = parseDate(value);
          if (date !== null) {
            if (date.hasTime) {
              timestamps += weight;
            } else {
              calendarDates += weight;
              years.push(date.year);
              const reference = options.referenceDate;
              const age = reference === null ? null : ageAt(date, reference);
              if (reference === null ? date.year >= 1880 : age !== null && age >= 0 && age <= 120) {
                hit('birthDate', index);
                if (age !== null) for (let w = 0; w < weight; w++) ages.push(age);
              }
            }
          }
        }
        if (len <= 10 && letters >= 1) {
          const upper = value.toUpperCase();
          if (ICD10.test(upper)) {
            hit('icd10', index);
            if (upper.includes('.')) dottedIcd10 += weight;
          }
          if (BLOOD_GROUP.test(upper)) hit('bloodGroup', index);
        }
        if ((len === 8 || len === 11) && isBic(value)) hit('bic', index);
      } else if (letters > 0) {
        if (colon && isIpv6(value)) hit('ipv6', index);
        if (len <= 6 && BLOOD_GROUP.test(value.toUpperCase())) hit('bloodGroup', index);
        if ((len === 8 || len === 11) && isBic(value)) hit('bic', index);
        if (isNameShaped(value)) {
          nameShaped += weight;
          if (isFirstNameValue(value)) {
            hit('firstName', index);
            if (isAmbiguousFirstNameValue(value)) ambiguousFirstNames += weight;
          }
          if (isPersonNameValue(value)) hit('personName', index);
          if (isSurnameValue(value)) hit('surname', index);
        }
      }
    }
    let healthHere = false;
    if (len <= 200 && letters > 0) {
      const phrase = foldPhrase(value);
      if (vocab(VOCABULARIES.sex(), phrase)) {
        hit('sex', index);
        if (sexValues.size < 8) sexValues.add(phrase);
      }
      if (vocab(VOCABULARIES.civility(), phrase)) hit('civility', index);
      if (vocab(VOCABULARIES.marital(), phrase)) hit('marital', index);
      if (vocab(VOCABULARIES.nationality(), phrase)) hit('nationality', index);
      if (vocab(VOCABULARIES.religion(), phrase)) hit('religion', index);
      if (vocab(VOCABULARIES.politicalParty(), phrase)) hit('party', index);
      if (vocab(VOCABULARIES.tradeUnion(), phrase)) hit('union', index);
      if (vocab(VOCABULARIES.sexualOrientation(), phrase)) hit('orientation', index);
      if (vocab(VOCABULARIES.ethnicOrigin(), phrase)) hit('ethnic', index);
      const words = phrase.split(' ');
      if (containsPhrase(words, VOCABULARIES.religiousDiet())) hit('religiousDiet', index);
      healthHere = containsPhrase(words, VOCABULARIES.healthTerms());
      if (healthHere) hit('healthTerms', index);
      if (containsPhrase(words, VOCABULARIES.criminalTerms())) hit('criminal', index);
    }
    // Free text: long values or several words are scanned for embedded identifiers.
    if (isFreeText(value)) {
      textValues += weight;
      const scan = scanText(value);
      if (scan.personal) {
        hit('freeText', index);
        for (const [category, count] of Object.entries(scan.byCategory)) {
          const key = category as PersonalDataCategory;
          textCategories[key] = (textCategories[key] ?? 0) + (count ?? 0) * weight;
        }
      }
      if (len > 200)
        healthHere = containsPhrase(foldPhrase(value.slice(0, 4000)).split(' '), VOCABULARIES.healthTerms());
      if (healthHere) textWithHealthTerms += weight;
    }
  }
  years.sort((a, b) => a - b);
  ages.sort((a, b) => a - b);
  return {
    sampled,
    hits,
    firstHit,
    roleEmails,
    formattedPhones,
    dottedIcd10,
    distinctSexValues: sexValues.size,
    nameShaped,
    ambiguousFirstNames,
    textValues,
    textWithHealthTerms,
    textCategories,
    calendarDates,
    timestamps,
    yearSpan: years.length > 1 ? years[years.length - 1] - years[0] : 0,
    medianAge: ages.length > 0 ? ages[Math.floor(ages.length / 2)] : null,
  };
}

/**
 * Prose rather than a formatted identifier: at least four words of which three hold letters
 * ("06 12 34 56 78" and a grouped IBAN are not prose; "Rappeler Mme Durand demain" is).
 */
function isFreeText(value: string): boolean {
  let words = 0;
  let letterWords = 0;
  let inWord = false;
  let hasLetter = false;
  for (let i = 0; i < value.length && !(letterWords >= 3 && words >= 4); i++) {
    const c = value.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      if (inWord) {
        words++;
        if (hasLetter) letterWords++;
      }
      inWord = false;
      hasLetter = false;
    } else {
      inWord = true;
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0) hasLetter = true;
    }
  }
  if (inWord) {
    words++;
    if (hasLetter) letterWords++;
  }
  return letterWords >= 3 && (words >= 4 || value.length > 40);
}
