import { ClassificationError, ClassificationErrorCode } from '../classification.errors.js';
import { COMMENT_DETECTOR, CONTEXT_DETECTOR, NAME_DETECTOR, VALUE_DETECTORS } from '../detectors.js';
import type { ValueDetectorInfo, ValueDetectorKey } from '../detectors.js';
import type { DatasetContext, NameMatch } from '../names/name-detector.js';
import { datasetContext, matchNameRules } from '../names/name-detector.js';
import {
  CARE_TABLE_TOKENS,
  ORG_QUALIFIERS,
  PERSON_TOKENS,
  PLACE_TOKENS,
  UNIT_TOKENS,
} from '../names/name-vocabulary.js';
import { tokenizeIdentifier, tokenizeText } from '../names/tokenize.js';
import { PersonalDataCategory, specialKindOf } from '../taxonomy.js';
import type { SpecialCategoryKind } from '../taxonomy.js';
import { DEFAULT_CONCEPT, Treatment, TREATMENT_BY_CONCEPT } from '../treatments.js';
import type { Concept } from '../treatments.js';
import { analyseValues } from '../values/analyse-values.js';
import type { ValueStats } from '../values/analyse-values.js';
import { toReferenceDate } from '../values/date.validator.js';
import type { ParsedDate } from '../values/date.validator.js';
import { maskExemplar } from './masking.js';

export interface FieldInput {
  readonly dataset: string;
  readonly field: string;
  readonly dataType?: string;
  readonly comment?: string;
  readonly description?: string;
  /** Sampled values, kept in memory only; optional (declared fields are classified from names alone). */
  readonly sample?: readonly (string | null)[];
}

export interface ClassifyOptions {
  /** "Today" for age checks on dates of birth; without it only the calendar and year >= 1880 are checked. */
  readonly referenceDate?: Date | string;
  /** Alias of referenceDate. */
  readonly now?: Date | string;
  /** Sampled values examined at most (default 10,000). */
  readonly maxSampleValues?: number;
  /** Score from which a column is reported personal (default 0.5). */
  readonly threshold?: number;
  /** Return a masked exemplar of a matching value (default true). */
  readonly maskedExemplar?: boolean;
}

export interface Evidence {
  readonly detector: string;
  readonly version: string;
  readonly source: 'name' | 'comment' | 'values' | 'vocabulary';
  readonly rule?: string;
  readonly hitRatio?: number;
  readonly matched?: number;
  readonly sampled?: number;
  /** The category this evidence supports; absent for evidence against personal data. */
  readonly category?: PersonalDataCategory;
  /** Contribution to the category score after context adjustments (0 for evidence against). */
  readonly weight?: number;
  readonly explanation: string;
}

export interface FieldClassification {
  readonly personal: boolean;
  readonly category: PersonalDataCategory | null;
  readonly specialCategory: boolean;
  readonly specialCategoryKind: SpecialCategoryKind | null;
  readonly quasiIdentifier: boolean;
  /** Confidence in the verdict (personal or not), 0..1 with 2 decimals. */
  readonly confidence: number;
  readonly treatment: Treatment;
  readonly treatmentReason: string;
  readonly evidence: readonly Evidence[];
  readonly maskedExemplar?: string;
}

interface Signal {
  category: PersonalDataCategory;
  concept: Concept;
  strength: number;
  qi: boolean;
  fromValues: boolean;
  validated: boolean;
  /** Came from an ambiguous name rule ("nom", "name") whose meaning values can contradict. */
  ambiguousName: boolean;
  /** The field itself names a person, so organisation context does not weaken it. */
  personQualified: boolean;
  /** Values only a natural person has (NIR, personal e-mail, person names): organisation context does not weaken them. */
  personOnly: boolean;
  valueKey: ValueDetectorKey | null;
  evidence: Omit<Evidence, 'weight' | 'category'>;
}

