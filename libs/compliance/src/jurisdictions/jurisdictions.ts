import { ComplianceError, ComplianceErrorCode, quoteUntrusted, sanitiseFieldName } from '../compliance.errors.js';
import { type CountryCode, ISO_3166_1_ALPHA_2, normaliseCountryCode } from './iso-3166.js';
import {
  ADEQUACY_DECISIONS,
  type AdequacyCondition,
  type AdequacyDecision,
  type AdequacyScope,
  EEA_EFTA_STATES,
  EU_MEMBER_STATES,
  EU_TERRITORIES,
  type EuTerritory,
  JURISDICTION_TABLE_META,
  TERRITORIES_OUTSIDE_EU_EEA,
  type TerritoryOutsideEuEea,
} from './jurisdiction-table.js';

/** Where personal data hosted in or sent to a country stands under GDPR Chapter V. */
export enum Jurisdiction {
  EU = 'EU',
  EEA = 'EEA',
  ADEQUACY = 'ADEQUACY',
  THIRD_COUNTRY = 'THIRD_COUNTRY',
}

/** Why a result has its jurisdiction: stable codes that reports translate (FR/EN). */
export enum JurisdictionBasis {
  EU_MEMBER_STATE = 'EU_MEMBER_STATE',
  /** Outermost region or Åland: own ISO code, EU territory all the same. */
  EU_TERRITORY = 'EU_TERRITORY',
  EEA_EFTA_STATE = 'EEA_EFTA_STATE',
  ADEQUACY_FULL = 'ADEQUACY_FULL',
  ADEQUACY_PARTIAL_MET = 'ADEQUACY_PARTIAL_MET',
  /** The recipient is known to be outside the partial decision's scope. */
  ADEQUACY_PARTIAL_NOT_MET = 'ADEQUACY_PARTIAL_NOT_MET',
  /** Nothing recorded tells whether the recipient is within the scope: to verify. */
  ADEQUACY_PARTIAL_UNVERIFIED = 'ADEQUACY_PARTIAL_UNVERIFIED',
  /** The decision's sunset date has passed and the table records no renewal. */
  ADEQUACY_EXPIRED = 'ADEQUACY_EXPIRED',
  NO_ADEQUACY = 'NO_ADEQUACY',
}

export const RECIPIENT_SECTORS = Object.freeze(['COMMERCIAL', 'PUBLIC', 'NON_PROFIT', 'UNKNOWN'] as const);
/** The recipient's sector, as far as the inventory knows it. */
export type RecipientSector = (typeof RECIPIENT_SECTORS)[number];

/**
 * Certification labels that mean "certified under the EU-U.S. Data Privacy Framework". A recorded
 * label matches when, after normalisation (Unicode NFKC, lower case, dots removed, hyphens,
 * underscores, dashes and runs of spaces read as one space, trimmed), it equals one of these.
 * Whole-label equality, not substring: 'Swiss-US DPF' or 'UK Extension' do not count.
 */
export const DPF_CERTIFICATION_LABELS = Object.freeze([
  'EU-US DPF',
  'EU-U.S. DPF',
  'DPF',
  'Data Privacy Framework',
  'EU-US Data Privacy Framework',
  'EU-U.S. Data Privacy Framework',
] as const);

const LABEL_MAX_CHARS = 64;

function normaliseLabel(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[\s\-_\u2010-\u2015\u2212]+/g, ' ')
    .trim();
}

const DPF_LABELS = new Set(DPF_CERTIFICATION_LABELS.map(normaliseLabel));

/** True when the label records an EU-U.S. DPF certification (see DPF_CERTIFICATION_LABELS). */
export function isDpfCertification(label: string): boolean {
  return typeof label === 'string' && label.length <= LABEL_MAX_CHARS && DPF_LABELS.has(normaliseLabel(label));
}

export interface ResolveJurisdictionInput {
  /** ISO 3166-1 alpha-2 code; letter case is forgiven and UK/EL are accepted (see iso-3166.ts). */
  country: string;
  /** Names the input in error messages, e.g. 'servers[3].country'. Defaults to 'country'. */
  field?: string;
  /** Certifications recorded for the recipient, e.g. ['EU-US DPF']. Undefined = not recorded. */
  certifications?: readonly string[];
  /** The recipient's sector. Undefined = not recorded. */
  sector?: RecipientSector;
  /** Date of the assessment, for decisions with a sunset clause. Defaults to now. */
  at?: Date;
}

