import type { LinkedCategory } from './linkage/linkage.types.js';
import { PersonalDataCategory } from './taxonomy.js';

/** What to do with a column before data leaves its production perimeter (copies, exports, analytics). */
export enum Treatment {
  /** Remove the column: it is not needed, or its risk outweighs any use. */
  DELETE = 'DELETE',
  /** Replace values with a keyed hash (HMAC-SHA-256 with a secret kept apart) or a token from a vault. */
  PSEUDONYMISE = 'PSEUDONYMISE',
  /** Reduce precision: birth date → year, postal code → department, age → band, IP → network prefix. */
  GENERALISE = 'GENERALISE',
  /** Publish only statistics over groups, with small cells suppressed; never row-level values. */
  AGGREGATE = 'AGGREGATE',
  /** Keep the value but encrypt it at rest with restricted key access (operational need). */
  ENCRYPT = 'ENCRYPT',
  /** No treatment needed for the column itself. */
  KEEP = 'KEEP',
}

/** The concepts the detectors recognise; each has one recommended treatment and its reason. */
export type Concept =
  | 'first_name'
  | 'last_name'
  | 'full_name'
  | 'photo'
  | 'signature'
  | 'email'
  | 'phone'
  | 'address'
  | 'postal_code'
  | 'city'
  | 'country'
  | 'gps'
  | 'nir'
  | 'passport'
  | 'id_card'
  | 'driving_licence'
  | 'tax_id'
  | 'residence_permit'
  | 'student_id'
  | 'health_professional_id'
  | 'business_id'
  | 'person_id'
  | 'iban'
  | 'bic'
  | 'card_number'
  | 'cvv'
  | 'card_expiry'
  | 'salary'
  | 'income'
  | 'ip_address'
  | 'mac_address'
  | 'device_id'
  | 'cookie_id'
  | 'login'
  | 'user_agent'
  | 'password'
  | 'birth_date'
  | 'birth_year'
  | 'age'
  | 'sex'
  | 'civility'
  | 'nationality'
  | 'marital_status'
  | 'children'
  | 'profession'
  | 'birth_place'
  | 'vital_event_date'
  | 'education'
  | 'language'
  | 'licence_plate'
  | 'vin'
  | 'health'
  | 'body_measure'
  | 'genetic'
  | 'biometric'
  | 'ethnic_origin'
  | 'political_opinion'
  | 'religious_belief'
  | 'trade_union'
  | 'sexual_orientation'
  | 'criminal'
  | 'free_text';

export interface TreatmentAdvice {
  readonly treatment: Treatment;
  readonly reason: string;
}

const T = Treatment;

