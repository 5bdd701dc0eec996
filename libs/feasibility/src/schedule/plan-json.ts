import type { PlanSchedule } from './schedule.model.js';

/** One task of `carto plan --format json`. Dates YYYY-MM-DD, floats and variance in working days. */
export interface PlanJsonTask {
  id: string;
  es: string;
  ef: string;
  ls: string;
  lf: string;
  totalFloat: number;
  freeFloat: number;
  critical: boolean;
  /** Finish variance against the baseline (positive: late); null without a baseline. */
  varianceDays: number | null;
}

/** What `npx carto plan --organisation KEY --format json` prints. */
export interface PlanJson {
  tasks: PlanJsonTask[];
  /** Every critical path (usually one), each the ordered ids of its tasks. */
  criticalPath: string[][];
  /** Last day of work of the plan. */
  end: string;
  deadline: string | null;
  /** Working days between the end and the deadline (negative: late); null without a deadline. */
  deadlineFloat: number | null;
}

/** The CPM result as the CLI prints it; members in a fixed order so the output is stable. */
export function planJson(schedule: PlanSchedule): PlanJson {
  return {
    tasks: schedule.tasks.map((task) => ({
      id: task.id,
      es: task.dates.es,
      ef: task.dates.ef,
      ls: task.dates.ls,
      lf: task.dates.lf,
      totalFloat: task.totalFloat,
      freeFloat: task.freeFloat,
      critical: task.critical,
      varianceDays: task.finishVarianceDays,
    })),
    criticalPath: schedule.criticalPaths.map((path) => [...path]),
    end: schedule.end,
    deadline: schedule.deadline,
    deadlineFloat: schedule.deadlineFloat,
  };
}
