import { dayNumber } from '../calendar/civil-date.js';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { isMilestone, type PlanTask } from '../plan/plan.model.js';
import { parsePlan } from '../plan/plan-validator.js';
import { enumerateCriticalPaths } from './critical-paths.js';
import type { MilestoneSide, PlanSchedule, ScheduledTask, TaskStatus } from './schedule.model.js';
import { buildTaskGraph, type Link } from './task-graph.js';

/**
 * Critical path method on a plan (checked by parsePlan first): forward pass (ES, EF), backward pass
 * (LS, LF) from the project end or the deadline when earlier, total and free float per link type
 * and lag, the critical path(s), and progress against the baseline at the status date. Every
 * number is in working days of the plan's calendar; conventions in libs/feasibility/README.md.
 */
export function schedulePlan(input: unknown): PlanSchedule {
  const plan = parsePlan(input);
  const calendar = new WorkingCalendar(plan.calendar);
  const { incoming, outgoing, order } = buildTaskGraph(plan.tasks);
  const time = new Timeline(calendar, plan.start);
  const sides = plan.tasks.map((task, i) => sideOf(task, incoming[i]));
  const statusIndex = plan.statusDate === undefined ? null : time.finish(plan.statusDate);
  const n = plan.tasks.length;

  // Forward pass. Actual dates are facts and win over links; remaining work waits for the status date.
  const es = new Array<number>(n);
  const ef = new Array<number>(n);
  const duration = new Array<number>(n);
  for (const i of order) {
    const task = plan.tasks[i];
    const d = task.duration;
    if (task.actualStart !== undefined) {
      es[i] = time.startOf(task.actualStart, sides[i]);
    } else {
      let start = statusIndex ?? 0;
      if (start < 0) start = 0;
      for (const link of incoming[i]) start = Math.max(start, earliestStartBy(link, es, ef, d));
      es[i] = start;
    }
    if (task.actualFinish !== undefined) {
      ef[i] = time.finishOf(task.actualFinish, sides[i]);
    } else {
      ef[i] = es[i] + d;
      if (task.actualStart !== undefined && statusIndex !== null) {
        ef[i] = Math.max(ef[i], statusIndex + remainingDays(d, task.percentComplete ?? 0));
      }
    }
    duration[i] = ef[i] - es[i];
  }
  const endIndex = Math.max(...ef);
  const deadlineIndex = plan.deadline === undefined ? null : time.finish(plan.deadline);
  const bound = deadlineIndex === null ? endIndex : Math.min(endIndex, deadlineIndex);

  // Backward pass, every task bounded by the end (or the earlier deadline) and its own deadline.
  const ls = new Array<number>(n);
  const lf = new Array<number>(n);
  for (let k = n - 1; k >= 0; k--) {
    const i = order[k];
    const task = plan.tasks[i];
    let finish = bound;
    if (task.deadline !== undefined) finish = Math.min(finish, time.finishOf(task.deadline, sides[i]));
    for (const link of outgoing[i]) finish = Math.min(finish, latestFinishBy(link, ls, lf, duration[i]));
    lf[i] = finish;
    ls[i] = finish - duration[i];
  }

  const tasks = plan.tasks.map((task, i): ScheduledTask => {
    const totalFloat = ls[i] - es[i];
    let freeFloat = Math.min(endIndex - ef[i], Math.max(0, totalFloat));
    for (const link of outgoing[i]) freeFloat = Math.min(freeFloat, linkSlack(link, es, ef));
    const status: TaskStatus =
      task.actualFinish !== undefined ? 'COMPLETE' : task.actualStart !== undefined ? 'IN_PROGRESS' : 'NOT_STARTED';
    const side = sides[i];
    const baseline =
      task.baselineStart !== undefined && task.baselineFinish !== undefined
        ? { start: task.baselineStart, finish: task.baselineFinish }
        : undefined;
    const startVarianceDays = baseline === undefined ? null : es[i] - time.startOf(baseline.start, side);
    const finishVarianceDays = baseline === undefined ? null : ef[i] - time.finishOf(baseline.finish, side);
    return {
      id: task.id,
      name: task.name,
      ...(task.owner === undefined ? {} : { owner: task.owner }),
      milestone: isMilestone(task),
      ...(side === undefined ? {} : { milestoneSide: side }),
      duration: task.duration,
      es: es[i],
      ef: ef[i],
      ls: ls[i],
      lf: lf[i],
      dates: {
        es: time.startDate(es[i], side),
        ef: time.finishDate(ef[i], side),
        ls: time.startDate(ls[i], side),
        lf: time.finishDate(lf[i], side),
      },
      totalFloat,
      freeFloat: Math.max(0, freeFloat),
      critical: totalFloat <= 0 && status !== 'COMPLETE',
      status,
      percentComplete: status === 'COMPLETE' ? 100 : (task.percentComplete ?? 0),
      ...(baseline === undefined ? {} : { baseline }),
      startVarianceDays,
      finishVarianceDays,
      late: finishVarianceDays !== null && finishVarianceDays > 0,
    };
  });

  const paths = enumerateCriticalPaths(tasks, outgoing, order, (link) => linkSlack(link, es, ef));
  return {
    plan,
    calendar,
    start: time.startDate(0, undefined),
    end: tasks.reduce((last, task) => (task.dates.ef > last ? task.dates.ef : last), tasks[0].dates.ef),
    endIndex,
    deadline: plan.deadline ?? null,
    deadlineIndex,
    deadlineFloat: deadlineIndex === null ? null : deadlineIndex - endIndex,
    statusDate: plan.statusDate ?? null,
    tasks,
    ...paths,
  };
}

