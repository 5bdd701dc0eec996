/**
 * The category taxonomy. A column is "personal" when its values, on their own or combined with a few
 * others, identify or characterise a natural person (GDPR Art. 4(1)). Technical metadata attached to a
 * person's record (creation timestamps, statuses, amounts of an order) is not flagged per field: it is
 * personal through linkage, and classifySchema gives it the LINKED_ATTRIBUTE tier and a LinkedCategory.
 */
export enum PersonalDataCategory {
  /** Names, birth names, usage names, civil-status identity, photographs of a person. */
  IDENTITY = 'IDENTITY',
  /** Means of reaching the person: e-mail, phone, postal address lines. */
  CONTACT = 'CONTACT',
  /** Where the person lives or is: postal code, city, GPS coordinates. */
  LOCATION = 'LOCATION',
  /** State-issued identifiers: NIR, passport, identity card, driving licence, tax number. */
  NATIONAL_ID = 'NATIONAL_ID',
  /** An organisation's own identifier of a person: customer, patient (IPP), employee number, user id. */
  INTERNAL_ID = 'INTERNAL_ID',
  /** Bank and card data, income: IBAN, card number, CVV, salary. */
  FINANCIAL = 'FINANCIAL',
  /** Online identifiers (Recital 30): IP address, cookie and device ids, login, MAC address. */
  ONLINE_ID = 'ONLINE_ID',
  /** Secrets bound to a person's account: passwords and their hashes, security answers, tokens. */
  CREDENTIAL = 'CREDENTIAL',
  /** Date (or year) of birth. */
  BIRTH_DATE = 'BIRTH_DATE',
  /** Sex, civility, nationality, marital status, profession, age, place of birth, education. */
  DEMOGRAPHIC = 'DEMOGRAPHIC',
  /** Vehicle registration plate, VIN. */
  VEHICLE = 'VEHICLE',
  /** Art. 9: data concerning health. */
  HEALTH = 'HEALTH',
  /** Art. 9: genetic data. */
  GENETIC = 'GENETIC',
  /** Art. 9: biometric data processed to identify a person uniquely. */
  BIOMETRIC = 'BIOMETRIC',
  /** Art. 9: racial or ethnic origin. */
  RACIAL_ETHNIC_ORIGIN = 'RACIAL_ETHNIC_ORIGIN',
  /** Art. 9: political opinions. */
  POLITICAL_OPINION = 'POLITICAL_OPINION',
  /** Art. 9: religious or philosophical beliefs. */
  RELIGIOUS_BELIEF = 'RELIGIOUS_BELIEF',
  /** Art. 9: trade-union membership. */
  TRADE_UNION = 'TRADE_UNION',
  /** Art. 9: sex life or sexual orientation. */
  SEX_LIFE_ORIENTATION = 'SEX_LIFE_ORIENTATION',
  /** Art. 10: criminal convictions and offences. */
  CRIMINAL_OFFENCE = 'CRIMINAL_OFFENCE',
}

/** The Art. 9 special categories and the Art. 10 criminal data; each is also a PersonalDataCategory. */
export enum SpecialCategoryKind {
  HEALTH = 'HEALTH',
  GENETIC = 'GENETIC',
  BIOMETRIC = 'BIOMETRIC',
  RACIAL_ETHNIC_ORIGIN = 'RACIAL_ETHNIC_ORIGIN',
  POLITICAL_OPINION = 'POLITICAL_OPINION',
  RELIGIOUS_BELIEF = 'RELIGIOUS_BELIEF',
  TRADE_UNION = 'TRADE_UNION',
  SEX_LIFE_ORIENTATION = 'SEX_LIFE_ORIENTATION',
  CRIMINAL_OFFENCE = 'CRIMINAL_OFFENCE',
}

export interface CategoryInfo {
  readonly category: PersonalDataCategory;
  readonly label: string;
  readonly gdprReference: string;
  readonly examples: string;
}

