import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { contentHashOf } from '../model/canonical-json.js';
import { outlineOf } from '../model/outline.js';
import type { ReportModel } from '../model/report-model.js';
import { loadReportFonts } from '../fonts/report-fonts.js';
import { ReportError, ReportErrorCode } from '../reports.errors.js';
import { typstSourceOf } from './typst-source.js';

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
    this.compiler ??= NodeCompiler.create({ fontArgs: [{ fontBlobs: loadReportFonts() }] });
    return this.compiler;
  }

  /** The PDF of a validated model. */
  render(model: ReportModel): Buffer {
    return this.renderSource(typstSourceOf(model, outlineOf(model), contentHashOf(model)), model.metadata.asOf);
  }

  /** Compiles a generated source; exposed for the engine's own tests. */
  renderSource(source: string, asOf: string): Buffer {
    const compiled = this.typst.compile({ mainFileContent: source });
    try {
      const document = compiled.result;
      const error = compiled.takeError() ?? compiled.takeDiagnostics();
      if (!document) {
        const diagnostics = error ? JSON.stringify(error.shortDiagnostics).slice(0, 2000) : 'no diagnostics';
        throw new ReportError(ReportErrorCode.RENDER_FAILED, `Typst could not compile the report: ${diagnostics}`);
      }
      return this.typst.pdf(document, { creationTimestamp: asOfTimestamp(asOf) });
    } finally {
      // Typst memoises across compilations; keep what the next report of the same shape reuses.
      this.typst.evictCache(10);
    }
  }
}
