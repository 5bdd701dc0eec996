import { RisksError, RisksErrorCode } from './risks.errors.js';

export const FEARED_EVENTS = ['ILLEGITIMATE_ACCESS', 'UNWANTED_MODIFICATION', 'DISAPPEARANCE'] as const;
/** The three feared events of the CNIL PIA method (accès illégitime, modification non désirée, disparition). */
export type FearedEvent = (typeof FEARED_EVENTS)[number];

export const RISK_FAMILIES = ['IMAGE', 'TECHNICAL', 'HARDWARE', 'AWARENESS', 'FAILURE', 'BACKUP'] as const;
/** Organisational risk families the certification reference names (image, technical, hardware, awareness, failures, backup). */
export type RiskFamily = (typeof RISK_FAMILIES)[number];

export type MeasureTarget = FearedEvent | RiskFamily;

export interface Measure {
  id: string;
  fr: string;
  en: string;
  /** Numbers of the fiches of the CNIL security guide (2024 edition) it summarises; [] = from the PIA knowledge base only. */
  fiches: readonly number[];
  /** The feared events and organisational families it reduces. */
  reduces: readonly MeasureTarget[];
  /** SEVERITY: it limits the impacts; LIKELIHOOD: it makes the threats harder to carry out. */
  acts: 'SEVERITY' | 'LIKELIHOOD';
  /** Levels it lowers its dimension by (the residual formula, docs/risks.md). */
  strength: 1 | 2;
}

/**
 * The measure catalogue, in our own words. Source: CNIL, "Guide pratique RGPD — Sécurité des données
 * personnelles", édition 2024 (published 26 March 2024, 25 fiches), fiche numbers and titles checked on
 * 2026-12-03 against two copies of its table of contents (fr.scribd.com/document/726600087,
 * dispatch.iotexec.com copy of the 2024 PDF); and the measure families of the CNIL PIA method ("PIA — Les
 * bases de connaissances": measures acting on the data, on the supports, organisational). The choice of
 * feared events, dimension and strength per measure is Cartographer's, not the CNIL's.
 */
export const MEASURE_CATALOGUE_META = Object.freeze({
  version: '2026-12-03',
  source:
    'CNIL, Guide pratique RGPD — Sécurité des données personnelles, édition 2024 (fiches 1–25); CNIL, PIA — Les bases de connaissances',
  checked:
    'fiche numbers and titles: table of contents of the 2024 guide (two copies); PIA knowledge-base measure list: not re-read, from the method',
});

const A = 'ILLEGITIMATE_ACCESS';
const M = 'UNWANTED_MODIFICATION';
const D = 'DISAPPEARANCE';

function measure(
  id: string,
  fiches: number[],
  reduces: MeasureTarget[],
  acts: Measure['acts'],
  fr: string,
  en: string,
): Measure {
  return Object.freeze({
    id,
    fr,
    en,
    fiches: Object.freeze(fiches),
    reduces: Object.freeze(reduces),
    acts,
    strength: 1,
  });
}