const IDENTIFIER_CATEGORIES: ReadonlySet<PersonalDataCategory> = new Set([
  PersonalDataCategory.IDENTITY,
  PersonalDataCategory.CONTACT,
  PersonalDataCategory.LOCATION,
  PersonalDataCategory.NATIONAL_ID,
  PersonalDataCategory.INTERNAL_ID,
  PersonalDataCategory.ONLINE_ID,
  PersonalDataCategory.VEHICLE,
  PersonalDataCategory.CREDENTIAL,
  PersonalDataCategory.BIRTH_DATE,
]);

const AMBIGUOUS_RULES: ReadonlySet<string> = new Set(['identity.nom', 'identity.name']);

const SOLE_TRADER_TOKENS: ReadonlySet<string> = new Set([
  'entrepreneur',
  'autoentrepreneur',
  'microentrepreneur',
  'freelance',
  'freelancer',
  'independant',
  'independent',
  'artisan',
  'liberal',
  'liberaux',
  'doctor',
  'infirmier',
  'nurse',
  'kine',
  'kinesitherapeute',
  'avocat',
  'lawyer',
  'consultant',
  'prestataire',
  'contractor',
  'ei',
  'eirl',
  'micro',
  'auto',
  'selfemployed',
  'soletrader',
  'sole',
]);

