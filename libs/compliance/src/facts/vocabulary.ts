import { PersonalDataCategory } from '@cartographer/classification';

/**
 * Recognisers for what people write in an inventory, in French and English: declared data
 * categories ("État civil", "Coordonnées", "NIR") read as taxonomy categories, data-subject
 * categories read as vulnerable groups (WP248 rev.01 criterion 7), names read as monitoring
 * signals. Matching is on whole words after removing accents and case; a pattern word of four
 * letters or more also matches as a prefix (plurals, feminine forms: "coordonn" matches
 * "coordonnées"), shorter ones must match exactly ("nom" does not match "nombre").
 */

export function normaliseWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

function wordMatches(word: string, pattern: string): boolean {
  return pattern.length >= 4 ? word.startsWith(pattern) : word === pattern;
}

// Phrases come from the fixed tables: normalised once.
const PHRASE_WORDS = new Map<string, string[]>();

function phraseWords(phrase: string): string[] {
  let words = PHRASE_WORDS.get(phrase);
  if (!words) {
    words = normaliseWords(phrase);
    if (PHRASE_WORDS.size < 10_000) PHRASE_WORDS.set(phrase, words);
  }
  return words;
}

/** True when the words of `phrase` appear consecutively in `words`. */
export function containsPhrase(words: readonly string[], phrase: string): boolean {
  const pattern = phraseWords(phrase);
  if (pattern.length === 0) return false;
  for (let i = 0; i + pattern.length <= words.length; i += 1) {
    if (pattern.every((p, j) => wordMatches(words[i + j] ?? '', p))) return true;
  }
  return false;
}

export function matchesAny(text: string, phrases: readonly string[]): string | null {
  const words = normaliseWords(text);
  for (const phrase of phrases) if (containsPhrase(words, phrase)) return phrase;
  return null;
}

const C = PersonalDataCategory;

/** Declared-category phrases for each taxonomy category (FR then EN). */
export const CATEGORY_PHRASES: Readonly<Record<PersonalDataCategory, readonly string[]>> = {
  [C.IDENTITY]: [
    'identite',
    'etat civil',
    'nom',
    'noms',
    'prenom',
    'filiation',
    'photo',
    'identity',
    'name',
    'names',
    'civil status',
  ],
  [C.CONTACT]: ['coordonnees', 'adresse', 'courriel', 'mail', 'telephone', 'contact', 'address', 'phone', 'email'],
  [C.LOCATION]: [
    'adresse',
    'domicile',
    'code postal',
    'localisation',
    'geolocalisation',
    'gps',
    'address',
    'postal code',
    'location',
    'residence',
  ],
  [C.NATIONAL_ID]: [
    'nir',
    'securite sociale',
    'numero fiscal',
    'passeport',
    'carte d identite',
    'permis de conduire',
    'identifiant national',
    'social security',
    'national id',
    'passport',
    'tax number',
  ],
  [C.INTERNAL_ID]: [
    'identifiant',
    'matricule',
    'numero client',
    'numero de dossier',
    'ipp',
    'identifier',
    'customer number',
    'employee number',
    'user id',
  ],
  [C.FINANCIAL]: [
    'financiere',
    'financier',
    'bancaire',
    'iban',
    'rib',
    'salaire',
    'remuneration',
    'paie',
    'revenus',
    'economique',
    'paiement',
    'redevance',
    'quotient familial',
    'financial',
    'bank',
    'salary',
    'income',
    'payment',
  ],
  [C.ONLINE_ID]: [
    'connexion',
    'adresse ip',
    'ip',
    'cookie',
    'logs',
    'journaux',
    'traces',
    'online identifier',
    'login',
  ],
  [C.CREDENTIAL]: ['mot de passe', 'authentification', 'password', 'credential'],
  [C.BIRTH_DATE]: ['date de naissance', 'dates de naissance', 'naissance', 'birth'],
  [C.DEMOGRAPHIC]: [
    'nationalite',
    'profession',
    'situation familiale',
    'sexe',
    'civilite',
    'age',
    'lieu de naissance',
    'situation scolaire',
    'vie personnelle',
    'vie professionnelle',
    'formation',
    'nationality',
    'gender',
    'sex',
    'marital',
    'occupation',
    'family situation',
    'education',
  ],
  [C.VEHICLE]: ['immatriculation', 'plaque', 'vehicule', 'vehicle', 'licence plate', 'license plate'],
  [C.HEALTH]: ['sante', 'medical', 'medicale', 'handicap', 'aptitude', 'maladie', 'health', 'disability', 'sick'],
  [C.GENETIC]: ['genetique', 'genetic'],
  [C.BIOMETRIC]: ['biometrie', 'biometrique', 'empreinte', 'biometric', 'fingerprint'],
  [C.RACIAL_ETHNIC_ORIGIN]: ['origine raciale', 'origine ethnique', 'racial', 'ethnic'],
  [C.POLITICAL_OPINION]: ['opinions politiques', 'opinion politique', 'political'],
  [C.RELIGIOUS_BELIEF]: ['religion', 'religieuse', 'convictions religieuses', 'philosophiques', 'religious', 'belief'],
  [C.TRADE_UNION]: ['syndicale', 'syndical', 'syndicat', 'trade union', 'union membership'],
  [C.SEX_LIFE_ORIENTATION]: ['vie sexuelle', 'orientation sexuelle', 'sexual'],
  [C.CRIMINAL_OFFENCE]: ['infraction', 'condamnation', 'casier judiciaire', 'penale', 'criminal', 'offence', 'offense'],
};

