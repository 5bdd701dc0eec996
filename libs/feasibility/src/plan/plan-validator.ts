import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { isPlanDate, MAX_PLAN_DATE, MIN_PLAN_DATE } from '../calendar/civil-date.js';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { FeasibilityError, FeasibilityErrorCode, type PlanIssue, quote } from '../feasibility.errors.js';
import { buildTaskGraph } from '../schedule/task-graph.js';
import type { ProjectPlan } from './plan.model.js';
import { DATE_PATTERN, PLAN_SCHEMA } from './plan.schema.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateSchema = ajv.compile(PLAN_SCHEMA);

/**
 * Checks a plan (already parsed from JSON or YAML) and returns it typed. Nothing is copied or
 * defaulted: the CPM reads `type ?? 'FS'`, `lag ?? 0`. The checks run in a fixed order and the
 * first failing step throws, listing all of its issues:
 *
 * 1. shape (PLAN_SCHEMA): INVALID_PLAN, or NEGATIVE_DURATION when only durations are below zero;
 * 2. real dates within 2000-2199, deadlines not before the start: INVALID_PLAN; calendar: INVALID_CALENDAR;
 * 3. unique task ids: DUPLICATE_TASK; 4. known predecessors: UNKNOWN_TASK; 5. no predecessor twice: DUPLICATE_DEPENDENCY;
 * 6. baselines: INVALID_BASELINE; 7. actual dates and percent complete: INVALID_PROGRESS;
 * 8. no dependency cycle: DEPENDENCY_CYCLE.
 */
export function parsePlan(input: unknown): ProjectPlan {
  checkShape(input);
  const plan = input as ProjectPlan;
  const steps: [FeasibilityErrorCode, (plan: ProjectPlan) => PlanIssue[]][] = [
    [FeasibilityErrorCode.INVALID_PLAN, dateIssues],
    [FeasibilityErrorCode.DUPLICATE_TASK, duplicateIssues],
    [FeasibilityErrorCode.UNKNOWN_TASK, unknownPredecessorIssues],
    [FeasibilityErrorCode.DUPLICATE_DEPENDENCY, duplicateDependencyIssues],
    [FeasibilityErrorCode.INVALID_BASELINE, baselineIssues],
    [FeasibilityErrorCode.INVALID_PROGRESS, progressIssues],
  ];
  for (const [code, check] of steps) {
    const issues = check(plan);
    if (issues.length > 0) throw FeasibilityError.of(code, issues);
  }
  new WorkingCalendar(plan.calendar);
  buildTaskGraph(plan.tasks);
  return plan;
}

// ------------------------------------------------------------------ 1. shape

function checkShape(input: unknown): void {
  if (validateSchema(input)) return;
  const issues = (validateSchema.errors ?? []).map((error) => schemaIssue(input, error));
  const negative = (validateSchema.errors ?? []).every(
    (error) => error.keyword === 'minimum' && /^\/tasks\/\d+\/duration$/.test(error.instancePath),
  );
  throw FeasibilityError.of(
    negative ? FeasibilityErrorCode.NEGATIVE_DURATION : FeasibilityErrorCode.INVALID_PLAN,
    issues,
  );
}

/** `/tasks/3/dependencies/0` -> `tasks[3].dependencies[0]` */
export function toPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment),
      '',
    );
}

function schemaIssue(input: unknown, error: ErrorObject): PlanIssue {
  const params = error.params as Record<string, unknown>;
  let path = toPath(error.instancePath);
  let reason: string;
  switch (error.keyword) {
    case 'required':
      path = path ? `${path}.${String(params.missingProperty)}` : String(params.missingProperty);
      reason = 'is required';
      break;
    case 'additionalProperties':
      path = path ? `${path}.${String(params.additionalProperty)}` : String(params.additionalProperty);
      reason = 'is not a member of the plan format';
      break;
    case 'enum':
      reason = `must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
      break;
    case 'pattern':
      reason =
        params.pattern === DATE_PATTERN
          ? `${quote(valueAt(input, error.instancePath))} is not a YYYY-MM-DD date`
          : `${quote(valueAt(input, error.instancePath))} must be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit`;
      break;
    case 'minimum':
      reason = /\.duration$/.test(path)
        ? `duration ${String(valueAt(input, error.instancePath))} is negative: a duration is a whole number of working days, 0 for a milestone`
        : `must be >= ${String(params.limit)}`;
      break;
    default:
      reason = error.message ?? 'is invalid';
  }
  return { path, task: taskIdAt(input, error.instancePath), reason };
}

function valueAt(input: unknown, pointer: string): unknown {
  let current = input;
  for (const segment of pointer.split('/').slice(1)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** The id of the task a pointer is inside, when it has a usable one. */
function taskIdAt(input: unknown, pointer: string): string | undefined {
  const match = /^\/tasks\/(\d+)(?:\/|$)/.exec(pointer);
  if (match === null) return undefined;
  const id = valueAt(input, `/tasks/${match[1]}/id`);
  return typeof id === 'string' ? id : undefined;
}

// ------------------------------------------------------------------ 2-7. content

const TASK_DATES = ['deadline', 'baselineStart', 'baselineFinish', 'actualStart', 'actualFinish'] as const;

function dateIssues(plan: ProjectPlan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const check = (value: string | undefined, path: string, task?: string) => {
    if (value !== undefined && !isPlanDate(value)) {
      issues.push({
        path,
        task,
        reason: `${quote(value)} is not a calendar date between ${MIN_PLAN_DATE} and ${MAX_PLAN_DATE}`,
      });
    }
  };
  check(plan.start, 'start');
  check(plan.deadline, 'deadline');
  check(plan.statusDate, 'statusDate');
  plan.tasks.forEach((task, i) =>
    TASK_DATES.forEach((member) => check(task[member], `tasks[${i}].${member}`, task.id)),
  );
  if (issues.length > 0) return issues;
  if (plan.deadline !== undefined && plan.deadline < plan.start) {
    issues.push({ path: 'deadline', reason: `${plan.deadline} is before the plan's start ${plan.start}` });
  }
  plan.tasks.forEach((task, i) => {
    if (task.deadline !== undefined && task.deadline < plan.start) {
      issues.push({
        path: `tasks[${i}].deadline`,
        task: task.id,
        reason: `${task.deadline} is before the plan's start ${plan.start}`,
      });
    }
  });
  return issues;
}

