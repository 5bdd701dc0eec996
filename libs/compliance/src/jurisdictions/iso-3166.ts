import { ComplianceError, ComplianceErrorCode, quoteUntrusted, sanitiseFieldName } from '../compliance.errors.js';

/**
 * ISO 3166-1 alpha-2: the 249 officially assigned codes, with names for bilingual reports.
 *
 * - `en` is the ISO 3166-1 English short name, as published by the ISO 3166 Maintenance Agency.
 * - `fr` is the usual French short name (not the ISO French form, which carries articles such as
 *   "Allemagne (l')"): report-friendly, harmonised capitalisation.
 *
 * Source and check: Debian `iso-codes` 4.15.0 (`/usr/share/iso-codes/json/iso_3166-1.json`,
 * 249 entries, which tracks the Maintenance Agency) for codes and English names; its French
 * catalogue, cross-read against ICU 78 `Intl.DisplayNames('fr')`, for French names.
 * Only officially assigned codes are here: reserved, user-assigned and deleted codes are not.
 */
export const ISO_3166_1_ALPHA_2 = Object.freeze({
  AD: { en: 'Andorra', fr: 'Andorre' },
  AE: { en: 'United Arab Emirates', fr: 'Émirats arabes unis' },
  AF: { en: 'Afghanistan', fr: 'Afghanistan' },
  AG: { en: 'Antigua and Barbuda', fr: 'Antigua-et-Barbuda' },
  AI: { en: 'Anguilla', fr: 'Anguilla' },
  AL: { en: 'Albania', fr: 'Albanie' },
  AM: { en: 'Armenia', fr: 'Arménie' },
  AO: { en: 'Angola', fr: 'Angola' },
  AQ: { en: 'Antarctica', fr: 'Antarctique' },
  AR: { en: 'Argentina', fr: 'Argentine' },
  AS: { en: 'American Samoa', fr: 'Samoa américaines' },
  AT: { en: 'Austria', fr: 'Autriche' },
  AU: { en: 'Australia', fr: 'Australie' },
  AW: { en: 'Aruba', fr: 'Aruba' },
  AX: { en: 'Åland Islands', fr: 'Îles Åland' },
  AZ: { en: 'Azerbaijan', fr: 'Azerbaïdjan' },
  BA: { en: 'Bosnia and Herzegovina', fr: 'Bosnie-Herzégovine' },
  BB: { en: 'Barbados', fr: 'Barbade' },
  BD: { en: 'Bangladesh', fr: 'Bangladesh' },
  BE: { en: 'Belgium', fr: 'Belgique' },
  BF: { en: 'Burkina Faso', fr: 'Burkina Faso' },
  BG: { en: 'Bulgaria', fr: 'Bulgarie' },
  BH: { en: 'Bahrain', fr: 'Bahreïn' },
  BI: { en: 'Burundi', fr: 'Burundi' },
  BJ: { en: 'Benin', fr: 'Bénin' },
  BL: { en: 'Saint Barthélemy', fr: 'Saint-Barthélemy' },
  BM: { en: 'Bermuda', fr: 'Bermudes' },
  BN: { en: 'Brunei Darussalam', fr: 'Brunei' },
  BO: { en: 'Bolivia, Plurinational State of', fr: 'Bolivie' },
  BQ: { en: 'Bonaire, Sint Eustatius and Saba', fr: 'Bonaire, Saint-Eustache et Saba' },
  BR: { en: 'Brazil', fr: 'Brésil' },
  BS: { en: 'Bahamas', fr: 'Bahamas' },
  BT: { en: 'Bhutan', fr: 'Bhoutan' },
  BV: { en: 'Bouvet Island', fr: 'Île Bouvet' },
  BW: { en: 'Botswana', fr: 'Botswana' },
  BY: { en: 'Belarus', fr: 'Biélorussie' },
  BZ: { en: 'Belize', fr: 'Belize' },
  CA: { en: 'Canada', fr: 'Canada' },
  CC: { en: 'Cocos (Keeling) Islands', fr: 'Îles Cocos (Keeling)' },
  CD: { en: 'Congo, The Democratic Republic of the', fr: 'République démocratique du Congo' },
  CF: { en: 'Central African Republic', fr: 'République centrafricaine' },
  CG: { en: 'Congo', fr: 'République du Congo' },
  CH: { en: 'Switzerland', fr: 'Suisse' },
  CI: { en: "Côte d'Ivoire", fr: "Côte d'Ivoire" },
  CK: { en: 'Cook Islands', fr: 'Îles Cook' },
  CL: { en: 'Chile', fr: 'Chili' },
  CM: { en: 'Cameroon', fr: 'Cameroun' },
  CN: { en: 'China', fr: 'Chine' },
  CO: { en: 'Colombia', fr: 'Colombie' },
  CR: { en: 'Costa Rica', fr: 'Costa Rica' },
  CU: { en: 'Cuba', fr: 'Cuba' },
  CV: { en: 'Cabo Verde', fr: 'Cap-Vert' },
  CW: { en: 'Curaçao', fr: 'Curaçao' },
  CX: { en: 'Christmas Island', fr: 'Île Christmas' },
  CY: { en: 'Cyprus', fr: 'Chypre' },
  CZ: { en: 'Czechia', fr: 'Tchéquie' },
  DE: { en: 'Germany', fr: 'Allemagne' },
  DJ: { en: 'Djibouti', fr: 'Djibouti' },
  DK: { en: 'Denmark', fr: 'Danemark' },
  DM: { en: 'Dominica', fr: 'Dominique' },
  DO: { en: 'Dominican Republic', fr: 'République dominicaine' },
  DZ: { en: 'Algeria', fr: 'Algérie' },
  EC: { en: 'Ecuador', fr: 'Équateur' },
  EE: { en: 'Estonia', fr: 'Estonie' },
  EG: { en: 'Egypt', fr: 'Égypte' },
  EH: { en: 'Western Sahara', fr: 'Sahara occidental' },
  ER: { en: 'Eritrea', fr: 'Érythrée' },
  ES: { en: 'Spain', fr: 'Espagne' },
  ET: { en: 'Ethiopia', fr: 'Éthiopie' },
  FI: { en: 'Finland', fr: 'Finlande' },
  FJ: { en: 'Fiji', fr: 'Fidji' },
  FK: { en: 'Falkland Islands (Malvinas)', fr: 'Îles Malouines (Falkland)' },
  FM: { en: 'Micronesia, Federated States of', fr: 'Micronésie (États fédérés de)' },
  FO: { en: 'Faroe Islands', fr: 'Îles Féroé' },
  FR: { en: 'France', fr: 'France' },
  GA: { en: 'Gabon', fr: 'Gabon' },
  GB: { en: 'United Kingdom', fr: 'Royaume-Uni' },
  GD: { en: 'Grenada', fr: 'Grenade' },
  GE: { en: 'Georgia', fr: 'Géorgie' },
  GF: { en: 'French Guiana', fr: 'Guyane française' },
  GG: { en: 'Guernsey', fr: 'Guernesey' },
  GH: { en: 'Ghana', fr: 'Ghana' },
  GI: { en: 'Gibraltar', fr: 'Gibraltar' },
  GL: { en: 'Greenland', fr: 'Groenland' },
  GM: { en: 'Gambia', fr: 'Gambie' },
  GN: { en: 'Guinea', fr: 'Guinée' },
  GP: { en: 'Guadeloupe', fr: 'Guadeloupe' },
  GQ: { en: 'Equatorial Guinea', fr: 'Guinée équatoriale' },
  GR: { en: 'Greece', fr: 'Grèce' },
  GS: { en: 'South Georgia and the South Sandwich Islands', fr: 'Géorgie du Sud-et-les Îles Sandwich du Sud' },
  GT: { en: 'Guatemala', fr: 'Guatemala' },
  GU: { en: 'Guam', fr: 'Guam' },
  GW: { en: 'Guinea-Bissau', fr: 'Guinée-Bissau' },
  GY: { en: 'Guyana', fr: 'Guyana' },
  HK: { en: 'Hong Kong', fr: 'Hong Kong' },
  HM: { en: 'Heard Island and McDonald Islands', fr: 'Îles Heard-et-MacDonald' },
  HN: { en: 'Honduras', fr: 'Honduras' },
  HR: { en: 'Croatia', fr: 'Croatie' },
  HT: { en: 'Haiti', fr: 'Haïti' },
  HU: { en: 'Hungary', fr: 'Hongrie' },
  ID: { en: 'Indonesia', fr: 'Indonésie' },
  IE: { en: 'Ireland', fr: 'Irlande' },
  IL: { en: 'Israel', fr: 'Israël' },
  IM: { en: 'Isle of Man', fr: 'Île de Man' },
  IN: { en: 'India', fr: 'Inde' },
  IO: { en: 'British Indian Ocean Territory', fr: "Territoire britannique de l'océan Indien" },
  IQ: { en: 'Iraq', fr: 'Irak' },
  IR: { en: 'Iran, Islamic Republic of', fr: 'Iran' },
  IS: { en: 'Iceland', fr: 'Islande' },
  IT: { en: 'Italy', fr: 'Italie' },
  JE: { en: 'Jersey', fr: 'Jersey' },
  JM: { en: 'Jamaica', fr: 'Jamaïque' },
  JO: { en: 'Jordan', fr: 'Jordanie' },
  JP: { en: 'Japan', fr: 'Japon' },
  KE: { en: 'Kenya', fr: 'Kenya' },
  KG: { en: 'Kyrgyzstan', fr: 'Kirghizistan' },
  KH: { en: 'Cambodia', fr: 'Cambodge' },
  KI: { en: 'Kiribati', fr: 'Kiribati' },
  KM: { en: 'Comoros', fr: 'Comores' },
  KN: { en: 'Saint Kitts and Nevis', fr: 'Saint-Christophe-et-Niévès' },
  KP: { en: "Korea, Democratic People's Republic of", fr: 'République populaire démocratique de Corée' },
  KR: { en: 'Korea, Republic of', fr: 'République de Corée' },
  KW: { en: 'Kuwait', fr: 'Koweït' },
  KY: { en: 'Cayman Islands', fr: 'Îles Caïmans' },
  KZ: { en: 'Kazakhstan', fr: 'Kazakhstan' },
  LA: { en: "Lao People's Democratic Republic", fr: 'Laos' },
  LB: { en: 'Lebanon', fr: 'Liban' },
  LC: { en: 'Saint Lucia', fr: 'Sainte-Lucie' },
  LI: { en: 'Liechtenstein', fr: 'Liechtenstein' },
  LK: { en: 'Sri Lanka', fr: 'Sri Lanka' },
  LR: { en: 'Liberia', fr: 'Liberia' },
  LS: { en: 'Lesotho', fr: 'Lesotho' },
  LT: { en: 'Lithuania', fr: 'Lituanie' },
  LU: { en: 'Luxembourg', fr: 'Luxembourg' },
  LV: { en: 'Latvia', fr: 'Lettonie' },
  LY: { en: 'Libya', fr: 'Libye' },
  MA: { en: 'Morocco', fr: 'Maroc' },
  MC: { en: 'Monaco', fr: 'Monaco' },
  MD: { en: 'Moldova, Republic of', fr: 'Moldavie' },
  ME: { en: 'Montenegro', fr: 'Monténégro' },
  MF: { en: 'Saint Martin (French part)', fr: 'Saint-Martin (partie française)' },
  MG: { en: 'Madagascar', fr: 'Madagascar' },
  MH: { en: 'Marshall Islands', fr: 'Îles Marshall' },
  MK: { en: 'North Macedonia', fr: 'Macédoine du Nord' },
  ML: { en: 'Mali', fr: 'Mali' },
  MM: { en: 'Myanmar', fr: 'Myanmar (Birmanie)' },
  MN: { en: 'Mongolia', fr: 'Mongolie' },
  MO: { en: 'Macao', fr: 'Macao' },
  MP: { en: 'Northern Mariana Islands', fr: 'Îles Mariannes du Nord' },
  MQ: { en: 'Martinique', fr: 'Martinique' },
  MR: { en: 'Mauritania', fr: 'Mauritanie' },
  MS: { en: 'Montserrat', fr: 'Montserrat' },
  MT: { en: 'Malta', fr: 'Malte' },
  MU: { en: 'Mauritius', fr: 'Maurice' },
  MV: { en: 'Maldives', fr: 'Maldives' },
  MW: { en: 'Malawi', fr: 'Malawi' },
  MX: { en: 'Mexico', fr: 'Mexique' },
  MY: { en: 'Malaysia', fr: 'Malaisie' },
  MZ: { en: 'Mozambique', fr: 'Mozambique' },
  NA: { en: 'Namibia', fr: 'Namibie' },
  NC: { en: 'New Caledonia', fr: 'Nouvelle-Calédonie' },
  NE: { en: 'Niger', fr: 'Niger' },
  NF: { en: 'Norfolk Island', fr: 'Île Norfolk' },
  NG: { en: 'Nigeria', fr: 'Nigeria' },
  NI: { en: 'Nicaragua', fr: 'Nicaragua' },
  NL: { en: 'Netherlands', fr: 'Pays-Bas' },
  NO: { en: 'Norway', fr: 'Norvège' },
  NP: { en: 'Nepal', fr: 'Népal' },
  NR: { en: 'Nauru', fr: 'Nauru' },
  NU: { en: 'Niue', fr: 'Niue' },
  NZ: { en: 'New Zealand', fr: 'Nouvelle-Zélande' },
  OM: { en: 'Oman', fr: 'Oman' },
  PA: { en: 'Panama', fr: 'Panama' },
  PE: { en: 'Peru', fr: 'Pérou' },
  PF: { en: 'French Polynesia', fr: 'Polynésie française' },
  PG: { en: 'Papua New Guinea', fr: 'Papouasie-Nouvelle-Guinée' },
  PH: { en: 'Philippines', fr: 'Philippines' },
  PK: { en: 'Pakistan', fr: 'Pakistan' },
  PL: { en: 'Poland', fr: 'Pologne' },
  PM: { en: 'Saint Pierre and Miquelon', fr: 'Saint-Pierre-et-Miquelon' },
  PN: { en: 'Pitcairn', fr: 'Îles Pitcairn' },
  PR: { en: 'Puerto Rico', fr: 'Porto Rico' },
  PS: { en: 'Palestine, State of', fr: 'Palestine (État de)' },
  PT: { en: 'Portugal', fr: 'Portugal' },
  PW: { en: 'Palau', fr: 'Palaos' },
  PY: { en: 'Paraguay', fr: 'Paraguay' },
  QA: { en: 'Qatar', fr: 'Qatar' },
  RE: { en: 'Réunion', fr: 'La Réunion' },
  RO: { en: 'Romania', fr: 'Roumanie' },
  RS: { en: 'Serbia', fr: 'Serbie' },
  RU: { en: 'Russian Federation', fr: 'Russie' },
  RW: { en: 'Rwanda', fr: 'Rwanda' },
  SA: { en: 'Saudi Arabia', fr: 'Arabie saoudite' },
  SB: { en: 'Solomon Islands', fr: 'Îles Salomon' },
  SC: { en: 'Seychelles', fr: 'Seychelles' },
  SD: { en: 'Sudan', fr: 'Soudan' },
  SE: { en: 'Sweden', fr: 'Suède' },
  SG: { en: 'Singapore', fr: 'Singapour' },
  SH: { en: 'Saint Helena, Ascension and Tristan da Cunha', fr: 'Sainte-Hélène, Ascension et Tristan da Cunha' },
  SI: { en: 'Slovenia', fr: 'Slovénie' },
  SJ: { en: 'Svalbard and Jan Mayen', fr: 'Svalbard et Jan Mayen' },
  SK: { en: 'Slovakia', fr: 'Slovaquie' },
  SL: { en: 'Sierra Leone', fr: 'Sierra Leone' },
  SM: { en: 'San Marino', fr: 'Saint-Marin' },
  SN: { en: 'Senegal', fr: 'Sénégal' },
  SO: { en: 'Somalia', fr: 'Somalie' },
  SR: { en: 'Suriname', fr: 'Suriname' },
  SS: { en: 'South Sudan', fr: 'Soudan du Sud' },
  ST: { en: 'Sao Tome and Principe', fr: 'Sao Tomé-et-Principe' },
  SV: { en: 'El Salvador', fr: 'Salvador' },
  SX: { en: 'Sint Maarten (Dutch part)', fr: 'Saint-Martin (partie néerlandaise)' },
  SY: { en: 'Syrian Arab Republic', fr: 'Syrie' },
  SZ: { en: 'Eswatini', fr: 'Eswatini' },
  TC: { en: 'Turks and Caicos Islands', fr: 'Îles Turques-et-Caïques' },
  TD: { en: 'Chad', fr: 'Tchad' },
  TF: { en: 'French Southern Territories', fr: 'Terres australes françaises' },
  TG: { en: 'Togo', fr: 'Togo' },
  TH: { en: 'Thailand', fr: 'Thaïlande' },
  TJ: { en: 'Tajikistan', fr: 'Tadjikistan' },
  TK: { en: 'Tokelau', fr: 'Tokelau' },
  TL: { en: 'Timor-Leste', fr: 'Timor-Leste' },
  TM: { en: 'Turkmenistan', fr: 'Turkménistan' },
  TN: { en: 'Tunisia', fr: 'Tunisie' },
  TO: { en: 'Tonga', fr: 'Tonga' },
  TR: { en: 'Türkiye', fr: 'Turquie' },
  TT: { en: 'Trinidad and Tobago', fr: 'Trinité-et-Tobago' },
  TV: { en: 'Tuvalu', fr: 'Tuvalu' },
  TW: { en: 'Taiwan, Province of China', fr: 'Taïwan' },
  TZ: { en: 'Tanzania, United Republic of', fr: 'Tanzanie' },
  UA: { en: 'Ukraine', fr: 'Ukraine' },
  UG: { en: 'Uganda', fr: 'Ouganda' },
  UM: { en: 'United States Minor Outlying Islands', fr: 'Îles mineures éloignées des États-Unis' },
  US: { en: 'United States', fr: 'États-Unis' },
  UY: { en: 'Uruguay', fr: 'Uruguay' },
  UZ: { en: 'Uzbekistan', fr: 'Ouzbékistan' },
  VA: { en: 'Holy See (Vatican City State)', fr: 'Saint-Siège (État de la Cité du Vatican)' },
  VC: { en: 'Saint Vincent and the Grenadines', fr: 'Saint-Vincent-et-les-Grenadines' },
  VE: { en: 'Venezuela, Bolivarian Republic of', fr: 'Venezuela' },
  VG: { en: 'Virgin Islands, British', fr: 'Îles Vierges britanniques' },
  VI: { en: 'Virgin Islands, U.S.', fr: 'Îles Vierges des États-Unis' },
  VN: { en: 'Viet Nam', fr: 'Viêt Nam' },
  VU: { en: 'Vanuatu', fr: 'Vanuatu' },
  WF: { en: 'Wallis and Futuna', fr: 'Wallis-et-Futuna' },
  WS: { en: 'Samoa', fr: 'Samoa' },
  YE: { en: 'Yemen', fr: 'Yémen' },
  YT: { en: 'Mayotte', fr: 'Mayotte' },
  ZA: { en: 'South Africa', fr: 'Afrique du Sud' },
  ZM: { en: 'Zambia', fr: 'Zambie' },
  ZW: { en: 'Zimbabwe', fr: 'Zimbabwe' },
} as const);

