import { PersonalDataCategory as C } from './taxonomy.js';
import type { Concept } from './treatments.js';

/** A detector as reported in evidence: stable id, version (bumped when its behaviour changes), what it does. */
export interface DetectorInfo {
  readonly id: string;
  readonly version: string;
  readonly kind: 'name' | 'value' | 'vocabulary' | 'text' | 'context';
  readonly explanation: string;
}

export interface ValueDetectorInfo extends DetectorInfo {
  readonly category: C | null;
  readonly concept: Concept | null;
  readonly quasiIdentifier: boolean;
  /** Backed by a checksum or an unambiguous syntax: chance matches are rare. */
  readonly validated: boolean;
  /** Strength at full hit ratio. */
  readonly base: number;
  /** Hit ratio below which the detector says nothing, and from which it gives its full strength. */
  readonly lo: number;
  readonly hi: number;
}

function v(
  id: string,
  category: C | null,
  concept: Concept | null,
  base: number,
  lo: number,
  hi: number,
  validated: boolean,
  explanation: string,
  quasiIdentifier = false,
  kind: 'value' | 'vocabulary' | 'text' = 'value',
): ValueDetectorInfo {
  return { id, version: '1.0.0', kind, category, concept, quasiIdentifier, validated, base, lo, hi, explanation };
}

export const NAME_DETECTOR: DetectorInfo = {
  id: 'column-name',
  version: '1.0.0',
  kind: 'name',
  explanation:
    'Tokenises the column name (case, accents, snake/kebab/camel case, abbreviations, concatenated words) and applies scored rules with required and blocking tokens.',
};

export const COMMENT_DETECTOR: DetectorInfo = {
  id: 'column-comment',
  version: '1.0.0',
  kind: 'name',
  explanation: 'Applies the column-name rules to the column comment and description, with 85% of their strength.',
};

export const CONTEXT_DETECTOR: DetectorInfo = {
  id: 'dataset-context',
  version: '1.0.0',
  kind: 'context',
  explanation:
    'Reads the table name: rows of persons strengthen ambiguous names, tables of things, reference lists and statistics weaken every signal.',
};

