import type { CalendarSpec } from '../calendar/working-calendar.js';

/**
 * The project plan of a feasibility study, as declared by the organisation (inventory format
 * addition, see PLAN_SCHEMA). Dates are calendar dates `YYYY-MM-DD`; durations and lags are whole
 * working days of the plan's calendar. Conventions: libs/feasibility/README.md.
 */
export interface ProjectPlan {
  name?: string;
  /** The project's start date: no task is scheduled to start earlier (unless it actually did). */
  start: string;
  /** The date the project must be finished by (end of that day); floats are counted against it when it is earlier than the computed end. */
  deadline?: string;
  /** Progress is reported through the end of this day; remaining work is scheduled after it. */
  statusDate?: string;
  calendar?: CalendarSpec;
  tasks: PlanTask[];
  budget?: BudgetLine[];
}

export const DEPENDENCY_TYPES = ['FS', 'SS', 'FF', 'SF'] as const;
/** Finish-to-start, start-to-start, finish-to-finish, start-to-finish (MS Project's FS/SS/FF/SF; French FD/DD/FF/DF). */
export type DependencyType = (typeof DEPENDENCY_TYPES)[number];

export interface TaskDependency {
  /** Id of the predecessor task. */
  predecessor: string;
  /** Default FS. */
  type?: DependencyType;
  /** Working days added to the link (negative: lead, overlap); default 0. */
  lag?: number;
}

export interface PlanTask {
  /** Unique within the plan. */
  id: string;
  name: string;
  /** Whole working days, 0 for a milestone. */
  duration: number;
  dependencies?: TaskDependency[];
  owner?: string;
  /** The task must be finished by the end of this day (an MS Project "deadline"); optional. */
  deadline?: string;
  /** Baseline dates (both or neither): the start day and the last day of work as first planned. */
  baselineStart?: string;
  baselineFinish?: string;
  /** First day of work actually done; required once percentComplete > 0. */
  actualStart?: string;
  /** Last day of work; makes the task complete (percentComplete 100 or absent). */
  actualFinish?: string;
  /** 0 to 100, of the duration. */
  percentComplete?: number;
}

export const BUDGET_CATEGORIES = ['licences', 'hosting', 'staff', 'training', 'hardware'] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

export interface BudgetLine {
  item: string;
  /** Amount in the currency's main unit (euros, not cents), ≥ 0, excluding VAT unless the item says otherwise. */
  amount: number;
  /** ISO 4217 code, e.g. EUR. */
  currency: string;
  category: BudgetCategory;
}

/** A milestone is a task of zero duration (as in MS Project and GanttProject). */
export function isMilestone(task: Pick<PlanTask, 'duration'>): boolean {
  return task.duration === 0;
}
