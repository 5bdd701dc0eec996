/**
 * Writes the outputs of examples/plans/demo-plan.json next to it: its CPM JSON (what
 * `carto plan --format json` prints) and its Gantt chart in French and English. A unit test
 * (libs/feasibility/src/examples.spec.ts) checks that the committed files are up to date.
 *
 * Run: npm run build && node dist/scripts/plan-examples.js && npx prettier --write examples/plans
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planExampleOutputs } from '@cartographer/feasibility';
import { projectRoot } from '@cartographer/config';

const folder = join(projectRoot(), 'examples/plans');
const outputs = planExampleOutputs(JSON.parse(readFileSync(join(folder, 'demo-plan.json'), 'utf8')));
for (const [file, content] of Object.entries(outputs)) {
  writeFileSync(join(folder, `demo-plan.${file}`), content);
  console.log(`examples/plans/demo-plan.${file}: ${Buffer.byteLength(content)} bytes`);
}