function duplicateIssues(plan: ProjectPlan): PlanIssue[] {
  const firstAt = new Map<string, number>();
  const issues: PlanIssue[] = [];
  plan.tasks.forEach((task, i) => {
    const first = firstAt.get(task.id);
    if (first === undefined) firstAt.set(task.id, i);
    else
      issues.push({ path: `tasks[${i}].id`, task: task.id, reason: `duplicate id: already used by tasks[${first}]` });
  });
  return issues;
}

function unknownPredecessorIssues(plan: ProjectPlan): PlanIssue[] {
  const ids = new Set(plan.tasks.map((task) => task.id));
  return plan.tasks.flatMap((task, i) =>
    (task.dependencies ?? []).flatMap((dependency, j) =>
      ids.has(dependency.predecessor)
        ? []
        : [
            {
              path: `tasks[${i}].dependencies[${j}].predecessor`,
              task: task.id,
              reason: `depends on unknown task ${quote(dependency.predecessor)}`,
            },
          ],
    ),
  );
}

function duplicateDependencyIssues(plan: ProjectPlan): PlanIssue[] {
  return plan.tasks.flatMap((task, i) => {
    const seen = new Set<string>();
    return (task.dependencies ?? []).flatMap((dependency, j) => {
      const type = dependency.type ?? 'FS';
      const key = `${type} ${dependency.predecessor}`;
      if (!seen.has(key)) {
        seen.add(key);
        return [];
      }
      return [
        {
          path: `tasks[${i}].dependencies[${j}]`,
          task: task.id,
          reason: `the ${type} link from ${quote(dependency.predecessor)} is listed twice`,
        },
      ];
    });
  });
}

function baselineIssues(plan: ProjectPlan): PlanIssue[] {
  return plan.tasks.flatMap((task, i): PlanIssue[] => {
    const path = `tasks[${i}]`;
    const { baselineStart: start, baselineFinish: finish } = task;
    if ((start === undefined) !== (finish === undefined)) {
      const missing = start === undefined ? 'baselineStart' : 'baselineFinish';
      return [{ path: `${path}.${missing}`, task: task.id, reason: 'a baseline needs both its start and its finish' }];
    }
    if (start !== undefined && finish !== undefined && finish < start) {
      return [
        {
          path: `${path}.baselineFinish`,
          task: task.id,
          reason: `baseline finish ${finish} is before its start ${start}`,
        },
      ];
    }
    return [];
  });
}

function progressIssues(plan: ProjectPlan): PlanIssue[] {
  return plan.tasks.flatMap((task, i): PlanIssue[] => {
    const issue = (member: string, reason: string): PlanIssue[] => [
      { path: `tasks[${i}].${member}`, task: task.id, reason },
    ];
    const { actualStart, actualFinish, percentComplete } = task;
    if (actualFinish !== undefined && actualStart === undefined)
      return issue('actualStart', 'a task with an actual finish needs its actual start');
    if (actualStart !== undefined && actualFinish !== undefined && actualFinish < actualStart) {
      return issue('actualFinish', `actual finish ${actualFinish} is before the actual start ${actualStart}`);
    }
    if (actualFinish !== undefined && percentComplete !== undefined && percentComplete !== 100) {
      return issue(
        'percentComplete',
        `${percentComplete} % but the task has an actual finish: a finished task is 100 % complete`,
      );
    }
    if (percentComplete === 100 && actualFinish === undefined)
      return issue('actualFinish', 'a task 100 % complete needs its actual finish');
    if (percentComplete !== undefined && percentComplete > 0 && actualStart === undefined) {
      return issue('actualStart', `${percentComplete} % complete but no actual start`);
    }
    if (task.duration === 0 && actualStart !== undefined && actualFinish === undefined) {
      return issue('actualFinish', 'a milestone is reached or not: give its actual finish with its actual start');
    }
    const status = plan.statusDate;
    if (status !== undefined) {
      for (const member of ['actualStart', 'actualFinish'] as const) {
        const value = task[member];
        if (value !== undefined && value > status)
          return issue(
            member,
            `${value} is after the status date ${status}: actual dates are facts up to the status date`,
          );
      }
    }
    return [];
  });
}
