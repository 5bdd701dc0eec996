/**
 * Benchmark of the report engine (@cartographer/reports) on generated models: a 50-page French
 * report (three paragraphs and an 18-row table per page) and a report of 1,000 tables of 10 rows.
 * Each is validated and rendered to PDF (Typst), HTML and JSON; the PDF of the 50-page report is
 * rendered again with the same compiler (the warm figure) and checked byte-identical. Prints one
 * line per step; the last line is one JSON object.
 *
 * Run: npm run bench:reports
 */
import { performance } from 'node:perf_hooks';
import { assertValidReportModel, PdfRenderer, renderHtml, renderJson, type ReportModel } from '@cartographer/reports';
import { generatedModel } from '../libs/reports/src/testing/generated-model.js';

interface Figures {
  validateMs: number;
  pdfMs: number;
  pdfCpuMs: number;
  pdfBytes: number;
  htmlMs: number;
  htmlBytes: number;
  jsonMs: number;
  jsonBytes: number;
}

/** Wall-clock milliseconds; CPU milliseconds of the process are printed beside, as the machine may be shared. */
function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, Math.round(performance.now() - start)];
}

function cpuMs(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 1000);
}

function bench(name: string, model: ReportModel, pdf: PdfRenderer): Figures {
  const [, validateMs] = time(() => assertValidReportModel(model));
  let pdfCpuMs = 0;
  const [pdfBytes, pdfMs] = time(() => {
    let bytes: Buffer = Buffer.alloc(0);
    pdfCpuMs = cpuMs(() => (bytes = pdf.render(model)));
    return bytes;
  });
  const [htmlBytes, htmlMs] = time(() => renderHtml(model));
  const [jsonBytes, jsonMs] = time(() => renderJson(model));
  const figures = {
    validateMs,
    pdfMs,
    pdfCpuMs,
    pdfBytes: pdfBytes.length,
    htmlMs,
    htmlBytes: htmlBytes.length,
    jsonMs,
    jsonBytes: jsonBytes.length,
  };
  console.log(`${name}: ${JSON.stringify(figures)}`);
  return figures;
}

const pdf = new PdfRenderer();
const pages = generatedModel({ pages: 50 });
const fiftyPages = bench('50 pages', pages, pdf);
const [again, warmPdfMs] = time(() => pdf.render(pages));
const identical = again.equals(pdf.render(pages));
console.log(`50 pages, PDF again with the same compiler: ${warmPdfMs} ms, identical bytes: ${identical}`);
const changed = { ...pages, metadata: { ...pages.metadata, asOf: '2026-12-01' } };
const [, otherModelPdfMs] = time(() => pdf.render(changed));
console.log(`50 pages, another as-of date with the same compiler: ${otherModelPdfMs} ms`);
const thousand = bench('1,000 tables', generatedModel({ tables: 1000, rows: 10 }), pdf);
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(`peak RSS: ${peakRssMb} MB`);
console.log(
  JSON.stringify({
    fiftyPages: { ...fiftyPages, warmPdfMs, identical, otherModelPdfMs },
    thousandTables: thousand,
    peakRssMb,
  }),
);