export interface AdequacyAssessment {
  decision: string;
  /** Adoption date, YYYY-MM-DD. */
  date: string;
  scope: AdequacyScope;
  /** What a partial decision covers; absent for full ones. */
  condition?: string;
  /** true: covered; false: known not to be covered; null: unknown, must be checked. */
  conditionMet: boolean | null;
  celex: string;
  url: string;
  validUntil?: string;
}

export interface JurisdictionResult {
  country: CountryCode;
  countryName: string;
  countryNameFr: string;
  jurisdiction: Jurisdiction;
  basis: JurisdictionBasis;
  /** For EU territories with their own code (e.g. GP → FR). */
  memberState?: CountryCode;
  /** Present whenever the country has an adequacy decision, even when it does not apply here. */
  adequacy?: AdequacyAssessment;
  /** True when an Art. 46 safeguard or an Art. 49 derogation is needed. */
  transferMechanismRequired: boolean;
  explanation: string;
}

export interface JurisdictionListing {
  country: CountryCode;
  countryName: string;
  countryNameFr: string;
  /** The table's classification: a PARTIAL decision lists as ADEQUACY; resolveJurisdiction decides per recipient. */
  jurisdiction: Jurisdiction;
  memberState?: CountryCode;
  adequacy?: AdequacyDecision;
}

const EU = new Set<string>(EU_MEMBER_STATES);
const EEA = new Set<string>(EEA_EFTA_STATES);
const EU_TERRITORY_BY_CODE = new Map<string, EuTerritory>(EU_TERRITORIES.map((t) => [t.country, t]));
const OUTSIDE_BY_CODE = new Map<string, TerritoryOutsideEuEea>(TERRITORIES_OUTSIDE_EU_EEA.map((t) => [t.country, t]));
const ADEQUACY_BY_CODE = new Map<string, AdequacyDecision>(ADEQUACY_DECISIONS.map((d) => [d.country, d]));

const THIRD_COUNTRY_CONSEQUENCE =
  'the transfer needs an Art. 46 GDPR safeguard (e.g. standard contractual clauses, binding corporate rules) or an Art. 49 derogation';

/**
 * Classifies the country where personal data is hosted or sent. Partial adequacy applies only
 * when its condition is known to be met; when unknown, the result is THIRD_COUNTRY with
 * conditionMet null (the conservative reading: see README). Throws ComplianceError
 * (MALFORMED_COUNTRY, UNKNOWN_COUNTRY, INVALID_SECTOR, INVALID_CERTIFICATIONS).
 */
