import { foldText } from '../text/normalize.js';
import { NAME_RULES } from './name-rules.js';
import {
  FILLER_TOKENS,
  FLAG_TOKENS,
  NONPERSON_DATASET_TOKENS,
  ORG_QUALIFIERS,
  PERSON_DATASET_TOKENS,
  PERSON_TOKENS,
  PLACE_TOKENS,
} from './name-vocabulary.js';

/**
 * Canonical forms of the words met in column names: French and English synonyms, abbreviations and
 * plurals map to one token so that rules stay short. An entry may expand to several tokens
 * ("dob" → date + naissance).
 */
const CANONICAL: Readonly<Record<string, readonly string[]>> = {
  // Birth.
  naissance: ['naissance'],
  naiss: ['naissance'],
  nais: ['naissance'],
  birth: ['naissance'],
  born: ['naissance'],
  natal: ['naissance'],
  birthdate: ['date', 'naissance'],
  birthday: ['date', 'naissance'],
  dob: ['date', 'naissance'],
  ddn: ['date', 'naissance'],
  dnais: ['date', 'naissance'],
  dnaiss: ['date', 'naissance'],
  dtnais: ['date', 'naissance'],
  dtnaiss: ['date', 'naissance'],
  datnais: ['date', 'naissance'],
  datnaiss: ['date', 'naissance'],
  datenais: ['date', 'naissance'],
  datenaiss: ['date', 'naissance'],
  birthplace: ['lieu', 'naissance'],
  dt: ['date'],
  dte: ['date'],
  dat: ['date'],
  dod: ['date', 'deces'],
  // Names.
  noms: ['nom'],
  names: ['name'],
  nm: ['name'],
  prenom: ['prenom'],
  prenoms: ['prenom'],
  pren: ['prenom'],
  firstname: ['prenom'],
  forename: ['prenom'],
  givenname: ['prenom'],
  surname: ['surname'],
  lastname: ['surname'],
  familyname: ['surname'],
  patronyme: ['surname'],
  patronymique: ['surname'],
  fullname: ['fullname'],
  nomcomplet: ['fullname'],
  middlename: ['middle', 'name'],
  denom: ['denomination'],
  // Contact.
  tel: ['phone'],
  telephone: ['phone'],
  phone: ['phone'],
  telefone: ['phone'],
  telefono: ['phone'],
  tlf: ['phone'],
  tfn: ['phone'],
  tph: ['phone'],
  phones: ['phone'],
  telephones: ['phone'],
  portable: ['mobile'],
  gsm: ['mobile'],
  cellulaire: ['mobile'],
  mob: ['mobile'],
  cell: ['mobile'],
  cellular: ['mobile'],
  cellphone: ['mobile'],
  mobile: ['mobile'],
  mail: ['email'],
  mails: ['email'],
  courriel: ['email'],
  courriels: ['email'],
  mel: ['email'],
  emel: ['email'],
  email: ['email'],
  emails: ['email'],
  adresse: ['address'],
  adresses: ['address'],
  address: ['address'],
  addresses: ['address'],
  addr: ['address'],
  adr: ['address'],
  adrs: ['address'],
  adress: ['address'],
  rue: ['street'],
  street: ['street'],
  voie: ['street'],
  postale: ['postal'],
  postal: ['postal'],
  zip: ['zip'],
  zipcode: ['zip'],
  postcode: ['zip'],
  plz: ['zip'],
  ville: ['city'],
  city: ['city'],
  town: ['city'],
  localite: ['city'],
  locality: ['city'],
  municipality: ['city'],
  pays: ['country'],
  country: ['country'],
  // Identifiers.
  num: ['number'],
  numero: ['number'],
  no: ['number'],
  nr: ['number'],
  number: ['number'],
  numbers: ['number'],
  n: ['number'],
  nro: ['number'],
  identifiant: ['id'],
  ident: ['id'],
  identifier: ['id'],
  id: ['id'],
  ids: ['id'],
  uuid: ['id'],
  guid: ['id'],
  pk: ['id'],
  fk: ['id'],
  sk: ['id'],
  ref: ['ref'],
  reference: ['ref'],
  securite: ['security'],
  security: ['security'],
  sociale: ['social'],
  social: ['social'],
  secu: ['secu'],
  passeport: ['passport'],
  passport: ['passport'],
  carte: ['card'],
  card: ['card'],
  cards: ['card'],
  cryptogramme: ['cvv'],
  cvv: ['cvv'],
  cvc: ['cvv'],
  cvv2: ['cvv'],
  cvc2: ['cvv'],
  csc: ['cvv'],
  cvn: ['cvv'],
  immatriculation: ['immatriculation'],
  immat: ['immatriculation'],
  plaque: ['plate'],
  plate: ['plate'],
  plates: ['plate'],
  identite: ['identite'],
  identity: ['identite'],
  // Online and credentials.
  login: ['login'],
  logins: ['login'],
  username: ['login'],
  userid: ['user', 'id'],
  pseudo: ['pseudo'],
  pseudonyme: ['pseudo'],
  nickname: ['pseudo'],
  password: ['password'],
  passwd: ['password'],
  pwd: ['password'],
  motdepasse: ['password'],
  mdp: ['password'],
  passphrase: ['password'],
  ipv4: ['ip'],
  ipv6: ['ip'],
  ip: ['ip'],
  ipaddr: ['ip'],
  ipaddress: ['ip'],
  useragent: ['user', 'agent'],
  // Demographics.
  sexe: ['sex'],
  sex: ['sex'],
  genre: ['sex'],
  gender: ['sex'],
  nationalite: ['nationality'],
  nationality: ['nationality'],
  nationalites: ['nationality'],
  citizenship: ['nationality'],
  citoyennete: ['nationality'],
  profession: ['profession'],
  metier: ['profession'],
  occupation: ['profession'],
  professions: ['profession'],
  civilite: ['civility'],
  civility: ['civility'],
  salutation: ['civility'],
  salaire: ['salary'],
  salary: ['salary'],
  wage: ['salary'],
  wages: ['salary'],
  remuneration: ['salary'],
  salaires: ['salary'],
  // Special categories.
  diagnostic: ['diagnosis'],
  diagnostics: ['diagnosis'],
  diagnosis: ['diagnosis'],
  diag: ['diagnosis'],
  diagnoses: ['diagnosis'],
  maladie: ['disease'],
  maladies: ['disease'],
  disease: ['disease'],
  illness: ['disease'],
  pathologie: ['disease'],
  pathology: ['disease'],
  pathologies: ['disease'],
  medicament: ['medication'],
  medicaments: ['medication'],
  medication: ['medication'],
  medications: ['medication'],
  medicine: ['medication'],
  drug: ['medication'],
  drugs: ['medication'],
  allergie: ['allergy'],
  allergies: ['allergy'],
  allergy: ['allergy'],
  syndicat: ['syndicat'],
  syndicats: ['syndicat'],
  syndical: ['syndicat'],
  syndicale: ['syndicat'],
  syndicaux: ['syndicat'],
  syndique: ['syndicat'],
  syndiquee: ['syndicat'],
  syndicaliste: ['syndicat'],
  religion: ['religion'],
  religions: ['religion'],
  religieux: ['religion'],
  religieuse: ['religion'],
  religious: ['religion'],
  confession: ['religion'],
  ethnie: ['ethnic'],
  ethnic: ['ethnic'],
  ethnicity: ['ethnic'],
  ethnique: ['ethnic'],
  race: ['ethnic'],
  racial: ['ethnic'],
  raciale: ['ethnic'],
  genetique: ['genetic'],
  genetic: ['genetic'],
  genome: ['genetic'],
  genomic: ['genetic'],
  genomique: ['genetic'],
  genotype: ['genetic'],
  genotypage: ['genetic'],
  genotyping: ['genetic'],
  adn: ['genetic'],
  dna: ['genetic'],
  biometrie: ['biometric'],
  biometric: ['biometric'],
  biometrique: ['biometric'],
  biometrics: ['biometric'],
  judiciaires: ['judiciaire'],
  condamnation: ['conviction'],
  condamnations: ['conviction'],
  conviction: ['conviction'],
  convictions: ['conviction'],
  infraction: ['offence'],
  infractions: ['offence'],
  offence: ['offence'],
  offense: ['offence'],
  offences: ['offence'],
  offenses: ['offence'],
  delit: ['offence'],
  delits: ['offence'],
  crime: ['offence'],
  crimes: ['offence'],
  felony: ['offence'],
  misdemeanor: ['offence'],
  misdemeanour: ['offence'],
  // Persons.
  patient: ['patient'],
  patients: ['patient'],
  client: ['customer'],
  clients: ['customer'],
  customer: ['customer'],
  customers: ['customer'],
  cust: ['customer'],
  clt: ['customer'],
  user: ['user'],
  users: ['user'],
  utilisateur: ['user'],
  utilisateurs: ['user'],
  usr: ['user'],
  employe: ['employee'],
  employes: ['employee'],
  employee: ['employee'],
  employees: ['employee'],
  emp: ['employee'],
  salarie: ['employee'],
  salaries: ['employee'],
  agent: ['agent'],
  agents: ['agent'],
  eleve: ['student'],
  eleves: ['student'],
  student: ['student'],
  students: ['student'],
  etudiant: ['student'],
  etudiants: ['student'],
  pupil: ['student'],
  member: ['member'],
  members: ['member'],
  membre: ['member'],
  membres: ['member'],
  adherent: ['member'],
  adherents: ['member'],
  personne: ['person'],
  personnes: ['person'],
  person: ['person'],
  persons: ['person'],
  people: ['person'],
  individu: ['person'],
  individus: ['person'],
  individual: ['person'],
  contact: ['contact'],
  contacts: ['contact'],
  enfant: ['child'],
  enfants: ['child'],
  child: ['child'],
  children: ['child'],
  kid: ['child'],
  kids: ['child'],
  beneficiaire: ['beneficiary'],
  beneficiaires: ['beneficiary'],
  beneficiary: ['beneficiary'],
  beneficiaries: ['beneficiary'],
  medecin: ['doctor'],
  medecins: ['doctor'],
  doctor: ['doctor'],
  doctors: ['doctor'],
  docteur: ['doctor'],
  praticien: ['doctor'],
  praticiens: ['doctor'],
  practitioner: ['doctor'],
  physician: ['doctor'],
  conjoint: ['spouse'],
  spouse: ['spouse'],
  epoux: ['spouse'],
  epouse: ['spouse'],
};