export const TREATMENT_BY_CONCEPT: Readonly<Record<Concept, TreatmentAdvice>> = {
  first_name: {
    treatment: T.PSEUDONYMISE,
    reason:
      'First name: direct identifier with the last name; replace with a keyed hash (HMAC-SHA-256) or a consistent token, or delete if not needed.',
  },
  last_name: {
    treatment: T.PSEUDONYMISE,
    reason:
      'Last name: direct identifier; replace with a keyed hash (HMAC-SHA-256) or a consistent token, or delete if not needed.',
  },
  full_name: {
    treatment: T.PSEUDONYMISE,
    reason:
      'Full name: direct identifier; replace with a keyed hash (HMAC-SHA-256) or a consistent token, or delete if not needed.',
  },
  photo: {
    treatment: T.DELETE,
    reason:
      'Photograph of a person: identifies by sight and may reveal origin or health; delete from copies and exports.',
  },
  signature: {
    treatment: T.DELETE,
    reason: 'Handwritten or scanned signature: identifies and can be forged; delete from copies and exports.',
  },
  email: {
    treatment: T.PSEUDONYMISE,
    reason:
      'E-mail address: direct identifier and contact channel; pseudonymise with a keyed hash (keeps joins), or delete if not needed.',
  },
  phone: {
    treatment: T.PSEUDONYMISE,
    reason:
      'Phone number: direct identifier and contact channel; pseudonymise with a keyed hash, or delete if not needed.',
  },
  address: {
    treatment: T.DELETE,
    reason: 'Postal address line: locates the person at home; delete, keeping at most a generalised postal code.',
  },
  postal_code: {
    treatment: T.GENERALISE,
    reason:
      'Postal code: quasi-identifier (with birth date and sex it singles out most people); generalise to the department (2 digits).',
  },
  city: {
    treatment: T.GENERALISE,
    reason: 'City of residence: quasi-identifier; generalise to department or region, or suppress small communes.',
  },
  country: {
    treatment: T.KEEP,
    reason:
      'Country of residence: coarse quasi-identifier; keep if the dataset passes the k-anonymity check, else generalise to a world region.',
  },
  gps: {
    treatment: T.GENERALISE,
    reason:
      'GPS coordinates: precise location data (Art. 4(1)); round to a coarse grid (e.g. 2 decimals ≈ 1 km) or delete.',
  },
  nir: {
    treatment: T.PSEUDONYMISE,
    reason:
      'NIR: direct national identifier whose use is strictly regulated in France (décret n° 2019-341); pseudonymise with a keyed hash (HMAC-SHA-256) or delete if not needed.',
  },
  passport: {
    treatment: T.DELETE,
    reason:
      'Passport number: national identifier (Art. 87) whose theft enables identity fraud; delete, or encrypt where a legal obligation requires keeping it.',
  },
  id_card: {
    treatment: T.DELETE,
    reason:
      'Identity card number: national identifier (Art. 87) whose theft enables identity fraud; delete, or encrypt where a legal obligation requires keeping it.',
  },
  driving_licence: {
    treatment: T.DELETE,
    reason:
      'Driving licence number: national identifier; delete, or encrypt where a legal obligation requires keeping it.',
  },
  tax_id: {
    treatment: T.PSEUDONYMISE,
    reason: 'Tax identification number: national identifier; pseudonymise with a keyed hash or delete if not needed.',
  },
  residence_permit: {
    treatment: T.DELETE,
    reason: 'Residence permit number: national identifier that also reveals nationality status; delete or encrypt.',
  },
  student_id: {
    treatment: T.PSEUDONYMISE,
    reason: 'National student identifier (INE): stable identifier; pseudonymise with a keyed hash.',
  },
  health_professional_id: {
    treatment: T.PSEUDONYMISE,
    reason:
      'RPPS/ADELI number: national identifier of a health professional, public in the directory but linking every act they perform; pseudonymise with a keyed hash in extracts.',
  },
  business_id: {
    treatment: T.PSEUDONYMISE,
    reason:
      "SIREN/SIRET of a sole trader identifies the natural person behind the business; pseudonymise with a keyed hash (legal persons' identifiers are not personal data).",
  },
  person_id: {
    treatment: T.PSEUDONYMISE,
    reason:
      'Internal identifier of a person: pseudonymous data (Recital 26) that links every table; replace with a keyed hash so joins still work.',
  },
  iban: {
    treatment: T.ENCRYPT,
    reason:
      'IBAN: bank account identifier usable for direct debits; encrypt at rest where payments need it, otherwise pseudonymise or delete.',
  },
  bic: {
    treatment: T.DELETE,
    reason:
      "BIC: part of a person's bank details (it names their bank); delete from copies together with the IBAN, it is rarely needed alone.",
  },
  card_number: {
    treatment: T.DELETE,
    reason:
      'Payment card number (PAN): PCI DSS forbids storing it in clear; delete, or keep only a token from the payment provider or the last 4 digits.',
  },
  cvv: {
    treatment: T.DELETE,
    reason: 'Card security code: PCI DSS forbids storing it after authorisation, even encrypted; delete.',
  },
  card_expiry: {
    treatment: T.DELETE,
    reason: 'Card expiry date: cardholder data under PCI DSS when stored with the PAN; delete with it.',
  },
  salary: {
    treatment: T.GENERALISE,
    reason: 'Salary: sensitive financial data; generalise to bands (or aggregate) outside payroll processing.',
  },
  income: {
    treatment: T.GENERALISE,
    reason: 'Income or family quotient: financial data; generalise to bands outside the processing that needs it.',
  },
  ip_address: {
    treatment: T.GENERALISE,
    reason:
      'IP address: online identifier (Recital 30, CJEU Breyer); truncate to the network prefix (/24 IPv4, /48 IPv6) or pseudonymise with a keyed hash.',
  },
  mac_address: {
    treatment: T.PSEUDONYMISE,
    reason: 'MAC address: stable device identifier; pseudonymise with a keyed hash.',
  },
  device_id: {
    treatment: T.PSEUDONYMISE,
    reason: 'Device or advertising identifier: online identifier (Recital 30); pseudonymise with a keyed hash.',
  },
  cookie_id: {
    treatment: T.PSEUDONYMISE,
    reason: 'Cookie or session identifier: online identifier (Recital 30); pseudonymise with a keyed hash or delete.',
  },
  login: {
    treatment: T.PSEUDONYMISE,
    reason: "Login or user name: often built from the person's name; pseudonymise with a keyed hash.",
  },
  user_agent: {
    treatment: T.GENERALISE,
    reason: 'User agent string: contributes to browser fingerprinting; reduce to browser family and major version.',
  },
  password: {
    treatment: T.DELETE,
    reason: 'Credential: never copy passwords, hashes or security answers out of the authentication system; delete.',
  },
  birth_date: {
    treatment: T.GENERALISE,
    reason: 'Date of birth: strong quasi-identifier; generalise to the year (or an age band).',
  },
  birth_year: {
    treatment: T.GENERALISE,
    reason: 'Year of birth: quasi-identifier; generalise to 5- or 10-year bands if the k-anonymity check fails.',
  },
  age: { treatment: T.GENERALISE, reason: 'Age: quasi-identifier; generalise to 5- or 10-year bands.' },
  sex: {
    treatment: T.KEEP,
    reason:
      'Sex or gender: low-cardinality quasi-identifier; keep if the dataset passes the k-anonymity check, else suppress.',
  },
  civility: {
    treatment: T.KEEP,
    reason:
      'Civility: reveals sex, a low-cardinality quasi-identifier; keep if the dataset passes the k-anonymity check, else suppress.',
  },
  nationality: {
    treatment: T.GENERALISE,
    reason: 'Nationality: quasi-identifier that may reveal origin; generalise (e.g. French / EU / non-EU).',
  },
  marital_status: {
    treatment: T.KEEP,
    reason: 'Marital status: quasi-identifier; keep if the dataset passes the k-anonymity check, else suppress.',
  },
  children: { treatment: T.GENERALISE, reason: 'Number of children: quasi-identifier; generalise (0, 1-2, 3+).' },
  profession: {
    treatment: T.GENERALISE,
    reason:
      'Profession: quasi-identifier (rare jobs single people out); generalise to a socio-professional category (INSEE PCS).',
  },
  birth_place: {
    treatment: T.GENERALISE,
    reason: 'Place of birth: quasi-identifier that may reveal origin; generalise to the country or department.',
  },
  vital_event_date: {
    treatment: T.GENERALISE,
    reason: 'Date of a civil-status event (death, marriage): quasi-identifier; generalise to the year.',
  },
  education: {
    treatment: T.GENERALISE,
    reason: 'Education level or diploma: quasi-identifier; generalise to broad levels.',
  },
  language: {
    treatment: T.KEEP,
    reason: 'Mother tongue: may hint at origin; keep only if needed, generalise otherwise.',
  },
  licence_plate: {
    treatment: T.PSEUDONYMISE,
    reason:
      'Licence plate: identifies the registered keeper through the vehicle registration file; pseudonymise with a keyed hash.',
  },
  vin: {
    treatment: T.PSEUDONYMISE,
    reason:
      'Vehicle identification number: identifies the keeper through registration records; pseudonymise with a keyed hash.',
  },
  health: {
    treatment: T.ENCRYPT,
    reason:
      'Health data (Art. 9): processing needs an Art. 9(2) exception and, in France, certified hosting (HDS); encrypt with restricted access, and for secondary use generalise (e.g. ICD-10 chapter) or aggregate.',
  },
  body_measure: {
    treatment: T.GENERALISE,
    reason: 'Weight or height of a person: health-related (BMI); generalise to bands or aggregate.',
  },
  genetic: {
    treatment: T.DELETE,
    reason: 'Genetic data (Art. 9): delete from any copy; keep only in the system with an Art. 9(2) basis, encrypted.',
  },
  biometric: {
    treatment: T.DELETE,
    reason:
      'Biometric template (Art. 9): delete from any copy; keep only in the authentication system, encrypted (CNIL biometrics rules).',
  },
  ethnic_origin: {
    treatment: T.AGGREGATE,
    reason:
      'Racial or ethnic origin (Art. 9; its collection is restricted in France): delete at row level; publish only aggregates with small cells suppressed.',
  },
  political_opinion: {
    treatment: T.AGGREGATE,
    reason: 'Political opinion (Art. 9): delete at row level; publish only aggregates with small cells suppressed.',
  },
  religious_belief: {
    treatment: T.AGGREGATE,
    reason:
      'Religious or philosophical belief (Art. 9), including faith-based meal choices: delete at row level; publish only aggregates with small cells suppressed.',
  },
  trade_union: {
    treatment: T.AGGREGATE,
    reason:
      'Trade-union membership (Art. 9): delete at row level; publish only aggregates with small cells suppressed.',
  },
  sexual_orientation: {
    treatment: T.AGGREGATE,
    reason:
      'Sex life or sexual orientation (Art. 9): delete at row level; publish only aggregates with small cells suppressed.',
  },
  criminal: {
    treatment: T.DELETE,
    reason:
      'Criminal convictions and offences (Art. 10): processing only under official authority or a legal basis; delete from any copy.',
  },
  free_text: {
    treatment: T.DELETE,
    reason:
      'Free text containing personal data: delete the column from copies, or redact detected identifiers with scanText before use.',
  },
};

