import { describe, expect, it } from '@jest/globals';
import type { ProjectPlan } from '../plan/plan.model.js';
import { schedulePlan } from './critical-path.js';
import { planJson } from './plan-json.js';

// Hand-computed. Working days from Monday 5 January 2026 (day 0): 5 Mon 12, 6 Tue 13, 7 Wed 14,
// 8 Thu 15, 9 Fri 16, 10 Mon 19, 11 Tue 20, 12 Wed 21. Status date Wednesday 14 January: progress
// is reported through the end of day 7, so remaining work starts at boundary 8 (Thursday 15).
const progressPlan: ProjectPlan = {
  start: '2026-01-05',
  statusDate: '2026-01-14',
  tasks: [
    // Done, one day late: actual 5 Jan → Mon 12 Jan, ES 0, EF = end of day 5 = 6. Baseline finish
    // Fri 9 = boundary 5: variance +1.
    {
      id: 'P',
      name: 'Survey',
      duration: 5,
      baselineStart: '2026-01-05',
      baselineFinish: '2026-01-09',
      actualStart: '2026-01-05',
      actualFinish: '2026-01-12',
    },
    // Started Tue 13 (day 6), half done: ES 6; EF = max(ES + 4 = 10, status 8 + ceil(4 × 50 %) = 10) = 10,
    // i.e. Fri 16. Baseline finish Thu 15 = boundary 9: variance +1; start variance 6 - 5 = +1.
    {
      id: 'Q',
      name: 'Scan',
      duration: 4,
      dependencies: [{ predecessor: 'P' }],
      baselineStart: '2026-01-12',
      baselineFinish: '2026-01-15',
      actualStart: '2026-01-13',
      percentComplete: 50,
    },
    // Not started: ES = max(status 8, EF_Q 10) = 10 (Mon 19), EF 13 (Wed 21); baseline finish Tue 20 = 12: +1.
    {
      id: 'R',
      name: 'Classify',
      duration: 3,
      dependencies: [{ predecessor: 'Q' }],
      baselineStart: '2026-01-16',
      baselineFinish: '2026-01-20',
    },
    // Should have been done on Thu 8 (boundary 4) and has not started: ES = status 8, EF 10 (Fri 16): +6.
    { id: 'S', name: 'Interviews', duration: 2, baselineStart: '2026-01-07', baselineFinish: '2026-01-08' },
    // After P, not due before Tue 20 (boundary 12): ES = max(8, EF_P 6) = 8, EF 10: -2, ahead, not late.
    {
      id: 'U',
      name: 'Report draft',
      duration: 2,
      dependencies: [{ predecessor: 'P' }],
      owner: 'DPO',
      baselineStart: '2026-01-19',
      baselineFinish: '2026-01-20',
    },
    // Milestone after R: boundary 13, shown Wed 21; baseline Wed 21 = end of day 12 = 13: on time.
    {
      id: 'M',
      name: 'Delivered',
      duration: 0,
      dependencies: [{ predecessor: 'R' }],
      baselineStart: '2026-01-21',
      baselineFinish: '2026-01-21',
    },
  ],
};
// T = 13. Backward: M 13-13, R 10-13, Q LF = LS_R = 10 → LS 6 (duration 4), U 11-13, S 11-13,
// P LF = min(LS_Q 6, LS_U 11) = 6, duration used 6 → LS 0.
// Total float: P 0 (complete: never critical), Q 0, R 0, S 3, U 3, M 0. Free float: S and U 3, others 0.
// The critical path runs through the open tasks of float 0: Q → R → M.

describe('schedulePlan: progress against the baseline at the status date', () => {
  const schedule = schedulePlan(progressPlan);

  it('schedules remaining work after the status date and keeps actual dates', () => {
    expect(
      schedule.tasks.map((t) => [t.id, t.status, t.percentComplete, t.dates.es, t.dates.ef, t.dates.ls, t.dates.lf]),
    ).toEqual([
      ['P', 'COMPLETE', 100, '2026-01-05', '2026-01-12', '2026-01-05', '2026-01-12'],
      ['Q', 'IN_PROGRESS', 50, '2026-01-13', '2026-01-16', '2026-01-13', '2026-01-16'],
      ['R', 'NOT_STARTED', 0, '2026-01-19', '2026-01-21', '2026-01-19', '2026-01-21'],
      ['S', 'NOT_STARTED', 0, '2026-01-15', '2026-01-16', '2026-01-20', '2026-01-21'],
      ['U', 'NOT_STARTED', 0, '2026-01-15', '2026-01-16', '2026-01-20', '2026-01-21'],
      ['M', 'NOT_STARTED', 0, '2026-01-21', '2026-01-21', '2026-01-21', '2026-01-21'],
    ]);
  });

  it('gives the variance in working days and flags late tasks', () => {
    expect(schedule.tasks.map((t) => [t.id, t.startVarianceDays, t.finishVarianceDays, t.late])).toEqual([
      ['P', 0, 1, true],
      ['Q', 1, 1, true],
      ['R', 1, 1, true],
      ['S', 6, 6, true],
      ['U', -2, -2, false],
      ['M', 0, 0, false],
    ]);
  });

  it('computes floats and the critical path of the remaining work', () => {
    expect(schedule.tasks.map((t) => [t.id, t.totalFloat, t.freeFloat, t.critical])).toEqual([
      ['P', 0, 0, false],
      ['Q', 0, 0, true],
      ['R', 0, 0, true],
      ['S', 3, 3, false],
      ['U', 3, 3, false],
      ['M', 0, 0, true],
    ]);
    expect(schedule.criticalPaths).toEqual([['Q', 'R', 'M']]);
    expect(planJson(schedule).tasks.map((t) => t.varianceDays)).toEqual([1, 1, 1, 6, -2, 0]);
  });

  it('without a status date, keeps planned durations from the actual start', () => {
    const { statusDate: _, ...withoutStatus } = progressPlan;
    const plain = schedulePlan(withoutStatus);
    // Q: ES 6 + 4 = 10 as before (its remaining work is not moved); S starts with the plan (0-2).
    expect(plain.tasks.map((t) => [t.id, t.es, t.ef])).toEqual([
      ['P', 0, 6],
      ['Q', 6, 10],
      ['R', 10, 13],
      ['S', 0, 2],
      ['U', 6, 8],
      ['M', 13, 13],
    ]);
    expect(plain.tasks.map((t) => t.finishVarianceDays)).toEqual([1, 1, 1, -2, -4, 0]);
  });
});
