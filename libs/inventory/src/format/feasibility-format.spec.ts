import { describe, expect, it } from '@jest/globals';
import type { ProjectPlan } from '@cartographer/feasibility';
import { smallInventory } from '@cartographer/testing';
import { InventoryError } from '../inventory.errors.js';
import { Label } from '../model/labels.js';
import type { InventoryDocument } from './inventory-document.js';
import { compileInventory } from './inventory-compiler.js';
import { validateInventoryDocument } from './inventory-parser.js';

/** The plan and the needs of issue 14 in the inventory format: schema, compile checks, storage. */
const plan: ProjectPlan = {
  start: '2026-09-07',
  deadline: '2026-09-18',
  calendar: { nonWorkingDays: ['2026-09-11'] },
  tasks: [
    {
      id: 'A',
      name: 'Inventaire',
      duration: 3,
      owner: 'DPO',
      baselineStart: '2026-09-07',
      baselineFinish: '2026-09-09',
    },
    { id: 'B', name: 'Scan', duration: 4, dependencies: [{ predecessor: 'A', type: 'SS', lag: 1 }] },
    { id: 'M', name: 'Livraison', duration: 0, dependencies: [{ predecessor: 'B' }] },
  ],
  budget: [{ item: 'Licence', amount: 4800, currency: 'EUR', category: 'licences' }],
};

const withPlan = (extra: Partial<InventoryDocument>): InventoryDocument => ({ ...smallInventory('acme'), ...extra });

/** The issues an import reports, as `path: reason` lines. */
function issuesOf(doc: unknown): string[] {
  try {
    compileInventory(validateInventoryDocument(doc));
  } catch (error) {
    if (error instanceof InventoryError) return error.issues.map((issue) => `${issue.path}: ${issue.reason}`);
    throw error;
  }
  throw new Error('the document was accepted');
}

describe('the plan and the needs in the inventory format', () => {
  it('stores them as two JSON properties of the organisation node, as declared', () => {
    const needs = {
      budget: { amount: 35000, currency: 'EUR' },
      servers: [{ server: 'srv-fr', medium: 'SSD' as const }],
    };
    const batch = compileInventory(validateInventoryDocument(withPlan({ plan, needs })));
    const props = batch.nodes.get(Label.Organisation)![0].props;
    expect([JSON.parse(props.plan as string), JSON.parse(props.needs as string)]).toEqual([plan, needs]);
  });

  it('leaves the stored plan alone when a file has none (no property written)', () => {
    const props = compileInventory(validateInventoryDocument(smallInventory('acme'))).nodes.get(Label.Organisation)![0]
      .props;
    expect(['plan' in props, 'needs' in props]).toEqual([false, false]);
  });

  it('names the task of a negative duration, a bad currency and a repeated weekday', () => {
    const bad = {
      ...plan,
      calendar: { weekend: [6, 6] as (6 | 7)[] },
      tasks: [plan.tasks[0], { ...plan.tasks[1], duration: -2 }, plan.tasks[2]],
      budget: [{ ...plan.budget![0], currency: 'euro' }],
    };
    expect(issuesOf(withPlan({ plan: bad }))).toEqual([
      'plan.calendar.weekend: items 1 and 0 are the same',
      "plan.tasks[1].duration (task 'B'): duration -2 is negative: a duration is a whole number of working days, 0 for a milestone",
      "plan.budget[0].currency: 'euro' is not an ISO 4217 currency code (three capital letters)",
    ]);
  });

  it('names the tasks of a cycle, an unknown dependency and a baseline finishing before it starts', () => {
    const cycle = {
      ...plan,
      tasks: [{ ...plan.tasks[0], dependencies: [{ predecessor: 'M' }] }, plan.tasks[1], plan.tasks[2]],
    };
    expect(issuesOf(withPlan({ plan: cycle }))).toEqual([
      "plan.tasks[0].dependencies (task 'A'): dependency cycle 'A' → 'B' → 'M' → 'A' (each task depends on the one before it)",
    ]);
    const unknown = { ...plan, tasks: [plan.tasks[0], { ...plan.tasks[1], dependencies: [{ predecessor: 'Z' }] }] };
    expect(issuesOf(withPlan({ plan: unknown }))).toEqual([
      "plan.tasks[1].dependencies[0].predecessor (task 'B'): depends on unknown task 'Z'",
    ]);
    const baseline = { ...plan, tasks: [{ ...plan.tasks[0], baselineFinish: '2026-09-01' }] };
    expect(issuesOf(withPlan({ plan: baseline }))).toEqual([
      "plan.tasks[0].baselineFinish (task 'A'): baseline finish 2026-09-01 is before its start 2026-09-07",
    ]);
  });

  it('refuses needs naming a server twice, and leaves servers declared elsewhere to the graph', () => {
    const needs = {
      servers: [{ server: 'srv-fr' }, { server: 'srv-fr', replication: 2 }],
      availabilityTarget: 100.5,
    };
    expect(issuesOf(withPlan({ needs }))).toEqual([
      "needs.availabilityTarget: '100.5' is not between the bounds (must be <= 100)",
    ]);
    expect(issuesOf(withPlan({ needs: { servers: needs.servers } }))).toEqual([
      "needs.servers[1].server: server 'srv-fr' is already described by needs.servers[0]",
    ]);
    const batch = compileInventory(validateInventoryDocument(withPlan({ needs: { servers: [{ server: 'srv-x' }] } })));
    expect(batch.externalRefs).toEqual([
      { labels: [Label.Server], key: 'acme:srv-x', path: 'needs.servers[0].server' },
    ]);
  });
});
