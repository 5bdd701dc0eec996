import ExcelJS from 'exceljs';
import { asOfInstant } from '../facts/as-of.js';
import type { RegisterRow, RegisterWorkbook } from './cnil-register.js';

const HEADINGS = {
  fr: {
    section: 'Rubrique',
    item: 'Élément',
    value: 'Valeur',
    evidence: 'Origine',
    path: 'Chemin dans le graphe',
    sheet: 'Registre',
    number: 'N°',
    activity: 'Activité',
    completeness: 'Complétude (%)',
    list: 'Activités de l’organisme impliquant le traitement de données personnelles',
  },
  en: {
    section: 'Section',
    item: 'Item',
    value: 'Value',
    evidence: 'Evidence',
    path: 'Graph path',
    sheet: 'Record',
    number: 'No.',
    activity: 'Activity',
    completeness: 'Completeness (%)',
    list: 'Processing activities',
  },
};

function addRows(sheet: ExcelJS.Worksheet, rows: readonly RegisterRow[], lang: 'fr' | 'en'): void {
  const h = HEADINGS[lang];
  const head = sheet.addRow([h.section, h.item, h.value, h.evidence, h.path]);
  head.font = { bold: true };
  // Values are written as strings: a name like "=SUM(A1)" stays text, never a formula.
  for (const r of rows) sheet.addRow([r.section, r.item, r.value, r.evidence, r.path]);
  sheet.columns = [{ width: 34 }, { width: 48 }, { width: 80 }, { width: 20 }, { width: 60 }];
  sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
}

/**
 * The register as an XLSX workbook a DPO opens in Excel or LibreOffice: a "Registre" sheet (header
 * page and list of activities) and one sheet per fiche. Document properties are stamped with the
 * as-of date, not the clock.
 */
export async function registerXlsx(workbook: RegisterWorkbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const stamp = asOfInstant(workbook.asOf);
  book.creator = 'Cartographer';
  book.lastModifiedBy = 'Cartographer';
  book.created = stamp;
  book.modified = stamp;
  book.title = workbook.title;
  const h = HEADINGS[workbook.lang];
  const main = book.addWorksheet(h.sheet);
  const title = main.addRow([workbook.title]);
  title.font = { bold: true, size: 14 };
  main.addRow([]);
  addRows(main, workbook.header, workbook.lang);
  main.addRow([]);
  main.addRow([h.list]).font = { bold: true };
  main.addRow([h.number, h.activity, h.completeness, h.sheet]).font = { bold: true };
  workbook.activities.forEach((a, i) => main.addRow([i + 1, a.name, a.completeness, a.sheetName]));
  for (const sheet of workbook.sheets) addRows(book.addWorksheet(sheet.sheetName), sheet.rows, workbook.lang);
  return Buffer.from(await book.xlsx.writeBuffer());
}
