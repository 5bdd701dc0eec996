import type { EvidenceKind, ReportLanguage } from '../model/report-model.js';

/** The words the engine itself prints (content builders bring their own, in the model). */
export interface EngineStrings {
  contents: string;
  table: string;
  figure: string;
  page: string;
  organisation: string;
  department: string;
  asOf: string;
  contentHash: string;
  hashNote: string;
  evidenceAnnex: string;
  evidenceIntro: string;
  evidenceColumns: { id: string; kind: string; label: string; ref: string; usedIn: string };
  evidenceKinds: Record<EvidenceKind, string>;
  callout: { warning: string; info: string };
  empty: string;
  evidenceMarker: string;
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';

export const ENGINE_STRINGS: Readonly<Record<ReportLanguage, EngineStrings>> = {
  fr: {
    contents: 'Table des matières',
    table: 'Tableau',
    figure: 'Figure',
    page: 'Page',
    organisation: 'Organisation',
    department: 'Département',
    asOf: 'Situation au',
    contentHash: 'Empreinte SHA-256 du modèle',
    hashNote:
      'Cette empreinte identifie le contenu du rapport ; « carto report verify » la recalcule à partir du fichier.',
    evidenceAnnex: 'Annexe — Sources et preuves',
    evidenceIntro:
      'Chaque énoncé chiffré renvoie à ses sources (E1, E2…) : fait de l’inventaire, analyse, déclaration, table juridique datée ou calcul.',
    evidenceColumns: { id: 'Réf.', kind: 'Nature', label: 'Source', ref: 'Identifiant', usedIn: 'Utilisée en' },
    evidenceKinds: {
      FACT: 'Fait de l’inventaire',
      SCAN: 'Analyse',
      DECLARATION: 'Déclaration',
      LEGAL_TABLE: 'Table juridique',
      COMPUTED: 'Calcul',
    },
    callout: { warning: 'Attention', info: 'À noter' },
    empty: '—',
    evidenceMarker: 'Sources',
  },
  en: {
    contents: 'Contents',
    table: 'Table',
    figure: 'Figure',
    page: 'Page',
    organisation: 'Organisation',
    department: 'Department',
    asOf: 'As of',
    contentHash: 'SHA-256 of the model',
    hashNote: 'This fingerprint identifies the report content; “carto report verify” recomputes it from the file.',
    evidenceAnnex: 'Annex — Sources and evidence',
    evidenceIntro:
      'Every figure refers to its sources (E1, E2…): an inventory fact, a scan, a declaration, a dated legal table or a computation.',
    evidenceColumns: { id: 'Ref.', kind: 'Kind', label: 'Source', ref: 'Identifier', usedIn: 'Used in' },
    evidenceKinds: {
      FACT: 'Inventory fact',
      SCAN: 'Scan',
      DECLARATION: 'Declaration',
      LEGAL_TABLE: 'Legal table',
      COMPUTED: 'Computation',
    },
    callout: { warning: 'Warning', info: 'Note' },
    empty: '—',
    evidenceMarker: 'Sources',
  },
};

const MONTHS: Readonly<Record<ReportLanguage, readonly string[]>> = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** `2026-11-30` → `30 novembre 2026` / `30 November 2026` (no clock, no ICU). */
export function formatDate(isoDate: string, language: ReportLanguage): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const dayText = language === 'fr' && day === 1 ? '1er' : String(day);
  return `${dayText}${NBSP}${MONTHS[language][month - 1]}${NBSP}${year}`;
}

/**
 * Numbers written by hand rather than by `Intl`, so the output does not depend on the ICU data of
 * the Node build: French `1 234,5` (narrow no-break space, decimal comma), English `1,234.5`.
 */
export function formatNumber(value: number, language: ReportLanguage, decimals?: number): string {
  let text = decimals === undefined ? String(value) : value.toFixed(decimals);
  if (/e/i.test(text)) {
    // Exponent notation: huge values as integers, tiny ones to the decimals asked (6 by default).
    text =
      Math.abs(value) >= 1
        ? `${BigInt(Math.trunc(value))}${decimals ? `.${'0'.repeat(decimals)}` : ''}`
        : decimals === undefined
          ? value.toFixed(6).replace(/\.?0+$/, '')
          : value.toFixed(decimals);
  }
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  const [integer, fraction] = text.split('.');
  const group = language === 'fr' ? NNBSP : ',';
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const decimalMark = language === 'fr' ? ',' : '.';
  return `${negative ? '\u2212' : ''}${grouped}${fraction === undefined ? '' : decimalMark + fraction}`;
}

/** A number with its unit: `12 %`, `3,5 Go` (French) / `12%`, `3.5 GB`. */
export function formatQuantity(value: number, language: ReportLanguage, unit?: string, decimals?: number): string {
  const number = formatNumber(value, language, decimals);
  if (!unit) return number;
  if (unit === '%') return language === 'fr' ? `${number}${NNBSP}%` : `${number}%`;
  return `${number}${NBSP}${unit}`;
}

/**
 * French typography of prose, applied identically by the HTML and PDF renderers (the model keeps
 * the text as written): typographic apostrophe, straight double quotes as « » with no-break
 * spaces, a narrow no-break space before ; ! ? and a no-break space before : (replacing a plain
 * space, or added after a word when the mark ends a phrase — so `10:30` and URLs are left alone).
 * English gets the apostrophe and “ ” only.
 */
export function typeset(text: string, language: ReportLanguage): string {
  let out = text.replace(/(\p{L})'(?=\p{L})/gu, '$1\u2019');
  // A straight quote opens after a space, an opening bracket or at the start; it closes otherwise.
  out = out.replace(/"/g, (_quote, offset: number, whole: string) => {
    const open = offset === 0 || /[\s([{\u00a0\u202f«\u201c]/.test(whole[offset - 1]);
    return language === 'fr' ? (open ? '«' : '»') : open ? '\u201c' : '\u201d';
  });
  if (language !== 'fr') return out;
  out = out
    .replace(/«[ \u00a0\u202f]?/g, `«${NBSP}`)
    .replace(/[ \u00a0\u202f]?»/g, `${NBSP}»`)
    .replace(/ ([;!?])/g, `${NNBSP}$1`)
    .replace(/ :/g, `${NBSP}:`)
    .replace(/([\p{L}\p{N})»])([;!?])(?=\s|$)/gu, `$1${NNBSP}$2`)
    .replace(/([\p{L})»])(:)(?=\s|$)/gu, `$1${NBSP}$2`);
  return out;
}
