import { LOCAL_KEY_SOURCE } from '@cartographer/common';
import { BUDGET_CATEGORIES, DEPENDENCY_TYPES } from './plan.model.js';

/**
 * JSON Schema (draft 2020-12) fragment of a project plan, meant to sit under a `plan` member of the
 * inventory format (it has no `$schema`/`$id` of its own). Every string and list is bounded. The
 * schema checks shapes; `parsePlan` adds what a schema cannot say (real dates, unique ids, known
 * predecessors, no cycle, baseline and progress consistency). Types: plan.model.ts; a unit test
 * keeps the two in step.
 */
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
/** The inventory format's date pattern, so both schemas say the same (libs/inventory's declarations test). */
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const date = { type: 'string', pattern: DATE_PATTERN };
const taskId = { type: 'string', pattern: `^${LOCAL_KEY_SOURCE}$` };
const enumOf = (values: readonly string[]) => ({ type: 'string', enum: [...values] });
const list = (items: object, maxItems: number, extra: object = {}) => ({
  type: 'array',
  items,
  maxItems,
  minItems: 0,
  ...extra,
});
const object = (properties: Record<string, object>, required: string[] = []) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});

/** Bounds of the format; a 2,000-task plan is the benchmarked size. */
export const MAX_PLAN_TASKS = 10_000;
export const MAX_TASK_DEPENDENCIES = 100;
/** Lags beyond ten working years are refused as typos. */
export const MAX_LAG_DAYS = 2_600;
export const MAX_DURATION_DAYS = 2_600;

const dependency = object(
  {
    predecessor: taskId,
    type: enumOf(DEPENDENCY_TYPES),
    lag: { type: 'integer', minimum: -MAX_LAG_DAYS, maximum: MAX_LAG_DAYS },
  },
  ['predecessor'],
);

const task = object(
  {
    id: taskId,
    name: text(512),
    duration: { type: 'integer', minimum: 0, maximum: MAX_DURATION_DAYS },
    dependencies: list(dependency, MAX_TASK_DEPENDENCIES),
    owner: text(256),
    deadline: date,
    baselineStart: date,
    baselineFinish: date,
    actualStart: date,
    actualFinish: date,
    percentComplete: { type: 'number', minimum: 0, maximum: 100 },
  },
  ['id', 'name', 'duration'],
);

const calendar = object({
  weekend: list({ type: 'integer', minimum: 1, maximum: 7 }, 7, { uniqueItems: true }),
  frenchHolidays: { type: 'boolean' },
  alsaceMoselle: { type: 'boolean' },
  nonWorkingDays: list(date, 5000),
  workingDays: list(date, 5000),
});

const budgetLine = object(
  {
    item: text(512),
    amount: { type: 'number', minimum: 0, maximum: 1e12 },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    category: enumOf(BUDGET_CATEGORIES),
  },
  ['item', 'amount', 'currency', 'category'],
);

export const PLAN_SCHEMA = {
  title: 'Project plan of a feasibility study',
  ...object(
    {
      name: text(512),
      start: date,
      deadline: date,
      statusDate: date,
      calendar,
      tasks: list(task, MAX_PLAN_TASKS, { minItems: 1 }),
      budget: list(budgetLine, 1000),
    },
    ['start', 'tasks'],
  ),
} as const;
