import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy } from 'unpdf';
import { DiscoveryError, DiscoveryErrorCode } from '../discovery.errors.js';
import { throwIfAborted } from '../common/options.js';
import { truncate } from '../common/sample.js';
import type { FileContext } from './file-context.js';
import { sniffText } from './text-sniff.js';

export interface ReadDocument {
  /** Cut to maxTextLength. */
  text: string;
  /** Length of the whole text, in UTF-16 units. */
  textLength: number;
  pages?: number;
}

/** Streams a text or Markdown file: keeps its first maxTextLength characters, measures the rest. */
export async function readTextDocument(path: string, context: FileContext): Promise<ReadDocument> {
  const { encoding } = await sniffText(path);
  const max = context.options.maxTextLength;
  const kept: string[] = [];
  let keptLength = 0;
  let textLength = 0;
  let first = true;
  for await (const raw of createReadStream(path, { encoding, highWaterMark: 256 * 1024 })) {
    throwIfAborted(context.options.signal);
    const chunk = first ? (raw as string).replace(/^\uFEFF/, '') : (raw as string);
    first = false;
    textLength += chunk.length;
    if (keptLength < max) {
      const piece = truncate(chunk, max - keptLength);
      kept.push(piece);
      keptLength += piece.length;
    }
  }
  return { text: kept.join(''), textLength };
}

/** Extracts the text of a PDF (whole file in memory: callers bound its size first). */
export async function readPdf(path: string, context: FileContext): Promise<ReadDocument> {
  const data = new Uint8Array(await readFile(path));
  let document: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
  try {
    document = await getDocumentProxy(data, { verbosity: 0, isEvalSupported: false });
    const { totalPages, text } = await extractText(document, { mergePages: true });
    throwIfAborted(context.options.signal);
    return { text: truncate(text, context.options.maxTextLength), textLength: text.length, pages: totalPages };
  } catch (error) {
    if (error instanceof DiscoveryError) throw error;
    throw new DiscoveryError(DiscoveryErrorCode.FILE_MALFORMED, 'not a readable PDF (corrupt, encrypted or not a PDF)');
  } finally {
    await document?.destroy().catch(() => undefined);
  }
}
