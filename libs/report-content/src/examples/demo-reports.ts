import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_FORMATS, type ReportModel, ReportRenderer } from '@cartographer/reports';
import type { ReportRequest } from '../report-request.js';

/*
 * The demo reports committed under examples/reports/ (the demo organisation of examples/demo,
 * FR and EN). Their models are built from a real graph by demo-reports.int-spec.ts, which compares
 * them exactly with the committed JSON files and rewrites them with CARTO_UPDATE_EXAMPLES=1
 * (`npm run examples:reports:demo`). The PDF and HTML are renderings of the committed model:
 * `npm run examples:reports` re-renders them, and a unit test fails when they are stale.
 */

export const DEMO_ORGANISATION = 'lormont-sur-loire';
export const DEMO_AS_OF = '2026-12-01';

export const DEMO_REPORTS: readonly { name: string; request: Omit<ReportRequest, 'organisationKey'> }[] = [
  { name: 'demo-cartography-fr', request: { kind: 'CARTOGRAPHY', language: 'fr', asOf: DEMO_AS_OF } },
  { name: 'demo-cartography-en', request: { kind: 'CARTOGRAPHY', language: 'en', asOf: DEMO_AS_OF } },
  { name: 'demo-risks-fr', request: { kind: 'RISKS', language: 'fr', asOf: DEMO_AS_OF } },
  { name: 'demo-risks-en', request: { kind: 'RISKS', language: 'en', asOf: DEMO_AS_OF } },
];

export function demoExampleFile(fileName: string): string {
  return join(process.cwd(), 'examples', 'reports', fileName);
}

/** The committed model of a demo report (from its JSON file), or null before the first generation. */
export function committedDemoModel(name: string): ReportModel | null {
  const file = demoExampleFile(`${name}.json`);
  if (!existsSync(file)) return null;
  return (JSON.parse(readFileSync(file, 'utf8')) as { model: ReportModel }).model;
}

/** Every demo example file (`<name>.<format>` → bytes) rendered from the committed models. */
export function renderDemoExamples(renderer: ReportRenderer = new ReportRenderer()): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const demo of DEMO_REPORTS) {
    const model = committedDemoModel(demo.name);
    if (!model) continue;
    const rendered = renderer.renderAll(model);
    for (const format of REPORT_FORMATS) files.set(`${demo.name}.${format}`, rendered[format].bytes);
  }
  return files;
}