/** Default concept of a category, used when the winning evidence names no finer concept. */
export const DEFAULT_CONCEPT: Readonly<Record<PersonalDataCategory, Concept>> = {
  IDENTITY: 'full_name',
  CONTACT: 'email',
  LOCATION: 'city',
  NATIONAL_ID: 'nir',
  INTERNAL_ID: 'person_id',
  FINANCIAL: 'iban',
  ONLINE_ID: 'ip_address',
  CREDENTIAL: 'password',
  BIRTH_DATE: 'birth_date',
  DEMOGRAPHIC: 'sex',
  VEHICLE: 'licence_plate',
  HEALTH: 'health',
  GENETIC: 'genetic',
  BIOMETRIC: 'biometric',
  RACIAL_ETHNIC_ORIGIN: 'ethnic_origin',
  POLITICAL_OPINION: 'political_opinion',
  RELIGIOUS_BELIEF: 'religious_belief',
  TRADE_UNION: 'trade_union',
  SEX_LIFE_ORIENTATION: 'sexual_orientation',
  CRIMINAL_OFFENCE: 'criminal',
};

/**
 * Treatments of linked attributes (issue 17): information relating to a person only through its row
 * (rental dates, amounts paid, hire dates). The row-level value is usually needed by the business, so
 * the first safeguard is on the keys that lead to the person; analytics copies aggregate; every copy
 * follows the retention period of the person's data.
 */
