import { describe, expect, it } from '@jest/globals';
import type { ReportModel } from '@cartographer/reports';
import { withChangesSince } from './changes-since.js';
import { committedDemoModel } from './examples/demo-reports.js';

const current = committedDemoModel('demo-risks-en')!;
/** An older register: the action plan had no row yet. */
const previous: ReportModel = {
  ...current,
  sections: current.sections.map((s) =>
    s.key !== 'action-plan' ? s : { ...s, blocks: s.blocks.map((b) => (b.type === 'table' ? { ...b, rows: [] } : b)) },
  ),
};

describe('withChangesSince', () => {
  it('returns the model unchanged without a previous snapshot', () => {
    expect(withChangesSince(current, null)).toBe(current);
  });

  it('appends the engine’s changes section, listing the actions added since the previous snapshot', () => {
    const actions = current.sections.find((s) => s.key === 'action-plan')!.blocks.find((b) => b.type === 'table');
    const added = actions?.type === 'table' ? actions.rows.map((r) => r.key) : [];
    const model = withChangesSince(current, previous);
    expect(model.sections.map((s) => s.key)).toEqual([...current.sections.map((s) => s.key), 'changes']);
    const changes = JSON.stringify(model.sections.at(-1));
    expect(added.length).toBeGreaterThan(0);
    for (const key of added) expect(changes).toContain(key);
    // Comparing with itself a second time ignores the older changes section.
    expect(withChangesSince(model, model).sections.filter((s) => s.key === 'changes')).toHaveLength(1);
  });
});
