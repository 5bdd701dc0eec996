import type { RegisterWorkbook } from './cnil-register.js';

const HEADINGS = {
  fr: ['Activité', 'Feuille', 'Rubrique', 'Élément', 'Valeur', 'Origine', 'Chemin dans le graphe'],
  en: ['Activity', 'Sheet', 'Section', 'Item', 'Value', 'Evidence', 'Graph path'],
};

/**
 * A spreadsheet opens a cell starting with = + - @ (or a tab or carriage return) as a formula: an
 * inventory name like "=HYPERLINK(…)" would run. Such cells are prefixed with an apostrophe
 * (OWASP "CSV injection"), which spreadsheets hide.
 */
function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: fields with a comma, a double quote, CR or LF are quoted, quotes doubled. */
function field(value: string): string {
  const safe = neutralise(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The register as one RFC 4180 CSV (comma separator, CRLF line ends, a header line, seven fields on
 * every line): the header page first (activity empty), then each fiche's rows.
 */
export function registerCsv(workbook: RegisterWorkbook): string {
  const lines: string[][] = [HEADINGS[workbook.lang]];
  for (const r of workbook.header) lines.push(['', '', r.section, r.item, r.value, r.evidence, r.path]);
  for (const sheet of workbook.sheets)
    for (const r of sheet.rows)
      lines.push([sheet.key, sheet.sheetName, r.section, r.item, r.value, r.evidence, r.path]);
  return lines.map((l) => l.map(field).join(',')).join('\r\n') + '\r\n';
}
