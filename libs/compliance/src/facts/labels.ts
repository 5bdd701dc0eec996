import type { DerogationGround } from './compliance-facts.js';

/** A text in French and English. */
export interface Label {
  fr: string;
  en: string;
}

/** Every taxonomy category, as a DPO names it (lower case, to sit inside a sentence). */
export const CATEGORY_LABELS: Readonly<Record<string, Label>> = {
  IDENTITY: { fr: 'identité', en: 'identity' },
  CONTACT: { fr: 'coordonnées', en: 'contact details' },
  LOCATION: { fr: 'localisation', en: 'location' },
  NATIONAL_ID: { fr: 'numéro d’identification national (NIR, passeport…)', en: 'national identification number' },
  INTERNAL_ID: { fr: 'identifiant interne', en: 'internal identifier' },
  FINANCIAL: { fr: 'données financières', en: 'financial data' },
  ONLINE_ID: { fr: 'identifiant en ligne (adresse IP, cookie…)', en: 'online identifier' },
  CREDENTIAL: { fr: 'authentifiant', en: 'credential' },
  BIRTH_DATE: { fr: 'date de naissance', en: 'date of birth' },
  DEMOGRAPHIC: { fr: 'donnée démographique', en: 'demographic attribute' },
  VEHICLE: { fr: 'identifiant de véhicule', en: 'vehicle identifier' },
  HEALTH: { fr: 'données de santé', en: 'health data' },
  GENETIC: { fr: 'données génétiques', en: 'genetic data' },
  BIOMETRIC: { fr: 'données biométriques', en: 'biometric data' },
  RACIAL_ETHNIC_ORIGIN: { fr: 'origine raciale ou ethnique', en: 'racial or ethnic origin' },
  POLITICAL_OPINION: { fr: 'opinions politiques', en: 'political opinions' },
  RELIGIOUS_BELIEF: { fr: 'convictions religieuses ou philosophiques', en: 'religious or philosophical beliefs' },
  TRADE_UNION: { fr: 'appartenance syndicale', en: 'trade-union membership' },
  SEX_LIFE_ORIENTATION: { fr: 'vie sexuelle ou orientation sexuelle', en: 'sex life or sexual orientation' },
  CRIMINAL_OFFENCE: { fr: 'condamnations pénales et infractions', en: 'criminal convictions and offences' },
};

/** GDPR Art. 49(1) grounds. */
export const DEROGATION_LABELS: Readonly<Record<DerogationGround, Label>> = {
  EXPLICIT_CONSENT: { fr: 'consentement explicite, art. 49.1.a', en: 'explicit consent, Art. 49(1)(a)' },
  CONTRACT_WITH_SUBJECT: {
    fr: 'exécution d’un contrat avec la personne, art. 49.1.b',
    en: 'contract with the data subject, Art. 49(1)(b)',
  },
  CONTRACT_IN_SUBJECT_INTEREST: {
    fr: 'contrat conclu dans l’intérêt de la personne, art. 49.1.c',
    en: 'contract in the data subject’s interest, Art. 49(1)(c)',
  },
  PUBLIC_INTEREST: {
    fr: 'motifs importants d’intérêt public, art. 49.1.d',
    en: 'important reasons of public interest, Art. 49(1)(d)',
  },
  LEGAL_CLAIMS: { fr: 'droits en justice, art. 49.1.e', en: 'legal claims, Art. 49(1)(e)' },
  VITAL_INTERESTS: { fr: 'intérêts vitaux, art. 49.1.f', en: 'vital interests, Art. 49(1)(f)' },
  PUBLIC_REGISTER: { fr: 'registre public, art. 49.1.g', en: 'public register, Art. 49(1)(g)' },
  COMPELLING_LEGITIMATE_INTERESTS: {
    fr: 'intérêts légitimes impérieux, art. 49.1, second alinéa',
    en: 'compelling legitimate interests, Art. 49(1) second subparagraph',
  },
};

/** The label of a category code in a language, or the code itself when unknown. */
export function categoryLabel(code: string, lang: 'fr' | 'en'): string {
  return CATEGORY_LABELS[code]?.[lang] ?? code;
}

/** Labels of codes, joined for a sentence. */
export function categoryList(codes: readonly string[], lang: 'fr' | 'en'): string {
  return codes.map((c) => categoryLabel(c, lang)).join(', ');
}

export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
