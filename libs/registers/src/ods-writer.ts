import JSZip from 'jszip';

/*
 * A minimal OpenDocument spreadsheet (ODF 1.2, ISO/IEC 26300) writer: exceljs writes XLSX only
 * (decision 0008). The package is what ODF requires and no more: `mimetype` first, stored
 * uncompressed (readers sniff it at a fixed offset), `META-INF/manifest.xml`, `meta.xml` and
 * `content.xml` with typed cells (strings and floats). Every entry carries one fixed date, so the
 * same sheets give the same bytes.
 */

export type OdsCell = string | number | null;

export interface OdsSheet {
  /** Unique in the document. */
  name: string;
  rows: readonly (readonly OdsCell[])[];
  /** Rows shown in bold (headings), by index. */
  boldRows?: readonly number[];
}

export interface OdsDocument {
  title: string;
  /** YYYY-MM-DD: the documents' only date (creation date and zip entry dates). */
  date: string;
  sheets: readonly OdsSheet[];
}

const MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
].join(' ');

/** XML 1.0 forbids most control characters even escaped: they are dropped. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A paragraph per line; runs of spaces kept (ODF collapses them otherwise). */
function paragraphs(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(
      (line) => `<text:p>${escapeXml(line).replace(/ {2,}/g, (s) => ` <text:s text:c="${s.length - 1}"/>`)}</text:p>`,
    )
    .join('');
}

function cell(value: OdsCell, bold: boolean): string {
  const style = bold ? ' table:style-name="bold"' : '';
  if (value === null || value === '') return `<table:table-cell${style}/>`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('an ODS float cell needs a finite number');
    return `<table:table-cell${style} office:value-type="float" office:value="${value}"><text:p>${value}</text:p></table:table-cell>`;
  }
  // Strings are always string cells: a name like "=SUM(A1)" stays text, never a formula.
  return `<table:table-cell${style} office:value-type="string">${paragraphs(value)}</table:table-cell>`;
}

function table(sheet: OdsSheet): string {
  const bold = new Set(sheet.boldRows ?? []);
  const rows = sheet.rows.map(
    (row, i) =>
      `<table:table-row>${row.length === 0 ? '<table:table-cell/>' : row.map((v) => cell(v, bold.has(i))).join('')}</table:table-row>`,
  );
  return `<table:table table:name="${escapeXml(sheet.name)}">${rows.length ? rows.join('') : '<table:table-row><table:table-cell/></table:table-row>'}</table:table>`;
}

export function odsContentXml(doc: OdsDocument): string {
  const names = new Set<string>();
  for (const sheet of doc.sheets) {
    if (names.has(sheet.name)) throw new Error(`two sheets named '${sheet.name}'`);
    names.add(sheet.name);
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<office:document-content ${NS} office:version="1.2">` +
    `<office:automatic-styles><style:style style:name="bold" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>` +
    `<office:body><office:spreadsheet>${doc.sheets.map(table).join('')}</office:spreadsheet></office:body>` +
    `</office:document-content>`
  );
}

const MANIFEST =
  `<?xml version="1.0" encoding="UTF-8"?>\n` +
  `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">` +
  `<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="${MIMETYPE}"/>` +
  `<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>` +
  `<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>` +
  `</manifest:manifest>`;

function metaXml(doc: OdsDocument): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<office:document-meta ${NS} office:version="1.2"><office:meta>` +
    `<meta:generator>Cartographer</meta:generator><dc:title>${escapeXml(doc.title)}</dc:title>` +
    `<meta:creation-date>${doc.date}T00:00:00</meta:creation-date><dc:date>${doc.date}T00:00:00</dc:date>` +
    `</office:meta></office:document-meta>`
  );
}

/** The .ods bytes: deterministic for the same document. */
export async function writeOds(doc: OdsDocument): Promise<Buffer> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(doc.date)) throw new Error('an ODS document date is YYYY-MM-DD');
  // JSZip writes an entry's DOS time from the Date's UTC fields: midnight UTC of the document date.
  const date = new Date(`${doc.date}T00:00:00Z`);
  const zip = new JSZip();
  zip.file('mimetype', MIMETYPE, { date, compression: 'STORE' });
  zip.file('META-INF/manifest.xml', MANIFEST, { date, createFolders: false });
  zip.file('meta.xml', metaXml(doc), { date });
  zip.file('content.xml', odsContentXml(doc), { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
