import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorKind } from '@cartographer/common';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { CalendarSpec } from '../calendar/working-calendar.js';
import { FeasibilityError, FeasibilityErrorCode } from '../feasibility.errors.js';
import { schedulePlan } from '../schedule/critical-path.js';
import type { BudgetLine, PlanTask, ProjectPlan, TaskDependency } from './plan.model.js';
import { parsePlan } from './plan-validator.js';
import { PLAN_SCHEMA } from './plan.schema.js';

function failure(input: unknown): FeasibilityError {
  try {
    parsePlan(input);
  } catch (error) {
    if (error instanceof FeasibilityError) return error;
    throw error;
  }
  throw new Error('expected the plan to be refused');
}

const task = (id: string, extra: Partial<PlanTask> = {}): PlanTask => ({
  id,
  name: `Task ${id}`,
  duration: 2,
  ...extra,
});
const plan = (tasks: unknown[], extra: Record<string, unknown> = {}) => ({ start: '2026-01-05', tasks, ...extra });

describe('parsePlan: bad input gets an error naming the item', () => {
  it('a dependency cycle, with its tasks in dependency order', () => {
    const error = failure(
      plan([
        task('A', { dependencies: [{ predecessor: 'C' }] }),
        task('B', { dependencies: [{ predecessor: 'A' }] }),
        task('C', { dependencies: [{ predecessor: 'B', type: 'SS' }] }),
        task('D'),
      ]),
    );
    expect([error.code, error.kind, error.message]).toEqual([
      FeasibilityErrorCode.DEPENDENCY_CYCLE,
      ErrorKind.INVALID_INPUT,
      "tasks[0].dependencies (task 'A'): dependency cycle 'A' → 'B' → 'C' → 'A' (each task depends on the one before it)",
    ]);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.details()).toEqual({ issues: error.issues });
  });

  it('a cycle reached from a task outside it names only the cycle', () => {
    // D depends on the cycle but is not in it; the walk may start from D.
    const error = failure(
      plan([
        task('D', { dependencies: [{ predecessor: 'C' }] }),
        task('A', { dependencies: [{ predecessor: 'C' }] }),
        task('B', { dependencies: [{ predecessor: 'A' }] }),
        task('C', { dependencies: [{ predecessor: 'B' }] }),
      ]),
    );
    expect(error.message).toBe(
      "tasks[1].dependencies (task 'A'): dependency cycle 'A' → 'B' → 'C' → 'A' (each task depends on the one before it)",
    );
  });

  it('a task depending on itself', () => {
    expect(failure(plan([task('A'), task('B', { dependencies: [{ predecessor: 'B' }] })])).message).toBe(
      "tasks[1].dependencies (task 'B'): dependency cycle 'B' → 'B' (each task depends on the one before it)",
    );
  });

  it('a dependency on an unknown task', () => {
    const error = failure(plan([task('A'), task('B', { dependencies: [{ predecessor: 'A' }, { predecessor: 'Z' }] })]));
    expect([error.code, error.message]).toEqual([
      FeasibilityErrorCode.UNKNOWN_TASK,
      "tasks[1].dependencies[1].predecessor (task 'B'): depends on unknown task 'Z'",
    ]);
  });

  it('negative durations, every one of them', () => {
    const error = failure(plan([task('A', { duration: -2 }), task('B'), task('C', { duration: -1 })]));
    expect([error.code, error.message]).toEqual([
      FeasibilityErrorCode.NEGATIVE_DURATION,
      "tasks[0].duration (task 'A'): duration -2 is negative: a duration is a whole number of working days, 0 for a milestone; " +
        "tasks[2].duration (task 'C'): duration -1 is negative: a duration is a whole number of working days, 0 for a milestone",
    ]);
    expect(error.issues).toEqual([
      { path: 'tasks[0].duration', task: 'A', reason: expect.stringContaining('-2 is negative') },
      { path: 'tasks[2].duration', task: 'C', reason: expect.stringContaining('-1 is negative') },
    ]);
  });

  it('a baseline finish before its start, or half a baseline', () => {
    const error = failure(plan([task('A', { baselineStart: '2026-01-09', baselineFinish: '2026-01-05' })]));
    expect([error.code, error.message]).toEqual([
      FeasibilityErrorCode.INVALID_BASELINE,
      "tasks[0].baselineFinish (task 'A'): baseline finish 2026-01-05 is before its start 2026-01-09",
    ]);
    expect(failure(plan([task('A', { baselineStart: '2026-01-09' })])).message).toBe(
      "tasks[0].baselineFinish (task 'A'): a baseline needs both its start and its finish",
    );
  });

  it('duplicate ids', () => {
    const error = failure(plan([task('A'), task('B'), task('A')]));
    expect([error.code, error.message]).toEqual([
      FeasibilityErrorCode.DUPLICATE_TASK,
      "tasks[2].id (task 'A'): duplicate id: already used by tasks[0]",
    ]);
  });

  it('the same link twice (SS and FF from one task is allowed)', () => {
    const twice: TaskDependency[] = [
      { predecessor: 'A', type: 'SS' },
      { predecessor: 'A', type: 'FF' },
      { predecessor: 'A', type: 'SS', lag: 2 },
    ];
    const error = failure(plan([task('A'), task('B', { dependencies: twice })]));
    expect([error.code, error.message]).toEqual([
      FeasibilityErrorCode.DUPLICATE_DEPENDENCY,
      "tasks[1].dependencies[2] (task 'B'): the SS link from 'A' is listed twice",
    ]);
  });

  it('shape errors: unknown members, wrong types, impossible dates, bad link types', () => {
    const error = failure(
      plan(
        [
          task('A', { colour: 'red' } as Partial<PlanTask>),
          { id: 'B', name: 'B', duration: 1.5 },
          task('C', { dependencies: [{ predecessor: 'A', type: 'XX' as 'FS' }] }),
        ],
        {
          deadline: '31/12/2026',
        },
      ),
    );
    expect([error.code, error.issues]).toEqual([
      FeasibilityErrorCode.INVALID_PLAN,
      [
        { path: 'deadline', reason: "'31/12/2026' is not a YYYY-MM-DD date" },
        { path: 'tasks[0].colour', task: 'A', reason: 'is not a member of the plan format' },
        { path: 'tasks[1].duration', task: 'B', reason: 'must be integer' },
        { path: 'tasks[2].dependencies[0].type', task: 'C', reason: 'must be one of FS, SS, FF, SF' },
      ],
    ]);
    expect(failure(plan([task('A', { baselineStart: '2026-02-30', baselineFinish: '2026-03-01' })])).message).toBe(
      "tasks[0].baselineStart (task 'A'): '2026-02-30' is not a calendar date between 2000-01-01 and 2199-12-31",
    );
    expect(failure({ tasks: [] }).issues).toEqual([
      { path: 'start', reason: 'is required' },
      { path: 'tasks', reason: 'must NOT have fewer than 1 items' },
    ]);
    expect(failure(plan([task('A')], { deadline: '2025-12-31' })).message).toBe(
      "deadline: 2025-12-31 is before the plan's start 2026-01-05",
    );
    expect(failure(plan([{ id: 'bad id', name: 'x', duration: 1 }])).message).toBe(
      "tasks[0].id (task 'bad id'): 'bad id' must be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit",
    );
  });

  it('progress that contradicts itself or the status date', () => {
    const refused = (extra: Partial<PlanTask>, planExtra: Record<string, unknown> = {}) =>
      failure(plan([task('A', extra)], planExtra));
    expect(refused({ percentComplete: 40 }).message).toBe(
      "tasks[0].actualStart (task 'A'): 40 % complete but no actual start",
    );
    expect(refused({ actualFinish: '2026-01-06' }).message).toBe(
      "tasks[0].actualStart (task 'A'): a task with an actual finish needs its actual start",
    );
    expect(refused({ actualStart: '2026-01-07', actualFinish: '2026-01-06' }).message).toBe(
      "tasks[0].actualFinish (task 'A'): actual finish 2026-01-06 is before the actual start 2026-01-07",
    );
    expect(refused({ actualStart: '2026-01-05', actualFinish: '2026-01-06', percentComplete: 80 }).code).toBe(
      FeasibilityErrorCode.INVALID_PROGRESS,
    );
    expect(refused({ actualStart: '2026-01-05', percentComplete: 100 }).message).toBe(
      "tasks[0].actualFinish (task 'A'): a task 100 % complete needs its actual finish",
    );
    expect(refused({ actualStart: '2026-01-08' }, { statusDate: '2026-01-07' }).message).toBe(
      "tasks[0].actualStart (task 'A'): 2026-01-08 is after the status date 2026-01-07: actual dates are facts up to the status date",
    );
    expect(refused({ duration: 0, actualStart: '2026-01-05' }).message).toBe(
      "tasks[0].actualFinish (task 'A'): a milestone is reached or not: give its actual finish with its actual start",
    );
  });

  it('a bad calendar date, and an untrusted id quoted safely', () => {
    const error = failure(plan([task('A')], { calendar: { nonWorkingDays: ['2026-04-31'] } }));
    expect([error.code, error.message]).toEqual([
      FeasibilityErrorCode.INVALID_CALENDAR,
      "calendar.nonWorkingDays[0]: '2026-04-31' is not a YYYY-MM-DD date between 1900-01-01 and 2299-12-31",
    ]);
    const hostile = failure(plan([task('A'), task('B', { dependencies: [{ predecessor: 'Z\u202e\u0007x' }] })]));
    expect(hostile.message).toBe(
      "tasks[1].dependencies[0].predecessor (task 'B'): 'Z??x' must be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit",
    );
  });

  it('schedulePlan refuses the same input (it validates first)', () => {
    expect(() => schedulePlan(plan([task('A', { duration: -1 })]))).toThrow(FeasibilityError);
    expect(() => schedulePlan(null)).toThrow('plan: must be object');
  });
});