const BOOLEAN_TYPES = /^(bool|boolean|bit|tinyint\(1\))$/i;

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function ramp(x: number, lo: number, hi: number): number {
  if (x <= lo) return 0;
  if (x >= hi) return 1;
  return (x - lo) / (hi - lo);
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function validateInput(input: FieldInput, options: ClassifyOptions): ParsedDate | null {
  if (input === null || typeof input !== 'object') {
    throw new ClassificationError(ClassificationErrorCode.INVALID_INPUT, 'input must be an object');
  }
  if (typeof input.field !== 'string' || input.field.trim() === '') {
    throw new ClassificationError(ClassificationErrorCode.INVALID_INPUT, 'field must be a non-empty string');
  }
  if (typeof input.dataset !== 'string') {
    throw new ClassificationError(ClassificationErrorCode.INVALID_INPUT, 'dataset must be a string');
  }
  if (input.sample !== undefined && !Array.isArray(input.sample)) {
    throw new ClassificationError(ClassificationErrorCode.INVALID_INPUT, 'sample must be an array of strings or nulls');
  }
  const threshold = options.threshold;
  if (threshold !== undefined && !(threshold > 0 && threshold < 1)) {
    throw new ClassificationError(
      ClassificationErrorCode.INVALID_OPTION,
      'threshold must be between 0 and 1 (exclusive)',
    );
  }
  const max = options.maxSampleValues;
  if (max !== undefined && !(Number.isInteger(max) && max > 0)) {
    throw new ClassificationError(ClassificationErrorCode.INVALID_OPTION, 'maxSampleValues must be a positive integer');
  }
  const given = options.referenceDate ?? options.now;
  if (given === undefined) return null;
  const reference = toReferenceDate(given);
  if (reference === null) {
    throw new ClassificationError(
      ClassificationErrorCode.INVALID_OPTION,
      'referenceDate must be a valid Date or an ISO date string',
    );
  }
  return reference;
}

function nameSignals(
  matches: readonly NameMatch[],
  source: 'name' | 'comment',
  personQualified: boolean,
  soleTrader: boolean,
): {
  signals: Signal[];
  against: Evidence[];
  lookAlike: boolean;
} {
  const detector = source === 'name' ? NAME_DETECTOR : COMMENT_DETECTOR;
  const factor = source === 'name' ? 1 : 0.85;
  const where = source === 'name' ? 'Column name' : 'Comment';
  const signals: Signal[] = [];
  const against: Evidence[] = [];
  let lookAlike = false;
  for (const m of matches) {
    const tokens = m.matched.map((t) => `"${t}"`).join(' + ');
    if (!m.rule.personal) {
      lookAlike = true;
      against.push({
        detector: detector.id,
        version: detector.version,
        source,
        rule: m.rule.id,
        weight: 0,
        explanation: `${where} tokens ${tokens} denote a ${m.rule.explanation}: not personal data on its own.`,
      });
      continue;
    }
    if (m.blockedBy !== null) {
      // A thing or place qualifier makes a look-alike; a metadata word ("verified", "type") only says the
      // column describes the identifier, and its values may still hold one.
      if (
        m.blockReason !== 'metadata about the identifier' &&
        m.blockReason !== 'aggregate statistic' &&
        m.blockReason !== 'record metadata'
      )
        lookAlike = true;
      against.push({
        detector: detector.id,
        version: detector.version,
        source,
        rule: m.rule.id,
        weight: 0,
        explanation: `${where} tokens ${tokens} look like a ${m.rule.explanation}, but "${m.blockedBy}" (${m.blockReason}) rules it out.`,
      });
      continue;
    }
    let strength = m.strength;
    if (m.rule.id === 'national.business-id') strength = soleTrader ? 0.8 : 0.15;
    if (strength <= 0 || m.rule.category === null || m.rule.concept === null) continue;
    signals.push({
      category: m.rule.category,
      concept: m.rule.concept,
      strength: strength * factor,
      qi: m.rule.quasiIdentifier,
      fromValues: false,
      validated: false,
      ambiguousName: AMBIGUOUS_RULES.has(m.rule.id),
      personQualified,
      personOnly: false,
      valueKey: null,
      evidence: {
        detector: detector.id,
        version: detector.version,
        source,
        rule: m.rule.id,
        explanation: `${where} tokens ${tokens} match rule ${m.rule.id} (${m.rule.explanation}).`,
      },
    });
  }
  return { signals, against, lookAlike };
}

const PERSON_ONLY_VALUES: ReadonlySet<ValueDetectorKey> = new Set(['nir', 'passport', 'email']);
const NAME_VALUE_KEYS: ReadonlySet<ValueDetectorKey> = new Set(['firstName', 'personName', 'surname']);

function valueSignal(
  key: ValueDetectorKey,
  stats: ValueStats,
  strength: number,
  explanation: string,
  personQualified: boolean,
): Signal | null {
  const info: ValueDetectorInfo = VALUE_DETECTORS[key];
  if (strength <= 0 || info.category === null || info.concept === null) return null;
  const matched = stats.hits[key];
  return {
    category: info.category,
    concept: info.concept,
    strength,
    qi: info.quasiIdentifier,
    fromValues: true,
    validated: info.validated,
    ambiguousName: false,
    personQualified,
    // E-mails count as a person's only when they are not role mailboxes.
    personOnly: PERSON_ONLY_VALUES.has(key) && !(key === 'email' && stats.roleEmails >= 0.5 * stats.hits.email),
    valueKey: key,
    evidence: {
      detector: info.id,
      version: info.version,
      source: info.kind === 'vocabulary' ? 'vocabulary' : 'values',
      hitRatio: round2(matched / stats.sampled),
      matched,
      sampled: stats.sampled,
      explanation,
    },
  };
}

function valueSignals(stats: ValueStats, soleTrader: boolean, personQualified: boolean): Signal[] {
  const n = stats.sampled;
  if (n === 0) return [];
  // Few values say little: scale down below 10 values.
  const smallSample = n >= 10 ? 1 : 0.5 + 0.05 * n;
  const out: Signal[] = [];
  const add = (
    key: ValueDetectorKey,
    base: number,
    explanation: (ratio: number, matched: number) => string,
    ratio = stats.hits[key] / n,
    lo: number = VALUE_DETECTORS[key].lo,
    hi: number = VALUE_DETECTORS[key].hi,
  ): void => {
    const r = ramp(ratio, lo, hi);
    if (r <= 0) return;
    const s = valueSignal(key, stats, base * r * smallSample, explanation(ratio, stats.hits[key]), personQualified);
    if (s !== null) out.push(s);
  };
  const of = (m: number): string => `${m} of ${n} sampled values (${pct(m / n)})`;
  const h = stats.hits;

  const roleShare = h.email > 0 ? stats.roleEmails / h.email : 0;
  add('email', VALUE_DETECTORS.email.base * (roleShare >= 0.5 ? 0.3 : 1), (_, m) =>
    roleShare >= 0.5
      ? `${of(m)} are e-mail addresses, but ${pct(roleShare)} of them are role mailboxes (contact@, info@…): organisation contact data.`
      : `${of(m)} are syntactically valid e-mail addresses.`,
  );
  const formattedShare = h.phone > 0 ? stats.formattedPhones / h.phone : 0;
  add(
    'phone',
    0.6 + 0.25 * formattedShare,
    (_, m) => `${of(m)} are phone numbers (${pct(formattedShare)} written with separators or a + prefix).`,
  );
  add('nir', VALUE_DETECTORS.nir.base, (_, m) => `${of(m)} are valid French NIR (structure and mod-97 key verified).`);
  add(
    'iban',
    VALUE_DETECTORS.iban.base,
    (_, m) => `${of(m)} are valid IBAN (country length and mod-97 check digits verified).`,
  );
  add(
    'card',
    VALUE_DETECTORS.card.base,
    (_, m) => `${of(m)} are payment card numbers (issuer prefix and Luhn key verified).`,
  );
  add('bic', VALUE_DETECTORS.bic.base, (_, m) => `${of(m)} have the BIC format.`);
  const businessBase = soleTrader ? 0.8 : 0.15;
  add(
    'siret',
    businessBase,
    (_, m) =>
      `${of(m)} are valid SIRET (Luhn verified): ${soleTrader ? 'establishments of sole traders, which identify a natural person' : 'business identifiers, personal only for sole traders'}.`,
  );
  add(
    'siren',
    businessBase,
    (_, m) =>
      `${of(m)} are valid SIREN (Luhn verified): ${soleTrader ? 'sole traders, which identify a natural person' : 'business identifiers, personal only for sole traders'}.`,
  );
  add('ipv4', VALUE_DETECTORS.ipv4.base, (_, m) => `${of(m)} are IPv4 addresses.`);
  add('ipv6', VALUE_DETECTORS.ipv6.base, (_, m) => `${of(m)} are IPv6 addresses.`);
  add('mac', VALUE_DETECTORS.mac.base, (_, m) => `${of(m)} are MAC addresses.`);
  add(
    'postalCode',
    VALUE_DETECTORS.postalCode.base,
    (_, m) => `${of(m)} have the shape of French postal codes (weak: most 5-digit numbers do).`,
  );
  const birthLike = stats.yearSpan >= 15 && (stats.medianAge ?? 1) >= 1 && stats.timestamps <= 0.1 * n;
  add(
    'birthDate',
    birthLike ? 0.45 : VALUE_DETECTORS.birthDate.base,
    (_, m) =>
      `${of(m)} are calendar dates giving an age of 0-120 years${birthLike ? `, spread over ${stats.yearSpan} years like birth dates` : ''} (weak without a name saying "birth").`,
  );
  add('passport', VALUE_DETECTORS.passport.base, (_, m) => `${of(m)} have the French passport number format.`);
  add('plate', VALUE_DETECTORS.plate.base, (_, m) => `${of(m)} are French licence plates (SIV or FNI).`);
  // First names that are also common words ("Rose", "Olive") count half.
  const firstNameRatio = (h.firstName - 0.5 * stats.ambiguousFirstNames) / n;
  add('firstName', VALUE_DETECTORS.firstName.base, (_, m) => `${of(m)} are dictionary first names.`, firstNameRatio);
  add(
    'personName',
    VALUE_DETECTORS.personName.base,
    (_, m) => `${of(m)} look like full names (a dictionary first name next to a capitalised surname).`,
  );
  if (stats.nameShaped >= 0.8 * n) {
    add(
      'surname',
      VALUE_DETECTORS.surname.base,
      (_, m) => `${of(m)} are frequent surnames, and ${pct(stats.nameShaped / n)} of values are name-shaped words.`,
    );
  }
  add(
    'sex',
    VALUE_DETECTORS.sex.base * (stats.distinctSexValues >= 2 ? 1 : 0.5),
    (_, m) => `${of(m)} are sex or gender codes.`,
  );
  add('civility', VALUE_DETECTORS.civility.base, (_, m) => `${of(m)} are civilities.`);
  add('marital', VALUE_DETECTORS.marital.base, (_, m) => `${of(m)} are marital statuses.`);
  add('nationality', VALUE_DETECTORS.nationality.base, (_, m) => `${of(m)} are nationalities.`);
  const textual = stats.textValues >= 0.5 * n;
  // In free text (clinical notes) a health term in a minority of values is already telling.
  const healthRatio = textual ? stats.textWithHealthTerms / stats.textValues : h.healthTerms / n;
  add(
    'healthTerms',
    VALUE_DETECTORS.healthTerms.base,
    (ratio) =>
      `${pct(ratio)} of sampled ${textual ? 'free-text ' : ''}values name diagnoses, conditions, treatments or drugs.`,
    healthRatio,
    textual ? 0.05 : VALUE_DETECTORS.healthTerms.lo,
    textual ? 0.4 : VALUE_DETECTORS.healthTerms.hi,
  );
  const dotted = h.icd10 > 0 ? stats.dottedIcd10 / h.icd10 : 0;
  add(
    'icd10',
    dotted >= 0.5 ? VALUE_DETECTORS.icd10.base : 0.45,
    (_, m) => `${of(m)} are ICD-10 (CIM-10) codes (${pct(dotted)} with a dotted sub-code).`,
  );
  add('bloodGroup', VALUE_DETECTORS.bloodGroup.base, (_, m) => `${of(m)} are blood groups with rhesus.`);
  add('religion', VALUE_DETECTORS.religion.base, (_, m) => `${of(m)} name religions or beliefs.`);
  add(
    'religiousDiet',
    VALUE_DETECTORS.religiousDiet.base,
    (_, m) => `${of(m)} are faith-based meal choices (halal, casher, sans porc), which reveal a religion.`,
  );
  add('party', VALUE_DETECTORS.party.base, (_, m) => `${of(m)} name political parties.`);
  add('union', VALUE_DETECTORS.union.base, (_, m) => `${of(m)} name trade unions.`);
  add('orientation', VALUE_DETECTORS.orientation.base, (_, m) => `${of(m)} name sexual orientations.`);
  add('ethnic', VALUE_DETECTORS.ethnic.base, (_, m) => `${of(m)} name ethnic-origin categories.`);
  add('criminal', VALUE_DETECTORS.criminal.base, (_, m) => `${of(m)} name offences or sentences.`);
  if (textual && h.freeText > 0) {
    const ratio = h.freeText / stats.textValues;
    const info = VALUE_DETECTORS.freeText;
    const r = ramp(ratio, info.lo, info.hi);
    let best: PersonalDataCategory | null = null;
    for (const [category, count] of Object.entries(stats.textCategories)) {
      if (best === null || (count ?? 0) > (stats.textCategories[best] ?? 0)) best = category as PersonalDataCategory;
    }
    if (r > 0 && best !== null) {
      out.push({
        category: best,
        concept: 'free_text',
        strength: (0.55 + 0.4 * r) * smallSample,
        qi: false,
        fromValues: true,
        validated: false,
        ambiguousName: false,
        personQualified,
        personOnly: false,
        valueKey: 'freeText',
        evidence: {
          detector: info.id,
          version: info.version,
          source: 'values',
          hitRatio: round2(ratio),
          matched: h.freeText,
          sampled: stats.textValues,
          explanation: `${h.freeText} of ${stats.textValues} free-text values (${pct(ratio)}) contain personal data (mostly ${best}).`,
        },
      });
    }
  }
  return out;
}

const PAYROLL_TABLE_TOKENS: ReadonlySet<string> = new Set([
  'paie',
  'payroll',
  'payslip',
  'payslips',
  'bulletin',
  'paye',
  'salary',
  'remuneration',
  'remunerations',
]);
const PAY_AMOUNT_TOKENS: ReadonlySet<string> = new Set([
  'montant',
  'amount',
  'brut',
  'net',
  'gross',
  'base',
  'total',
  'prime',
  'primes',
  'bonus',
  'indemnite',
  'indemnites',
  'cotisation',
  'cotisations',
  'retenue',
  'retenues',
  'deduction',
  'deductions',
  'allowance',
  'heures',
  'hours',
  'overtime',
]);

/** In a payroll table, amounts are somebody's pay: the table name turns "montant" into salary data. */
function payrollSignal(nameTokens: readonly string[], context: DatasetContext): Signal | null {
  const table = context.tokens.find((t) => PAYROLL_TABLE_TOKENS.has(t));
  const amount = nameTokens.find((t) => PAY_AMOUNT_TOKENS.has(t));
  if (table === undefined || amount === undefined || nameTokens.includes('salary')) return null;
  return {
    category: PersonalDataCategory.FINANCIAL,
    concept: 'salary',
    strength: 0.8,
    qi: false,
    fromValues: false,
    validated: false,
    ambiguousName: false,
    personQualified: true,
    personOnly: false,
    valueKey: null,
    evidence: {
      detector: CONTEXT_DETECTOR.id,
      version: CONTEXT_DETECTOR.version,
      source: 'name',
      rule: 'financial.payroll-amount',
      explanation: `Amount column "${amount}" in a payroll table ("${table}"): an employee's pay.`,
    },
  };
}

/**
 * Classifies one column from its name, comment, description, declared type and (optionally) a sample
 * of its values. Pure: no I/O, no clock; the sample stays in memory and only a masked exemplar leaves.
 */
export function classifyField(input: FieldInput, options: ClassifyOptions = {}): FieldClassification {
  const reference = validateInput(input, options);
  const threshold = options.threshold ?? 0.5;
  const context: DatasetContext = datasetContext(input.dataset);
  const nameTokens = tokenizeIdentifier(input.field);
  const commentText = [input.comment ?? '', input.description ?? ''].join(' ').trim();
  const commentTokens = commentText === '' ? [] : tokenizeText(commentText);
  const allTokens = [...nameTokens, ...context.tokens];
  const personQualified = nameTokens.some((t) => PERSON_TOKENS.has(t));
  const soleTrader =
    allTokens.some((t) => SOLE_TRADER_TOKENS.has(t)) || commentTokens.some((t) => SOLE_TRADER_TOKENS.has(t));

  const fromName = nameSignals(
    matchNameRules(nameTokens, { source: 'name', dataset: context }),
    'name',
    personQualified,
    soleTrader,
  );
  const fromComment =
    commentTokens.length > 0
      ? nameSignals(
          matchNameRules(commentTokens, { source: 'comment', dataset: context }),
          'comment',
          personQualified,
          soleTrader,
        )
      : { signals: [], against: [], lookAlike: false };
  const signals: Signal[] = [...fromName.signals, ...fromComment.signals];
  const against: Evidence[] = [...fromName.against, ...fromComment.against];
  const payroll = payrollSignal(nameTokens, context);
  if (payroll !== null) signals.push(payroll);

  let stats: ValueStats | null = null;
  if (input.sample !== undefined && input.sample.length > 0) {
    stats = analyseValues(input.sample, { referenceDate: reference, maxValues: options.maxSampleValues ?? 10000 });
    signals.push(...valueSignals(stats, soleTrader, personQualified));
  }

  // Context adjustments, each explained once.
  const positiveNameEvidence = signals.some((s) => !s.fromValues);
  const lookAlike = (fromName.lookAlike || fromComment.lookAlike) && !positiveNameEvidence;
  const isBoolean = input.dataType !== undefined && BOOLEAN_TYPES.test(input.dataType.trim());
  const notes: Evidence[] = [];
  if (context.kind === 'reference' || context.kind === 'aggregate') {
    notes.push({
      detector: CONTEXT_DETECTOR.id,
      version: CONTEXT_DETECTOR.version,
      source: 'name',
      rule: `dataset.${context.kind}`,
      weight: 0,
      explanation: `Table name token "${context.because}" marks a ${context.kind === 'reference' ? 'reference list or nomenclature' : 'table of aggregated statistics'}: its rows describe no one, every signal is weakened.`,
    });
  } else if (context.kind === 'nonPerson') {
    notes.push({
      detector: CONTEXT_DETECTOR.id,
      version: CONTEXT_DETECTOR.version,
      source: 'name',
      rule: 'dataset.non-person',
      weight: 0,
      explanation: `Table name token "${context.because}" marks a table of things or organisations: attributes not qualified by a person are weakened.`,
    });
  }
  // A column named after a thing or a place ("ecole", "rue", "produit") holds names of things, even when
  // they are people's names ("École Jules Ferry").
  const thingNamed = !personQualified && nameTokens.some((t) => ORG_QUALIFIERS.has(t) || PLACE_TOKENS.has(t));
  // An organisational unit outside care records: a ward name is where staff work, not a diagnosis.
  const unitOutsideCare =
    nameTokens.some((t) => UNIT_TOKENS.has(t)) &&
    !context.tokens.some((t) => CARE_TABLE_TOKENS.has(t)) &&
    !nameTokens.some((t) => CARE_TABLE_TOKENS.has(t));
  const factorOf = (s: Signal): number => {
    let f = 1;
    if (context.kind === 'reference' || context.kind === 'aggregate') f *= 0.35;
    else if (context.kind === 'nonPerson' && !s.personQualified && !s.personOnly) f *= 0.45;
    if (lookAlike && s.fromValues) f *= s.validated ? 0.9 : 0.35;
    if (thingNamed && s.valueKey !== null && NAME_VALUE_KEYS.has(s.valueKey)) f *= 0.35;
    if (unitOutsideCare && s.fromValues && s.category === PersonalDataCategory.HEALTH) f *= 0.3;
    if (isBoolean && IDENTIFIER_CATEGORIES.has(s.category)) f *= 0.2;
    return f;
  };
  if (lookAlike && signals.some((s) => s.fromValues)) {
    notes.push({
      detector: NAME_DETECTOR.id,
      version: NAME_DETECTOR.version,
      source: 'name',
      rule: 'lookalike.values-weakened',
      weight: 0,
      explanation: 'The name denotes a non-personal concept: value patterns without a checksum are weakened.',
    });
  }
  if (thingNamed && signals.some((s) => s.valueKey !== null && NAME_VALUE_KEYS.has(s.valueKey))) {
    notes.push({
      detector: NAME_DETECTOR.id,
      version: NAME_DETECTOR.version,
      source: 'name',
      rule: 'context.thing-named',
      weight: 0,
      explanation:
        'The column names a thing or a place: person-like values are read as names of things (a school, a street).',
    });
  }
  if (unitOutsideCare && signals.some((s) => s.fromValues && s.category === PersonalDataCategory.HEALTH)) {
    notes.push({
      detector: CONTEXT_DETECTOR.id,
      version: CONTEXT_DETECTOR.version,
      source: 'name',
      rule: 'context.unit-outside-care',
      weight: 0,
      explanation:
        'An organisational unit outside care records: medical specialty names say where someone works, not their health.',
    });
  }
  if (isBoolean && signals.some((s) => IDENTIFIER_CATEGORIES.has(s.category))) {
    notes.push({
      detector: NAME_DETECTOR.id,
      version: NAME_DETECTOR.version,
      source: 'name',
      rule: 'datatype.boolean',
      weight: 0,
      explanation: `Declared type ${input.dataType} is a yes/no flag: it cannot hold an identifier.`,
    });
  }

  // Category-level contradictions from the values.
  const categoryFactor = new Map<PersonalDataCategory, number>();
  if (stats !== null && stats.sampled >= 20) {
    const nameHits = stats.hits.firstName + stats.hits.personName + stats.hits.surname;
    const identity = signals.filter((s) => s.category === PersonalDataCategory.IDENTITY && !s.fromValues);
    if (identity.length > 0 && identity.every((s) => s.ambiguousName) && nameHits / stats.sampled < 0.03) {
      categoryFactor.set(PersonalDataCategory.IDENTITY, 0.4);
      notes.push({
        detector: VALUE_DETECTORS.personName.id,
        version: VALUE_DETECTORS.personName.version,
        source: 'values',
        hitRatio: round2(nameHits / stats.sampled),
        matched: nameHits,
        sampled: stats.sampled,
        weight: 0,
        explanation: `The name is ambiguous and the sampled values do not look like person names (${nameHits} of ${stats.sampled} hit the first-name or surname dictionaries).`,
      });
    }
    if (stats.hits.email >= 0.5 * stats.sampled && stats.roleEmails >= 0.5 * stats.hits.email) {
      categoryFactor.set(PersonalDataCategory.CONTACT, 0.4);
    }
  }

  // Combine per category with a noisy-OR: independent signals reinforce each other. Signals sharing a
  // context factor are combined first and weakened once, so that several weak signals in a table of
  // things cannot add up to certainty.
  const scores = new Map<PersonalDataCategory, number>();
  const byCategory = new Map<PersonalDataCategory, Map<number, number>>();
  for (const s of signals) {
    const f = Math.round(factorOf(s) * 10000) / 10000;
    const groups = byCategory.get(s.category) ?? new Map<number, number>();
    const prev = groups.get(f) ?? 0;
    groups.set(f, 1 - (1 - prev) * (1 - Math.min(0.99, s.strength)));
    byCategory.set(s.category, groups);
    s.strength *= f;
  }
  for (const [category, groups] of byCategory) {
    let miss = 1;
    for (const [f, combined] of groups) miss *= 1 - combined * f;
    scores.set(category, (1 - miss) * (categoryFactor.get(category) ?? 1));
  }
  let best: PersonalDataCategory | null = null;
  let bestScore = 0;
  for (const [category, score] of scores) {
    if (score > bestScore) {
      best = category;
      bestScore = score;
    }
  }
  // Prefer a special category that is nearly as strong: the more protective reading.
  if (best !== null && specialKindOf(best) === null) {
    for (const [category, score] of scores) {
      if (specialKindOf(category) !== null && score >= threshold && score >= bestScore - 0.15) {
        best = category;
        bestScore = score;
      }
    }
  }

  const evidence: Evidence[] = signals
    .filter((s) => s.strength > 0.005)
    .sort((a, b) => b.strength - a.strength)
    .map((s) => ({ ...s.evidence, category: s.category, weight: round2(s.strength) }));
  evidence.push(...against, ...notes);

  const personal = best !== null && bestScore >= threshold;
  if (!personal || best === null) {
    const hasSample = stats !== null && stats.sampled > 0;
    const confidence = round2(Math.min(0.99, (1 - bestScore) * (hasSample ? 1 : 0.85)));
    const why = lookAlike
      ? 'Look-alike of personal data recognised from the name; no personal data detected.'
      : hasSample
        ? `No detector found personal data in the name, comment or ${stats?.sampled ?? 0} sampled values.`
        : 'No rule recognised personal data in the name or comment (no values were sampled).';
    return {
      personal: false,
      category: null,
      specialCategory: false,
      specialCategoryKind: null,
      quasiIdentifier: false,
      confidence,
      treatment: Treatment.KEEP,
      treatmentReason:
        bestScore > 0 ? `${why} Strongest signal ${round2(bestScore)} is below the ${threshold} threshold.` : why,
      evidence,
    };
  }

  const winning = signals.filter((s) => s.category === best).sort((a, b) => b.strength - a.strength);
  const concept: Concept = winning[0]?.concept ?? DEFAULT_CONCEPT[best];
  const advice = TREATMENT_BY_CONCEPT[concept];
  const kind = specialKindOf(best);
  const quasiIdentifier = kind === null && winning.some((s) => s.qi && s.strength >= 0.3);
  const result: FieldClassification = {
    personal: true,
    category: best,
    specialCategory: kind !== null,
    specialCategoryKind: kind,
    quasiIdentifier,
    confidence: round2(Math.min(0.99, bestScore)),
    treatment: advice.treatment,
    treatmentReason: advice.reason,
    evidence,
  };
  if (options.maskedExemplar !== false && stats !== null && input.sample !== undefined) {
    const exemplarSignal = winning.find((s) => s.valueKey !== null && s.valueKey !== 'freeText');
    const index = exemplarSignal?.valueKey != null ? stats.firstHit[exemplarSignal.valueKey] : undefined;
    const raw = index !== undefined ? input.sample[index] : null;
    if (exemplarSignal?.valueKey != null && typeof raw === 'string') {
      return { ...result, maskedExemplar: maskExemplar(exemplarSignal.valueKey, raw) };
    }
  }
  return result;
}
