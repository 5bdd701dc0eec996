import { PersonalDataCategory as C } from '../taxonomy.js';
import type { Concept } from '../treatments.js';

/**
 * Column-name rules. A pattern is written "a|b + c": one token among a, b and one among c must be
 * present (tokens are canonical, see tokenize.ts). A leading "=" makes the pattern exclusive: every
 * other token must be a filler or a person word ("cp_client" matches "=cp", "solde_cp" does not).
 */
export interface NamePattern {
  readonly groups: readonly (readonly string[])[];
  readonly only: boolean;
}

/** Strength by context: the field or its table names a person, names a thing, or says nothing. */
export interface ContextStrength {
  readonly person: number;
  readonly neutral: number;
  readonly nonPerson: number;
}

export interface NameRule {
  readonly id: string;
  readonly concept: Concept | null;
  readonly category: C | null;
  readonly quasiIdentifier: boolean;
  readonly strength: number | ContextStrength;
  readonly patterns: readonly NamePattern[];
  /** Tokens that veto the rule when present besides the matched ones. */
  readonly block: readonly string[];
  /** A direct identifier: metadata words (flags, types, dates, counts) veto it. */
  readonly identifier: boolean;
  /** Organisation and thing qualifiers (product, company, warehouse…) veto it. */
  readonly orgBlock: boolean;
  /** Place words (city, street…) veto it: "nom_ville" names a place. */
  readonly placeBlock: boolean;
  /** Record-metadata words (id, date, count…) in a column name veto it: "id_prescription" is not health data. */
  readonly metaBlock: boolean;
  /** False for look-alike rules that recognise a known non-personal concept. */
  readonly personal: boolean;
  readonly explanation: string;
}

function parsePattern(text: string): NamePattern {
  const only = text.startsWith('=');
  const body = only ? text.slice(1) : text;
  const groups = body.split('+').map((g) =>
    g
      .split('|')
      .map((t) => t.trim())
      .filter((t) => t !== ''),
  );
  return { groups, only };
}

interface RuleSpec {
  id: string;
  concept: Concept | null;
  category: C | null;
  qi?: boolean;
  strength: number | ContextStrength;
  patterns: string[];
  block?: string;
  identifier?: boolean;
  orgBlock?: boolean;
  placeBlock?: boolean;
  metaBlock?: boolean;
  personal?: boolean;
  explanation: string;
}

function rule(spec: RuleSpec): NameRule {
  return {
    id: spec.id,
    concept: spec.concept,
    category: spec.category,
    quasiIdentifier: spec.qi ?? false,
    strength: spec.strength,
    patterns: spec.patterns.map(parsePattern),
    block: (spec.block ?? '').split(/\s+/).filter((t) => t !== ''),
    identifier: spec.identifier ?? false,
    orgBlock: spec.orgBlock ?? false,
    placeBlock: spec.placeBlock ?? false,
    metaBlock: spec.metaBlock ?? false,
    personal: spec.personal ?? true,
    explanation: spec.explanation,
  };
}

const ctx = (person: number, neutral: number, nonPerson: number): ContextStrength => ({ person, neutral, nonPerson });

// Tokens naming another identifier concept: "numero de telephone du patient" is a phone, not a patient id.
const CONCEPT_WORDS = `phone mobile fax email address street postal zip cp city country secu nir insee nss ssn passport
identite cni permis fiscal card iban rib bic cvv salary ip mac login password pseudo immatriculation plate vin date
naissance sex nationality profession diagnosis disease medication allergy religion ethnic syndicat genetic biometric
offence conviction casier age photo signature nom name prenom surname fullname connexion session device cookie`;
// Words naming an event or a document rather than a person: "numero_commande_client" identifies an order.
const EVENT_WORDS = `sejour admission visite venue commande order facture invoice rdv rendez appointment consultation
transaction contrat contract police sinistre ticket paiement payment livraison delivery reservation booking demande
request operation acte intervention prescription ordonnance examen analyse prelevement panier cart
inscription candidature application message courrier`;
const META_WORDS = `type categorie category statut status group groupe role oauth api app application secret token org
organisation company societe entreprise segment tier niveau level classe class source origine canal channel`;

