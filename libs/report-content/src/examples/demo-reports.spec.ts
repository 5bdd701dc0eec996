import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderExampleReports } from '@cartographer/reports';
import { DEMO_REPORTS, renderDemoExamples } from './demo-reports.js';

const DIRECTORY = join(process.cwd(), 'examples', 'reports');
const expected = renderDemoExamples();

describe('examples/reports: the demo reports', () => {
  it('holds the engine samples and every demo report in PDF, HTML and JSON, nothing else', () => {
    const committed = readdirSync(DIRECTORY).filter((name) => name !== 'README.md');
    const names = [
      ...renderExampleReports().keys(),
      ...DEMO_REPORTS.flatMap((d) => ['pdf', 'html', 'json'].map((f) => `${d.name}.${f}`)),
    ];
    expect(committed.sort()).toEqual(names.sort());
    expect(expected.size).toBe(DEMO_REPORTS.length * 3);
  });

  it.each([...expected.keys()])('%s is byte for byte the rendering of its committed model', (name) => {
    expect(readFileSync(join(DIRECTORY, name)).equals(expected.get(name)!)).toBe(true);
  });
});