export const MEASURE_CATALOGUE: readonly Measure[] = Object.freeze([
  measure(
    'M-ACCESS-PROFILES',
    [5],
    [A, M],
    'LIKELIHOOD',
    'Habilitations par profil, revues régulièrement',
    'Access rights by profile, reviewed regularly',
  ),
  measure(
    'M-ADMIN-NOT-EXPOSED',
    [8, 9],
    [A, M, D, 'TECHNICAL'],
    'LIKELIHOOD',
    'Interfaces d’administration non exposées sur Internet',
    'Administration interfaces not reachable from the Internet',
  ),
  measure(
    'M-AUTH-INDIVIDUAL',
    [4],
    [A, M],
    'LIKELIHOOD',
    'Comptes individuels et mots de passe robustes, pas de compte partagé',
    'Individual accounts and strong passwords, no shared account',
  ),
  measure(
    'M-AUTH-MFA',
    [4],
    [A, M],
    'LIKELIHOOD',
    'Authentification multifacteur des administrateurs',
    'Multi-factor authentication for administrators',
  ),
  measure(
    'M-AWARENESS',
    [2, 3],
    [A, M, 'AWARENESS', 'IMAGE'],
    'LIKELIHOOD',
    'Charte informatique et sensibilisation annuelle du personnel',
    'IT charter and yearly staff awareness training',
  ),
  measure(
    'M-BACKUP',
    [17],
    [D, 'BACKUP'],
    'SEVERITY',
    'Sauvegardes régulières des données',
    'Regular backups of the data',
  ),
  measure(
    'M-BACKUP-OFFSITE',
    [17],
    [D, 'BACKUP'],
    'SEVERITY',
    'Copie de sauvegarde conservée hors site ou hors ligne',
    'A backup copy kept off site or offline',
  ),
  measure(
    'M-BACKUP-RESTORE-TEST',
    [17, 18],
    [D, 'BACKUP', 'FAILURE'],
    'LIKELIHOOD',
    'Restauration des sauvegardes testée au moins une fois par an',
    'Backup restore tested at least once a year',
  ),
  measure(
    'M-CONTINUITY-PLAN',
    [18],
    [D, 'FAILURE'],
    'SEVERITY',
    'Plan de continuité et de reprise d’activité',
    'Business continuity and recovery plan',
  ),
  measure(
    'M-ENC-REST',
    [21, 9],
    [A],
    'LIKELIHOOD',
    'Chiffrement des données stockées, clés maîtrisées',
    'Encryption of stored data, keys under control',
  ),
  measure(
    'M-ENC-TRANSIT',
    [13, 21],
    [A, M],
    'LIKELIHOOD',
    'Chiffrement des échanges (TLS à jour)',
    'Encryption of exchanges (current TLS)',
  ),
  measure(
    'M-HARDWARE-RENEWAL',
    [15],
    ['HARDWARE', 'FAILURE'],
    'LIKELIHOOD',
    'Renouvellement des matériels avant leur fin de support',
    'Hardware renewed before its end of support',
  ),
  measure(
    'M-INCIDENT-PROCESS',
    [19],
    [A, M, D, 'IMAGE'],
    'SEVERITY',
    'Procédure de gestion des incidents et des violations (notification sous 72 h)',
    'Incident and breach procedure (notification within 72 hours)',
  ),
  measure(
    'M-LOGGING',
    [16],
    [A, M],
    'LIKELIHOOD',
    'Journalisation des accès et des opérations, journaux revus',
    'Logging of accesses and operations, logs reviewed',
  ),
  measure(
    'M-MINIMISATION',
    [],
    [A, M, 'IMAGE'],
    'SEVERITY',
    'Minimisation : ne collecter et garder que les données nécessaires',
    'Minimisation: collect and keep only the data needed',
  ),
  measure(
    'M-NETWORK-FILTERING',
    [8],
    [A, M, D, 'TECHNICAL'],
    'LIKELIHOOD',
    'Cloisonnement et filtrage du réseau, seuls les flux nécessaires',
    'Network segmentation and filtering, only the flows needed',
  ),
  measure(
    'M-PATCHING',
    [9, 15],
    [A, M, D, 'TECHNICAL'],
    'LIKELIHOOD',
    'Mises à jour de sécurité appliquées, logiciels supportés',
    'Security updates applied, supported software only',
  ),
  measure(
    'M-PSEUDONYMISATION',
    [21],
    [A, 'IMAGE'],
    'SEVERITY',
    'Pseudonymisation des données',
    'Pseudonymisation of the data',
  ),
  measure(
    'M-REDUNDANCY',
    [18],
    [D, 'FAILURE', 'TECHNICAL'],
    'LIKELIHOOD',
    'Redondance des serveurs (réplication, second site)',
    'Server redundancy (replication, second site)',
  ),
  measure(
    'M-SUBCONTRACTOR-CLAUSES',
    [14, 22],
    [A, M, D],
    'LIKELIHOOD',
    'Sous-traitants encadrés : clauses de sécurité, audits, localisation des données',
    'Processors framed: security clauses, audits, data location',
  ),
  measure(
    'M-TRANSFER-SAFEGUARDS',
    [13, 14, 22],
    [A],
    'LIKELIHOOD',
    'Transferts hors UE encadrés (CCT, analyse d’impact du transfert, mesures supplémentaires)',
    'Transfers outside the EU framed (SCCs, transfer impact assessment, supplementary measures)',
  ),
]);

const BY_ID: ReadonlyMap<string, Measure> = new Map(MEASURE_CATALOGUE.map((m) => [m.id, m]));

/** The catalogue entry; throws RISKS_UNKNOWN_MEASURE naming `member` for an id the catalogue does not have. */
export function measureById(id: unknown, member: string): Measure {
  const found = typeof id === 'string' ? BY_ID.get(id) : undefined;
  if (found) return found;
  const shown = typeof id === 'string' ? `'${id.slice(0, 40)}'` : typeof id;
  throw new RisksError(
    RisksErrorCode.UNKNOWN_MEASURE,
    member,
    `${shown} is not a measure of the catalogue (e.g. M-ENC-REST)`,
  );
}

export function findMeasure(id: string): Measure | undefined {
  return BY_ID.get(id);
}

/** The fiches of the CNIL security guide, 2024 edition, as listed in its table of contents. */
export const CNIL_GUIDE_FICHES: Readonly<Record<number, string>> = Object.freeze({
  1: 'Piloter la sécurité des données',
  2: 'Définir un cadre pour les utilisateurs',
  3: 'Impliquer et former les utilisateurs',
  4: 'Authentifier les utilisateurs',
  5: 'Gérer les habilitations',
  6: 'Sécuriser les postes de travail',
  7: 'Sécuriser l’informatique mobile',
  8: 'Protéger le réseau informatique',
  9: 'Sécuriser les serveurs',
  10: 'Sécuriser les sites web',
  11: 'Encadrer les développements informatiques',
  12: 'Protéger les locaux',
  13: 'Sécuriser les échanges avec l’extérieur',
  14: 'Gérer la sous-traitance',
  15: 'Encadrer la maintenance et la fin de vie des matériels et logiciels',
  16: 'Tracer les opérations',
  17: 'Sauvegarder',
  18: 'Prévoir la continuité et la reprise d’activité',
  19: 'Gérer les incidents et les violations',
  20: 'Analyse de risques',
  21: 'Chiffrement, hachage, signature',
  22: 'Cloud : informatique en nuage',
  23: 'Applications mobiles : conception et développement',
  24: 'Intelligence artificielle : conception et apprentissage',
  25: 'API : interfaces de programmation applicative',
});