export const VALUE_DETECTORS = {
  email: v('email', C.CONTACT, 'email', 0.92, 0.2, 0.7, true, 'E-mail syntax (RFC 5321 dot-atom local part, domain with a letter TLD); role mailboxes (contact@, info@…) are counted apart as organisation data'),
  phone: v('phone', C.CONTACT, 'phone', 0.85, 0.3, 0.8, false, 'Phone number: French national 0X XX XX XX XX (any separator), +33 / 0033, or E.164 international (8-15 digits)'),
  nir: v('nir', C.NATIONAL_ID, 'nir', 0.97, 0.1, 0.5, true, 'French NIR: sex digit, month 01-12/20-42/50-99, department (2A/2B), order number and mod-97 key verified'),
  iban: v('iban', C.FINANCIAL, 'iban', 0.95, 0.1, 0.5, true, 'IBAN: ISO 13616 country length and ISO 7064 mod-97 check digits verified'),
  bic: v('bic', C.FINANCIAL, 'bic', 0.5, 0.5, 0.9, false, 'BIC (ISO 9362): 4 letters, a known country code, location and optional branch'),
  card: v('payment-card', C.FINANCIAL, 'card_number', 0.92, 0.3, 0.7, true, 'Payment card number: 13-19 digits, known issuer prefix (Visa, Mastercard, Amex, CB…) and Luhn key verified'),
  siren: v('siren', C.NATIONAL_ID, 'business_id', 0.2, 0.3, 0.8, true, 'SIREN (9 digits, Luhn): identifies a business, personal only for a sole trader'),
  siret: v('siret', C.NATIONAL_ID, 'business_id', 0.2, 0.3, 0.8, true, 'SIRET (14 digits, Luhn, La Poste sum-mod-5 exception): identifies an establishment, personal only for a sole trader'),
  ipv4: v('ipv4', C.ONLINE_ID, 'ip_address', 0.8, 0.3, 0.8, false, 'Strict dotted-quad IPv4 (octets 0-255, no leading zeros)'),
  ipv6: v('ipv6', C.ONLINE_ID, 'ip_address', 0.85, 0.3, 0.8, true, 'IPv6 (RFC 4291 text form, one "::" at most, embedded IPv4 allowed)'),
  mac: v('mac-address', C.ONLINE_ID, 'mac_address', 0.75, 0.3, 0.8, true, 'MAC-48 address (six hex pairs, ":" or "-")'),
  postalCode: v('postal-code-fr', C.LOCATION, 'postal_code', 0.3, 0.5, 0.95, false, 'French postal code (5 digits, department 01-95, Corsica 20, overseas 97x/98x); most 5-digit numbers pass, so it needs the column name to agree', true),
  birthDate: v('birth-date', C.BIRTH_DATE, 'birth_date', 0.35, 0.5, 0.9, false, 'Calendar date without time of day giving an age of 0-120 years at the reference date (ISO or dd/mm/yyyy)', true),
  passport: v('passport-fr', C.NATIONAL_ID, 'passport', 0.7, 0.5, 0.9, false, 'French passport number format (2 digits, 2 letters, 5 digits)'),
  plate: v('plate-fr', C.VEHICLE, 'licence_plate', 0.85, 0.4, 0.8, false, 'French licence plate: SIV AA-123-AA (no I, O, U; no SS; WW temporary) or FNI 123 ABC 45'),
  firstName: v('first-name', C.IDENTITY, 'first_name', 0.85, 0.3, 0.7, false, 'Value is a given name from the shipped dictionary (about 2,400 French and English first names)'),
  personName: v('person-name', C.IDENTITY, 'full_name', 0.88, 0.3, 0.7, false, 'Value is a full name: a dictionary first name next to a capitalised or upper-case surname'),
  surname: v('surname', C.IDENTITY, 'last_name', 0.55, 0.08, 0.3, false, 'Value is a frequent surname (about 800 French and English surnames); weak, as any list covers a minority of people'),
  freeText: v('free-text', null, 'free_text', 0.85, 0.02, 0.3, false, 'Free text scanned for e-mails, phones, NIR, IBAN, cards, IPs and civility + name', false, 'text'),
  sex: v('vocab-sex', C.DEMOGRAPHIC, 'sex', 0.7, 0.6, 0.95, false, 'Values are sex or gender codes (M/F, H/F, homme/femme, male/female…)', true, 'vocabulary'),
  civility: v('vocab-civility', C.DEMOGRAPHIC, 'civility', 0.75, 0.5, 0.9, false, 'Values are civilities (M., Mme, Mr, Mrs, Dr…)', true, 'vocabulary'),
  marital: v('vocab-marital-status', C.DEMOGRAPHIC, 'marital_status', 0.8, 0.4, 0.8, false, 'Values are marital statuses (célibataire, marié(e), pacsé(e), divorced…)', true, 'vocabulary'),
  nationality: v('vocab-nationality', C.DEMOGRAPHIC, 'nationality', 0.75, 0.4, 0.8, false, 'Values are nationality adjectives (française, marocaine, British…)', true, 'vocabulary'),
  healthTerms: v('vocab-health', C.HEALTH, 'health', 0.78, 0.2, 0.6, false, 'Values name diagnoses, conditions, treatments or drugs (French and English)', false, 'vocabulary'),
  icd10: v('icd10-code', C.HEALTH, 'health', 0.8, 0.5, 0.9, false, 'Values are ICD-10 (CIM-10) codes such as E11.9; weak unless most carry the dotted sub-code', false, 'vocabulary'),
  bloodGroup: v('blood-group', C.HEALTH, 'health', 0.85, 0.5, 0.9, false, 'Values are ABO blood groups with rhesus (A+, O-, AB Rh+…)', false, 'vocabulary'),
  religion: v('vocab-religion', C.RELIGIOUS_BELIEF, 'religious_belief', 0.85, 0.3, 0.7, false, 'Values are religions or beliefs (catholique, musulman, juif, athée…)', false, 'vocabulary'),
  religiousDiet: v('vocab-religious-diet', C.RELIGIOUS_BELIEF, 'religious_belief', 0.72, 0.02, 0.1, false, 'Values include faith-based meal choices (halal, casher, sans porc) that reveal a religion', false, 'vocabulary'),
  party: v('vocab-political-party', C.POLITICAL_OPINION, 'political_opinion', 0.8, 0.4, 0.8, false, 'Values are political parties (LFI, PS, LR, RN, Renaissance, Labour…)', false, 'vocabulary'),
  union: v('vocab-trade-union', C.TRADE_UNION, 'trade_union', 0.8, 0.3, 0.7, false, 'Values are trade unions (CGT, CFDT, FO, CFE-CGC, UNSA, Unite…)', false, 'vocabulary'),
  orientation: v('vocab-sexual-orientation', C.SEX_LIFE_ORIENTATION, 'sexual_orientation', 0.85, 0.3, 0.7, false, 'Values are sexual orientations', false, 'vocabulary'),
  ethnic: v('vocab-ethnic-origin', C.RACIAL_ETHNIC_ORIGIN, 'ethnic_origin', 0.6, 0.5, 0.9, false, 'Values are ethnic-origin categories (census-style)', false, 'vocabulary'),
  criminal: v('vocab-criminal', C.CRIMINAL_OFFENCE, 'criminal', 0.72, 0.3, 0.7, false, 'Values name offences or sentences (vol, escroquerie, sursis, DUI…)', false, 'vocabulary'),
} as const;

export type ValueDetectorKey = keyof typeof VALUE_DETECTORS;

/** Every detector the library reports in evidence, for documentation and API listings. */
export const DETECTORS: readonly DetectorInfo[] = [NAME_DETECTOR, COMMENT_DETECTOR, CONTEXT_DETECTOR, ...Object.values(VALUE_DETECTORS)];