/** Alphanumeric words kept whole instead of being split at the letter/digit boundary. */
const KEEP_ALNUM: ReadonlySet<string> = new Set([
  'ipv4',
  'ipv6',
  'cvv2',
  'cvc2',
  'cim10',
  'icd10',
  'icd9',
  'b2',
  'b3',
  'e164',
  'md5',
  'sha1',
  'sha256',
  'sha512',
  'x509',
  '3ds',
  '2fa',
  'mp3',
  'mp4',
  'h264',
  's3',
  'ec2',
  'utf8',
  'base64',
  'iso8601',
  'iso3166',
  'covid19',
  'v1',
  'v2',
  'v3',
  'l10n',
  'i18n',
]);

/**
 * Words a concatenated lower-case name may be split into ("datenaissance" → date + naissance,
 * "firstname" → first + name). Short ambiguous words (age, nda…) are deliberately absent so that
 * ordinary words ("agenda", "usage") are never split into false concepts.
 */
const SEGMENT_WORDS: ReadonlySet<string> = new Set([
  'nom',
  'prenom',
  'name',
  'first',
  'last',
  'middle',
  'given',
  'family',
  'full',
  'user',
  'birth',
  'date',
  'day',
  'of',
  'zip',
  'post',
  'postal',
  'code',
  'phone',
  'number',
  'num',
  'mail',
  'email',
  'address',
  'street',
  'city',
  'country',
  'credit',
  'card',
  'security',
  'social',
  'account',
  'bank',
  'naissance',
  'naiss',
  'nais',
  'tel',
  'telephone',
  'portable',
  'mobile',
  'cell',
  'adresse',
  'adr',
  'ville',
  'secu',
  'carte',
  'grise',
  'identite',
  'passeport',
  'passport',
  'permis',
  'conduire',
  'driver',
  'driving',
  'licence',
  'license',
  'sexe',
  'lieu',
  'pays',
  'situation',
  'familiale',
  'maritale',
  'marital',
  'status',
  'nationalite',
  'client',
  'patient',
  'customer',
  'employee',
  'employe',
  'member',
  'contact',
  'person',
  'personne',
  'agent',
  'salarie',
  'eleve',
  'student',
  'usage',
  'jeune',
  'fille',
  'epouse',
  'home',
  'work',
  'perso',
  'fixe',
  'fax',
  'plate',
  'vehicle',
  'vehicule',
  'ip',
  'mac',
  'device',
  'cookie',
  'session',
  'login',
  'pass',
  'word',
  'mot',
  'de',
  'passe',
  'secret',
  'question',
  'answer',
  'cvv',
  'exp',
  'expiry',
  'expiration',
  'holder',
  'titulaire',
  'iban',
  'rib',
  'bic',
  'salaire',
  'salary',
  'religion',
  'blood',
  'sang',
  'groupe',
  'group',
  'type',
  'diagnostic',
  'diagnosis',
  'medical',
  'medicale',
  'sante',
  'health',
  'ethnic',
  'origin',
  'origine',
  'sexual',
  'orientation',
  'criminal',
  'record',
  'casier',
  'judiciaire',
  'union',
  'syndicat',
  'political',
  'party',
  'parti',
  'politique',
  'gps',
  'latitude',
  'longitude',
  'geo',
  'tax',
  'fiscal',
  'insurance',
  'national',
  'id',
  'place',
  'death',
  'deces',
  'wedding',
  'mariage',
  'job',
  'title',
  'gender',
  'sex',
  'civilite',
  'income',
  'revenu',
  'height',
  'weight',
  'poids',
  'taille',
  'signature',
  'photo',
  'empreinte',
  'digitale',
  'finger',
  'print',
  'voice',
  'mother',
  'maiden',
  'display',
  'screen',
  'complet',
  'principal',
  'maison',
  'bureau',
  'pro',
  'mobile',
  'ligne',
  'line',
  'commune',
  'region',
  'departement',
  'numero',
  'naiss',
  'dossier',
  'sejour',
  'admission',
  'entree',
  'sortie',
  'created',
  'updated',
  'modified',
  'deleted',
  'montant',
  'amount',
  'total',
  'price',
  'prix',
  'product',
  'produit',
  'order',
  'commande',
  'invoice',
  'facture',
]);

