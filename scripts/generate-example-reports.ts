/**
 * Writes the example reports (libs/reports EXAMPLE_REPORTS) to examples/reports/, in PDF, HTML and
 * JSON, and re-renders the committed demo reports (libs/report-content DEMO_REPORTS) from their
 * committed models. A unit test fails while a committed example differs from what the engine renders.
 *
 * Run: npm run examples:reports
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderExampleReports } from '../libs/reports/src/examples/example-reports.js';
import { renderDemoExamples } from '../libs/report-content/src/examples/demo-reports.js';

const directory = join(process.cwd(), 'examples', 'reports');
mkdirSync(directory, { recursive: true });
// The demo models come from the graph (npm run examples:reports:demo); here they are re-rendered.
const files = new Map([...renderExampleReports(), ...renderDemoExamples()]);
for (const name of readdirSync(directory)) {
  if (name !== 'README.md' && !files.has(name)) rmSync(join(directory, name));
}
for (const [name, bytes] of files) writeFileSync(join(directory, name), bytes);
console.log(JSON.stringify({ directory: 'examples/reports', files: [...files.keys()] }));