export const LINKED_TREATMENT_BY_CATEGORY: Readonly<Record<LinkedCategory, TreatmentAdvice>> = {
  BEHAVIOUR: {
    treatment: T.KEEP,
    reason:
      'Personal by linkage (what the person did, bought or booked): keep only with the keys to the person pseudonymised (keyed hash), publish aggregates for analytics, delete or anonymise after the retention period.',
  },
  FINANCIAL: {
    treatment: T.KEEP,
    reason:
      'Personal by linkage (amounts of a person): keep with the keys to the person pseudonymised, round or band amounts and aggregate for analytics, delete after the accounting retention period.',
  },
  LOCATION: {
    treatment: T.GENERALISE,
    reason:
      'Personal by linkage (where the person is): generalise to region or country in copies, aggregate for analytics, delete after the retention period.',
  },
  PROFESSIONAL: {
    treatment: T.KEEP,
    reason:
      'Personal by linkage (work life): keep with the employee keys pseudonymised, reduce dates to the year and aggregate for analytics, delete after the HR retention period.',
  },
  METADATA: {
    treatment: T.KEEP,
    reason:
      'Record metadata of a person (keys, statuses, creation dates): keep with the keys to the person pseudonymised; truncate timestamps in copies; delete with the record.',
  },
};

/** Primary and foreign keys that lead to a person: pseudonymous identifiers (Art. 4(5)). */
export const PSEUDONYMOUS_KEY_TREATMENT: TreatmentAdvice = {
  treatment: T.PSEUDONYMISE,
  reason:
    'Key leading to a person (pseudonymous identifier, Art. 4(5), Recital 26): replace with a keyed hash (HMAC-SHA-256, secret kept apart) consistently in every table, so joins survive and the person cannot be looked up.',
};
