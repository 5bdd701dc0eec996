import { createReadStream } from 'node:fs';
import { DiscoveryError, DiscoveryErrorCode } from '../discovery.errors.js';
import type { TypeFamily } from '../discovery.types.js';
import { throwIfAborted } from '../common/options.js';
import type { FileContext } from './file-context.js';
import { type BuiltTable, TableBuilder } from './table-builder.js';
import { sniffText } from './text-sniff.js';
import { familyOfJsonString } from './value-inference.js';

/** Nested objects are flattened this many levels deep (`a.b.c`); deeper ones stay JSON. */
const MAX_NESTING = 3;
/** One record (array element, NDJSON line, top-level object) is held whole: this bounds it. */
const MAX_RECORD_CHARS = 32 * 1024 * 1024;

const malformed = (message: string) => new DiscoveryError(DiscoveryErrorCode.FILE_MALFORMED, message);

async function* decodedChunks(path: string, context: FileContext): AsyncGenerator<string> {
  const { encoding } = await sniffText(path);
  let first = true;
  for await (const chunk of createReadStream(path, { encoding, highWaterMark: 256 * 1024 })) {
    throwIfAborted(context.options.signal);
    yield first ? (chunk as string).replace(/^\uFEFF/, '') : (chunk as string);
    first = false;
  }
}

interface RawRecord {
  text: string;
  /** 1-based element number, or line number for NDJSON. */
  position: string;
}

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/**
 * Splits a JSON document into its records without holding the whole file: the elements of a
 * top-level array, or a single top-level object. Only depth and strings are tracked here; each
 * record is then validated by JSON.parse.
 */
export async function* jsonRecords(chunks: AsyncIterable<string>): AsyncGenerator<RawRecord> {
  type Phase = 'start' | 'between' | 'element' | 'end';
  let phase = 'start' as Phase;
  let single = false;
  let afterComma = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let parts: string[] = [];
  let partChars = 0;
  let line = 1;
  let count = 0;
  for await (const chunk of chunks) {
    let start = phase === 'element' ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      if (code === 0x0a) line++;
      if (phase === 'element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (code === 0x5c) escaped = true;
          else if (code === 0x22) inString = false;
          continue;
        }
        let end = -1;
        if (code === 0x22) inString = true;
        else if (code === 0x7b || code === 0x5b) depth++;
        else if ((code === 0x7d || code === 0x5d) && depth > 0) {
          depth--;
          // A single top-level object ends with its own closing brace.
          if (single && depth === 0) end = i + 1;
        } else if (code === 0x5d || (code === 0x2c && !single && depth === 0)) {
          // An array element ends before the `,` that follows it or the `]` that closes the array.
          end = i;
        } else if (code === 0x7d) throw malformed(`unexpected '}' at line ${line}`);
        if (end >= 0) {
          parts.push(chunk.slice(start, end));
          count++;
          yield { text: parts.join(''), position: single ? 'the top-level object' : `element ${count} (line ${line})` };
          parts = [];
          partChars = 0;
          phase = code === 0x2c ? 'between' : 'end';
          afterComma = code === 0x2c;
        }
        continue;
      }
      if (isSpace(code)) continue;
      if (phase === 'start') {
        if (code === 0x5b) phase = 'between';
        else if (code === 0x7b) {
          single = true;
          phase = 'element';
          depth = 1;
          start = i;
        } else throw malformed('the top-level value is neither an array nor an object');
      } else if (phase === 'between') {
        if (code === 0x5d && !afterComma) phase = 'end';
        else if (code === 0x5d || code === 0x2c) throw malformed(`unexpected '${chunk[i]}' at line ${line}`);
        else {
          phase = 'element';
          depth = 0;
          start = i;
          // The element's first character is read again in the element phase.
          i--;
        }
      } else {
        throw malformed(`unexpected content after the top-level value at line ${line}`);
      }
    }
    if (phase === 'element' && start >= 0) {
      parts.push(chunk.slice(start));
      partChars += chunk.length - start;
      if (partChars > MAX_RECORD_CHARS) {
        throw new DiscoveryError(DiscoveryErrorCode.FILE_TOO_LARGE, `a record is larger than 32 MiB at line ${line}`);
      }
    }
  }
  if (phase === 'start') throw malformed('the file is empty');
  if (phase !== 'end') throw malformed('unexpected end of file: the top-level value is not closed');
}

/** Lines of an NDJSON file, each bounded, blank lines skipped. */
export async function* ndjsonRecords(chunks: AsyncIterable<string>): AsyncGenerator<RawRecord> {
  let pending = '';
  let line = 0;
  for await (const chunk of chunks) {
    let text = pending + chunk;
    let newline: number;
    while ((newline = text.indexOf('\n')) >= 0) {
      line++;
      const record = text.slice(0, newline).trim();
      text = text.slice(newline + 1);
      if (record) yield { text: record, position: `line ${line}` };
    }
    if (text.length > MAX_RECORD_CHARS) {
      throw new DiscoveryError(DiscoveryErrorCode.FILE_TOO_LARGE, `line ${line + 1} is longer than 32 MiB`);
    }
    pending = text;
  }
  if (pending.trim()) yield { text: pending.trim(), position: `line ${line + 1}` };
}

/** A JSON value as sample text and family; objects past MAX_NESTING and arrays stay JSON. */
function cellOf(value: unknown): { text: string | null; family: TypeFamily } {
  if (value === null || value === undefined) return { text: null, family: 'string' };
  if (typeof value === 'boolean') return { text: String(value), family: 'boolean' };
  if (typeof value === 'number')
    return { text: String(value), family: Number.isInteger(value) ? 'integer' : 'decimal' };
  if (typeof value === 'string') return { text: value, family: familyOfJsonString(value) };
  return { text: JSON.stringify(value), family: 'json' };
}

function flatten(
  value: Record<string, unknown>,
  prefix: string,
  depth: number,
  emit: (name: string, value: unknown) => void,
): void {
  for (const [key, nested] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (nested !== null && typeof nested === 'object' && !Array.isArray(nested) && depth < MAX_NESTING) {
      flatten(nested as Record<string, unknown>, name, depth + 1, emit);
    } else emit(name, nested);
  }
}

/**
 * Reads a JSON (array of objects, or one object) or NDJSON file as a table: fields are the union of
 * top-level keys, nested objects flattened with dots; elements that are not objects go to `value`.
 */
export async function readJson(path: string, format: 'json' | 'ndjson', context: FileContext): Promise<BuiltTable> {
  const builder = new TableBuilder(context.options, context.window);
  const chunks = decodedChunks(path, context);
  const records = format === 'json' ? jsonRecords(chunks) : ndjsonRecords(chunks);
  for await (const record of records) {
    let value: unknown;
    try {
      value = JSON.parse(record.text);
    } catch {
      // The parser's message quotes the input: only the position is kept.
      throw malformed(`invalid JSON in ${record.position}`);
    }
    const cells: [number, unknown][] = [];
    const emit = (name: string, nested: unknown) => cells.push([builder.field(name), nested]);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      flatten(value as Record<string, unknown>, '', 1, emit);
    } else emit('value', value);
    builder.beginRow();
    for (const [index, nested] of cells) {
      const cell = cellOf(nested);
      builder.set(index, cell.text, cell.family);
    }
    builder.endRow();
  }
  return builder.finish();
}
