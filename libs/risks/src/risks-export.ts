import ExcelJS from 'exceljs';
import { findMeasure } from './catalogue.js';
import { FEARED_EVENT_TABLE } from './privacy-rules.js';
import type { RiskRegister } from './risk-model.js';

const HEAD = {
  fr: [
    'Risque',
    'Type',
    'Famille',
    'Traitement',
    'Événement redouté',
    'Intitulé',
    'Actifs',
    'Gravité initiale',
    'Gravité actuelle',
    'Gravité résiduelle',
    'Vraisemblance initiale',
    'Vraisemblance actuelle',
    'Vraisemblance résiduelle',
    'Zone résiduelle',
    'Mesures en place',
    'Mesures prévues',
    'Décision du DPO',
    'Acceptation',
    'Impacts sur les personnes',
    'Menaces',
    'Sources de risques',
  ],
  en: [
    'Risk',
    'Kind',
    'Family',
    'Activity',
    'Feared event',
    'Title',
    'Assets',
    'Inherent severity',
    'Current severity',
    'Residual severity',
    'Inherent likelihood',
    'Current likelihood',
    'Residual likelihood',
    'Residual zone',
    'Measures in place',
    'Planned measures',
    'DPO decision',
    'Acceptance',
    'Impacts on data subjects',
    'Threats',
    'Risk sources',
  ],
};
const FAMILY = {
  fr: {
    IMAGE: 'Image',
    TECHNICAL: 'Technique',
    HARDWARE: 'Matériel',
    AWARENESS: 'Sensibilisation',
    FAILURE: 'Pannes et défaillances',
    BACKUP: 'Sauvegarde',
  },
  en: {
    IMAGE: 'Image',
    TECHNICAL: 'Technical',
    HARDWARE: 'Hardware',
    AWARENESS: 'Awareness',
    FAILURE: 'Crashes and failures',
    BACKUP: 'Backup',
  },
};
const ZONE: Record<'fr' | 'en', Record<string, string>> = {
  fr: { UNACCEPTABLE: 'Inacceptable', TO_REDUCE: 'À réduire', ACCEPTABLE: 'Acceptable' },
  en: { UNACCEPTABLE: 'Unacceptable', TO_REDUCE: 'To reduce', ACCEPTABLE: 'Acceptable' },
};
const SOURCES = {
  fr: { INTERNAL_HUMAN: 'humaine interne', EXTERNAL_HUMAN: 'humaine externe', NON_HUMAN: 'non humaine' },
  en: { INTERNAL_HUMAN: 'internal human', EXTERNAL_HUMAN: 'external human', NON_HUMAN: 'non-human' },
};
const KIND = {
  fr: { PRIVACY: 'Vie privée', ORGANISATIONAL: 'Organisationnel' },
  en: { PRIVACY: 'Privacy', ORGANISATIONAL: 'Organisational' },
};

/** The register as rows of text, one per risk, in the chosen language (zones of another matrix shown by id); shared by CSV and XLSX. */
export function riskRows(register: RiskRegister, lang: 'fr' | 'en' = 'fr'): string[][] {
  const measures = (ids: string[]) => ids.map((id) => `${id} ${findMeasure(id)?.[lang] ?? ''}`.trim()).join('; ');
  return [
    HEAD[lang],
    ...register.risks.map((r) => [
      r.key,
      KIND[lang][r.kind],
      r.family ? FAMILY[lang][r.family] : '',
      r.activity ?? '',
      r.fearedEvent ? FEARED_EVENT_TABLE[r.fearedEvent].title[lang] : '',
      r.title[lang],
      r.assets.join('; '),
      String(r.severity.inherent),
      String(r.severity.current),
      String(r.severity.residual),
      String(r.likelihood.inherent),
      String(r.likelihood.current),
      String(r.likelihood.residual),
      ZONE[lang][r.zone.residual] ?? r.zone.residual,
      measures(r.measures.inPlace),
      measures(r.measures.planned),
      r.decisions.map((d) => `${d.dimension}/${d.state} ${d.suggested}→${d.decided}: ${d.justification}`).join('; '),
      r.acceptance
        ? (r.acceptance.justification ??
          (lang === 'fr' ? 'acceptée sans justification' : 'accepted without justification'))
        : '',
      r.impacts.map((x) => x[lang]).join('; '),
      r.threats.map((x) => x[lang]).join('; '),
      r.riskSources.map((x) => SOURCES[lang][x]).join('; '),
    ]),
  ];
}

function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function field(value: string): string {
  const v = neutralise(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** RFC 4180 CSV: comma, CRLF, header line, quoted when needed; formula-looking values prefixed with an apostrophe. */
export function risksCsv(register: RiskRegister, lang: 'fr' | 'en' = 'fr'): string {
  return riskRows(register, lang)
    .map((row) => `${row.map(field).join(',')}\r\n`)
    .join('');
}

/** XLSX (exceljs): one "Risques" sheet of strings (never formulas); properties stamped with the as-of date. */
export async function risksXlsx(register: RiskRegister, lang: 'fr' | 'en' = 'fr'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const stamp = new Date(`${register.asOf}T00:00:00Z`);
  book.creator = 'Cartographer';
  book.lastModifiedBy = 'Cartographer';
  book.created = stamp;
  book.modified = stamp;
  const sheet = book.addWorksheet(lang === 'fr' ? 'Risques' : 'Risks');
  const rows = riskRows(register, lang);
  sheet.addRow(rows[0]).font = { bold: true };
  for (const row of rows.slice(1)) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}
