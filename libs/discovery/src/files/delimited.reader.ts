import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { DiscoveryError, DiscoveryErrorCode } from '../discovery.errors.js';
import { throwIfAborted } from '../common/options.js';
import type { FileContext } from './file-context.js';
import { type BuiltTable, TableBuilder } from './table-builder.js';
import { sniffText } from './text-sniff.js';
import { familyOfText } from './value-inference.js';

const CANDIDATES = [',', ';', '\t', '|'];
const MAX_RECORD_CHARS = 32 * 1024 * 1024;

/** Counts a delimiter per line outside double quotes, over the first complete lines of the head. */
export function sniffDelimiter(head: string): string {
  const lines: string[] = [];
  let line = '';
  let quoted = false;
  for (let i = 0; i < head.length && lines.length < 20; i++) {
    const char = head[i];
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === '\n') {
      if (line.trim()) lines.push(line);
      line = '';
    } else line += char;
  }
  if (!lines.length && line.trim()) lines.push(line);
  let best = ',';
  let bestScore = 0;
  for (const candidate of CANDIDATES) {
    const counts = lines.map((l) => l.split(candidate).length - 1);
    const min = Math.min(...counts);
    // A delimiter present the same number of times on every line beats one that merely occurs often.
    const consistent = counts.every((count) => count === counts[0]);
    const score = min > 0 ? (consistent ? 1000 : 0) + min : 0;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

const CSV_REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by other characters',
  CSV_MAX_RECORD_SIZE: 'a record is larger than 32 MiB',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a closing quote is followed by other characters',
  CSV_INVALID_OPENING_QUOTE: 'a quote opens inside a field',
};

/** Header names: trimmed, blanks named column_N, duplicates suffixed. */
export function headerNames(record: string[]): string[] {
  const seen = new Set<string>();
  return record.map((raw, index) => {
    const base = raw.trim() || `column_${index + 1}`;
    let name = base;
    for (let k = 2; seen.has(name); k++) name = `${base}_${k}`;
    seen.add(name);
    return name;
  });
}

/**
 * Streams a CSV or TSV file (never read whole): the first record is the header, every row feeds
 * type inference and row count, a reservoir keeps the sample. Broken quoting rejects the file.
 */
export async function readDelimited(path: string, format: 'csv' | 'tsv', context: FileContext): Promise<BuiltTable> {
  const { encoding, head } = await sniffText(path);
  const delimiter = format === 'tsv' ? '\t' : sniffDelimiter(head);
  const parser = parse({
    delimiter,
    encoding,
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const feeding = pipeline(createReadStream(path), parser);
  // Whatever ends the loop first, the pipeline's own outcome is read below or dropped here.
  feeding.catch(() => undefined);
  const builder = new TableBuilder(context.options, context.window);
  let header: number[] | undefined;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = headerNames(record).map((name) => builder.field(name));
        continue;
      }
      builder.beginRow();
      for (let i = 0; i < header.length; i++) {
        const cell = record[i];
        const trimmed = cell === undefined ? '' : cell.trim();
        builder.set(header[i], trimmed === '' ? null : cell, trimmed === '' ? 'string' : familyOfText(trimmed));
      }
      builder.endRow();
      if (builder.rowCountSoFar % 10_000 === 0) throwIfAborted(context.options.signal);
    }
    await feeding;
  } catch (error) {
    parser.destroy();
    if (error instanceof DiscoveryError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('CSV_')) {
      const line = (error as { lines?: number }).lines;
      const reason = CSV_REASONS[code] ?? code;
      throw new DiscoveryError(
        DiscoveryErrorCode.FILE_MALFORMED,
        `malformed ${format.toUpperCase()}${line ? ` at line ${line}` : ''}: ${reason}`,
      );
    }
    throw error;
  }
  return builder.finish();
}
