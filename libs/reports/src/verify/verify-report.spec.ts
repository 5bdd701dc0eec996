import { describe, expect, it } from '@jest/globals';
import { contentHashOf } from '../model/canonical-json.js';
import { ReportRenderer, type ReportFormat } from '../render/report-renderer.js';
import { ReportError, ReportErrorCode } from '../reports.errors.js';
import { sampleModel } from '../testing/sample-model.js';
import { verifyReportFile } from './verify-report.js';

const renderer = new ReportRenderer();
const model = sampleModel('fr');
const hash = contentHashOf(model);
const files = renderer.renderAll(model);

/** A copy with one byte changed: the last byte of the first `text` found after `after` becomes `to`. */
function changeLastByteOf(bytes: Buffer, text: string, to: string, after = 0): Buffer {
  const copy = Buffer.from(bytes);
  const at = copy.indexOf(text, after);
  if (at < 0) throw new Error(`'${text}' not found`);
  copy[at + Buffer.byteLength(text) - 1] = to.charCodeAt(0);
  return copy;
}

describe('verifyReportFile', () => {
  it.each<ReportFormat>(['json', 'html', 'pdf'])(
    'accepts the untouched %s file and reports its hash',
    async (format) => {
      const result = await verifyReportFile(files[format].bytes, { renderer, expectedHash: hash });
      expect(result).toEqual({
        format,
        matches: true,
        contentHash: hash,
        printedHash: hash,
        problems: [],
        metadata: model.metadata,
      });
    },
  );

  it('accepts an English PDF (footer label in English)', async () => {
    const english = sampleModel('en');
    const result = await verifyReportFile(renderer.render(english, 'pdf').bytes, { renderer });
    expect([result.matches, result.printedHash, result.problems]).toEqual([true, contentHashOf(english), []]);
  });

  it('refuses a JSON file with one digit of a table cell changed', async () => {
    const json = files.json.bytes;
    const result = await verifyReportFile(changeLastByteOf(json, '1250000', '1', json.indexOf('"model"')));
    expect(result.matches).toBe(false);
    expect(result.printedHash).toBe(hash);
    expect(result.contentHash).not.toBe(hash);
    expect(result.problems[0]).toBe(
      `the hash shown (${hash}) is not the hash of the embedded model (${result.contentHash})`,
    );
  });

  it('refuses a JSON file whose evidence pack was edited (the model still hashes right)', async () => {
    const json = files.json.bytes;
    const result = await verifyReportFile(changeLastByteOf(json, '"E1', '9', json.indexOf('"evidencePack"')));
    expect(result.matches).toBe(false);
    expect(result.contentHash).toBe(hash);
    expect(result.problems).toEqual([
      "the file's bytes are not the JSON rendering of its model: its content was altered",
    ]);
  });

  it('refuses an HTML file with one changed byte in the visible text', async () => {
    const html = files.html.bytes;
    const visible = html.indexOf('Pseudonymiser');
    const result = await verifyReportFile(changeLastByteOf(html, 'P', 'Q', visible));
    expect(result.matches).toBe(false);
    expect(result.contentHash).toBe(hash);
    expect(result.problems).toEqual([
      "the file's bytes are not the HTML rendering of its model: its content was altered",
    ]);
  });

  it('refuses an HTML file whose shown hash was changed', async () => {
    const html = files.html.bytes;
    const shown = html.indexOf(`<code id="content-hash">`) + `<code id="content-hash">`.length;
    const copy = Buffer.from(html);
    copy[shown] = copy[shown] === 0x30 ? 0x31 : 0x30;
    const result = await verifyReportFile(copy);
    expect(result.matches).toBe(false);
    expect(result.problems[0]).toMatch(/^the hash shown \([0-9a-f]{64}\) is not the hash of the embedded model/);
  });

  it('refuses an HTML file whose embedded model was changed', async () => {
    const html = files.html.bytes;
    const result = await verifyReportFile(
      changeLastByteOf(html, '1250000', '1', html.indexOf('<script type="application/json"')),
    );
    expect(result.matches).toBe(false);
    expect(result.contentHash).not.toBe(hash);
    expect(result.problems[0]).toBe(
      `the hash shown (${hash}) is not the hash of the embedded model (${result.contentHash})`,
    );
  });

  it.each([0.25, 0.5, 0.75])('refuses a PDF with one byte changed at %p of its length', async (where) => {
    const pdf = Buffer.from(files.pdf.bytes);
    const at = Math.floor(pdf.length * where);
    pdf[at] = pdf[at] ^ 0x01;
    const result = await verifyReportFile(pdf, { renderer });
    expect(result.matches).toBe(false);
    expect(result.problems).toContain(
      "the file's bytes are not the PDF rendering of its model: its content was altered",
    );
  });

  it('refuses a file of the right content when another snapshot was expected', async () => {
    const result = await verifyReportFile(files.json.bytes, { expectedHash: '0'.repeat(64) });
    expect(result.matches).toBe(false);
    expect(result.problems).toEqual([`the content hash is not the expected ${'0'.repeat(64)}`]);
  });

  it('throws REPORT_UNREADABLE_FILE for a file that is no report format', async () => {
    const error = await verifyReportFile(Buffer.from('hello')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).code).toBe(ReportErrorCode.UNREADABLE_FILE);
  });

  it('says an HTML page without a model carries none', async () => {
    const result = await verifyReportFile(Buffer.from('<!DOCTYPE html><html><body>x</body></html>'));
    expect(result).toEqual({
      format: 'html',
      matches: false,
      contentHash: null,
      printedHash: null,
      problems: ['the HTML carries no report model', 'the file shows no content hash'],
      metadata: null,
    });
  });
});