const CATEGORY_ORDER = Object.values(PersonalDataCategory);

/** The taxonomy categories a declared label reads as (sorted); an enum value reads as itself. */
export function categoriesOfLabel(label: string): string[] {
  if ((CATEGORY_ORDER as string[]).includes(label)) return [label];
  const words = normaliseWords(label);
  return CATEGORY_ORDER.filter((category) => CATEGORY_PHRASES[category].some((p) => containsPhrase(words, p))).sort();
}

export const VULNERABLE_GROUPS = [
  'CHILDREN',
  'PUPILS',
  'PATIENTS',
  'EMPLOYEES',
  'ELDERLY',
  'ASYLUM_SEEKERS',
  'PROTECTED_ADULTS',
] as const;
export type VulnerableGroup = (typeof VULNERABLE_GROUPS)[number];

/** WP248 rev.01 criterion 7 names children, employees, the mentally ill, asylum seekers, the elderly, patients. */
export const VULNERABLE_PHRASES: Readonly<Record<VulnerableGroup, readonly string[]>> = {
  CHILDREN: ['enfant', 'mineur', 'nourrisson', 'bebe', 'child', 'children', 'minor', 'infant', 'under 18'],
  PUPILS: ['eleve', 'ecolier', 'collegien', 'lyceen', 'pupil', 'schoolchild'],
  PATIENTS: ['patient', 'malade', 'hospitalise', 'usager du soin'],
  EMPLOYEES: [
    'salarie',
    'employe',
    'agent',
    'agents',
    'personnel',
    'fonctionnaire',
    'stagiaire',
    'apprenti',
    'employee',
    'staff',
    'worker',
  ],
  ELDERLY: ['personnes agees', 'personne agee', 'senior', 'ehpad', 'elderly', 'older people'],
  ASYLUM_SEEKERS: ['demandeur d asile', 'demandeurs d asile', 'refugie', 'asylum seeker', 'refugee'],
  PROTECTED_ADULTS: [
    'majeur protege',
    'majeurs proteges',
    'tutelle',
    'curatelle',
    'handicap',
    'protected adult',
    'disabled',
    'disability',
    'mentally ill',
  ],
};

const AGE = /(\d{1,2})\s*ans\b/u;

/** The vulnerable groups one data-subject category reads as ("Jeunes de 16 ans" reads as CHILDREN). */
export function vulnerableGroupsOf(label: string): VulnerableGroup[] {
  const words = normaliseWords(label);
  const groups = VULNERABLE_GROUPS.filter((g) => VULNERABLE_PHRASES[g].some((p) => containsPhrase(words, p)));
  const age = AGE.exec(label.normalize('NFD').toLowerCase());
  if (age && Number(age[1]) < 18 && !groups.includes('CHILDREN')) groups.unshift('CHILDREN');
  return [...groups].sort();
}

export const MONITORING_SIGNALS = ['CCTV', 'GEOLOCATION', 'LOGS', 'CONTINUOUS_COLLECTION'] as const;
export type MonitoringSignal = (typeof MONITORING_SIGNALS)[number];

/** Names (of activities, sources, datasets, fields) that reveal monitoring. */
export const MONITORING_PHRASES: Readonly<
  Record<Exclude<MonitoringSignal, 'CONTINUOUS_COLLECTION'>, readonly string[]>
> = {
  CCTV: [
    'videoprotection',
    'videosurveillance',
    'video surveillance',
    'camera',
    'cameras',
    'cctv',
    'enregistreur video',
  ],
  GEOLOCATION: ['geolocalisation', 'geoloc', 'gps', 'latitude', 'longitude', 'geolocation', 'tracking'],
  LOGS: [
    'logs',
    'log',
    'journalisation',
    'journaux de connexion',
    'journal des connexions',
    'traces de connexion',
    'access log',
    'audit log',
  ],
};