/** An officially assigned ISO 3166-1 alpha-2 code, in canonical upper case. */
export type CountryCode = keyof typeof ISO_3166_1_ALPHA_2;

export type CountryNameLanguage = 'en' | 'fr';

/**
 * Reserved codes accepted as aliases, normalised to the assigned code.
 * - UK: exceptionally reserved for the United Kingdom; people and many tools type it.
 * - EL: the code EU institutions use for Greece (Interinstitutional Style Guide), so EU texts
 *   and registers carry it.
 * Both are unambiguous, so accepting them costs nothing; every other reserved code is refused.
 */
export const COUNTRY_CODE_ALIASES: Readonly<Record<string, CountryCode>> = Object.freeze({ UK: 'GB', EL: 'GR' });

/**
 * Reserved or commonly used codes that are not officially assigned: refused, but the error says
 * what to use instead. Not exhaustive; any other unassigned pair gets the generic message.
 */
export const REFUSED_CODE_HINTS: Readonly<Record<string, string>> = Object.freeze({
  EU: "reserved for the European Union, which is not a country: give the member state, e.g. 'FR'",
  EZ: "reserved for the eurozone, which is not a country: give the member state, e.g. 'FR'",
  UN: 'reserved for the United Nations, which is not a country',
  FX: "reserved for metropolitan France: use 'FR'",
  IC: "reserved for the Canary Islands: use 'ES'",
  EA: "reserved for Ceuta and Melilla: use 'ES'",
  AC: "reserved for Ascension Island: use 'SH'",
  TA: "reserved for Tristan da Cunha: use 'SH'",
  DG: "reserved for Diego Garcia: use 'IO'",
  CP: "reserved for Clipperton Island: use 'FR'",
  SU: 'reserved for the former USSR: give the current country',
  XK: 'a user-assigned code (commonly used for Kosovo), not an ISO 3166-1 assignment',
});

