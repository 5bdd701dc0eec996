import type { RegisterRow, RegisterWorkbook } from '@cartographer/compliance';
import { type OdsCell, type OdsSheet, writeOds } from './ods-writer.js';

/** Same headings and layout as the XLSX export of libs/compliance (register-xlsx.ts). */
const HEADINGS = {
  fr: {
    row: ['Rubrique', 'Élément', 'Valeur', 'Origine', 'Chemin dans le graphe'],
    sheet: 'Registre',
    list: 'Activités de l’organisme impliquant le traitement de données personnelles',
    columns: ['N°', 'Activité', 'Complétude (%)', 'Registre'],
  },
  en: {
    row: ['Section', 'Item', 'Value', 'Evidence', 'Graph path'],
    sheet: 'Record',
    list: 'Processing activities',
    columns: ['No.', 'Activity', 'Completeness (%)', 'Record'],
  },
};

const cells = (r: RegisterRow): OdsCell[] => [r.section, r.item, r.value, r.evidence, r.path];

/**
 * The register as an OpenDocument spreadsheet: a "Registre" sheet (title, header page, list of
 * activities with their completeness as numbers) and one sheet per fiche, as in the XLSX export.
 */
export function registerOdsSheets(workbook: RegisterWorkbook): OdsSheet[] {
  const h = HEADINGS[workbook.lang];
  const main: OdsCell[][] = [[workbook.title], [], h.row, ...workbook.header.map(cells), [], [h.list], h.columns];
  const headRow = 2;
  const listRows = [2 + workbook.header.length + 2, 2 + workbook.header.length + 3];
  workbook.activities.forEach((a, i) => main.push([i + 1, a.name, a.completeness, a.sheetName]));
  return [
    { name: h.sheet, rows: main, boldRows: [0, headRow, ...listRows] },
    ...workbook.sheets.map((sheet) => ({
      name: sheet.sheetName,
      rows: [h.row, ...sheet.rows.map(cells)],
      boldRows: [0],
    })),
  ];
}

export function registerOds(workbook: RegisterWorkbook): Promise<Buffer> {
  return writeOds({ title: workbook.title, date: workbook.asOf, sheets: registerOdsSheets(workbook) });
}