export const CATEGORY_INFO: Readonly<Record<PersonalDataCategory, CategoryInfo>> = {
  IDENTITY: {
    category: PersonalDataCategory.IDENTITY,
    label: 'Identity',
    gdprReference: 'Art. 4(1): a name is the first example of an identifier',
    examples: 'last name, first name, birth name, full name, photograph',
  },
  CONTACT: {
    category: PersonalDataCategory.CONTACT,
    label: 'Contact details',
    gdprReference: 'Art. 4(1): direct identifiers; ePrivacy rules apply to e-mail and phone marketing',
    examples: 'e-mail address, phone number, postal address line',
  },
  LOCATION: {
    category: PersonalDataCategory.LOCATION,
    label: 'Location',
    gdprReference: 'Art. 4(1): "location data" is named as an identifier',
    examples: 'postal code, city of residence, GPS coordinates',
  },
  NATIONAL_ID: {
    category: PersonalDataCategory.NATIONAL_ID,
    label: 'National identification number',
    gdprReference: 'Art. 87 (national identification numbers); France: décret n° 2019-341 framing NIR use',
    examples: 'NIR (social security number), passport, identity card, driving licence, tax number',
  },
  INTERNAL_ID: {
    category: PersonalDataCategory.INTERNAL_ID,
    label: 'Internal person identifier',
    gdprReference: 'Art. 4(5): pseudonymous identifiers remain personal data (Recital 26)',
    examples: 'customer id, patient number (IPP), employee number, user id',
  },
  FINANCIAL: {
    category: PersonalDataCategory.FINANCIAL,
    label: 'Financial data',
    gdprReference: 'Art. 4(1) and Art. 32 (high-risk data); PCI DSS for card data',
    examples: 'IBAN, BIC, card number, CVV, salary, income',
  },
  ONLINE_ID: {
    category: PersonalDataCategory.ONLINE_ID,
    label: 'Online identifier',
    gdprReference: 'Art. 4(1) and Recital 30 (IP addresses, cookie identifiers); CJEU C-582/14 Breyer',
    examples: 'IP address, cookie id, device id, MAC address, login, user agent',
  },
  CREDENTIAL: {
    category: PersonalDataCategory.CREDENTIAL,
    label: 'Credential',
    gdprReference: 'Art. 32 (security of processing)',
    examples: 'password hash, security answer, authentication token',
  },
  BIRTH_DATE: {
    category: PersonalDataCategory.BIRTH_DATE,
    label: 'Date of birth',
    gdprReference: 'Art. 4(1); a strong quasi-identifier (with postal code and sex it singles out most people)',
    examples: 'date of birth, year of birth',
  },
  DEMOGRAPHIC: {
    category: PersonalDataCategory.DEMOGRAPHIC,
    label: 'Demographic attribute',
    gdprReference: 'Art. 4(1): factors specific to the physical, economic, cultural or social identity',
    examples: 'sex, civility, nationality, marital status, profession, age, place of birth',
  },
  VEHICLE: {
    category: PersonalDataCategory.VEHICLE,
    label: 'Vehicle identifier',
    gdprReference: 'Art. 4(1): a plate identifies its holder through the registration file (CNIL)',
    examples: 'licence plate, VIN',
  },
  HEALTH: {
    category: PersonalDataCategory.HEALTH,
    label: 'Health',
    gdprReference: 'Art. 9(1) and Art. 4(15); France: hosting by a certified HDS provider (CSP L.1111-8)',
    examples: 'diagnosis, ICD-10 code, treatment, disability, blood group',
  },
  GENETIC: {
    category: PersonalDataCategory.GENETIC,
    label: 'Genetic data',
    gdprReference: 'Art. 9(1) and Art. 4(13)',
    examples: 'genotype, DNA sequence, genetic test result',
  },
  BIOMETRIC: {
    category: PersonalDataCategory.BIOMETRIC,
    label: 'Biometric data',
    gdprReference: 'Art. 9(1) and Art. 4(14); a photograph is biometric only when processed to identify (Recital 51)',
    examples: 'fingerprint template, facial template, iris scan, voiceprint',
  },
  RACIAL_ETHNIC_ORIGIN: {
    category: PersonalDataCategory.RACIAL_ETHNIC_ORIGIN,
    label: 'Racial or ethnic origin',
    gdprReference: 'Art. 9(1); France: Loi Informatique et Libertés art. 6',
    examples: 'ethnicity, race',
  },
  POLITICAL_OPINION: {
    category: PersonalDataCategory.POLITICAL_OPINION,
    label: 'Political opinions',
    gdprReference: 'Art. 9(1)',
    examples: 'party membership, political affiliation',
  },
  RELIGIOUS_BELIEF: {
    category: PersonalDataCategory.RELIGIOUS_BELIEF,
    label: 'Religious or philosophical beliefs',
    gdprReference: 'Art. 9(1)',
    examples: 'religion, confession, faith-based dietary requirement (halal, kosher)',
  },
  TRADE_UNION: {
    category: PersonalDataCategory.TRADE_UNION,
    label: 'Trade-union membership',
    gdprReference: 'Art. 9(1)',
    examples: 'union membership, union mandate, union dues',
  },
  SEX_LIFE_ORIENTATION: {
    category: PersonalDataCategory.SEX_LIFE_ORIENTATION,
    label: 'Sex life or sexual orientation',
    gdprReference: 'Art. 9(1)',
    examples: 'sexual orientation',
  },
  CRIMINAL_OFFENCE: {
    category: PersonalDataCategory.CRIMINAL_OFFENCE,
    label: 'Criminal convictions and offences',
    gdprReference: 'Art. 10; France: Loi Informatique et Libertés art. 46',
    examples: 'criminal record, conviction, offence, sentence',
  },
};

const SPECIAL_KINDS: ReadonlySet<string> = new Set(Object.values(SpecialCategoryKind));

/** The special-category kind of a category, or null for ordinary personal data. */
export function specialKindOf(category: PersonalDataCategory): SpecialCategoryKind | null {
  return SPECIAL_KINDS.has(category) ? (category as string as SpecialCategoryKind) : null;
}
