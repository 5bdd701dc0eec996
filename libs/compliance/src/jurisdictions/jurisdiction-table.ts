import type { CountryCode } from './iso-3166.js';

/*
 * The data behind `resolveJurisdiction`. Every change to this file cites the act that motivates
 * it (reference, date, CELEX) and moves JURISDICTION_TABLE_META forward: see the README.
 */

/** When and against what the table was last checked. */
export const JURISDICTION_TABLE_META = deepFreeze({
  version: '2026-11-26',
  asOf: '2026-11-26',
  /** Date of the most recent source seen: decisions adopted after it may be missing. */
  newestSourceDate: '2026-08-05',
  checked:
    'Checked on 2026-11-26 through stored copies of public sources (no live access to the Commission site): ' +
    'the list of adequacy decisions in force (Commission communications and their press coverage); ' +
    'Official Journal / EUR-Lex references for Brazil ((EU) 2026/179), the European Patent Organisation ' +
    '((EU) 2025/1382) and the renewal of the UK decisions on 19 December 2025; the first review of the ' +
    'eleven pre-GDPR decisions (COM(2024) 7, 15 January 2024); the first review of the Japan decision ' +
    '(COM(2023) 275); the General Court judgment of 3 September 2025 in Case T-553/23 (EU-US DPF upheld).',
});

/** Shorthand kept for callers that only need to stamp a report. */
export const JURISDICTION_TABLE_VERSION: string = JURISDICTION_TABLE_META.version;

