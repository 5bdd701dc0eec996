/**
 * Benchmark of the report engine (@cartographer/reports) on generated models: a 50-page French
 * report (three paragraphs and an 18-row table per page) and a report of 1,000 tables of 10 rows.
 * Each is validated and rendered to PDF (Typst), HTML and JSON; the PDF of the 50-page report is
 * rendered again with the same compiler (the warm figure) and checked byte-identical. Then the
 * report contents (@cartographer/report-content): the demo's cartography report and the one of a
 * generated organisation of 1,000 datasets and 100,000 fields (one finding per ten fields), each
 * built from a real Neo4j (read model, compliance, findings) and rendered to PDF, HTML and JSON:
 * time of each step and peak RSS of this process. Prints one line per step; the last line is one
 * JSON object.
 *
 * Run: npm run bench:reports (uses NEO4J_URI/NEO4J_PASSWORD when set, otherwise starts a local Neo4j)
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AuditOutbox } from '@cartographer/access';
import { ALLOW_EVERY_IMPORT, importInventory } from '@cartographer/findings';
import {
  createDriver,
  ensureNeo4jInstalled,
  GraphMigrationService,
  Neo4jService,
  startLocalNeo4j,
} from '@cartographer/graph';
import { DEMO_DIR, InventoryImportService, parseInventory } from '@cartographer/inventory';
import { READ_ALL } from '@cartographer/registers';
import { ReportContentService } from '@cartographer/report-content';
import { syntheticInventory } from './synthetic-inventory.js';
import {
  assertValidReportModel,
  PdfRenderer,
  renderHtml,
  renderJson,
  type ReportModel,
  ReportRenderer,
} from '@cartographer/reports';
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

// The report contents first: their peak RSS is read before the engine's 1,000-table report raises it.
const AS_OF = '2026-12-01';
const { demo, demoWarm, generated } = await contents();

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
const enginePeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(`peak RSS after the engine benchmark: ${enginePeakRssMb} MB`);

interface ContentFigures {
  fields: number;
  pages: number;
  buildMs: number;
  pdfMs: number;
  htmlMs: number;
  jsonMs: number;
  totalMs: number;
  pdfBytes: number;
  peakRssMb: number;
}

/** Build (graph read + content) and the three renderings of one cartography report. */
async function content(
  name: string,
  neo4j: Neo4jService,
  organisation: string,
  renderer: ReportRenderer,
): Promise<ContentFigures> {
  const service = new ReportContentService({ neo4j, scanRuns: null, scope: READ_ALL });
  const t0 = performance.now();
  const model = await service.build({
    kind: 'CARTOGRAPHY',
    organisationKey: organisation,
    language: 'fr',
    asOf: AS_OF,
  });
  const t1 = performance.now();
  const pdf = renderer.render(model, 'pdf');
  const t2 = performance.now();
  renderer.render(model, 'html');
  const t3 = performance.now();
  renderer.render(model, 'json');
  const t4 = performance.now();
  const pages = Number(/\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(pdf.bytes.toString('latin1'))?.[1] ?? 0);
  const fields =
    (model.sections.find((s) => s.key === 'summary')?.blocks ?? []).flatMap((b) =>
      b.type === 'keyFigures' ? b.items.filter((i) => i.key === 'kf-fields').map((i) => i.value) : [],
    )[0] ?? 0;
  const figures = {
    fields,
    pages,
    buildMs: Math.round(t1 - t0),
    pdfMs: Math.round(t2 - t1),
    htmlMs: Math.round(t3 - t2),
    jsonMs: Math.round(t4 - t3),
    totalMs: Math.round(t4 - t0),
    pdfBytes: pdf.bytes.length,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  console.log(`${name}: ${JSON.stringify(figures)}`);
  return figures;
}

async function contents(): Promise<{ demo: ContentFigures; demoWarm: ContentFigures; generated: ContentFigures }> {
  let home: string | undefined;
  let stop = async () => {};
  let connection = {
    uri: process.env.NEO4J_URI ?? '',
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
  };
  if (!connection.uri) {
    home = await mkdtemp(join(tmpdir(), 'carto-bench-reports-'));
    await ensureNeo4jInstalled();
    const server = await startLocalNeo4j({
      homeDir: home,
      password: randomBytes(12).toString('hex'),
      heap: '2g',
      initialHeap: '2g',
      pagecache: '512m',
    });
    connection = { uri: server.uri, user: server.user, password: server.password };
    stop = () => server.stop();
  }
  const neo4j = new Neo4jService(createDriver(connection), connection);
  const suffix = Date.now().toString(36);
  const demoOrg = `demo-${suffix}`;
  const benchOrg = `bench-reports-${suffix}`;
  try {
    await new GraphMigrationService(neo4j).migrate();
    const demo = parseInventory(await readFile(join(DEMO_DIR, 'ville-de-lormont-sur-loire.yaml'), 'utf8'));
    await importInventory(
      { neo4j, outbox: new AuditOutbox() },
      { document: { ...demo, organisation: { ...demo.organisation, key: demoOrg } }, authorize: ALLOW_EVERY_IMPORT },
    );
    await new InventoryImportService(neo4j).importDocument(
      syntheticInventory(benchOrg, 1000, 100, { compliance: true }),
    );
    // One scan-like finding per ten fields (10,000 personal fields), with a treatment and a confidence.
    const categories = ['IDENTITY', 'CONTACT', 'HEALTH', 'FINANCIAL', 'LOCATION'];
    const treatments = ['PSEUDONYMISE', 'DELETE', 'ENCRYPT', 'PSEUDONYMISE', 'GENERALISE'];
    await neo4j.queryWrite(
      `MATCH (d:Dataset {organisation: $org})-[:HAS_FIELD]->(f:Field)
       WHERE toInteger(split(f.name, '_')[1]) % 10 = 0
       WITH f, toInteger(split(f.name, '_')[1]) / 10 % size($categories) AS c
       CREATE (f)-[:HAS_FINDING]->(:Finding {key: f.key + '#classification', organisation: $org, field: f.key,
         origin: 'SCAN', status: 'OPEN', personal: true, quasiIdentifier: false, tier: 'DIRECT_IDENTIFIER',
         category: $categories[c], specialCategory: $categories[c] = 'HEALTH',
         specialCategoryKind: CASE WHEN $categories[c] = 'HEALTH' THEN 'HEALTH' ELSE null END,
         treatment: $treatments[c], treatmentReason: 'Generated finding of the benchmark.', confidence: 0.9,
         evidence: '[{"detector":"bench","source":"values","hitRatio":0.9,"sampled":200}]'})`,
      { org: benchOrg, categories, treatments },
    );
    // Cold: first queries of a fresh graph and a new Typst compiler; warm: the same again, as a running API does.
    const renderer = new ReportRenderer();
    const demoFigures = await content('demo cartography report (cold)', neo4j, demoOrg, renderer);
    const demoWarm = await content('demo cartography report (warm)', neo4j, demoOrg, renderer);
    const generated = await content('1,000 datasets / 100,000 fields cartography report', neo4j, benchOrg, renderer);
    return { demo: demoFigures, demoWarm, generated };
  } finally {
    try {
      for (const org of [demoOrg, benchOrg])
        for (;;) {
          const rows = await neo4j.queryWrite<{ n: { toNumber(): number } }>(
            'MATCH (n {organisation: $org}) WITH n LIMIT 50000 DETACH DELETE n RETURN count(*) AS n',
            { org },
          );
          if ((rows[0]?.n.toNumber() ?? 0) === 0) break;
        }
    } finally {
      await neo4j.driver.close();
      await stop();
      if (home) await rm(home, { recursive: true, force: true });
    }
  }
}

const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(`peak RSS: ${peakRssMb} MB`);
console.log(
  JSON.stringify({
    fiftyPages: { ...fiftyPages, warmPdfMs, identical, otherModelPdfMs },
    thousandTables: thousand,
    enginePeakRssMb,
    demoCartography: demo,
    demoCartographyWarm: demoWarm,
    hundredThousandFields: generated,
    targets: { demoMs: 3000, hundredThousandFieldsMs: 30000, hundredThousandFieldsMb: 1024 },
    withinTargets: demoWarm.totalMs < 3000 && generated.totalMs < 30000 && generated.peakRssMb < 1024,
    peakRssMb,
  }),
);