describe('PLAN_SCHEMA and the model types', () => {
  // `Required<>` makes the compiler demand every member: a member added to a type but not to the
  // schema (or the reverse) fails here.
  const fullDependency: Required<TaskDependency> = { predecessor: 'A', type: 'SF', lag: -1 };
  const fullTask: Required<PlanTask> = {
    id: 'B',
    name: 'Everything',
    duration: 3,
    dependencies: [fullDependency],
    owner: 'DPO',
    deadline: '2026-02-27',
    baselineStart: '2026-01-05',
    baselineFinish: '2026-01-07',
    actualStart: '2026-01-05',
    actualFinish: '2026-01-08',
    percentComplete: 100,
  };
  const fullBudget: Required<BudgetLine> = { item: 'Licence', amount: 1200.5, currency: 'EUR', category: 'licences' };
  const fullCalendar: Required<CalendarSpec> = {
    weekend: [6, 7],
    frenchHolidays: true,
    alsaceMoselle: true,
    nonWorkingDays: ['2026-01-02'],
    workingDays: ['2026-05-25'],
  };
  const fullPlan: Required<ProjectPlan> = {
    name: 'Plan',
    start: '2026-01-05',
    deadline: '2026-03-31',
    statusDate: '2026-01-09',
    calendar: fullCalendar,
    tasks: [{ id: 'A', name: 'A', duration: 1 }, fullTask],
    budget: [fullBudget],
  };
  // Member names of the object schema reached by `path` (`items` of lists are stepped through).
  const properties = (...path: string[]) => {
    let schema = PLAN_SCHEMA as unknown as { properties: Record<string, unknown>; items?: unknown };
    for (const member of path) {
      schema = schema.properties[member] as typeof schema;
      if (schema.items) schema = schema.items as typeof schema;
    }
    return Object.keys(schema.properties).sort();
  };

  it('lists exactly the members of the types', () => {
    expect(properties()).toEqual(Object.keys(fullPlan).sort());
    expect(properties('tasks')).toEqual(Object.keys(fullTask).sort());
    expect(properties('tasks', 'dependencies')).toEqual(Object.keys(fullDependency).sort());
    expect(properties('budget')).toEqual(Object.keys(fullBudget).sort());
    expect(properties('calendar')).toEqual(Object.keys(fullCalendar).sort());
  });

  it('accepts a plan using every member, and compiles standalone under a parent schema', () => {
    expect(parsePlan(fullPlan)).toBe(fullPlan);
    const parent = new Ajv2020({ strict: true }).compile({
      type: 'object',
      properties: { plan: PLAN_SCHEMA },
      additionalProperties: false,
    });
    expect(parent({ plan: fullPlan })).toBe(true);
    expect(parent({ plan: { ...fullPlan, budget: [{ ...fullBudget, category: 'travel' }] } })).toBe(false);
  });
});