/** The 27 member states of the European Union (since 1 February 2020). */
export const EU_MEMBER_STATES: readonly CountryCode[] = deepFreeze([
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const);

/**
 * EEA states outside the EU. The GDPR applies there through the EEA Agreement since
 * 20 July 2018 (EEA Joint Committee Decision No 154/2018), so they are not third countries.
 */
export const EEA_EFTA_STATES: readonly CountryCode[] = deepFreeze(['IS', 'LI', 'NO'] as const);

export interface EuTerritory {
  country: CountryCode;
  memberState: CountryCode;
  basis: string;
}

/** Places with their own ISO code that are nevertheless EU territory, where the GDPR applies. */
export const EU_TERRITORIES: readonly EuTerritory[] = deepFreeze([
  { country: 'AX', memberState: 'FI', basis: 'Åland Islands, Art. 355(4) TFEU' },
  { country: 'GF', memberState: 'FR', basis: 'outermost region, Art. 349 and 355(1) TFEU' },
  { country: 'GP', memberState: 'FR', basis: 'outermost region, Art. 349 and 355(1) TFEU' },
  { country: 'MF', memberState: 'FR', basis: 'outermost region, Art. 349 and 355(1) TFEU' },
  { country: 'MQ', memberState: 'FR', basis: 'outermost region, Art. 349 and 355(1) TFEU' },
  { country: 'RE', memberState: 'FR', basis: 'outermost region, Art. 349 and 355(1) TFEU' },
  { country: 'YT', memberState: 'FR', basis: 'outermost region since 1 January 2014, Art. 349 and 355(1) TFEU' },
]);

export interface TerritoryOutsideEuEea {
  country: CountryCode;
  relatedState: CountryCode;
  note: string;
}

/**
 * Territories linked to an EU or EEA state but outside the area where the GDPR applies. They are
 * third countries (unless they have their own adequacy decision, like the Faroe Islands); the
 * note only makes the explanation less surprising.
 */
export const TERRITORIES_OUTSIDE_EU_EEA: readonly TerritoryOutsideEuEea[] = deepFreeze([
  ...(['AW', 'BQ', 'CW', 'SX'] as const).map((country) => ({
    country,
    relatedState: 'NL' as const,
    note: 'an overseas country or territory of the Netherlands (Part Four and Annex II TFEU), outside the EU',
  })),
  ...(['BL', 'NC', 'PF', 'PM', 'TF', 'WF'] as const).map((country) => ({
    country,
    relatedState: 'FR' as const,
    note: 'an overseas country or territory of France (Part Four and Annex II TFEU), outside the EU',
  })),
  {
    country: 'GL',
    relatedState: 'DK',
    note: 'an overseas country or territory of Denmark (Part Four and Annex II TFEU), outside the EU',
  },
  {
    country: 'FO',
    relatedState: 'DK',
    note: 'part of the Kingdom of Denmark but outside the EU',
  },
  {
    country: 'SJ',
    relatedState: 'NO',
    note: 'Norwegian, but the EEA Agreement does not apply to Svalbard (Protocol 40 to the EEA Agreement); for Jan Mayen, verify',
  },
  {
    country: 'BV',
    relatedState: 'NO',
    note: 'a Norwegian dependency outside the territory to which the EEA Agreement applies',
  },
]);

export type AdequacyScope = 'FULL' | 'PARTIAL';

/** The attribute of the recipient that a partial decision turns on; evaluated by `resolveJurisdiction`. */
export type AdequacyConditionKind =
  'EU_US_DPF_CERTIFICATION' | 'CANADA_PIPEDA_COMMERCIAL' | 'JAPAN_APPI_PRIVATE_SECTOR';

export interface AdequacyCondition {
  kind: AdequacyConditionKind;
  /** What the decision covers, stated for reports. */
  text: string;
  /** What to verify and record so that adequacy applies. */
  howToMeet: string;
}

export interface AdequacyAmendment {
  reference: string;
  date: string;
  effect: string;
}

export interface AdequacyDecision {
  country: CountryCode;
  /** The beneficiary as the Commission names it. */
  subject: string;
  scope: AdequacyScope;
  /** Present exactly when scope is PARTIAL. */
  condition?: AdequacyCondition;
  /** Carve-outs of a FULL decision that no recorded attribute can decide: reported, not evaluated. */
  limitations?: string;
  decision: string;
  /** Adoption date of the decision, YYYY-MM-DD. */
  date: string;
  celex: string;
  url: string;
  amendments?: readonly AdequacyAmendment[];
  /** Last day the decision applies (sunset clause), YYYY-MM-DD. */
  validUntil?: string;
  notes?: string;
}

function eurLex(celex: string): string {
  return `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:${celex}`;
}

function decision(entry: Omit<AdequacyDecision, 'url'>): AdequacyDecision {
  return { ...entry, url: eurLex(entry.celex) };
}

const FIRST_REVIEW_2024 =
  'Maintained by the first review of the decisions adopted under Directive 95/46/EC (COM(2024) 7, 15 January 2024).';

/** Adequacy decisions in force for countries and territories (GDPR Art. 45(3), or Art. 45(9) for pre-GDPR ones). */
export const ADEQUACY_DECISIONS: readonly AdequacyDecision[] = deepFreeze([
  decision({
    country: 'AD',
    subject: 'Andorra',
    scope: 'FULL',
    decision: 'Commission Decision 2010/625/EU of 19 October 2010',
    date: '2010-10-19',
    celex: '32010D0625',
    notes: FIRST_REVIEW_2024,
  }),
  decision({
    country: 'AR',
    subject: 'Argentina',
    scope: 'FULL',
    decision: 'Commission Decision 2003/490/EC of 30 June 2003',
    date: '2003-06-30',
    celex: '32003D0490',
    notes: FIRST_REVIEW_2024,
  }),
  decision({
    country: 'BR',
    subject: 'Brazil',
    scope: 'FULL',
    decision: 'Commission Implementing Decision (EU) 2026/179 of 26 January 2026',
    date: '2026-01-26',
    celex: '32026D0179',
    notes:
      'Published in the Official Journal on 28 January 2026; mutual: Brazil adopted a reciprocal decision for the EU. ' +
      'Covers private and public sectors; first review after four years.',
  }),
  decision({
    country: 'CA',
    subject: 'Canada (commercial organisations)',
    scope: 'PARTIAL',
    condition: {
      kind: 'CANADA_PIPEDA_COMMERCIAL',
      text:
        'recipients subject to the Personal Information Protection and Electronic Documents Act (PIPEDA), i.e. ' +
        'organisations processing personal data in the course of commercial activities; public bodies and ' +
        'non-commercial processing are not covered.',
      howToMeet:
        "verify that the Canadian recipient is subject to PIPEDA for this data, then record sector 'COMMERCIAL'.",
    },
    decision: 'Commission Decision 2002/2/EC of 20 December 2001',
    date: '2001-12-20',
    celex: '32002D0002',
    notes: FIRST_REVIEW_2024,
  }),
  decision({
    country: 'CH',
    subject: 'Switzerland',
    scope: 'FULL',
    decision: 'Commission Decision 2000/518/EC of 26 July 2000',
    date: '2000-07-26',
    celex: '32000D0518',
    notes: FIRST_REVIEW_2024,
  }),
  decision({
    country: 'FO',
    subject: 'Faroe Islands',
    scope: 'FULL',
    decision: 'Commission Decision 2010/146/EU of 5 March 2010',
    date: '2010-03-05',
    celex: '32010D0146',
    notes: FIRST_REVIEW_2024,
  }),
  decision({
    country: 'GB',
    subject: 'United Kingdom',
    scope: 'FULL',
    decision: 'Commission Implementing Decision (EU) 2021/1772 of 28 June 2021',
    date: '2021-06-28',
    celex: '32021D1772',
    validUntil: '2031-12-27',
    amendments: [
      {
        reference: 'Commission Implementing Decision of 24 June 2025 amending Implementing Decision (EU) 2021/1772',
        date: '2025-06-24',
        effect: 'technical extension of the sunset date from 27 June 2025 to 27 December 2025',
      },
      {
        reference: 'Commission Implementing Decision of 19 December 2025 amending Implementing Decision (EU) 2021/1772',
        date: '2025-12-19',
        effect: 'renewal for six years, until 27 December 2031, after assessing the Data (Use and Access) Act 2025',
      },
    ],
    notes:
      'GDPR decision only; a twin decision under the Law Enforcement Directive ((EU) 2021/1773, amended by ' +
      '(EU) 2025/1225 and (EU) 2025/2571) covers police and criminal-justice transfers. The Official Journal ' +
      'numbers of the two GDPR amending decisions were not confirmed when the table was checked.',
  }),
  decision({
    country: 'GG',
    subject: 'Guernsey',
    scope: 'FULL',
    decision: 'Commission Decision 2003/821/EC of 21 November 2003',
    date: '2003-11-21',
    celex: '32003D0821',
    notes: FIRST_REVIEW_2024,
  }),
  decision({
    country: 'IL',
    subject: 'Israel',
    scope: 'FULL',
    limitations:
      'the decision covers automated international transfers, and non-automated ones that are then subject to ' +
      'further automated processing in Israel (Article 1).',
    decision: 'Commission Decision 2011/61/EU of 31 January 2011',
    date: '2011-01-31',
    celex: '32011D0061',
    notes: FIRST_REVIEW_2024,
  }),
  decision({
    country: 'IM',
    subject: 'Isle of Man',
    scope: 'FULL',
    decision: 'Commission Decision 2004/411/EC of 28 April 2004',
    date: '2004-04-28',
    celex: '32004D0411',
    notes: FIRST_REVIEW_2024,
  }),
  decision({
    country: 'JE',
    subject: 'Jersey',
    scope: 'FULL',
    decision: 'Commission Decision 2008/393/EC of 8 May 2008',
    date: '2008-05-08',
    celex: '32008D0393',
    notes: FIRST_REVIEW_2024,
  }),
  decision({
    country: 'JP',
    subject: 'Japan',
    scope: 'PARTIAL',
    condition: {
      kind: 'JAPAN_APPI_PRIVATE_SECTOR',
      text:
        'private-sector recipients that are personal information handling business operators under the Act on the ' +
        'Protection of Personal Information (APPI), bound by the Supplementary Rules of the Personal Information ' +
        'Protection Commission (Annex I); public-sector bodies are not covered, nor processing for purposes the APPI ' +
        'exempts (press, academic, religious, political activities).',
      howToMeet:
        "verify that the Japanese recipient is a private-sector business operator under the APPI processing this data for a covered purpose, then record sector 'COMMERCIAL'.",
    },
    decision: 'Commission Implementing Decision (EU) 2019/419 of 23 January 2019',
    date: '2019-01-23',
    celex: '32019D0419',
    notes: 'First review: COM(2023) 275 of 3 April 2023 (decision maintained, scope unchanged).',
  }),
  decision({
    country: 'KR',
    subject: 'Republic of Korea',
    scope: 'FULL',
    limitations:
      'covers recipients subject to the Personal Information Protection Act (PIPA), except processing for missionary ' +
      'activities by religious organisations, for the nomination of candidates by political parties, and of personal ' +
      'credit information by controllers supervised by the Financial Services Commission.',
    decision: 'Commission Implementing Decision (EU) 2022/254 of 17 December 2021',
    date: '2021-12-17',
    celex: '32022D0254',
  }),
  decision({
    country: 'NZ',
    subject: 'New Zealand',
    scope: 'FULL',
    decision: 'Commission Implementing Decision 2013/65/EU of 19 December 2012',
    date: '2012-12-19',
    celex: '32013D0065',
    notes: FIRST_REVIEW_2024,
  }),
  decision({
    country: 'US',
    subject: 'United States (organisations certified under the EU-U.S. Data Privacy Framework)',
    scope: 'PARTIAL',
    condition: {
      kind: 'EU_US_DPF_CERTIFICATION',
      text:
        'organisations self-certified under the EU-U.S. Data Privacy Framework, with an active entry on the ' +
        'Data Privacy Framework List covering the data concerned (HR or non-HR data).',
      howToMeet:
        "check the recipient on the Data Privacy Framework List (dataprivacyframework.gov), then record the certification 'EU-US DPF'.",
    },
    decision: 'Commission Implementing Decision (EU) 2023/1795 of 10 July 2023',
    date: '2023-07-10',
    celex: '32023D1795',
    notes:
      'Upheld by the General Court on 3 September 2025 (Case T-553/23, Latombe v Commission); an appeal is reported ' +
      'pending before the Court of Justice (Case C-703/25 P). Keep standard contractual clauses as a fallback.',
  }),
  decision({
    country: 'UY',
    subject: 'Uruguay',
    scope: 'FULL',
    decision: 'Commission Implementing Decision 2012/484/EU of 21 August 2012',
    date: '2012-08-21',
    celex: '32012D0484',
    notes: FIRST_REVIEW_2024,
  }),
]);

export interface InternationalOrganisationAdequacy {
  organisation: string;
  decision: string;
  date: string;
  celex: string;
  url: string;
  notes: string;
}

/**
 * Adequacy decisions for international organisations (GDPR Art. 45(1) covers them too). Kept apart:
 * they are recipients, not places, so a country code cannot select them.
 */
export const INTERNATIONAL_ORGANISATION_ADEQUACY: readonly InternationalOrganisationAdequacy[] = deepFreeze([
  {
    organisation: 'European Patent Organisation',
    decision: 'Commission Implementing Decision (EU) 2025/1382 of 15 July 2025',
    date: '2025-07-15',
    celex: '32025D1382',
    url: eurLex('32025D1382'),
    notes:
      'First adequacy decision for an international organisation. Not resolvable from a country code: the ' +
      'Organisation is not a country, and its sites (DE, NL, AT, BE) are EU member states anyway.',
  },
]);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