const ALPHA_2 = /^[A-Za-z]{2}$/;

function lookup(code: string): CountryCode | undefined {
  const upper = code.toUpperCase();
  if (Object.hasOwn(ISO_3166_1_ALPHA_2, upper)) return upper as CountryCode;
  return Object.hasOwn(COUNTRY_CODE_ALIASES, upper) ? COUNTRY_CODE_ALIASES[upper] : undefined;
}

/**
 * True when `normaliseCountryCode` would accept the value: an officially assigned code in any
 * letter case, or one of the aliases UK and EL. Surrounding spaces make it invalid.
 */
export function isValidCountryCode(value: unknown): value is string {
  return typeof value === 'string' && ALPHA_2.test(value) && lookup(value) !== undefined;
}

/**
 * Returns the canonical code ('fr' → 'FR', 'UK' → 'GB', 'el' → 'GR') or throws a
 * `ComplianceError` naming `field` and quoting a sanitised prefix of the value:
 * - MALFORMED_COUNTRY: not a string of exactly two ASCII letters ('', 'FRA', 'F1', 'fr ', 'É1'…);
 * - UNKNOWN_COUNTRY: two letters that are not assigned ('XZ', 'XX', 'ZZ', 'EU'…).
 * Letter case is forgiven (CSV and spreadsheet imports often lower-case codes); whitespace is not,
 * because it reveals an upstream parsing error that should be fixed where it happens.
 */
export function normaliseCountryCode(value: unknown, field?: string): CountryCode {
  const name = sanitiseFieldName(field, 'country');
  if (typeof value !== 'string' || !ALPHA_2.test(value)) {
    throw new ComplianceError(
      ComplianceErrorCode.MALFORMED_COUNTRY,
      `${name}: ${quoteUntrusted(value)} is not an ISO 3166-1 alpha-2 country code (expected two letters, e.g. 'FR')`,
      { field: name },
    );
  }
  const code = lookup(value);
  if (code === undefined) {
    const upper = value.toUpperCase();
    const hint = Object.hasOwn(REFUSED_CODE_HINTS, upper) ? REFUSED_CODE_HINTS[upper] : undefined;
    throw new ComplianceError(
      ComplianceErrorCode.UNKNOWN_COUNTRY,
      `${name}: ${quoteUntrusted(value)} is not an ISO 3166-1 alpha-2 country code${hint ? ` (${hint})` : ''}`,
      { field: name },
    );
  }
  return code;
}

/** Name of a canonical code; throws like `normaliseCountryCode` for anything else. */
export function getCountryName(code: string, language: CountryNameLanguage = 'en'): string {
  return ISO_3166_1_ALPHA_2[normaliseCountryCode(code)][language];
}
