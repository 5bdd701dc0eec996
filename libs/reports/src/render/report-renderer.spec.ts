import { describe, expect, it } from '@jest/globals';
import { contentHashOf } from '../model/canonical-json.js';
import { ReportError, ReportErrorCode } from '../reports.errors.js';
import { sampleModel } from '../testing/sample-model.js';
import { ReportRenderer } from './report-renderer.js';

describe('ReportRenderer', () => {
  const renderer = new ReportRenderer();

  it('renders the three formats with their hash, media type and file name', () => {
    const model = sampleModel('en');
    const all = renderer.renderAll(model);
    expect(
      Object.values(all).map(({ format, contentHash, mediaType, fileName, bytes }) => [
        format,
        contentHash,
        mediaType,
        fileName,
        bytes.subarray(0, 5).toString('latin1'),
      ]),
    ).toEqual([
      ['pdf', contentHashOf(model), 'application/pdf', 'cartography-acme-ventes-2026-11-30-en.pdf', '%PDF-'],
      ['html', contentHashOf(model), 'text/html; charset=utf-8', 'cartography-acme-ventes-2026-11-30-en.html', '<!DOC'],
      ['json', contentHashOf(model), 'application/json', 'cartography-acme-ventes-2026-11-30-en.json', '{\n  "'],
    ]);
  });

  it('refuses an unknown format and an invalid model before rendering anything', () => {
    expect(() => renderer.render(sampleModel('fr'), 'docx' as never)).toThrow(
      new ReportError(ReportErrorCode.INVALID_INPUT, "unknown report format 'docx' (pdf, html or json)"),
    );
    const model = sampleModel('fr');
    const invalid = { ...model, metadata: { ...model.metadata, asOf: 'demain' } };
    expect(() => renderer.render(invalid, 'html')).toThrow(
      'report model is invalid: metadata.asOf: must be a calendar date YYYY-MM-DD',
    );
  });
});