export function resolveJurisdiction(input: ResolveJurisdictionInput): JurisdictionResult {
  const country = normaliseCountryCode(input.country, input.field);
  const certifications = validateCertifications(input.certifications, input.field);
  const sector = validateSector(input.sector, input.field);
  const names = ISO_3166_1_ALPHA_2[country];
  const subject = `${names.en} (${country})`;
  const base = { country, countryName: names.en, countryNameFr: names.fr };

  if (EU.has(country)) {
    return {
      ...base,
      jurisdiction: Jurisdiction.EU,
      basis: JurisdictionBasis.EU_MEMBER_STATE,
      transferMechanismRequired: false,
      explanation: `${subject} is an EU member state: the GDPR applies there directly, so hosting or sending personal data there is not a transfer under GDPR Chapter V.`,
    };
  }
  const territory = EU_TERRITORY_BY_CODE.get(country);
  if (territory) {
    return {
      ...base,
      jurisdiction: Jurisdiction.EU,
      basis: JurisdictionBasis.EU_TERRITORY,
      memberState: territory.memberState,
      transferMechanismRequired: false,
      explanation: `${subject} is EU territory (${ISO_3166_1_ALPHA_2[territory.memberState].en}, ${territory.basis}): the GDPR applies there, so hosting or sending personal data there is not a transfer under GDPR Chapter V.`,
    };
  }
  if (EEA.has(country)) {
    return {
      ...base,
      jurisdiction: Jurisdiction.EEA,
      basis: JurisdictionBasis.EEA_EFTA_STATE,
      transferMechanismRequired: false,
      explanation: `${subject} is an EEA state outside the EU: the GDPR applies there through the EEA Agreement (EEA Joint Committee Decision No 154/2018), so this is not a transfer to a third country under GDPR Chapter V.`,
    };
  }

  const decision = ADEQUACY_BY_CODE.get(country);
  if (!decision) {
    const outside = OUTSIDE_BY_CODE.get(country);
    return {
      ...base,
      jurisdiction: Jurisdiction.THIRD_COUNTRY,
      basis: JurisdictionBasis.NO_ADEQUACY,
      transferMechanismRequired: true,
      explanation:
        `${subject} is a third country under GDPR Chapter V with no adequacy decision` +
        (outside ? ` (it is ${outside.note})` : '') +
        `: ${THIRD_COUNTRY_CONSEQUENCE}.`,
    };
  }

  const today = (input.at ?? new Date()).toISOString().slice(0, 10);
  if (decision.validUntil !== undefined && today > decision.validUntil) {
    return {
      ...base,
      jurisdiction: Jurisdiction.THIRD_COUNTRY,
      basis: JurisdictionBasis.ADEQUACY_EXPIRED,
      adequacy: assessment(decision, false),
      transferMechanismRequired: true,
      explanation: `${subject} had an adequacy decision (${decision.decision}) that applied until ${decision.validUntil}; this table (as of ${JURISDICTION_TABLE_META.asOf}) records no renewal, so it is treated as a third country and ${THIRD_COUNTRY_CONSEQUENCE}. Update the jurisdiction table.`,
    };
  }

  if (decision.scope === 'FULL') {
    return {
      ...base,
      jurisdiction: Jurisdiction.ADEQUACY,
      basis: JurisdictionBasis.ADEQUACY_FULL,
      adequacy: assessment(decision, true),
      transferMechanismRequired: false,
      explanation:
        `${subject} benefits from an adequacy decision (${decision.decision}): transfers there need no further safeguard (Art. 45(1) GDPR).` +
        (decision.limitations ? ` Scope: ${decision.limitations}` : ''),
    };
  }

  // A PARTIAL entry without a condition is a table error (the integrity test forbids it): read it as unverifiable.
  const condition = decision.condition;
  const outcome = condition
    ? evaluateCondition(condition, certifications, sector)
    : { met: null, detail: 'the table records no condition to check' };
  const covering = `${subject} benefits only from a partial adequacy decision (${decision.decision}) covering ${condition?.text ?? 'an unrecorded scope.'}`;
  if (outcome.met === true) {
    return {
      ...base,
      jurisdiction: Jurisdiction.ADEQUACY,
      basis: JurisdictionBasis.ADEQUACY_PARTIAL_MET,
      adequacy: assessment(decision, true),
      transferMechanismRequired: false,
      explanation: `${covering} This recipient is within that scope (${outcome.detail}), so the transfer is covered by adequacy (Art. 45(1) GDPR).`,
    };
  }
  const why =
    outcome.met === false
      ? `This recipient is outside that scope (${outcome.detail}), so it is treated as a third country:`
      : `Whether this recipient is within that scope is unknown and must be checked (${outcome.detail}), so until then it is treated as a third country:`;
  return {
    ...base,
    jurisdiction: Jurisdiction.THIRD_COUNTRY,
    basis:
      outcome.met === false
        ? JurisdictionBasis.ADEQUACY_PARTIAL_NOT_MET
        : JurisdictionBasis.ADEQUACY_PARTIAL_UNVERIFIED,
    adequacy: assessment(decision, outcome.met),
    transferMechanismRequired: true,
    explanation:
      `${covering} ${why} ${THIRD_COUNTRY_CONSEQUENCE}.` +
      (condition ? ` For adequacy to apply: ${condition.howToMeet}` : ''),
  };
}

/** Every officially assigned code with its table classification, sorted by code (for docs and reports). */
export function listJurisdictions(): JurisdictionListing[] {
  return (Object.keys(ISO_3166_1_ALPHA_2) as CountryCode[]).sort().map((country) => {
    const names = ISO_3166_1_ALPHA_2[country];
    const listing: JurisdictionListing = {
      country,
      countryName: names.en,
      countryNameFr: names.fr,
      jurisdiction: Jurisdiction.THIRD_COUNTRY,
    };
    const territory = EU_TERRITORY_BY_CODE.get(country);
    const adequacy = ADEQUACY_BY_CODE.get(country);
    if (EU.has(country)) listing.jurisdiction = Jurisdiction.EU;
    else if (territory) Object.assign(listing, { jurisdiction: Jurisdiction.EU, memberState: territory.memberState });
    else if (EEA.has(country)) listing.jurisdiction = Jurisdiction.EEA;
    else if (adequacy) Object.assign(listing, { jurisdiction: Jurisdiction.ADEQUACY, adequacy });
    return listing;
  });
}

