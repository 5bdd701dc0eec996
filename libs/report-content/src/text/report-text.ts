import { createHash } from 'node:crypto';
import { CATEGORY_LABELS } from '@cartographer/compliance';
import type { Evidence, EvidenceList, ReportLanguage, Run, TableCell, TextRun } from '@cartographer/reports';

/*
 * Small helpers shared by the report builders: bilingual words, runs, cells and evidence.
 * Builders write plain strings; the engine formats numbers and French typography.
 */

export interface Bi {
  fr: string;
  en: string;
}

export type Pick = (text: Bi) => string;

export function picker(language: ReportLanguage): Pick {
  return (text) => text[language];
}

export const t = (text: string, style?: TextRun['style']): TextRun => (style ? { text, style } : { text });
export const v = (value: number, options: { unit?: string; decimals?: number; strong?: boolean } = {}): Run => ({
  value,
  ...(options.unit ? { unit: options.unit } : {}),
  ...(options.decimals !== undefined ? { decimals: options.decimals } : {}),
  ...(options.strong ? { style: 'strong' as const } : {}),
});

export const ev = (first: Evidence, ...rest: Evidence[]): EvidenceList => [first, ...rest];

/** Evidence lists deduplicated by (kind, ref), first seen first. */
export function evidenceOf(items: readonly Evidence[]): EvidenceList | null {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of items) {
    const id = `${e.kind}\u0000${e.ref}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(e);
  }
  return out.length > 0 ? (out as unknown as EvidenceList) : null;
}

export const text = (value: string, evidence?: EvidenceList | null, style?: TextRun['style']): TableCell => ({
  text: value,
  ...(style ? { style } : {}),
  ...(evidence ? { evidence } : {}),
});
export const numberCell = (
  value: number,
  evidence: EvidenceList,
  options: { unit?: string; decimals?: number } = {},
): TableCell => ({
  value,
  evidence,
  ...(options.unit ? { unit: options.unit } : {}),
  ...(options.decimals !== undefined ? { decimals: options.decimals } : {}),
});
export const empty: TableCell = { empty: true };

export function categoryName(code: string | null, pick: Pick): string {
  if (!code) return '—';
  const label = CATEGORY_LABELS[code];
  return label ? pick(label) : code;
}

export const TREATMENT_LABELS: Readonly<Record<string, Bi>> = {
  DELETE: { fr: 'Supprimer', en: 'Delete' },
  PSEUDONYMISE: { fr: 'Pseudonymiser', en: 'Pseudonymise' },
  GENERALISE: { fr: 'Généraliser', en: 'Generalise' },
  AGGREGATE: { fr: 'Agréger', en: 'Aggregate' },
  ENCRYPT: { fr: 'Chiffrer', en: 'Encrypt' },
  KEEP: { fr: 'Conserver', en: 'Keep' },
};

/*
 * The classifier's reasons are written in English (libs/classification treatments.ts). The French
 * report explains the treatment itself, with the field's category: the same rule, in French.
 */
const TREATMENT_REASON_FR: Readonly<Record<string, string>> = {
  DELETE: 'inutile hors de la production ou trop risquée : la supprimer des copies et des exports',
  PSEUDONYMISE:
    'identifiant : le remplacer par une empreinte à clé (HMAC-SHA-256) ou un jeton, ou le supprimer s’il est inutile',
  GENERALISE: 'quasi-identifiant : réduire sa précision (date → année, code postal → département, âge → tranche)',
  AGGREGATE: 'ne publier que des statistiques par groupe, petites cellules masquées, jamais ligne à ligne',
  ENCRYPT: 'nécessaire à l’activité : la chiffrer au repos, accès aux clés restreint',
  KEEP: 'aucun traitement nécessaire pour la colonne elle-même',
};

export function treatmentName(code: string | null, pick: Pick): string {
  if (!code) return '—';
  return TREATMENT_LABELS[code] ? pick(TREATMENT_LABELS[code]) : code;
}

/** The reason shown for a treatment: the classifier's in English, the rule in French. */
export function treatmentReason(
  treatment: string | null,
  reason: string | null,
  category: string | null,
  language: ReportLanguage,
): string {
  if (language === 'en') return reason ?? '—';
  if (!treatment) return '—';
  const rule = TREATMENT_REASON_FR[treatment] ?? '—';
  const label = category ? CATEGORY_LABELS[category]?.fr : undefined;
  return label
    ? `${label.charAt(0).toUpperCase()}${label.slice(1)} : ${rule}.`
    : `${rule.charAt(0).toUpperCase()}${rule.slice(1)}.`;
}

export const TIER_LABELS: Readonly<Record<string, Bi>> = {
  DIRECT_IDENTIFIER: { fr: 'identifiant direct', en: 'direct identifier' },
  QUASI_IDENTIFIER: { fr: 'quasi-identifiant', en: 'quasi-identifier' },
  LINKED_ATTRIBUTE: { fr: 'attribut lié', en: 'linked attribute' },
  NONE: { fr: 'aucun', en: 'none' },
};

export const STATUS_LABELS: Readonly<Record<string, Bi>> = {
  PENDING: { fr: 'à revoir', en: 'to review' },
  CONFIRMED: { fr: 'confirmé', en: 'confirmed' },
  REJECTED: { fr: 'rejeté', en: 'rejected' },
};

export const ORIGIN_LABELS: Readonly<Record<string, Bi>> = {
  SCAN: { fr: 'analyse', en: 'scan' },
  DECLARED: { fr: 'déclaration', en: 'declaration' },
  PROPAGATED: { fr: 'propagation', en: 'propagation' },
};

export const ACCESS_LABELS: Readonly<Record<string, Bi>> = {
  SQL: { fr: 'SQL', en: 'SQL' },
  REST_API: { fr: 'API REST', en: 'REST API' },
  GRAPHQL_API: { fr: 'API GraphQL', en: 'GraphQL API' },
  SFTP: { fr: 'SFTP', en: 'SFTP' },
  FILE_SYSTEM: { fr: 'fichiers', en: 'files' },
  EXPORT: { fr: 'export', en: 'export' },
  MANUAL: { fr: 'manuel', en: 'manual' },
  STREAMING: { fr: 'flux continu', en: 'streaming' },
  WEB_UI: { fr: 'interface web', en: 'web interface' },
  OTHER: { fr: 'autre', en: 'other' },
};

export const DATASET_KIND_LABELS: Readonly<Record<string, Bi>> = {
  TABLE: { fr: 'table', en: 'table' },
  VIEW: { fr: 'vue', en: 'view' },
  MATERIALIZED_VIEW: { fr: 'vue matérialisée', en: 'materialised view' },
  COLLECTION: { fr: 'collection', en: 'collection' },
  FILE: { fr: 'fichier', en: 'file' },
  DOCUMENT: { fr: 'document', en: 'document' },
  SHEET: { fr: 'feuille', en: 'sheet' },
  ENDPOINT: { fr: 'point d’API', en: 'API endpoint' },
  OTHER: { fr: 'autre', en: 'other' },
};

export const RECIPIENT_ROLE_LABELS: Readonly<Record<string, Bi>> = {
  PROCESSOR: { fr: 'sous-traitant', en: 'processor' },
  SUB_PROCESSOR: { fr: 'sous-traitant ultérieur', en: 'sub-processor' },
  JOINT_CONTROLLER: { fr: 'responsable conjoint', en: 'joint controller' },
  CONTROLLER: { fr: 'responsable distinct', en: 'separate controller' },
  PUBLIC_AUTHORITY: { fr: 'autorité publique', en: 'public authority' },
  INTERNAL: { fr: 'service interne', en: 'internal service' },
};

export const DETECTOR_SOURCE_LABELS: Readonly<Record<string, Bi>> = {
  name: { fr: 'nom du champ', en: 'field name' },
  comment: { fr: 'description', en: 'description' },
  values: { fr: 'valeurs échantillonnées', en: 'sampled values' },
  vocabulary: { fr: 'vocabulaire', en: 'vocabulary' },
};

/** `1 transfert` / `3 transferts`: the word after a count. */
export function plural(count: number, one: Bi, many: Bi, pick: Pick): string {
  return pick(count === 1 ? one : many);
}

export const STRUCTURE_LABELS: Readonly<Record<string, Bi>> = {
  STRUCTURED: { fr: 'structurée', en: 'structured' },
  SEMI_STRUCTURED: { fr: 'semi-structurée', en: 'semi-structured' },
  UNSTRUCTURED: { fr: 'non structurée', en: 'unstructured' },
  MIXED: { fr: 'mixte', en: 'mixed' },
};

export const TRANSFER_STATUS_LABELS: Readonly<Record<string, Bi>> = {
  COVERED: { fr: 'encadré', en: 'covered' },
  TO_VERIFY: { fr: 'à vérifier', en: 'to verify' },
  MISSING_SAFEGUARD: { fr: 'sans garantie', en: 'no safeguard' },
};

export const DPIA_RESULT_LABELS: Readonly<Record<string, Bi>> = {
  REQUIRED: { fr: 'AIPD obligatoire', en: 'DPIA required' },
  RECOMMENDED: { fr: 'AIPD recommandée', en: 'DPIA recommended' },
  NOT_REQUIRED: { fr: 'AIPD non requise', en: 'DPIA not required' },
  UNKNOWN: { fr: 'à compléter', en: 'to complete' },
};

export const JURISDICTION_NAMES: Readonly<Record<string, Bi>> = {
  EU: { fr: 'Union européenne', en: 'European Union' },
  EEA: { fr: 'EEE hors UE', en: 'EEA outside the EU' },
  ADEQUACY: { fr: 'Pays adéquats', en: 'Adequate countries' },
  THIRD_COUNTRY: { fr: 'Pays tiers', en: 'Third countries' },
};

export const HOSTING_LABELS: Readonly<Record<string, Bi>> = {
  ON_PREMISES: { fr: 'sur site', en: 'on premises' },
  CLOUD: { fr: 'cloud', en: 'cloud' },
  SAAS: { fr: 'SaaS', en: 'SaaS' },
};

export function label(map: Readonly<Record<string, Bi>>, code: string | null | undefined, pick: Pick): string {
  if (!code) return '—';
  return map[code] ? pick(map[code]) : code;
}

/** Accent- and case-insensitive ordering, then the raw strings: the same for every locale and machine. */
export function byName(a: string, b: string): number {
  const fa = fold(a);
  const fb = fold(b);
  return fa < fb ? -1 : fa > fb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

export function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Percent with two decimals, exactly as the compliance rules round. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10000) / 100;
}

/**
 * A key the engine accepts (letters, digits, `. _ : / -`, at most 200) from any stable id: other
 * characters become `-`, and a changed or over-long id gets a short digest of the original so two
 * ids never meet on one key.
 */
export function safeKey(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9._:/-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  if (cleaned === id && id.length <= 200 && id.length > 0) return id;
  return `${cleaned.slice(0, 180) || 'k'}.${createHash('sha256').update(id).digest('hex').slice(0, 12)}`;
}