export const NAME_RULES: readonly NameRule[] = [
  // ---------------------------------------------------------------- IDENTITY
  rule({
    id: 'identity.first-name',
    concept: 'first_name',
    category: C.IDENTITY,
    strength: 0.95,
    patterns: ['prenom', 'first|given|fore + name|nom', 'middle + name'],
    block: 'user login account compte',
    identifier: true,
    orgBlock: true,
    placeBlock: true,
    explanation: 'first (given) name',
  }),
  rule({
    id: 'identity.last-name',
    concept: 'last_name',
    category: C.IDENTITY,
    strength: 0.95,
    patterns: [
      'surname',
      'last|family|maiden + name|nom',
      'nom + famille|naissance|usage|jeune|marital|maritale|spouse|mari|patronyme|surname|patronymique',
    ],
    block: 'user login account compte',
    identifier: true,
    orgBlock: true,
    placeBlock: true,
    explanation: 'last (family, birth or usage) name',
  }),
  rule({
    id: 'identity.full-name',
    concept: 'full_name',
    category: C.IDENTITY,
    strength: 0.95,
    patterns: ['fullname', 'full|complet|complete|display + name|nom', 'nom + prenom', 'name + surname'],
    block: 'user login account compte file fichier',
    identifier: true,
    orgBlock: true,
    placeBlock: true,
    explanation: 'full name',
  }),
  rule({
    id: 'identity.nom',
    concept: 'last_name',
    category: C.IDENTITY,
    // French "nom" is a person's last name unless qualified by a thing; bare in a products table it names the product.
    strength: ctx(0.85, 0.6, 0),
    patterns: ['nom'],
    block: 'user login account compte utilisateur',
    identifier: true,
    orgBlock: true,
    placeBlock: true,
    explanation: 'French "nom" (last name)',
  }),
  rule({
    id: 'identity.name',
    concept: 'full_name',
    category: C.IDENTITY,
    // English "name" is generic: personal only when the field or its table names a person.
    strength: ctx(0.85, 0.35, 0),
    patterns: ['name'],
    block: 'user login account compte screen display file host domain',
    identifier: true,
    orgBlock: true,
    placeBlock: true,
    explanation: 'English "name", qualified by a person',
  }),
  rule({
    id: 'identity.initials',
    concept: 'full_name',
    category: C.IDENTITY,
    strength: ctx(0.7, 0.5, 0),
    patterns: ['=initiales', '=initials'],
    identifier: true,
    orgBlock: true,
    explanation: 'initials of a person',
  }),
  rule({
    id: 'identity.photo',
    concept: 'photo',
    category: C.IDENTITY,
    strength: ctx(0.8, 0.45, 0),
    patterns: ['photo|picture|portrait|avatar|selfie|trombinoscope'],
    block: 'produit product article item galerie gallery banner banniere logo',
    identifier: true,
    orgBlock: true,
    explanation: 'photograph of a person',
  }),
  rule({
    id: 'identity.signature',
    concept: 'signature',
    category: C.IDENTITY,
    strength: ctx(0.75, 0.5, 0),
    patterns: ['signature'],
    block: 'email hash algo algorithm key cle certificate certificat cert digest jwt api webhook',
    identifier: true,
    orgBlock: true,
    explanation: 'signature of a person',
  }),
  // ---------------------------------------------------------------- CONTACT
  rule({
    id: 'contact.email',
    concept: 'email',
    category: C.CONTACT,
    strength: 0.95,
    patterns: ['email'],
    block: `server serveur smtp imap pop host template modele subject objet body corps contenu content sent envoye envoi
      campaign campagne message list liste queue log logs header entete bounce opened ouvert clic click spam promotion
      promo offers offres frequency frequence`,
    identifier: true,
    orgBlock: true,
    explanation: 'e-mail address',
  }),
  rule({
    id: 'contact.phone',
    concept: 'phone',
    category: C.CONTACT,
    strength: 0.95,
    patterns: ['phone', 'fax', 'number|fixe + mobile', '=mobile'],
    block: `code model modele brand marque os app application version device operator operateur carrier plan forfait
      browser navigateur optimized responsive screen ecran support view vue`,
    identifier: true,
    orgBlock: true,
    explanation: 'phone number',
  }),
  rule({
    id: 'contact.address',
    concept: 'address',
    category: C.CONTACT,
    strength: 0.9,
    patterns: ['address', 'street', 'complement + address', 'lieu + dit', '=domicile', 'boite + postal'],
    block: `email ip mac web url site http https uri link lien memory memoire bitcoin wallet crypto eth hex city country
      zip postal cp code region departement commune gps latitude longitude lat lon lng server serveur`,
    identifier: true,
    orgBlock: true,
    explanation: 'postal address line',
  }),
  // ---------------------------------------------------------------- LOCATION
  rule({
    id: 'location.postal-code',
    concept: 'postal_code',
    category: C.LOCATION,
    qi: true,
    strength: 0.9,
    patterns: ['postal + code', 'zip', 'post + code', 'code + cp'],
    block: 'naissance',
    identifier: true,
    orgBlock: true,
    explanation: 'postal code',
  }),
  rule({
    id: 'location.cp',
    concept: 'postal_code',
    category: C.LOCATION,
    qi: true,
    // "cp" alone is the usual French abbreviation of code postal; "solde_cp" (congés payés) is not.
    strength: ctx(0.85, 0.75, 0),
    patterns: ['=cp', 'cp + ville|city|address'],
    identifier: true,
    orgBlock: true,
    explanation: 'French abbreviation "CP" (code postal)',
  }),
  rule({
    id: 'location.city',
    concept: 'city',
    category: C.LOCATION,
    qi: true,
    strength: ctx(0.85, 0.7, 0),
    patterns: [
      'city',
      '=commune',
      'code|insee + commune',
      'commune + residence',
      '=district',
      '=arrondissement',
      '=quartier',
      '=neighbourhood',
      '=neighborhood',
      '=borough',
    ],
    block: 'naissance deces population superficie surface habitants maire',
    identifier: true,
    orgBlock: true,
    explanation: 'city of residence',
  }),
  rule({
    id: 'location.country',
    concept: 'country',
    category: C.LOCATION,
    qi: true,
    strength: ctx(0.6, 0.4, 0),
    patterns: ['=country', 'country + residence', '=region', '=departement', 'code + departement|region'],
    block: 'naissance nationality origin origine indicatif currency devise langue language iso',
    identifier: true,
    orgBlock: true,
    explanation: 'country or region of residence',
  }),
  rule({
    id: 'location.state',
    concept: 'country',
    category: C.LOCATION,
    qi: true,
    // "state" is also a status: only a person's table makes it a place of residence.
    strength: ctx(0.55, 0, 0),
    patterns: ['=state', '=province', '=county', 'state + province'],
    identifier: true,
    orgBlock: true,
    explanation: 'state, province or county of residence',
  }),
  rule({
    id: 'location.gps',
    concept: 'gps',
    category: C.LOCATION,
    qi: true,
    strength: ctx(0.85, 0.75, 0),
    patterns: [
      'latitude',
      'longitude',
      '=lat',
      '=lon',
      '=lng',
      'gps',
      'geoloc|geolocalisation|geolocation|geoposition',
      'coordonnees|coordinates + gps|geo|geographique|geographic',
      'geo + point|position|location|coord',
    ],
    identifier: true,
    orgBlock: true,
    explanation: 'geographic coordinates',
  }),
  // ---------------------------------------------------------------- NATIONAL_ID
  rule({
    id: 'national.nir',
    concept: 'nir',
    category: C.NATIONAL_ID,
    strength: 0.95,
    patterns: [
      'nir',
      'nss',
      'ssn',
      '=insee',
      'number + insee',
      'secu',
      'security + social',
      'number + ss',
      'card + vitale',
      'immatriculation + social|secu|ss|assure',
      'nino',
      'national + insurance + number',
    ],
    block: `caisse regime organisme centre taux plafond cotisation montant amount remboursement code commune ville city
      geo localite`,
    identifier: true,
    explanation: 'French social security number (NIR) or foreign equivalent',
  }),
  rule({
    id: 'national.passport',
    concept: 'passport',
    category: C.NATIONAL_ID,
    strength: 0.9,
    patterns: ['passport'],
    identifier: true,
    explanation: 'passport number',
  }),
  rule({
    id: 'national.id-card',
    concept: 'id_card',
    category: C.NATIONAL_ID,
    strength: 0.9,
    patterns: ['identite + card|piece|number|document', 'cni', 'id + card', 'national + id', 'dni'],
    identifier: true,
    explanation: 'identity card number',
  }),
  rule({
    id: 'national.driving-licence',
    concept: 'driving_licence',
    category: C.NATIONAL_ID,
    strength: 0.85,
    patterns: ['permis + conduire|number', 'driving|driver|drivers + licence|license', '=permis'],
    block: 'construire amenager demolir chasse peche categorie category points',
    identifier: true,
    explanation: 'driving licence number',
  }),
  rule({
    id: 'national.tax-id',
    concept: 'tax_id',
    category: C.NATIONAL_ID,
    strength: ctx(0.85, 0.6, 0),
    patterns: ['fiscal + number|id|ref', 'spi', 'tax + id|number|identification', '=nif', '=tin', 'avis + imposition'],
    block: 'tva vat intracom intracommunautaire siren siret company societe entreprise',
    identifier: true,
    orgBlock: true,
    explanation: 'tax identification number',
  }),
  rule({
    id: 'national.residence-permit',
    concept: 'residence_permit',
    category: C.NATIONAL_ID,
    strength: 0.85,
    patterns: ['titre + sejour', 'residence + permit', 'carte + sejour'],
    identifier: true,
    explanation: 'residence permit number',
  }),
  rule({
    id: 'national.ine',
    concept: 'student_id',
    category: C.NATIONAL_ID,
    strength: 0.85,
    patterns: ['=ine', 'ine + student', 'identifiant + national + student'],
    identifier: true,
    explanation: 'French national student identifier (INE)',
  }),
  rule({
    id: 'national.health-professional',
    concept: 'health_professional_id',
    category: C.NATIONAL_ID,
    strength: 0.85,
    patterns: ['rpps', 'adeli', 'npi'],
    identifier: true,
    explanation: 'national identifier of a health professional (RPPS, ADELI, US NPI)',
  }),
  rule({
    id: 'national.business-id',
    concept: 'business_id',
    category: C.NATIONAL_ID,
    // A SIREN/SIRET identifies a legal person, except for sole traders (entreprise individuelle).
    strength: ctx(0.75, 0.2, 0),
    patterns: ['siren', 'siret', 'rcs'],
    identifier: true,
    explanation: 'SIREN/SIRET business identifier (personal only for a sole trader)',
  }),
  // ---------------------------------------------------------------- INTERNAL_ID
  rule({
    id: 'internal.person-id',
    concept: 'person_id',
    category: C.INTERNAL_ID,
    strength: 0.85,
    patterns: [
      `patient|customer|user|employee|agent|student|member|person|contact|child|beneficiary|doctor|spouse|titulaire|holder
        |proprietaire|owner|locataire|candidat|candidate|applicant|prospect|donateur|donor|benevole|volunteer|assure
        |insured|souscripteur|subscriber|abonne|allocataire|usager|electeur|voter|citoyen|citizen|habitant|resident
        |passager|passenger|voyageur|traveler|conducteur|driver|acheteur|buyer|guest|visitor|visiteur|joueur|player
        |licencie|debiteur|debtor|emprunteur|borrower|famille|family|foyer|household|infirmier|nurse|enseignant
        |teacher|stagiaire|apprenti|author|auteur|staff|personnel|subject
        + id|number|code|ref|matricule|key|ident|dossier`,
    ],
    block: `${CONCEPT_WORDS} ${EVENT_WORDS} ${META_WORDS}`,
    identifier: true,
    explanation: 'identifier of a person (customer, patient, employee, user…)',
  }),
  rule({
    id: 'internal.primary-key',
    concept: 'person_id',
    category: C.INTERNAL_ID,
    // A bare "id" is the person's identifier only when the table holds persons.
    strength: ctx(0.75, 0, 0),
    patterns: ['=id', '=number', '=ref', '=matricule', '=code'],
    identifier: true,
    explanation: 'primary key of a table of persons',
  }),
  rule({
    id: 'internal.staff-number',
    concept: 'person_id',
    category: C.INTERNAL_ID,
    strength: 0.8,
    patterns: ['=matricule', 'ipp', 'badge + number|id|code', 'loyalty|fidelite + card|number|id', 'numen'],
    block: `${META_WORDS} vehicle vehicule immatriculation`,
    identifier: true,
    explanation: 'staff, patient (IPP) or loyalty-card number',
  }),
  rule({
    id: 'internal.actor',
    concept: 'person_id',
    category: C.INTERNAL_ID,
    // "created_by" names the person who acted; "created_at" is a timestamp and matches nothing.
    strength: 0.6,
    patterns: [
      'created|updated|modified|deleted|validated|approved|submitted|assigned|saisi|cree|modifie|valide + by|par',
      'assignee|owner|auteur|author|redacteur',
    ],
    block: 'date at time timestamp on le count nb',
    identifier: true,
    explanation: 'reference to the person who performed an action',
  }),
  // ---------------------------------------------------------------- FINANCIAL
  rule({
    id: 'financial.iban',
    concept: 'iban',
    category: C.FINANCIAL,
    strength: 0.92,
    patterns: ['iban', 'rib', 'bban', 'compte + bancaire', 'bank + account', 'sort + code', 'account + number|iban'],
    block: 'cle key',
    identifier: true,
    orgBlock: true,
    explanation: 'bank account (IBAN/RIB)',
  }),
  rule({
    id: 'financial.bic',
    concept: 'bic',
    category: C.FINANCIAL,
    strength: ctx(0.75, 0.55, 0),
    patterns: ['bic', 'swift'],
    identifier: true,
    orgBlock: true,
    explanation: "BIC of a person's bank",
  }),
  rule({
    id: 'financial.card-number',
    concept: 'card_number',
    category: C.FINANCIAL,
    strength: 0.92,
    patterns: [
      'card|cb|cc + number|pan',
      'credit|debit + card',
      'card + bancaire|credit|bleue|paiement|payment|bank',
      '=cb',
      '=pan',
      'creditcard',
    ],
    block: `vitale grise identite id fidelite loyalty gift cadeau sim transport navigo badge acces access student vitale
      brand marque network reseau expiry expiration exp last4 last derniers masked mask token fingerprint bin holder
      titulaire name nom`,
    identifier: true,
    orgBlock: true,
    explanation: 'payment card number (PAN)',
  }),
  rule({
    id: 'financial.cvv',
    concept: 'cvv',
    category: C.FINANCIAL,
    strength: 0.95,
    patterns: ['cvv', 'security|verification + code|value|number + card|cb|cc', 'code + security + card'],
    identifier: true,
    explanation: 'card security code (CVV/CVC)',
  }),
  rule({
    id: 'financial.card-expiry',
    concept: 'card_expiry',
    category: C.FINANCIAL,
    strength: 0.75,
    patterns: ['card|cb|cc + expiry|expiration|exp|validite|expire'],
    block: 'vitale grise identite fidelite loyalty gift cadeau',
    explanation: 'payment card expiry date',
  }),
  rule({
    id: 'financial.salary',
    concept: 'salary',
    category: C.FINANCIAL,
    strength: 0.9,
    patterns: [
      'salary',
      'traitement + indiciaire|brut|net|base',
      'indice + majore|brut',
      'net|brut|gross + pay|paye|imposable|payer|mensuel|annuel|salary',
      'prime|bonus + annuelle|annual|performance|individuelle',
    ],
    block: 'grille scale budget masse plafond offre offer vacancy fourchette',
    explanation: 'salary or pay',
  }),
  rule({
    id: 'financial.income',
    concept: 'income',
    category: C.FINANCIAL,
    strength: 0.85,
    patterns: [
      'income',
      'revenu|revenus',
      'quotient + familial',
      'impot + revenu',
      'credit + score',
      'scoring',
      'solvabilite',
      'patrimoine',
      'ressources + mensuelles|annuelles|foyer',
    ],
    block: 'grille scale budget produit product',
    explanation: 'income, wealth or creditworthiness',
  }),
  // ---------------------------------------------------------------- ONLINE_ID
  rule({
    id: 'online.ip',
    concept: 'ip_address',
    category: C.ONLINE_ID,
    strength: 0.88,
    patterns: ['ip', 'remote + address|host', 'forwarded', 'client + ip'],
    block: `server serveur gateway passerelle router routeur dns nas proxy vip lb loadbalancer subnet cidr mask masque range
      plage pool whitelist allowlist blocklist blacklist firewall vlan interface eth bind listen nat version count nb`,
    identifier: true,
    explanation: 'IP address',
  }),
  rule({
    id: 'online.mac',
    concept: 'mac_address',
    category: C.ONLINE_ID,
    strength: ctx(0.8, 0.7, 0),
    patterns: ['mac + address', '=mac'],
    identifier: true,
    explanation: 'MAC address',
  }),
  rule({
    id: 'online.device',
    concept: 'device_id',
    category: C.ONLINE_ID,
    strength: 0.8,
    patterns: [
      'device|appareil|terminal + id|identifier|token|fingerprint',
      'imei',
      'idfa',
      'idfv',
      'gaid',
      'advertising|ad|ads + id',
      'push|fcm|apns + token',
      'android + id',
      'browser + fingerprint',
    ],
    block: 'type model modele os version',
    identifier: true,
    explanation: 'device or advertising identifier',
  }),
  rule({
    id: 'online.cookie',
    concept: 'cookie_id',
    category: C.ONLINE_ID,
    strength: 0.72,
    patterns: ['cookie + id|value|valeur', 'visitor|anonymous|ga|fbp + id', 'session + id', 'gclid', 'fbclid'],
    block: 'name nom domain path policy banner consent',
    identifier: true,
    explanation: 'cookie, session or tracking identifier',
  }),
  rule({
    id: 'online.login',
    concept: 'login',
    category: C.ONLINE_ID,
    strength: 0.85,
    patterns: [
      'login + id',
      'login',
      'user + name',
      'pseudo',
      'screen + name',
      'nom + user',
      'id + connexion',
      'twitter|instagram|linkedin|facebook|tiktok|skype|github|snapchat + handle|id|account|profile|url|name|login',
    ],
    block: 'last dernier derniere first premier count nb attempt attempts failed echec success date at time',
    identifier: true,
    explanation: 'login, user name or social-network handle',
  }),
  rule({
    id: 'online.user-agent',
    concept: 'user_agent',
    category: C.ONLINE_ID,
    qi: true,
    strength: 0.65,
    patterns: ['user + agent', '=ua'],
    identifier: true,
    explanation: 'browser user agent',
  }),
  // ---------------------------------------------------------------- CREDENTIAL
  rule({
    id: 'credential.password',
    concept: 'password',
    category: C.CREDENTIAL,
    strength: 0.9,
    patterns: [
      'password',
      'mot + passe',
      'secret|security|securite + question|answer|reponse',
      'otp|totp|mfa|2fa + secret|seed|key',
      'auth|refresh|access|remember|reset|api + token',
      '=pin',
      'code + pin',
    ],
    block:
      'policy politique expiry expiration changed date at length longueur min strength attempt attempts failed count nb last',
    explanation: 'password, secret or authentication token',
  }),
  // ---------------------------------------------------------------- BIRTH_DATE
  rule({
    id: 'birth.date',
    concept: 'birth_date',
    category: C.BIRTH_DATE,
    qi: true,
    strength: 0.95,
    patterns: ['date + naissance', 'jour|day|heure|hour|time + naissance', '=naissance', '=anniversaire'],
    block: `lieu place city commune country departement dept rang poids weight taille height acte nom name prenom
      nombre nb count taux contrat contract adhesion abonnement subscription police policy mariage deces`,
    explanation: 'date of birth',
  }),
  rule({
    id: 'birth.year',
    concept: 'birth_year',
    category: C.BIRTH_DATE,
    qi: true,
    strength: 0.9,
    patterns: ['annee|year|an|mois|month + naissance', 'yob'],
    block: 'nombre nb count taux',
    explanation: 'year or month of birth',
  }),
  // ---------------------------------------------------------------- DEMOGRAPHIC
  rule({
    id: 'demographic.sex',
    concept: 'sex',
    category: C.DEMOGRAPHIC,
    qi: true,
    strength: ctx(0.9, 0.85, 0),
    patterns: ['=sex', 'sex + code|libelle|label'],
    block: 'film movie musique music book livre jeu game media ratio orientation life vie',
    explanation: 'sex or gender',
  }),
  rule({
    id: 'demographic.civility',
    concept: 'civility',
    category: C.DEMOGRAPHIC,
    qi: true,
    strength: 0.85,
    patterns: ['civility', 'title + courtesy', 'courtesy + title'],
    explanation: 'civility (reveals sex)',
  }),
  rule({
    id: 'demographic.title',
    concept: 'civility',
    category: C.DEMOGRAPHIC,
    qi: true,
    strength: ctx(0.6, 0, 0),
    patterns: ['=title', '=titre'],
    explanation: 'title of a person (Mr, Mrs, Dr…)',
  }),
  rule({
    id: 'demographic.age',
    concept: 'age',
    category: C.DEMOGRAPHIC,
    qi: true,
    strength: ctx(0.9, 0.8, 0),
    patterns: ['=age', 'age + ans|years|annees|an|mois|months', 'tranche|band|range|classe + age', 'age'],
    block: `vehicule vehicle car voiture batiment building account compte stock materiel equipment dette debt creance
      invoice facture file fichier data donnees cache record enregistrement contrat contract arbre tree vin wine
      pneu tyre tire document piece log logs session token password cookie balance solde`,
    orgBlock: true,
    explanation: 'age of a person',
  }),
  rule({
    id: 'demographic.nationality',
    concept: 'nationality',
    category: C.DEMOGRAPHIC,
    qi: true,
    strength: 0.9,
    patterns: ['nationality'],
    explanation: 'nationality',
  }),
  rule({
    id: 'demographic.marital-status',
    concept: 'marital_status',
    category: C.DEMOGRAPHIC,
    qi: true,
    strength: 0.88,
    patterns: [
      'situation|statut|status|etat + familiale|matrimoniale|maritale|marital|conjugale|civil',
      'marital',
      'civil + status',
    ],
    explanation: 'marital status',
  }),
  rule({
    id: 'demographic.children',
    concept: 'children',
    category: C.DEMOGRAPHIC,
    qi: true,
    strength: 0.75,
    patterns: ['nb|nombre|number|count + child', 'child + charge', 'personnes + charge'],
    explanation: 'number of children or dependants',
  }),
  rule({
    id: 'demographic.profession',
    concept: 'profession',
    category: C.DEMOGRAPHIC,
    qi: true,
    strength: ctx(0.85, 0.8, 0),
    patterns: [
      'profession',
      'job + title',
      '=job',
      '=emploi',
      'csp',
      'pcs',
      'categorie + socio|socioprofessionnelle|professionnelle',
      'employeur|employer',
      '=poste',
      '=fonction',
      '=grade',
      'intitule + poste|fonction|emploi',
    ],
    block: 'offre offer vacancy description desc fiche referentiel id queue scheduler cron status statut',
    explanation: 'profession, job or employer',
  }),
  rule({
    id: 'demographic.birth-place',
    concept: 'birth_place',
    category: C.DEMOGRAPHIC,
    qi: true,
    strength: 0.9,
    patterns: ['lieu|place|city|commune|country|departement|dept|localite + naissance'],
    explanation: 'place of birth',
  }),
  rule({
    id: 'demographic.vital-event',
    concept: 'vital_event_date',
    category: C.DEMOGRAPHIC,
    qi: true,
    strength: 0.8,
    patterns: ['date|annee|year + deces|death|mort|mariage|marriage|wedding|pacs|divorce', 'deathdate'],
    block: 'nombre nb count taux',
    explanation: 'date of death, marriage or divorce',
  }),
  rule({
    id: 'demographic.education',
    concept: 'education',
    category: C.DEMOGRAPHIC,
    qi: true,
    strength: 0.7,
    patterns: [
      'niveau + etude|etudes|scolaire|diplome|education|formation',
      'education + level',
      '=diplome',
      'highest + degree',
    ],
    explanation: 'education level or diploma',
  }),
  rule({
    id: 'demographic.language',
    concept: 'language',
    category: C.DEMOGRAPHIC,
    qi: true,
    strength: 0.65,
    patterns: ['langue + maternelle', 'native|first + language', 'mother + tongue'],
    explanation: 'mother tongue',
  }),
  // ---------------------------------------------------------------- VEHICLE
  rule({
    id: 'vehicle.plate',
    concept: 'licence_plate',
    category: C.VEHICLE,
    strength: 0.88,
    patterns: [
      '=immatriculation',
      'immatriculation + vehicule|vehicle|plate|number',
      'plate',
      'carte + grise',
      'license|licence|registration + plate',
    ],
    block: 'social secu ss assure rcs siren siret societe company entreprise date type categorie',
    identifier: true,
    explanation: 'vehicle licence plate',
  }),
  rule({
    id: 'vehicle.vin',
    concept: 'vin',
    category: C.VEHICLE,
    strength: 0.85,
    patterns: ['vin', 'chassis + number', 'vehicle|vehicule + identification + number'],
    identifier: true,
    explanation: 'vehicle identification number (VIN)',
  }),
  // ---------------------------------------------------------------- HEALTH
  rule({
    id: 'health.clinical',
    concept: 'health',
    category: C.HEALTH,
    strength: 0.92,
    patterns: [
      'diagnosis',
      'disease',
      'symptome|symptomes|symptom|symptoms',
      'medication',
      'prescription|ordonnance|posologie|dosage|dose',
      'allergy',
      'handicap|disability|disabilities|invalidite|incapacite|infirmite',
      'cim10|icd10|icd9|cim|icd|ccam|ghm|gir',
      'antecedent|antecedents + medicaux|medical|medicale|familiaux|chirurgicaux',
      'vaccination|vaccin|vaccine|vaccins',
      'grossesse|pregnancy|enceinte|pregnant',
      'groupe|group|type + sanguin|blood|sang',
      'rhesus',
      'imc|bmi',
      'tension + arterielle',
      'blood + pressure',
      'glycemie|cholesterol|hba1c',
      'hospitalisation|hospitalization',
      'psychiatrique|psychiatric|mental',
      'addiction|tabagisme|fumeur|smoker|smoking|alcool|alcohol',
      'arret + maladie|travail',
      'sick + leave',
      'accident + travail',
      'ald',
      'mdph|rqth|aah',
      'cause|motif + deces|death',
      'motif + admission|hospitalisation|consultation|visite|arret',
      'traitement|treatment + medical|medicale|therapeutique|cours',
      'observation|observations|rendu|note|notes + medical|medicale|clinique|clinical|soin|soins',
      'soin|soins|care + type|plan|acte|nature',
      'acte + medical|chirurgical|ccam',
      'dependance|dependency + niveau|level|gir',
      'medical|medicale|sante|health|clinical|clinique + data|donnees|info|information|informations|dossier|record|records|history|historique|etat|status|statut|condition',
      'pathologie|maladie + chronique|chronic',
      'resultat|result + analyse|test|examen|biologie|labo',
    ],
    block: `etablissement facility provider insurance assurance mutuelle caisse tarif price prix cout cost montant amount
      stock fournisseur supplier catalogue catalog judiciaire penal penaux offence casier permis hours heures hour heure
      solde balance droit droits entitlement available remaining restant`,
    metaBlock: true,
    explanation: 'health data',
  }),
  rule({
    id: 'health.body-measure',
    concept: 'body_measure',
    category: C.HEALTH,
    strength: ctx(0.7, 0.3, 0),
    patterns: [
      '=poids',
      '=weight',
      '=taille',
      '=height',
      'poids|weight|taille|height + kg|cm|m|patient',
      'tour + taille',
    ],
    explanation: 'weight or height of a person (health-related)',
  }),
  rule({
    id: 'genetic.data',
    concept: 'genetic',
    category: C.GENETIC,
    strength: 0.92,
    patterns: ['genetic', 'sequencage|sequencing|snp|brca|hla', 'caryotype|karyotype'],
    block: `algorithm algorithme algo`,
    metaBlock: true,
    explanation: 'genetic data',
  }),
  rule({
    id: 'biometric.data',
    concept: 'biometric',
    category: C.BIOMETRIC,
    strength: 0.92,
    patterns: [
      'biometric',
      'empreinte + digitale|doigt|biometric|palmaire|vocale|digital',
      'fingerprint + template|hash|minutiae|biometric|scan|image',
      'face|facial|visage + template|recognition|reconnaissance|gabarit|embedding|vector|encoding',
      'iris + scan|template|code',
      'retina|retine|voiceprint|gabarit',
    ],
    block: `carbone carbon ecologique environmental device browser tls ssl ssh`,
    metaBlock: true,
    explanation: 'biometric template',
  }),
  rule({
    id: 'ethnic.origin',
    concept: 'ethnic_origin',
    category: C.RACIAL_ETHNIC_ORIGIN,
    strength: 0.9,
    patterns: ['ethnic', 'origine + ethnique|raciale|ethnic', 'couleur + peau', 'skin + color|colour|tone'],
    block: `animal chien dog chat cat cheval horse bovin espece species breed pet elevage car course racing sport`,
    metaBlock: true,
    explanation: 'racial or ethnic origin',
  }),
  rule({
    id: 'political.opinion',
    concept: 'political_opinion',
    category: C.POLITICAL_OPINION,
    strength: 0.9,
    patterns: [
      'parti + politique',
      'political + party|affiliation|opinion|opinions|view|views|leaning|orientation|membership',
      'politique + opinion|affiliation|appartenance|sympathie|orientation|engagement|bord|tendance|adhesion',
      'opinion + politique|politiques',
      'vote + intention|preference',
      'intention + vote',
      'mandat + politique|electif',
      'adhesion + parti',
    ],
    metaBlock: true,
    explanation: 'political opinion or party',
  }),
  rule({
    id: 'religion.belief',
    concept: 'religious_belief',
    category: C.RELIGIOUS_BELIEF,
    strength: 0.9,
    patterns: [
      'religion',
      'culte',
      'croyance|croyances|belief|beliefs|faith',
      'conviction + religieuse|philosophique|philosophical',
      'philosophical + belief|beliefs',
      'pratique + religieuse',
    ],
    block: `offence criminal penal judiciaire casier lieu batiment building edifice`,
    metaBlock: true,
    explanation: 'religious or philosophical belief',
  }),
  rule({
    id: 'union.membership',
    concept: 'trade_union',
    category: C.TRADE_UNION,
    strength: 0.93,
    patterns: [
      'syndicat',
      'trade|labor|labour + union',
      'union + member|membership|dues|affiliation|rep|representative|steward',
      'delegue|representant|mandat|cotisation|adhesion|appartenance + syndicat',
    ],
    metaBlock: true,
    explanation: 'trade-union membership',
  }),
  rule({
    id: 'sexlife.orientation',
    concept: 'sexual_orientation',
    category: C.SEX_LIFE_ORIENTATION,
    strength: 0.92,
    patterns: [
      'orientation + sexuelle|sexual',
      'sexualite|sexuality',
      'vie + sexuelle',
      'sex|sexual + life|orientation|preference|partner|partners',
      'lgbt|lgbtq|lgbtqi|lgbtqia',
    ],
    metaBlock: true,
    explanation: 'sex life or sexual orientation',
  }),
  rule({
    id: 'criminal.record',
    concept: 'criminal',
    category: C.CRIMINAL_OFFENCE,
    strength: 0.93,
    patterns: [
      'casier + judiciaire',
      'criminal + record|records|history|conviction|offence|background|check',
      'conviction + criminal|penal|penale',
      '=conviction',
      'offence',
      'antecedents + judiciaire|penaux|penal',
      'peine|sentence|sanction + penale|prison|emprisonnement|criminal',
      'incarceration|detenu|ecrou|probation',
      'extrait + casier',
      'bulletin + b2|b3',
      'b2|b3 + casier|bulletin|extrait',
      'mise + examen',
      'garde + vue',
    ],
    block: `religieuse philosophique religious philosophical`,
    metaBlock: true,
    explanation: 'criminal conviction or offence',
  }),
  // ---------------------------------------------------------------- look-alikes (non-personal concepts)
  rule({
    id: 'lookalike.organisation-name',
    concept: null,
    category: null,
    strength: 0.9,
    patterns: [
      'raison + sociale',
      'denomination',
      'enseigne',
      'company|societe|entreprise|organisation|organization + name|nom',
    ],
    personal: false,
    explanation: 'name of an organisation (legal persons are not data subjects)',
  }),
  rule({
    id: 'lookalike.amount',
    concept: null,
    category: null,
    strength: 0.8,
    patterns: [
      'montant|amount|price|prix|cout|cost|tarif|total|ht|ttc|tva|vat|remise|discount|fee|frais|solde|balance|subtotal',
    ],
    personal: false,
    explanation: 'monetary amount',
  }),
  rule({
    id: 'lookalike.product-code',
    concept: null,
    category: null,
    strength: 0.8,
    patterns: [
      'sku|ean|gtin|upc|isbn|asin',
      'product|produit|article|item + code|ref|number|id|name|nom|label|libelle',
      'lot|batch + number|code|id|ref',
      '=lot',
      '=batch',
      'serial|serie + number',
    ],
    personal: false,
    explanation: 'product, batch or serial code',
  }),
  rule({
    id: 'lookalike.timestamp',
    concept: null,
    category: null,
    strength: 0.8,
    patterns: [
      'created|updated|modified|deleted|inserted|creation|modification|maj|timestamp|ts + at|on|date|time|le|timestamp|ts',
      '=timestamp',
      '=created',
      '=updated',
    ],
    personal: false,
    explanation: 'record timestamp',
  }),
  rule({
    id: 'lookalike.academic-code',
    concept: null,
    category: null,
    strength: 0.8,
    patterns: ['academic|scolaire|universitaire|school + year|annee|periode|term|semestre|trimestre'],
    personal: false,
    explanation: 'academic period code',
  }),
  rule({
    id: 'lookalike.transaction-id',
    concept: null,
    category: null,
    strength: 0.75,
    patterns: [
      'order|commande|invoice|facture|transaction|ticket|shipment|expedition|colis|parcel|tracking|suivi + id|number|ref|code',
      'version|release|build',
      'quantite|quantity|qty',
    ],
    personal: false,
    explanation: 'transaction, document or technical identifier',
  }),
];
