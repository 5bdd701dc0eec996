import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderExampleReports } from './example-reports.js';

const DIRECTORY = join(process.cwd(), 'examples', 'reports');
const expected = renderExampleReports();

describe('examples/reports', () => {
  it('holds exactly the example files the engine renders (npm run examples:reports regenerates them)', () => {
    // Content builders' examples (demo-*) live beside the engine's and are checked by their own lib.
    const committed = existsSync(DIRECTORY)
      ? readdirSync(DIRECTORY).filter((name) => name !== 'README.md' && !name.startsWith('demo-'))
      : [];
    expect(committed.sort()).toEqual([...expected.keys()].sort());
  });

  it.each([...expected.keys()])('%s is byte for byte what the engine renders now', (name) => {
    const committed = readFileSync(join(DIRECTORY, name));
    expect(committed.equals(expected.get(name)!)).toBe(true);
  });
});