/** The earliest start of a link's successor whose (used) duration is `d`. */
function earliestStartBy(link: Link, es: number[], ef: number[], d: number): number {
  switch (link.type) {
    case 'FS':
      return ef[link.from] + link.lag;
    case 'SS':
      return es[link.from] + link.lag;
    case 'FF':
      return ef[link.from] + link.lag - d;
    case 'SF':
      return es[link.from] + link.lag - d;
  }
}

/** The latest finish of a link's predecessor whose (used) duration is `d`. */
function latestFinishBy(link: Link, ls: number[], lf: number[], d: number): number {
  switch (link.type) {
    case 'FS':
      return ls[link.to] - link.lag;
    case 'SS':
      return ls[link.to] - link.lag + d;
    case 'FF':
      return lf[link.to] - link.lag;
    case 'SF':
      return lf[link.to] - link.lag + d;
  }
}

/** How far the link's successor is, in the early schedule, beyond what the link requires (0: driving). */
function linkSlack(link: Link, es: number[], ef: number[]): number {
  switch (link.type) {
    case 'FS':
      return es[link.to] - link.lag - ef[link.from];
    case 'SS':
      return es[link.to] - link.lag - es[link.from];
    case 'FF':
      return ef[link.to] - link.lag - ef[link.from];
    case 'SF':
      return ef[link.to] - link.lag - es[link.from];
  }
}

/** Whole working days left of `d` at `percent` complete, rounded up (a started day is a day). */
function remainingDays(d: number, percent: number): number {
  return Math.max(0, Math.ceil((d * (100 - percent)) / 100 - 1e-9));
}

function sideOf(task: PlanTask, incoming: Link[]): MilestoneSide | undefined {
  if (!isMilestone(task)) return undefined;
  return incoming.some((link) => link.type === 'FS' || link.type === 'FF') ? 'FINISH' : 'START';
}

/** Dates to boundaries relative to the plan's first working day, and back. */
class Timeline {
  private readonly origin: number;

  constructor(
    private readonly calendar: WorkingCalendar,
    start: string,
  ) {
    this.origin = calendar.startIndex(dayNumber(start));
  }

  /** Boundary at the start of `date`. */
  start(date: string): number {
    return this.calendar.startIndex(dayNumber(date)) - this.origin;
  }

  /** Boundary at the end of `date`. */
  finish(date: string): number {
    return this.calendar.finishIndex(dayNumber(date)) - this.origin;
  }

  /** A start date of a task (or milestone on `side`) as a boundary. */
  startOf(date: string, side: MilestoneSide | undefined): number {
    return side === 'FINISH' ? this.finish(date) : this.start(date);
  }

  finishOf(date: string, side: MilestoneSide | undefined): number {
    return side === 'START' ? this.start(date) : this.finish(date);
  }

  /** The first day of work from boundary `index` (the milestone's day for a milestone). */
  startDate(index: number, side: MilestoneSide | undefined): string {
    return this.calendar.dateAt(this.origin + index - (side === 'FINISH' ? 1 : 0));
  }

  /** The last day of work before boundary `index`. */
  finishDate(index: number, side: MilestoneSide | undefined): string {
    return this.calendar.dateAt(this.origin + index - (side === 'START' ? 0 : 1));
  }
}
