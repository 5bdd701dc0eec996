import { getDocumentProxy, extractText } from 'unpdf';
import { contentHashOf } from '../model/canonical-json.js';
import type { ReportMetadata, ReportModel } from '../model/report-model.js';
import { reportModelIssues } from '../model/validate-model.js';
import { HTML_HASH_ELEMENT_ID, HTML_MODEL_ELEMENT_ID } from '../render/html-renderer.js';
import { JSON_REPORT_FORMAT } from '../render/json-renderer.js';
import { ENGINE_STRINGS } from '../render/locale.js';
import { ReportRenderer, type ReportFormat } from '../render/report-renderer.js';
import { PDF_MODEL_ATTACHMENT } from '../render/typst-source.js';
import { ReportError, ReportErrorCode } from '../reports.errors.js';

export interface ReportVerification {
  format: ReportFormat;
  /** True only when every check passed (and the expected hash, if given, is the content hash). */
  matches: boolean;
  /** SHA-256 of the canonical model the file carries, recomputed here; null if none could be read. */
  contentHash: string | null;
  /** The hash the file shows to its reader (footer, page text, JSON member). */
  printedHash: string | null;
  /** Each failed check, in words; empty when `matches`. */
  problems: string[];
  metadata: ReportMetadata | null;
}

export interface VerifyOptions {
  /** E.g. the content hash of a stored snapshot: the file must carry exactly this content. */
  expectedHash?: string;
  /** Reused for the PDF re-rendering (one Typst compiler). */
  renderer?: ReportRenderer;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The footer's "label: hash", whitespace removed (text extraction may split the hash). */
const FOOTER_HASH = new RegExp(
  `(?:${Object.values(ENGINE_STRINGS)
    .map((strings) => escapeRegExp(strings.contentHash.replace(/\s+/g, '')))
    .join('|')}):([0-9a-f]{64})`,
);

function detectFormat(bytes: Uint8Array): ReportFormat {
  const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('%pdf-')) return 'pdf';
  if (head.startsWith('<!doctype html')) return 'html';
  if (head.startsWith('{')) return 'json';
  throw new ReportError(ReportErrorCode.UNREADABLE_FILE, 'the file is not a PDF, HTML or JSON report');
}

function parseJson(text: string, what: string, problems: string[]): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    problems.push(`${what} is not valid JSON`);
    return undefined;
  }
}

/** Checks the embedded model: valid, and its hash. */
function checkModel(model: unknown, problems: string[]): { model: ReportModel; hash: string } | null {
  if (model === undefined) return null;
  const issues = reportModelIssues(model);
  if (issues.length > 0) {
    problems.push(`the embedded model is not a valid report model (${issues.slice(0, 3).join('; ')})`);
    return null;
  }
  return { model: model as ReportModel, hash: contentHashOf(model) };
}

/**
 * Verifies a report file (PDF, HTML or JSON) written by this engine. Each format carries its
 * canonical model: the JSON is the model, the HTML embeds it in a `<script type="application/json">`
 * block, the PDF as an attached file. The checks: the model is valid; its recomputed SHA-256 is
 * the hash the file shows (JSON member, HTML hash element, every PDF page footer); and the file
 * is byte for byte the rendering of that model — so one changed byte anywhere, in the text, the
 * tables, the figures or the hash, is refused. A file that is not a report at all throws
 * REPORT_UNREADABLE_FILE; a report that does not match returns `matches: false` with the reasons.
 */
export async function verifyReportFile(bytes: Uint8Array, options: VerifyOptions = {}): Promise<ReportVerification> {
  const format = detectFormat(bytes);
  const problems: string[] = [];
  let embedded: unknown;
  let printedHash: string | null;
  let pageHashes: (string | null)[] = [];

  if (format === 'json') {
    const file = parseJson(Buffer.from(bytes).toString('utf8'), 'the file', problems) as
      Record<string, unknown> | undefined;
    if (file && file.format !== JSON_REPORT_FORMAT) problems.push(`the file is not a ${JSON_REPORT_FORMAT} document`);
    embedded = file?.model;
    printedHash = typeof file?.contentHash === 'string' ? file.contentHash : null;
  } else if (format === 'html') {
    const html = Buffer.from(bytes).toString('utf8');
    const script = new RegExp(`<script type="application/json" id="${HTML_MODEL_ELEMENT_ID}">([^<]*)</script>`).exec(
      html,
    );
    if (!script) problems.push('the HTML carries no report model');
    else embedded = parseJson(script[1], 'the embedded model', problems);
    const shown = new RegExp(`<code id="${HTML_HASH_ELEMENT_ID}">([^<]*)</code>`).exec(html);
    printedHash = shown ? shown[1] : null;
  } else {
    const read = await readPdf(bytes, problems);
    embedded = read.model;
    pageHashes = read.pageHashes;
    printedHash = pageHashes[0] ?? null;
  }

  const checked = checkModel(embedded, problems);
  const contentHash = checked?.hash ?? null;
  if (printedHash === null) problems.push('the file shows no content hash');
  else if (contentHash !== null && printedHash !== contentHash) {
    problems.push(`the hash shown (${printedHash}) is not the hash of the embedded model (${contentHash})`);
  }
  pageHashes.forEach((hash, index) => {
    if (contentHash !== null && hash !== contentHash) problems.push(`page ${index + 1} does not show the content hash`);
  });
  if (checked) {
    const rendered = (options.renderer ?? new ReportRenderer()).render(checked.model, format).bytes;
    if (!rendered.equals(Buffer.from(bytes))) {
      problems.push(
        `the file's bytes are not the ${format.toUpperCase()} rendering of its model: its content was altered`,
      );
    }
  }
  if (options.expectedHash !== undefined && contentHash !== options.expectedHash) {
    problems.push(`the content hash is not the expected ${options.expectedHash}`);
  }
  return {
    format,
    matches: problems.length === 0,
    contentHash,
    printedHash,
    problems,
    metadata: checked?.model.metadata ?? null,
  };
}

async function readPdf(
  bytes: Uint8Array,
  problems: string[],
): Promise<{ model: unknown; pageHashes: (string | null)[] }> {
  let document: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
  try {
    document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
    const attachments = ((await document.getAttachments()) ?? {}) as Record<
      string,
      { filename?: string; content?: Uint8Array }
    >;
    const attachment = Object.values(attachments).find((item) => item.filename === PDF_MODEL_ATTACHMENT);
    let model: unknown;
    if (!attachment?.content) problems.push(`the PDF has no ${PDF_MODEL_ATTACHMENT} attachment`);
    else model = parseJson(Buffer.from(attachment.content).toString('utf8'), 'the attached model', problems);
    const { text } = await extractText(document, { mergePages: false });
    // The footer prints the full hash on every page; text extraction may split it with spaces.
    const pageHashes = text.map((page) => FOOTER_HASH.exec(page.replace(/\s+/g, ''))?.[1] ?? null);
    return { model, pageHashes };
  } catch {
    problems.push('the PDF cannot be read');
    return { model: undefined, pageHashes: [] };
  } finally {
    await document?.destroy().catch(() => undefined);
  }
}
