import { contentHashOf } from '../model/canonical-json.js';
import type { ReportModel } from '../model/report-model.js';
import { assertValidReportModel } from '../model/validate-model.js';
import { ReportError, ReportErrorCode } from '../reports.errors.js';
import { renderHtml } from './html-renderer.js';
import { renderJson } from './json-renderer.js';
import { PdfRenderer } from './pdf-renderer.js';

export const REPORT_FORMATS = ['pdf', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_MEDIA_TYPES: Readonly<Record<ReportFormat, string>> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  json: 'application/json',
};

export interface RenderedReport {
  format: ReportFormat;
  bytes: Buffer;
  contentHash: string;
  mediaType: string;
  /** `cartography-acme-2026-11-30-fr.pdf` */
  fileName: string;
}

export function assertReportFormat(format: string): asserts format is ReportFormat {
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new ReportError(ReportErrorCode.INVALID_INPUT, `unknown report format '${format}' (pdf, html or json)`);
  }
}

/**
 * The one entry point that turns a model into files. It validates the model first (nothing is
 * rendered from an invalid one) and keeps one Typst compiler for all the PDFs it renders.
 */
export class ReportRenderer {
  constructor(private readonly pdf: PdfRenderer = new PdfRenderer()) {}

  render(model: unknown, format: ReportFormat): RenderedReport {
    assertReportFormat(format);
    assertValidReportModel(model);
    return this.renderValid(model, format);
  }

  /** All three formats of one model. */
  renderAll(model: unknown): Record<ReportFormat, RenderedReport> {
    assertValidReportModel(model);
    return {
      pdf: this.renderValid(model, 'pdf'),
      html: this.renderValid(model, 'html'),
      json: this.renderValid(model, 'json'),
    };
  }

  private renderValid(model: ReportModel, format: ReportFormat): RenderedReport {
    const bytes = format === 'pdf' ? this.pdf.render(model) : format === 'html' ? renderHtml(model) : renderJson(model);
    const { kind, organisation, department, asOf, language } = model.metadata;
    const scope = department ? `${organisation.key}-${department.key}` : organisation.key;
    const safe = `${kind}-${scope}-${asOf}-${language}`.replace(/[^A-Za-z0-9._-]+/g, '_');
    return {
      format,
      bytes,
      contentHash: contentHashOf(model),
      mediaType: REPORT_MEDIA_TYPES[format],
      fileName: `${safe}.${format}`,
    };
  }
}
