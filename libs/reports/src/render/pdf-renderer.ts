import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { contentHashOf } from '../model/canonical-json.js';
import { outlineOf } from '../model/outline.js';
import type { ReportModel } from '../model/report-model.js';
import { loadReportFonts } from '../fonts/report-fonts.js';
import { ReportError, ReportErrorCode } from '../reports.errors.js';
import { typstDocumentOf, type TypstDocument } from './typst-source.js';

/** The compiler's project root: a directory that does not exist, so a document can read only the files given to it. */
const WORKSPACE = '/cartographer-report';

/** Seconds since the epoch of a report's as-of date, at 00:00 UTC (the PDF creation date). */
export function asOfTimestamp(asOf: string): number {
  return Date.parse(`${asOf}T00:00:00Z`) / 1000;
}

/**
 * PDF rendering through Typst. One compiler per renderer: creating it loads the fonts (tens of
 * milliseconds); a reused compiler compiles a 50-page report in well under 100 ms after the first.
 * Not safe for concurrent use from several threads (Node runs it on the calling thread anyway).
 */
export class PdfRenderer {
  private compiler: NodeCompiler | null = null;

  private get typst(): NodeCompiler {
    // Only the shipped fonts are given; the document names only their families and turns font
    // fallback off, so no glyph can come from a font installed on the machine.
    this.compiler ??= NodeCompiler.create({ workspace: WORKSPACE, fontArgs: [{ fontBlobs: loadReportFonts() }] });
    return this.compiler;
  }

  /** The PDF of a validated model. */
  render(model: ReportModel): Buffer {
    return this.renderDocument(typstDocumentOf(model, outlineOf(model), contentHashOf(model)), model.metadata.asOf);
  }

  /** Compiles a generated document; exposed for the engine's own tests. */
  renderDocument(document: TypstDocument, asOf: string): Buffer {
    const typst = this.typst;
    typst.resetShadow();
    for (const [path, bytes] of document.files) typst.mapShadow(`${WORKSPACE}${path}`, bytes);
    const compiled = typst.compile({ mainFileContent: document.source });
    try {
      const result = compiled.result;
      const error = compiled.takeError() ?? compiled.takeDiagnostics();
      if (!result) {
        const diagnostics = error ? JSON.stringify(error.shortDiagnostics).slice(0, 2000) : 'no diagnostics';
        throw new ReportError(ReportErrorCode.RENDER_FAILED, `Typst could not compile the report: ${diagnostics}`);
      }
      return typst.pdf(result, { creationTimestamp: asOfTimestamp(asOf) });
    } finally {
      typst.resetShadow();
      // Typst memoises across compilations; keep what the next report of the same shape reuses.
      typst.evictCache(10);
    }
  }
}
