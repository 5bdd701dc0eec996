import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { ProjectPlan } from '../plan/plan.model.js';

export type TaskStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETE';

/**
 * Where a milestone (an instant) is shown: at the end of the working day it follows when a
 * finish-to-start or finish-to-finish predecessor places it (MS Project's 17:00), otherwise at the
 * start of its working day (08:00). Tasks with a duration start at the start of a day and finish
 * at the end of one.
 */
export type MilestoneSide = 'START' | 'FINISH';

/** Calendar dates of a task as a planner reads them: start dates are first days, finish dates last days. */
export interface TaskDates {
  es: string;
  ef: string;
  ls: string;
  lf: string;
}

export interface ScheduledTask {
  id: string;
  name: string;
  owner?: string;
  milestone: boolean;
  /** Only for milestones. */
  milestoneSide?: MilestoneSide;
  /** Planned duration in working days. */
  duration: number;
  /**
   * Early/late start and finish as boundaries: working days from the start of the plan's first
   * working day (0) to the start (es, ls) or the end (ef, lf) of the task. `ef - es` is the
   * duration used (planned, or actual once finished).
   */
  es: number;
  ef: number;
  ls: number;
  lf: number;
  dates: TaskDates;
  /** ls - es, in working days; negative when the task cannot meet the deadline. */
  totalFloat: number;
  /** Delay (working days) that moves no successor and not the project end; 0 ≤ freeFloat ≤ max(0, totalFloat). */
  freeFloat: number;
  /** totalFloat ≤ 0 and not complete (as MS Project). */
  critical: boolean;
  status: TaskStatus;
  percentComplete: number;
  baseline?: { start: string; finish: string };
  /** Working days between the baseline start and the scheduled start; null without a baseline. */
  startVarianceDays: number | null;
  /** Working days between the baseline finish and the scheduled (forecast) finish; positive is late. */
  finishVarianceDays: number | null;
  /** Forecast finish after the baseline finish. */
  late: boolean;
}

export interface PlanSchedule {
  plan: ProjectPlan;
  calendar: WorkingCalendar;
  /** First working day on or after plan.start: boundary 0. */
  start: string;
  /** Last day of work of the plan. */
  end: string;
  /** Boundary at the end of the plan (the largest ef). */
  endIndex: number;
  deadline: string | null;
  /** Boundary at the end of the deadline day. */
  deadlineIndex: number | null;
  /** deadlineIndex - endIndex: working days to spare (negative: the plan finishes that much too late). */
  deadlineFloat: number | null;
  statusDate: string | null;
  /** In plan order. */
  tasks: ScheduledTask[];
  /** Each path: task ids from its first to its last task, following driving links; at most MAX_CRITICAL_PATHS. */
  criticalPaths: string[][];
  criticalPathsTruncated: boolean;
  /** Total float of the critical paths (0, or negative against a deadline); null when every task is complete. */
  criticalFloat: number | null;
}
