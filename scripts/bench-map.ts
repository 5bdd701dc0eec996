/**
 * Benchmark of @cartographer/cartography: for generated organisations of about 1,000, 5,000 and
 * 10,000 map elements (nodes + edges of the model), the model build, then per view (the aggregate
 * by department, a drill-down department → source → dataset with "+N more", the location view
 * expanded, everything opened up to the 300-node bound) the first request (view + headless fcose layout + SVG) and the second, cached request
 * (the same state through MapLayoutCache, then the SVG of the cached placement), and the cached
 * request from the facts (`placeFacts`: digest of the facts + lookup + SVG, the model not rebuilt).
 * Then the browser's first frame: the placed view drawn by cytoscape at the server's positions
 * (`preset`, no layout) in Debian's Chromium (playwright-core, headless), from `cytoscape(...)` to
 * its first `render` event, median of the runs (skipped with `--no-browser` or without Chromium).
 * Facts are generated with a fixed seed. The last line is one JSON object.
 *
 * Run: npm run bench:map [-- --runs 5 --seed 15]
 */
import type { ComplianceFacts, FindingFacts } from '@cartographer/compliance';
import {
  type MapViewState,
  MapLayoutCache,
  buildMapModel,
  defaultViewState,
  renderMapSvg,
} from '@cartographer/cartography';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Page, chromium } from 'playwright-core';
import type { PlacedMap } from '@cartographer/cartography';
import { rng } from './seeded-random.js';

const CHROMIUM = process.env.CARTO_CHROMIUM ?? '/usr/bin/chromium';
const BROWSER = !process.argv.includes('--no-browser') && existsSync(CHROMIUM);
const browser = BROWSER
  ? await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] })
  : null;
let page: Page | null = null;
if (browser) {
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.setContent('<div id="map" style="width:1200px;height:800px"></div>');
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('cytoscape/dist/cytoscape.min.js') });
}

/** Cytoscape's first frame of a placed view at its given positions, in the browser (ms). */
async function firstFrame(placed: PlacedMap): Promise<number | null> {
  if (!page) return null;
  const elements = [
    ...placed.nodes.map((n) => ({
      group: 'nodes',
      data: { id: n.id, ...(n.parent ? { parent: n.parent } : {}), label: n.label.fr, size: n.width },
      position: { x: n.x, y: n.y },
    })),
    ...placed.edges.map((e) => ({ group: 'edges', data: { id: e.id, source: e.from, target: e.to } })),
  ];
  return page.evaluate(
    (els) =>
      new Promise<number>((resolve) => {
        // Runs in the page (DOM types are not in the scripts' lib).
        const g = globalThis as unknown as {
          cy?: { destroy(): void };
          document: { getElementById(id: string): unknown };
          requestAnimationFrame(f: () => void): void;
          cytoscape(o: unknown): { one(event: string, f: () => void): void; destroy(): void };
        };
        g.cy?.destroy();
        const t0 = performance.now();
        const cy = g.cytoscape({
          container: g.document.getElementById('map'),
          elements: els,
          layout: { name: 'preset', fit: true },
          style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)', label: 'data(label)' } }],
        });
        g.cy = cy;
        cy.one('render', () => g.requestAnimationFrame(() => resolve(performance.now() - t0)));
      }),
    elements,
  );
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

const RUNS = option('runs', 5);
const SEED = option('seed', 15);
const SIZES = [1_000, 5_000, 10_000];
const COUNTRIES = ['FR', 'DE', 'IE', 'NL', 'NO', 'CH', 'GB', 'US', 'IN', 'MA'];
const CATEGORIES = ['IDENTITY', 'CONTACT', 'FINANCIAL', 'LOCATION', 'ONLINE_ID'];

