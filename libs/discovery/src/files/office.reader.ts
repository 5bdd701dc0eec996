import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { DiscoveryError, DiscoveryErrorCode } from '../discovery.errors.js';
import type { FileFormat } from '../discovery.types.js';
import { throwIfAborted } from '../common/options.js';
import { truncate } from '../common/sample.js';
import type { ReadDocument } from './document.reader.js';
import type { FileContext } from './file-context.js';
import { scanXml } from './xml-scan.js';

export type OfficeFormat = Extract<FileFormat, 'docx' | 'pptx' | 'odt' | 'odp'>;

/**
 * The XML parts that hold a document's text, in reading order: the body first, then what people
 * also write in (headers, footers, notes, comments). The first pattern must match (it is the body).
 */
const PARTS: Record<OfficeFormat, { label: string; article: string; body: RegExp; others: RegExp[] }> = {
  docx: {
    label: 'DOCX document',
    article: 'a',
    body: /^word\/document\.xml$/,
    others: [/^word\/(header|footer)\d*\.xml$/, /^word\/(footnotes|endnotes|comments)\.xml$/],
  },
  pptx: {
    label: 'PPTX presentation',
    article: 'a',
    body: /^ppt\/slides\/slide\d+\.xml$/,
    others: [/^ppt\/notesSlides\/notesSlide\d+\.xml$/, /^ppt\/comments\/[^/]+\.xml$/],
  },
  odt: { label: 'ODT document', article: 'an', body: /^content\.xml$/, others: [/^styles\.xml$/] },
  odp: { label: 'ODP presentation', article: 'an', body: /^content\.xml$/, others: [/^styles\.xml$/] },
};

/** Decompressed XML read from one file at most: a small archive that inflates past it is refused. */
export const MAX_OFFICE_XML_BYTES = 64 * 1024 * 1024;

/** Elements that end a line of text (paragraphs, headings, line breaks). */
const LINE_ENDS = new Set(['w:p', 'w:br', 'w:cr', 'a:p', 'a:br', 'text:p', 'text:h', 'text:line-break']);
/** Elements that separate words (tabs, ODF spaces). */
const WORD_ENDS = new Set(['w:tab', 'a:tab', 'text:tab', 'text:s']);
/** Table cells and rows: a row's cells on one line, separated by tabs. */
const CELL_ENDS = new Set(['w:tc', 'a:tc', 'table:table-cell']);
const ROW_ENDS = new Set(['w:tr', 'a:tr', 'table:table-row']);

/**
 * The text of an Office Open XML (DOCX, PPTX) or OpenDocument (ODT, ODP) file: its XML parts with the
 * markup removed, paragraphs on their own lines. Reads the whole file (callers bound its size
 * first) and inflates at most MAX_OFFICE_XML_BYTES of XML.
 */
export async function readOfficeDocument(
  path: string,
  format: OfficeFormat,
  context: FileContext,
): Promise<ReadDocument> {
  const { label, article, body, others } = PARTS[format];
  const zip = await loadArchive(path, label);
  const names = Object.keys(zip.files)
    .filter((name) => !zip.files[name].dir)
    .sort(byPartOrder);
  const bodyParts = names.filter((name) => body.test(name));
  if (bodyParts.length === 0) {
    throw new DiscoveryError(
      DiscoveryErrorCode.FILE_MALFORMED,
      `not ${article} ${label} (no ${describe(body)} inside)`,
    );
  }
  const parts = [...bodyParts, ...others.flatMap((pattern) => names.filter((name) => pattern.test(name)))];

  const texts: string[] = [];
  let budget = MAX_OFFICE_XML_BYTES;
  for (const name of parts) {
    throwIfAborted(context.options.signal);
    const xml = await inflate(zip.files[name], budget, name);
    budget -= Buffer.byteLength(xml, 'utf8');
    texts.push(xmlText(xml));
  }
  const text = texts.filter((part) => part.length > 0).join('\n');
  const result: ReadDocument = { text: truncate(text, context.options.maxTextLength), textLength: text.length };
  if (format === 'pptx') result.pages = bodyParts.length;
  return result;
}

/** Opens a ZIP-based document; `label` names the kind of file in the error ("DOCX document"). */
export async function loadArchive(path: string, label: string): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(await readFile(path), { checkCRC32: false });
  } catch {
    throw new DiscoveryError(DiscoveryErrorCode.FILE_MALFORMED, `not a readable ${label} (corrupt or not a ZIP)`);
  }
}

/** slide2.xml before slide10.xml: numbers compared as numbers. */
function byPartOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function describe(pattern: RegExp): string {
  return pattern.source
    .replace(/^\^|\$$/g, '')
    .replace(/\\d\+/g, 'N')
    .replace(/\\/g, '');
}

/** Inflates one part as a stream, refusing it once it passes the remaining budget (zip bombs). */
export async function inflate(file: JSZip.JSZipObject, budget: number, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    // JSZip's Node stream is an old-style Readable (no async iteration): events, paused once the
    // budget is passed, so no more than one chunk is inflated beyond it.
    const stream = file.nodeStream('nodebuffer');
    stream
      .on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > budget) {
          stream.pause();
          reject(
            new DiscoveryError(
              DiscoveryErrorCode.FILE_TOO_LARGE,
              `${name} inflates beyond ${MAX_OFFICE_XML_BYTES} bytes of XML in all: not read`,
            ),
          );
          return;
        }
        chunks.push(chunk);
      })
      .on('error', () =>
        reject(new DiscoveryError(DiscoveryErrorCode.FILE_MALFORMED, `${name} cannot be inflated (corrupt archive)`)),
      )
      .on('end', () => resolve())
      .resume();
  });
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The character data of an XML document: markup removed, a line end or a space in its place where
 * tags separate paragraphs, table rows and cells or words.
 */
export function xmlText(xml: string): string {
  // Pieces, separators as pieces of their own, so replacing the last separator costs nothing.
  const out: string[] = [];
  const separator = (value: '\n' | '\t' | ' ', replaces?: '\n' | '\t') => {
    if (replaces !== undefined && out[out.length - 1] === replaces) out[out.length - 1] = value;
    else out.push(value);
  };
  scanXml(
    xml,
    (text) => out.push(text),
    ({ name, closing, selfClosing }) => {
      if (!closing && !selfClosing) return;
      // A cell's last paragraph ends the cell, not the line: the cells of a row share one line.
      if (CELL_ENDS.has(name)) separator('\t', '\n');
      else if (ROW_ENDS.has(name)) separator('\n', '\t');
      else if (LINE_ENDS.has(name)) separator('\n');
      else if (WORD_ENDS.has(name)) separator(name === 'text:s' ? ' ' : '\t');
    },
  );
  // Blanks at the end of lines go, and runs of empty lines become one (split and join: linear).
  const lines = out.join('').split('\n');
  const kept: string[] = [];
  let empty = 0;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    empty = trimmed.length === 0 ? empty + 1 : 0;
    if (empty <= 1) kept.push(trimmed);
  }
  return kept.join('\n').trim();
}
