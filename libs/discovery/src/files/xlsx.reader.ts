import ExcelJS from 'exceljs';
import { DiscoveryError, DiscoveryErrorCode } from '../discovery.errors.js';
import type { TypeFamily } from '../discovery.types.js';
import { throwIfAborted } from '../common/options.js';
import { headerNames } from './delimited.reader.js';
import type { FileContext } from './file-context.js';
import { type BuiltTable, TableBuilder } from './table-builder.js';
import { familyOfText } from './value-inference.js';

/** A cell as text and family: native numbers, booleans and dates keep their type. */
function cellOf(value: ExcelJS.CellValue): { text: string | null; family: TypeFamily } {
  if (value === null || value === undefined) return { text: null, family: 'string' };
  if (typeof value === 'number')
    return { text: String(value), family: Number.isInteger(value) ? 'integer' : 'decimal' };
  if (typeof value === 'boolean') return { text: String(value), family: 'boolean' };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { text: null, family: 'string' };
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z')
      ? { text: iso.slice(0, 10), family: 'date' }
      : { text: iso, family: 'timestamp' };
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed ? { text: value, family: familyOfText(trimmed) } : { text: null, family: 'string' };
  }
  if ('richText' in value) return cellOf(value.richText.map((part) => part.text).join(''));
  if ('hyperlink' in value) return cellOf(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellOf((value.result ?? null) as ExcelJS.CellValue);
  // Error cells (#N/A, #DIV/0!) hold no value.
  return { text: null, family: 'string' };
}

/**
 * Streams a workbook, one table per sheet: the first non-empty row is the header, the other rows
 * are data. Cells beyond the header's width are ignored.
 */
export async function readXlsx(path: string, context: FileContext): Promise<{ sheet: string; table: BuiltTable }[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell dates from plain numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets: { sheet: string; table: BuiltTable }[] = [];
  try {
    for await (const worksheet of reader) {
      const sheet = (worksheet as unknown as { name?: string; id?: number }).name ?? `Sheet${sheets.length + 1}`;
      const builder = new TableBuilder(context.options, context.window);
      let header: number[] | undefined;
      for await (const row of worksheet) {
        // row.values is 1-based and sparse.
        const values = row.values as ExcelJS.CellValue[];
        if (!header) {
          const names = Array.from(
            { length: Math.max(0, values.length - 1) },
            (_, i) => cellOf(values[i + 1]).text ?? '',
          );
          if (names.every((name) => !name.trim())) continue;
          header = headerNames(names).map((name) => builder.field(name));
          continue;
        }
        const cells = header.map((_, i) => cellOf(values[i + 1]));
        if (cells.every((cell) => cell.text === null)) continue;
        builder.beginRow();
        cells.forEach((cell, i) => builder.set(header![i], cell.text, cell.family));
        builder.endRow();
        if (builder.rowCountSoFar % 10_000 === 0) throwIfAborted(context.options.signal);
      }
      sheets.push({ sheet, table: builder.finish() });
    }
  } catch (error) {
    if (error instanceof DiscoveryError) throw error;
    throw new DiscoveryError(DiscoveryErrorCode.FILE_MALFORMED, 'not a readable XLSX workbook (corrupt or not a ZIP)');
  }
  return sheets;
}