/** About `target` model elements: each field is a node and a CONTAINS edge, hence fields ≈ target / 2.3. */
function generate(target: number, seed: number): ComplianceFacts {
  const random = rng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const fieldsTotal = Math.round(target / 2.3);
  const datasetsTotal = Math.max(4, Math.round(fieldsTotal / 12));
  const sourcesTotal = Math.max(2, Math.round(datasetsTotal / 5));
  const departmentsTotal = Math.max(2, Math.min(12, Math.round(sourcesTotal / 6)));
  const servers = COUNTRIES.flatMap((country, i) =>
    [0, 1].map((k) => ({ key: `srv-${i}-${k}`, name: `Server ${country} ${k}`, hosting: 'CLOUD' as const, country })),
  );
  const recipients = COUNTRIES.map((country, i) => ({
    key: `rcp-${i}`,
    name: `Recipient ${country}`,
    role: 'PROCESSOR' as const,
    country,
    safeguard: (i % 3 === 0 ? 'SCC' : 'NONE') as 'SCC' | 'NONE',
  }));
  const finding = (): FindingFacts[] => {
    const r = random();
    if (r < 0.55) return [];
    const special = r > 0.93;
    return [
      {
        category: special ? 'HEALTH' : CATEGORIES[int(CATEGORIES.length)],
        specialCategory: special ? 'HEALTH' : null,
        tier: 'DIRECT_IDENTIFIER',
        status: r > 0.8 ? 'PENDING' : 'CONFIRMED',
        origin: 'SCAN',
      },
    ];
  };
  let field = 0;
  const sources = Array.from({ length: sourcesTotal }, (_, s) => ({
    key: `src-${s}`,
    name: `Source ${s}`,
    department: `dep-${s % departmentsTotal}`,
    servers: [servers[int(servers.length)].key],
    velocity: { recordsPerDay: int(5_000) },
    accessMethods: ['SQL'],
    datasets: Array.from({ length: Math.round(datasetsTotal / sourcesTotal) }, (_, d) => ({
      key: `ds-${s}-${d}`,
      name: `Dataset ${s}.${d}`,
      volume: { records: 1 + int(1_000_000) },
      fields: Array.from({ length: 12 }, () => ({ name: `f${field++}`, findings: finding() })),
    })),
  }));
  const datasetKeys = sources.flatMap((s) => s.datasets.map((d) => d.key));
  const activities = Array.from({ length: departmentsTotal * 2 }, (_, a) => ({
    key: `act-${a}`,
    name: `Activity ${a}`,
    department: `dep-${a % departmentsTotal}`,
    legalBases: [a % 2 === 0 ? 'PUBLIC_TASK' : 'CONSENT'],
    datasets: [datasetKeys[int(datasetKeys.length)], datasetKeys[int(datasetKeys.length)]].filter(
      (k, i, all) => all.indexOf(k) === i,
    ),
    recipients: [recipients[int(recipients.length)].key],
  }));
  const flows = Array.from({ length: Math.round(datasetsTotal / 4) }, (_, f) => ({
    key: `flow-${f}`,
    from: datasetKeys[int(datasetKeys.length)],
    to: datasetKeys[int(datasetKeys.length)],
    mechanism: f % 2 === 0 ? 'API' : 'EXPORT',
  })).filter((f) => f.from !== f.to);
  return {
    organisation: { key: 'bench', name: 'Bench organisation', country: 'FR' },
    departments: Array.from({ length: departmentsTotal }, (_, d) => ({ key: `dep-${d}`, name: `Department ${d}` })),
    servers,
    recipients,
    sources,
    processingActivities: activities,
    flows,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const ms = (t: number) => Math.round(t * 100) / 100;
const results: Record<string, unknown>[] = [];
for (const size of SIZES) {
  const facts = generate(size, SEED + size);
  let t = performance.now();
  const model = buildMapModel(facts, '2026-12-01');
  const modelMs = performance.now() - t;
  const elements = model.nodes.length + model.edges.length;
  const views: [string, MapViewState][] = [
    ['aggregate', defaultViewState()],
    ['drill-down', { ...defaultViewState(), expanded: ['department:dep-0', 'source:src-0', 'dataset:ds-0-0'] }],
    [
      'location',
      {
        ...defaultViewState(),
        grouping: 'LOCATION',
        depth: 2,
        expanded: ['group:jurisdiction:EU', 'group:jurisdiction:THIRD_COUNTRY'],
      },
    ],
    // Every department opened three levels deep, 100 children a group: the view stops at its 300-node bound.
    [
      'bounded',
      {
        ...defaultViewState(),
        depth: 3,
        limit: 100,
        expanded: (facts.departments ?? []).map((d) => `department:${d.key}`),
      },
    ],
  ];
  for (const [name, state] of views) {
    const first: number[] = [];
    const cached: number[] = [];
    const fromFacts: number[] = [];
    let nodes = 0;
    let edges = 0;
    let svgBytes = 0;
    const frames: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const cache = new MapLayoutCache();
      t = performance.now();
      const placed = cache.place(model, state);
      const svg = renderMapSvg(placed, { language: 'fr' });
      first.push(performance.now() - t);
      t = performance.now();
      const again = cache.place(model, { ...state, expanded: [...state.expanded] });
      renderMapSvg(again, { language: 'fr' });
      cached.push(performance.now() - t);
      if (again !== placed) throw new Error('the second request missed the cache');
      t = performance.now();
      const third = cache.placeFacts(facts, '2026-12-01', {}, state);
      renderMapSvg(third, { language: 'fr' });
      fromFacts.push(performance.now() - t);
      if (third !== placed) throw new Error('the request from the facts missed the cache');
      nodes = placed.nodes.length;
      edges = placed.edges.length;
      svgBytes = Buffer.byteLength(svg);
      const frame = await firstFrame(placed);
      if (frame !== null) frames.push(frame);
    }
    const row = {
      elements,
      view: name,
      viewNodes: nodes,
      viewEdges: edges,
      modelMs: ms(modelMs),
      firstMs: ms(median(first)),
      cachedMs: ms(median(cached)),
      cachedFromFactsMs: ms(median(fromFacts)),
      svgBytes,
      firstFrameMs: frames.length ? ms(median(frames)) : null,
    };
    results.push(row);
    console.log(
      `${String(elements).padStart(6)} elements  ${name.padEnd(10)} view ${String(nodes).padStart(3)} nodes ${String(edges).padStart(3)} edges  model ${ms(modelMs)} ms  first (view+layout+SVG) ${ms(median(first))} ms  cached (+SVG) ${ms(median(cached))} ms, from the facts ${ms(median(fromFacts))} ms  SVG ${svgBytes} B  browser first frame ${row.firstFrameMs ?? '-'} ms`,
    );
  }
}
await browser?.close();
console.log(JSON.stringify({ benchmark: 'map', runs: RUNS, seed: SEED, node: process.version, results }));
