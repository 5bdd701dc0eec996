import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planExampleOutputs } from './examples.js';

const folder = join(dirname(fileURLToPath(import.meta.url)), '../../../examples/plans');

describe('examples/plans', () => {
  it('holds the current outputs of demo-plan.json (regenerate: npm run build && node dist/scripts/plan-examples.js && npx prettier --write examples/plans)', () => {
    const outputs = planExampleOutputs(JSON.parse(readFileSync(join(folder, 'demo-plan.json'), 'utf8')));
    for (const [file, content] of Object.entries(outputs)) {
      const committed = readFileSync(join(folder, `demo-plan.${file}`), 'utf8');
      // The JSON file is formatted by prettier afterwards: compare its content, the SVGs byte for byte.
      if (file.endsWith('.json')) expect([file, JSON.parse(committed)]).toEqual([file, JSON.parse(content)]);
      else expect([file, committed]).toEqual([file, content]);
    }
  });

  it('is the plan the README describes: a late task, negative float, a task deadline, SS+FF links and a lead', () => {
    const json = JSON.parse(readFileSync(join(folder, 'demo-plan.cpm.json'), 'utf8')) as {
      tasks: { id: string; totalFloat: number; varianceDays: number | null }[];
      deadlineFloat: number;
    };
    expect(json.deadlineFloat).toBeLessThan(0);
    expect(json.tasks.filter((t) => (t.varianceDays ?? 0) > 0).length).toBeGreaterThan(0);
    expect(json.tasks.find((t) => t.id === 'M1')!.totalFloat).toBe(-4);
  });
});
