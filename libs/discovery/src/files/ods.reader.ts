import { DiscoveryError, DiscoveryErrorCode } from '../discovery.errors.js';
import type { TypeFamily } from '../discovery.types.js';
import { throwIfAborted } from '../common/options.js';
import { headerNames } from './delimited.reader.js';
import type { FileContext } from './file-context.js';
import { inflate, loadArchive, MAX_OFFICE_XML_BYTES } from './office.reader.js';
import { type BuiltTable, TableBuilder } from './table-builder.js';
import { familyOfText } from './value-inference.js';
import { decodeEntities, scanXml } from './xml-scan.js';

/** Rows and columns of one sheet at most, as in LibreOffice Calc: repeat counts are clipped to them. */
export const ODS_MAX_ROWS = 1_048_576;
export const ODS_MAX_COLUMNS = 16_384;

interface Cell {
  text: string | null;
  family: TypeFamily;
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*"([^"]*)"/g;

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(ATTRIBUTE)) attributes.set(match[1], decodeEntities(match[2]));
  return attributes;
}

function repeatOf(attributes: Map<string, string>, name: string, max: number): number {
  const value = Number(attributes.get(name) ?? '1');
  return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : 1;
}

/** A cell's value from its office:value-type attributes, or its paragraphs' text. */
function cellOf(attributes: Map<string, string>, text: string): Cell {
  const type = attributes.get('office:value-type');
  if (type === 'float' || type === 'percentage' || type === 'currency') {
    const value = Number(attributes.get('office:value'));
    if (Number.isFinite(value)) return { text: String(value), family: Number.isInteger(value) ? 'integer' : 'decimal' };
  }
  if (type === 'boolean') {
    const value = attributes.get('office:boolean-value');
    if (value === 'true' || value === 'false') return { text: value, family: 'boolean' };
  }
  if (type === 'date') {
    const value = attributes.get('office:date-value') ?? '';
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { text: value, family: 'date' };
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return { text: value, family: 'timestamp' };
  }
  const trimmed = text.trim();
  return trimmed ? { text, family: familyOfText(trimmed) } : { text: null, family: 'string' };
}

/**
 * Reads an OpenDocument spreadsheet, one table per sheet: the first non-empty row is the header,
 * the other rows are data; cells beyond the header's width are ignored. Repeated rows and columns
 * (`number-rows-repeated`, `number-columns-repeated`) count as many times as they say, clipped to
 * the size of a sheet; empty ones cost nothing.
 */
export async function readOds(path: string, context: FileContext): Promise<{ sheet: string; table: BuiltTable }[]> {
  const zip = await loadArchive(path, 'ODS spreadsheet');
  const content = zip.files['content.xml'];
  if (!content || content.dir) {
    throw new DiscoveryError(DiscoveryErrorCode.FILE_MALFORMED, 'not an ODS spreadsheet (no content.xml inside)');
  }
  const xml = await inflate(content, MAX_OFFICE_XML_BYTES, 'content.xml');

  const sheets: { sheet: string; table: BuiltTable }[] = [];
  let builder: TableBuilder | undefined;
  let sheet = '';
  let header: number[] | undefined;
  let rowsInSheet = 0;
  let row: Map<number, Cell> | undefined;
  let rowRepeat = 1;
  let column = 0;
  let cell: { attributes: Map<string, string>; repeat: number; text: string[]; covered: boolean } | undefined;
  let paragraphs = 0;
  // Comments on a cell (office:annotation) are not its value: their text is skipped.
  let annotation = 0;

  const endCell = (attributes: Map<string, string>, repeat: number, text: string) => {
    const value = cellOf(attributes, text);
    if (value.text !== null && row) {
      for (let k = 0; k < repeat && column + k < ODS_MAX_COLUMNS; k++) row.set(column + k, value);
    }
    column += repeat;
  };
  const endRow = () => {
    if (!builder || !row) return;
    const cells = row;
    row = undefined;
    if (cells.size === 0) return;
    if (!header) {
      const width = Math.max(...cells.keys()) + 1;
      const names = Array.from({ length: width }, (_, i) => cells.get(i)?.text ?? '');
      header = headerNames(names).map((name) => builder!.field(name));
      rowsInSheet++;
      return;
    }
    const repeat = Math.min(rowRepeat, ODS_MAX_ROWS - rowsInSheet);
    for (let r = 0; r < repeat; r++) {
      builder.beginRow();
      for (const [index, value] of cells)
        if (index < header.length) builder.set(header[index], value.text, value.family);
      builder.endRow();
      rowsInSheet++;
      if (rowsInSheet % 10_000 === 0) throwIfAborted(context.options.signal);
    }
  };

  scanXml(
    xml,
    (text) => {
      if (cell && annotation === 0) cell.text.push(text);
    },
    ({ name, closing, selfClosing, raw }) => {
      if (name === 'table:table') {
        if (closing) {
          if (builder) sheets.push({ sheet, table: builder.finish() });
          builder = undefined;
        } else {
          sheet = attributesOf(raw).get('table:name') || `Sheet${sheets.length + 1}`;
          builder = new TableBuilder(context.options, context.window);
          header = undefined;
          rowsInSheet = 0;
          throwIfAborted(context.options.signal);
        }
      } else if (name === 'table:table-row') {
        if (closing) endRow();
        else {
          row = new Map();
          column = 0;
          rowRepeat = repeatOf(attributesOf(raw), 'table:number-rows-repeated', ODS_MAX_ROWS);
          if (selfClosing) endRow();
        }
      } else if (name === 'table:table-cell' || name === 'table:covered-table-cell') {
        if (closing) {
          if (cell) endCell(cell.attributes, cell.repeat, cell.covered ? '' : cell.text.join(''));
          cell = undefined;
        } else {
          const attributes = attributesOf(raw);
          const repeat = repeatOf(attributes, 'table:number-columns-repeated', ODS_MAX_COLUMNS);
          // A covered cell (under a merged one) holds no value of its own.
          const covered = name === 'table:covered-table-cell';
          const own = covered ? new Map<string, string>() : attributes;
          if (selfClosing) endCell(own, repeat, '');
          else {
            cell = { attributes: own, repeat, text: [], covered };
            paragraphs = 0;
            annotation = 0;
          }
        }
      } else if (name === 'office:annotation') {
        if (!selfClosing) annotation += closing ? -1 : 1;
      } else if (cell && annotation === 0 && !closing) {
        if (name === 'text:p' && paragraphs++ > 0) cell.text.push('\n');
        else if (name === 'text:s') cell.text.push(' ');
        else if (name === 'text:tab') cell.text.push('\t');
        else if (name === 'text:line-break') cell.text.push('\n');
      }
    },
  );
  return sheets;
}
