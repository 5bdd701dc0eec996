import { describe, expect, it } from '@jest/globals';
import { contentHashOf } from '../model/canonical-json.js';
import { ReportError, ReportErrorCode } from '../reports.errors.js';
import { outlineOf } from '../model/outline.js';
import { poppler, readableText } from '../testing/poppler.js';
import { HOSTILE_TEXT, SAMPLE_SVG, sampleModel } from '../testing/sample-model.js';
import { PdfRenderer } from './pdf-renderer.js';
import { breakable, typstDocumentOf, typstString } from './typst-source.js';

describe('typstString', () => {
  it('escapes backslashes, quotes and control characters, and nothing else', () => {
    expect(typstString('a\\b"c\nd\u0001é#$*[]@<x>')).toBe('"a\\\\b\\"c\\u{a}d\\u{1}é#$*[]@<x>"');
  });
});

describe('breakable', () => {
  it('adds break opportunities to long identifiers and hashes only', () => {
    expect(breakable('crm.customers_email court', 12)).toBe('crm.\u200bcustomers_\u200bemail court');
    expect(breakable('a.b', 12)).toBe('a.b');
    expect(breakable('0123456789abcdef0123456789', 12)).toBe('0123456789abcdef\u200b0123456789');
    expect(breakable('Anticonstitutionnellement', 12)).toBe('Anticonstitutionnellement');
  });
});

describe('Typst source', () => {
  it('carries every piece of model text as a string literal, never as markup', () => {
    const model = sampleModel('fr');
    const { source, files } = typstDocumentOf(model, outlineOf(model), contentHashOf(model));
    expect([...files.keys()]).toEqual(['/report-model.json', '/figures/1.svg']);
    expect(files.get('/figures/1.svg')?.toString('utf8')).toBe(SAMPLE_SVG);
    const outsideStrings = source.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    expect(outsideStrings).not.toContain('#sys.inputs');
    expect(outsideStrings).not.toContain('souligné');
    expect(outsideStrings).not.toContain('Synthèse');
    expect(outsideStrings).not.toContain('ACME');
  });
});

describe('PdfRenderer', () => {
  const model = sampleModel('fr');
  const hash = contentHashOf(model);
  const renderer = new PdfRenderer();
  const pdf = renderer.render(model);

  it('gives identical bytes from a fresh compiler and from a reused one', () => {
    expect(new PdfRenderer().render(sampleModel('fr')).equals(pdf)).toBe(true);
    renderer.render(sampleModel('en'));
    expect(renderer.render(model).equals(pdf)).toBe(true);
  });

  it('shows section titles, tables, figures, hostile text verbatim and the hash on every page (pdftotext)', () => {
    const pages = poppler('pdftotext', pdf)
      .split('\f')
      .filter((page) => page.trim() !== '');
    const text = readableText(pages.join('\n'));
    for (const title of [
      'Table des matières',
      '1 Synthèse pour les non-spécialistes',
      '2 Sources et localisation',
      '2.1 Inventaire des sources',
      '2.2 Carte des flux',
      'Annexe — Sources et preuves',
      'Tableau 1. – Sources par localisation',
      'Tableau 2. – Transferts hors UE',
      'Figure 1. – Flux entre les ventes et le CRM',
      'CRM (Genève)',
      'Situation au 30 novembre 2026',
      '1 250 000',
    ]) {
      expect(text).toContain(title);
    }
    expect(text).toContain(readableText(HOSTILE_TEXT));
    expect(pages.length).toBe(5);
    pages.forEach((page, index) => {
      expect(readableText(page)).toContain(`Empreinte SHA-256 du modèle : ${hash} Page ${index + 1} / ${pages.length}`);
    });
  });

  it('embeds only the shipped fonts and dates the file by the as-of date', () => {
    const fonts = poppler('pdffonts', pdf)
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''))
      .sort();
    expect(fonts).toEqual([
      'IBMPlexMono-Regular',
      'IBMPlexSans-Bold',
      'IBMPlexSans-Italic',
      'IBMPlexSans-Regular',
      'IBMPlexSans-SemiBold',
    ]);
    const info = poppler('pdfinfo', pdf, ['-isodates']);
    expect(info).toMatch(/^CreationDate: +2026-11-30T00:00:00(Z|\+00)/m);
    expect(info).toMatch(/^ModDate: +2026-11-30T00:00:00(Z|\+00)/m);
    expect(info).toMatch(new RegExp(`^Keywords: +cartographer-report, sha256:${hash}$`, 'm'));
  });

  it('reports a source Typst refuses as REPORT_RENDER_FAILED (a fault of the engine)', () => {
    const error = (() => {
      try {
        renderer.renderDocument({ source: '#let x = (', files: new Map() }, '2026-11-30');
      } catch (caught) {
        return caught as ReportError;
      }
    })();
    expect(error).toBeInstanceOf(ReportError);
    expect([error?.code, error?.kind]).toEqual([ReportErrorCode.RENDER_FAILED, 'INTERNAL']);
    expect(error?.message).toMatch(/^Typst could not compile the report: /);
    expect(renderer.render(model).equals(pdf)).toBe(true);
  });

  it('writes the English report with English words', () => {
    const text = readableText(poppler('pdftotext', renderer.render(sampleModel('en'))));
    for (const part of [
      'Contents',
      '1 Summary for non-specialists',
      'Table 1: Sources by location',
      'Figure 1: Flows',
      'As of 30 November 2026',
      '1,250,000',
    ]) {
      expect(text).toContain(part);
    }
  });
});