function splitCase(raw: string): string[] {
  // Split camelCase / PascalCase, acronym runs ("IPAddress" → IP Address) and punctuation.
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    const prev = i > 0 ? raw[i - 1] : '';
    const next = i + 1 < raw.length ? raw[i + 1] : '';
    const isUpper = ch !== ch.toLowerCase() && ch === ch.toUpperCase();
    const prevLower = prev !== '' && prev !== prev.toUpperCase() && prev === prev.toLowerCase();
    const prevUpper = prev !== '' && prev !== prev.toLowerCase() && prev === prev.toUpperCase();
    const nextLower = next !== '' && next !== next.toUpperCase() && next === next.toLowerCase();
    const prevDigit = prev >= '0' && prev <= '9';
    if (isUpper && (prevLower || prevDigit || (prevUpper && nextLower)) && current !== '') {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  if (current !== '') parts.push(current);
  return parts;
}

function splitDigits(word: string): string[] {
  if (KEEP_ALNUM.has(word)) return [word];
  const out: string[] = [];
  let current = '';
  let digit: boolean | null = null;
  for (const ch of word) {
    const d = ch >= '0' && ch <= '9';
    if (digit !== null && d !== digit) {
      out.push(current);
      current = '';
    }
    current += ch;
    digit = d;
  }
  if (current !== '') out.push(current);
  return out;
}

/** Splits a concatenated word into known words covering it entirely (fewest pieces), or null. */
export function segmentWord(word: string): string[] | null {
  const n = word.length;
  if (n < 5 || n > 40) return null;
  const best: (string[] | null)[] = new Array<string[] | null>(n + 1).fill(null);
  best[0] = [];
  for (let end = 2; end <= n; end++) {
    for (let start = Math.max(0, end - 14); start <= end - 2; start++) {
      const prefix = best[start];
      if (prefix === null) continue;
      const piece = word.slice(start, end);
      if (!SEGMENT_WORDS.has(piece)) continue;
      const candidate = [...prefix, piece];
      const current = best[end];
      if (current === null || candidate.length < current.length) best[end] = candidate;
    }
  }
  const result = best[n];
  return result !== null && result.length > 1 ? result : null;
}

let lexicon: Set<string> | null = null;

/** Every word the rules and vocabularies know, to recognise plurals ("parents" → "parent"). */
function knownWords(): Set<string> {
  if (lexicon !== null) return lexicon;
  lexicon = new Set<string>(Object.keys(CANONICAL));
  for (const rule of NAME_RULES)
    for (const p of rule.patterns) for (const g of p.groups) for (const t of g) lexicon.add(t);
  for (const set of [
    FILLER_TOKENS,
    FLAG_TOKENS,
    NONPERSON_DATASET_TOKENS,
    ORG_QUALIFIERS,
    PERSON_DATASET_TOKENS,
    PERSON_TOKENS,
    PLACE_TOKENS,
  ]) {
    for (const t of set) lexicon.add(t);
  }
  return lexicon;
}

function canonical(word: string): readonly string[] {
  const direct = CANONICAL[word];
  if (direct !== undefined) return direct;
  // Plural of a known word.
  if (word.length > 3 && (word.endsWith('s') || word.endsWith('x')) && !knownWords().has(word)) {
    const stem = word.slice(0, -1);
    const singular = CANONICAL[stem];
    if (singular !== undefined) return singular;
    if (knownWords().has(stem)) return [stem];
  }
  return [word];
}

/**
 * Tokenises a column, table or file name: camelCase and acronym splitting, case and accent folding,
 * snake/kebab/space separators, letter/digit splitting, concatenated-word segmentation, then
 * canonical synonyms. "dtNaissPatient2" → [date, naissance, patient, 2].
 */
export function tokenizeIdentifier(raw: string): string[] {
  const words: string[] = [];
  for (const part of splitCase(raw.slice(0, 256))) {
    for (const w of foldText(part).split(/[^a-z0-9]+/)) {
      if (w !== '') words.push(...splitDigits(w));
    }
  }
  // "e_mail" / "E-Mail" → email.
  const merged: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'e' && words[i + 1] === 'mail') {
      merged.push('email');
      i++;
    } else {
      merged.push(words[i]);
    }
  }
  const tokens: string[] = [];
  for (const w of merged) {
    if (CANONICAL[w] === undefined && !/^[0-9]+$/.test(w)) {
      const pieces = segmentWord(w);
      if (pieces !== null) {
        for (const p of pieces) tokens.push(...canonical(p));
        continue;
      }
    }
    tokens.push(...canonical(w));
  }
  return tokens;
}

/** Tokenises free prose (a column comment or description) the same way, word by word. */
export function tokenizeText(text: string): string[] {
  const tokens: string[] = [];
  for (const w of foldText(text.slice(0, 2000)).split(/[^a-z0-9]+/)) {
    if (w === '') continue;
    if (w === 'e' || w === 'l' || w === 'd') continue;
    tokens.push(...tokenizeIdentifier(w));
  }
  // Rejoin "e-mail" written with a dash in prose.
  return tokens;
}