function assessment(decision: AdequacyDecision, conditionMet: boolean | null): AdequacyAssessment {
  const result: AdequacyAssessment = {
    decision: decision.decision,
    date: decision.date,
    scope: decision.scope,
    conditionMet,
    celex: decision.celex,
    url: decision.url,
  };
  if (decision.condition) result.condition = decision.condition.text;
  if (decision.validUntil) result.validUntil = decision.validUntil;
  return result;
}

interface ConditionOutcome {
  met: boolean | null;
  detail: string;
}

function evaluateCondition(
  condition: AdequacyCondition,
  certifications: readonly string[] | undefined,
  sector: RecipientSector | undefined,
): ConditionOutcome {
  switch (condition.kind) {
    case 'EU_US_DPF_CERTIFICATION': {
      if (certifications === undefined) return { met: null, detail: 'no certifications are recorded for it' };
      if (certifications.some(isDpfCertification))
        return { met: true, detail: 'an EU-U.S. DPF certification is recorded' };
      const shield = certifications.some((c) => c.length <= LABEL_MAX_CHARS && /privacy\s*shield/i.test(c));
      return {
        met: false,
        detail:
          'its recorded certifications include no EU-U.S. DPF certification' +
          (shield
            ? '; the Privacy Shield, invalidated by the Court of Justice on 16 July 2020 (C-311/18), does not count'
            : ''),
      };
    }
    case 'CANADA_PIPEDA_COMMERCIAL':
      return sectorOutcome(sector, {
        COMMERCIAL: 'recorded as a commercial organisation, subject to PIPEDA',
        PUBLIC: 'recorded as a public body, not subject to PIPEDA',
        NON_PROFIT: 'recorded as a non-profit organisation, subject to PIPEDA only for commercial activities',
      });
    case 'JAPAN_APPI_PRIVATE_SECTOR':
      return sectorOutcome(sector, {
        COMMERCIAL: 'recorded as a private-sector business operator under the APPI',
        PUBLIC: 'recorded as a public body, outside the decision',
        NON_PROFIT: 'recorded as a non-profit organisation, which may fall under an APPI exemption',
      });
  }
}

function sectorOutcome(
  sector: RecipientSector | undefined,
  details: { COMMERCIAL: string; PUBLIC: string; NON_PROFIT: string },
): ConditionOutcome {
  switch (sector) {
    case 'COMMERCIAL':
      return { met: true, detail: details.COMMERCIAL };
    case 'PUBLIC':
      return { met: false, detail: details.PUBLIC };
    case 'NON_PROFIT':
      return { met: null, detail: details.NON_PROFIT };
    case 'UNKNOWN':
      return { met: null, detail: 'its sector is recorded as unknown' };
    case undefined:
      return { met: null, detail: 'its sector is not recorded' };
  }
}

function validateSector(sector: unknown, field: string | undefined): RecipientSector | undefined {
  if (sector === undefined || (RECIPIENT_SECTORS as readonly unknown[]).includes(sector)) {
    return sector as RecipientSector | undefined;
  }
  const name = sanitiseFieldName(field, 'country');
  throw new ComplianceError(
    ComplianceErrorCode.INVALID_SECTOR,
    `${name}: sector ${quoteUntrusted(sector)} is not a recipient sector (expected one of ${RECIPIENT_SECTORS.join(', ')})`,
    { field: name },
  );
}

function validateCertifications(certifications: unknown, field: string | undefined): readonly string[] | undefined {
  if (certifications === undefined) return undefined;
  if (Array.isArray(certifications) && certifications.every((c) => typeof c === 'string')) return certifications;
  const name = sanitiseFieldName(field, 'country');
  throw new ComplianceError(
    ComplianceErrorCode.INVALID_CERTIFICATIONS,
    `${name}: certifications must be an array of strings, got ${Array.isArray(certifications) ? 'an array with a non-string entry' : quoteUntrusted(certifications)}`,
    { field: name },
  );
}
