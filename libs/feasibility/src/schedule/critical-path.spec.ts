import { describe, expect, it } from '@jest/globals';
import type { PlanTask, ProjectPlan } from '../plan/plan.model.js';
import { schedulePlan } from './critical-path.js';
import { MAX_CRITICAL_PATHS } from './critical-paths.js';
import { planJson } from './plan-json.js';
import type { PlanSchedule } from './schedule.model.js';

// Every expectation below was computed by hand, as a planner would on paper, and is explained in
// the comments. Boundaries count working days from the start of the plan's first working day: a
// task with ES = 0 and duration 5 has EF = 5, i.e. it works days 0-4 and its finish date is day 4.
//
// Working days of January 2026 (Monday 5 January is day 0; 1 January is a holiday, before the start):
//   0 Mon 05   1 Tue 06   2 Wed 07   3 Thu 08   4 Fri 09
//   5 Mon 12   6 Tue 13   7 Wed 14   8 Thu 15   9 Fri 16
//  10 Mon 19  11 Tue 20  12 Wed 21  13 Thu 22  14 Fri 23
//  15 Mon 26  16 Tue 27  17 Wed 28  18 Thu 29  19 Fri 30
// and before the start: -1 Fri 2 Jan, -2 Wed 31 Dec 2025, -3 Tue 30 Dec 2025.

type Row = [id: string, es: string, ef: string, ls: string, lf: string, tf: number, ff: number];

function table(schedule: PlanSchedule): Row[] {
  return schedule.tasks.map((t) => [t.id, t.dates.es, t.dates.ef, t.dates.ls, t.dates.lf, t.totalFloat, t.freeFloat]);
}

function boundaries(schedule: PlanSchedule): [string, number, number, number, number][] {
  return schedule.tasks.map((t) => [t.id, t.es, t.ef, t.ls, t.lf]);
}

function plan(tasks: PlanTask[], extra: Partial<ProjectPlan> = {}): ProjectPlan {
  return { start: '2026-01-05', tasks, ...extra };
}

describe('schedulePlan: a network with every link type, positive and negative lags', () => {
  // Forward pass (ES = max over links, EF = ES + d):
  //   A 5d                 ES 0                              EF 5
  //   B 3d  FS A +2        ES = EF_A + 2 = 7                 EF 10
  //   C 4d  SS A +1        ES = ES_A + 1 = 1                 EF 5
  //   D 6d  FF C +3        EF >= EF_C + 3 = 8, so ES >= 2
  //         FS A -2        ES >= EF_A - 2 = 3  (driving)     ES 3, EF 9
  //   E 2d  SF B +1        EF >= ES_B + 1 = 8, so ES >= 6 (driving)
  //         SS C -1        ES >= ES_C - 1 = 0                ES 6, EF 8
  //   F 0d  FS B           ES >= EF_B = 10     (driving)
  //         FF D +1        EF >= EF_D + 1 = 10 (driving, tie)
  //         FS E           ES >= EF_E = 8                    ES = EF = 10
  //   G 3d  FS F           ES 10, EF 13. Project end T = 13.
  // Backward pass (LF = min over successor links, bounded by T; LS = LF - d):
  //   G  LF 13, LS 10
  //   F  FS G: LF <= LS_G = 10                                     LF 10, LS 10
  //   E  FS F: LF <= LS_F = 10                                     LF 10, LS 8
  //   D  FF F +1: LF <= LF_F - 1 = 9                               LF 9,  LS 3
  //   B  FS F: LF <= 10; SF E +1: LS_B <= LF_E - 1 = 9, LF <= 12   LF 10, LS 7
  //   C  FF D +3: LF <= LF_D - 3 = 6; SS E -1: LS <= LS_E + 1 = 9  LF 6,  LS 2
  //   A  FS B +2: LF <= LS_B - 2 = 5; SS C +1: LS <= LS_C - 1 = 1 (LF <= 6);
  //      FS D -2: LF <= LS_D + 2 = 5                               LF 5,  LS 0
  // Total float = LS - ES: A 0, B 0, C 1, D 0, E 2, F 0, G 0.
  // Free float = min over successor links of the successor's slack in the early schedule:
  //   A: B 7-2-5 = 0, C 1-1-0 = 0, D 3+2-5 = 0 → 0      B: F 10-10 = 0, E (SF) 8-1-7 = 0 → 0
  //   C: D (FF) 9-3-5 = 1, E (SS) 6+1-1 = 6 → 1         D: F (FF) 10-1-9 = 0 → 0
  //   E: F 10-8 = 2 → 2                                  F: 0      G: T - EF = 0
  // Critical paths (float 0, driving links): A→B→F→G and A→D→F→G.
  // F is a milestone after finish-to-start links: shown on the day B finishes, Friday 16.
  const network = plan([
    { id: 'A', name: 'Specification', duration: 5 },
    { id: 'B', name: 'Build', duration: 3, dependencies: [{ predecessor: 'A', type: 'FS', lag: 2 }] },
    { id: 'C', name: 'Data survey', duration: 4, dependencies: [{ predecessor: 'A', type: 'SS', lag: 1 }] },
    {
      id: 'D',
      name: 'Interviews',
      duration: 6,
      dependencies: [
        { predecessor: 'C', type: 'FF', lag: 3 },
        { predecessor: 'A', type: 'FS', lag: -2 },
      ],
    },
    {
      id: 'E',
      name: 'Hand-over',
      duration: 2,
      dependencies: [
        { predecessor: 'B', type: 'SF', lag: 1 },
        { predecessor: 'C', type: 'SS', lag: -1 },
      ],
    },
    {
      id: 'F',
      name: 'Acceptance',
      duration: 0,
      dependencies: [{ predecessor: 'B' }, { predecessor: 'D', type: 'FF', lag: 1 }, { predecessor: 'E' }],
    },
    { id: 'G', name: 'Roll-out', duration: 3, dependencies: [{ predecessor: 'F' }] },
  ]);

  it('computes ES/EF/LS/LF as boundaries', () => {
    expect(boundaries(schedulePlan(network))).toEqual([
      ['A', 0, 5, 0, 5],
      ['B', 7, 10, 7, 10],
      ['C', 1, 5, 2, 6],
      ['D', 3, 9, 3, 9],
      ['E', 6, 8, 8, 10],
      ['F', 10, 10, 10, 10],
      ['G', 10, 13, 10, 13],
    ]);
  });

  it('shows the dates a project manager reads, with total and free float', () => {
    const schedule = schedulePlan(network);
    expect(table(schedule)).toEqual([
      ['A', '2026-01-05', '2026-01-09', '2026-01-05', '2026-01-09', 0, 0],
      ['B', '2026-01-14', '2026-01-16', '2026-01-14', '2026-01-16', 0, 0],
      ['C', '2026-01-06', '2026-01-09', '2026-01-07', '2026-01-12', 1, 1],
      ['D', '2026-01-08', '2026-01-15', '2026-01-08', '2026-01-15', 0, 0],
      ['E', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16', 2, 2],
      ['F', '2026-01-16', '2026-01-16', '2026-01-16', '2026-01-16', 0, 0],
      ['G', '2026-01-19', '2026-01-21', '2026-01-19', '2026-01-21', 0, 0],
    ]);
    expect(schedule.tasks.filter((t) => t.critical).map((t) => t.id)).toEqual(['A', 'B', 'D', 'F', 'G']);
    expect(schedule.criticalPaths).toEqual([
      ['A', 'B', 'F', 'G'],
      ['A', 'D', 'F', 'G'],
    ]);
    expect([schedule.start, schedule.end, schedule.endIndex, schedule.criticalFloat]).toEqual([
      '2026-01-05',
      '2026-01-21',
      13,
      0,
    ]);
    expect(schedule.tasks[5]).toMatchObject({ milestone: true, milestoneSide: 'FINISH' });
  });

  it('prints the CLI JSON', () => {
    expect(planJson(schedulePlan(network))).toEqual({
      tasks: [
        {
          id: 'A',
          es: '2026-01-05',
          ef: '2026-01-09',
          ls: '2026-01-05',
          lf: '2026-01-09',
          totalFloat: 0,
          freeFloat: 0,
          critical: true,
          varianceDays: null,
        },
        {
          id: 'B',
          es: '2026-01-14',
          ef: '2026-01-16',
          ls: '2026-01-14',
          lf: '2026-01-16',
          totalFloat: 0,
          freeFloat: 0,
          critical: true,
          varianceDays: null,
        },
        {
          id: 'C',
          es: '2026-01-06',
          ef: '2026-01-09',
          ls: '2026-01-07',
          lf: '2026-01-12',
          totalFloat: 1,
          freeFloat: 1,
          critical: false,
          varianceDays: null,
        },
        {
          id: 'D',
          es: '2026-01-08',
          ef: '2026-01-15',
          ls: '2026-01-08',
          lf: '2026-01-15',
          totalFloat: 0,
          freeFloat: 0,
          critical: true,
          varianceDays: null,
        },
        {
          id: 'E',
          es: '2026-01-13',
          ef: '2026-01-14',
          ls: '2026-01-15',
          lf: '2026-01-16',
          totalFloat: 2,
          freeFloat: 2,
          critical: false,
          varianceDays: null,
        },
        {
          id: 'F',
          es: '2026-01-16',
          ef: '2026-01-16',
          ls: '2026-01-16',
          lf: '2026-01-16',
          totalFloat: 0,
          freeFloat: 0,
          critical: true,
          varianceDays: null,
        },
        {
          id: 'G',
          es: '2026-01-19',
          ef: '2026-01-21',
          ls: '2026-01-19',
          lf: '2026-01-21',
          totalFloat: 0,
          freeFloat: 0,
          critical: true,
          varianceDays: null,
        },
      ],
      criticalPath: [
        ['A', 'B', 'F', 'G'],
        ['A', 'D', 'F', 'G'],
      ],
      end: '2026-01-21',
      deadline: null,
      deadlineFloat: null,
    });
  });
});

describe('schedulePlan: several predecessors (finish-to-start)', () => {
  // Forward: A 0-3, B 0-4, C 0-2; D after A, B: max(3, 4) = 4 → 4-9; E after B, C: max(4, 2) = 4 → 4-7;
  //   G after C: 2-4; F after D, E: max(9, 7) = 9 → 9-13; H after F, G: max(13, 4) = 13 → 13-16. T = 16.
  // Backward: H 13-16; F 9-13; G LF = LS_H = 13 → 11-13; E LF = LS_F = 9 → 6-9; D 4-9;
  //   C LF = min(LS_E 6, LS_G 11) = 6 → 4-6; B LF = min(LS_D 4, LS_E 6) = 4 → 0-4; A LF = LS_D = 4 → 1-4.
  // Total float: A 1, B 0, C 4, D 0, E 2, F 0, G 9, H 0.
  // Free float: A ES_D - EF_A = 1; B 0; C min(ES_E - 2, ES_G - 2) = min(2, 0) = 0; D 0; E 9 - 7 = 2;
  //   F 0; G 13 - 4 = 9; H 0. Critical path: B → D → F → H.
  const tasks: PlanTask[] = [
    { id: 'A', name: 'A', duration: 3 },
    { id: 'B', name: 'B', duration: 4 },
    { id: 'C', name: 'C', duration: 2 },
    { id: 'D', name: 'D', duration: 5, dependencies: [{ predecessor: 'A' }, { predecessor: 'B' }] },
    { id: 'E', name: 'E', duration: 3, dependencies: [{ predecessor: 'B' }, { predecessor: 'C' }] },
    { id: 'F', name: 'F', duration: 4, dependencies: [{ predecessor: 'D' }, { predecessor: 'E' }] },
    { id: 'G', name: 'G', duration: 2, dependencies: [{ predecessor: 'C' }] },
    { id: 'H', name: 'H', duration: 3, dependencies: [{ predecessor: 'F' }, { predecessor: 'G' }] },
  ];

  it('takes the latest predecessor forward and the earliest successor backward', () => {
    const schedule = schedulePlan(plan(tasks));
    expect(table(schedule)).toEqual([
      ['A', '2026-01-05', '2026-01-07', '2026-01-06', '2026-01-08', 1, 1],
      ['B', '2026-01-05', '2026-01-08', '2026-01-05', '2026-01-08', 0, 0],
      ['C', '2026-01-05', '2026-01-06', '2026-01-09', '2026-01-12', 4, 0],
      ['D', '2026-01-09', '2026-01-15', '2026-01-09', '2026-01-15', 0, 0],
      ['E', '2026-01-09', '2026-01-13', '2026-01-13', '2026-01-15', 2, 2],
      ['F', '2026-01-16', '2026-01-21', '2026-01-16', '2026-01-21', 0, 0],
      ['G', '2026-01-07', '2026-01-08', '2026-01-20', '2026-01-21', 9, 9],
      ['H', '2026-01-22', '2026-01-26', '2026-01-22', '2026-01-26', 0, 0],
    ]);
    expect(schedule.criticalPaths).toEqual([['B', 'D', 'F', 'H']]);
    expect(schedule.end).toBe('2026-01-26');
  });

  it('gives negative float against a deadline before the computed end', () => {
    // Deadline Wednesday 21 January = end of day 12 = boundary 13, against T = 16: deadline float -3.
    // Backward pass from 13: H 10-13 (TF -3); F LF = 10 → 6-10 (-3); G LF = 10 → 8-10 (6);
    //   E LF = LS_F = 6 → 3-6 (-1); D LF = 6 → 1-6 (-3); C LF = min(LS_E 3, LS_G 8) = 3 → 1-3 (1);
    //   B LF = min(LS_D 1, LS_E 3) = 1 → -3-1 (-3); A LF = LS_D = 1 → -2-1 (-2).
    // Free float never exceeds a non-negative total float: 0 where TF < 0; C 0 (G), G 6 (capped by TF).
    // LS -3 is Tuesday 30 December 2025 (1 January is a holiday, 2 January is day -1).
    const schedule = schedulePlan(plan(tasks, { deadline: '2026-01-21' }));
    expect(table(schedule)).toEqual([
      ['A', '2026-01-05', '2026-01-07', '2025-12-31', '2026-01-05', -2, 0],
      ['B', '2026-01-05', '2026-01-08', '2025-12-30', '2026-01-05', -3, 0],
      ['C', '2026-01-05', '2026-01-06', '2026-01-06', '2026-01-07', 1, 0],
      ['D', '2026-01-09', '2026-01-15', '2026-01-06', '2026-01-12', -3, 0],
      ['E', '2026-01-09', '2026-01-13', '2026-01-08', '2026-01-12', -1, 0],
      ['F', '2026-01-16', '2026-01-21', '2026-01-13', '2026-01-16', -3, 0],
      ['G', '2026-01-07', '2026-01-08', '2026-01-15', '2026-01-16', 6, 6],
      ['H', '2026-01-22', '2026-01-26', '2026-01-19', '2026-01-21', -3, 0],
    ]);
    expect(schedule.tasks.filter((t) => t.critical).map((t) => t.id)).toEqual(['A', 'B', 'D', 'E', 'F', 'H']);
    expect(schedule.criticalPaths).toEqual([['B', 'D', 'F', 'H']]);
    expect([schedule.deadline, schedule.deadlineIndex, schedule.deadlineFloat, schedule.criticalFloat]).toEqual([
      '2026-01-21',
      13,
      -3,
      -3,
    ]);
    const json = planJson(schedule);
    expect([json.end, json.deadline, json.deadlineFloat]).toEqual(['2026-01-26', '2026-01-21', -3]);
  });

  it('adds no float for a deadline after the end, and reports the margin', () => {
    // Deadline Friday 30 January = boundary 20; T = 16: deadline float +4, task floats unchanged.
    const schedule = schedulePlan(plan(tasks, { deadline: '2026-01-30' }));
    expect(schedule.tasks.map((t) => t.totalFloat)).toEqual([1, 0, 4, 0, 2, 0, 9, 0]);
    expect(schedule.deadlineFloat).toBe(4);
    expect(schedule.criticalPaths).toEqual([['B', 'D', 'F', 'H']]);
  });

  it('applies a task deadline to its chain only', () => {
    // E must finish by Monday 12 January (end of day 5 = boundary 6): LF_E = min(LS_F 9, 6) = 6 → LS 3, TF -1;
    //   B LF = min(LS_D 4, LS_E 3) = 3 → LS -1, TF -1; C LF = min(LS_E 3, LS_G 11) = 3 → 1-3, TF 1;
    //   A LF = LS_D = 4 → TF 1. D, F, H keep TF 0, G 9. The most critical path is B → E (float -1);
    //   tasks with float <= 0 are all critical, as in MS Project.
    const withDeadline = tasks.map((t) => (t.id === 'E' ? { ...t, deadline: '2026-01-12' } : t));
    const schedule = schedulePlan(plan(withDeadline));
    expect(schedule.tasks.map((t) => [t.id, t.totalFloat, t.freeFloat])).toEqual([
      ['A', 1, 1],
      ['B', -1, 0],
      ['C', 1, 0],
      ['D', 0, 0],
      ['E', -1, 0],
      ['F', 0, 0],
      ['G', 9, 9],
      ['H', 0, 0],
    ]);
    expect(schedule.tasks.filter((t) => t.critical).map((t) => t.id)).toEqual(['B', 'D', 'E', 'F', 'H']);
    expect([schedule.criticalPaths, schedule.criticalFloat]).toEqual([[['B', 'E']], -1]);
  });
});

describe('schedulePlan: French public holidays', () => {
  // One chain per year from Good Friday to Whit Tuesday, each finish falling just before a holiday:
  //   K1 1d  Good Friday (worked outside Alsace-Moselle)
  //   K2 1d  Easter Tuesday (Easter Monday is off)
  //   K3 n3  Easter Wednesday → the Wednesday before Ascension: Easter+3 … Easter+38 is 5 weeks and a day,
  //          26 weekdays, minus 1 and 8 May when they fall on a weekday in that span
  //   K4 1d  the Friday after Ascension (Easter+40)
  //   K5 5d  Monday after Ascension (Easter+43) → the Friday before Whit Monday (Easter+47)
  //   K6 1d  Whit Tuesday (Easter+51)
  const chain = (start: string, n3: number): ProjectPlan =>
    plan(
      [
        { id: 'K1', name: 'K1', duration: 1 },
        { id: 'K2', name: 'K2', duration: 1, dependencies: [{ predecessor: 'K1' }] },
        { id: 'K3', name: 'K3', duration: n3, dependencies: [{ predecessor: 'K2' }] },
        { id: 'K4', name: 'K4', duration: 1, dependencies: [{ predecessor: 'K3' }] },
        { id: 'K5', name: 'K5', duration: 5, dependencies: [{ predecessor: 'K4' }] },
        { id: 'K6', name: 'K6', duration: 1, dependencies: [{ predecessor: 'K5' }] },
      ],
      { start },
    );
  const dates = (schedule: PlanSchedule) => schedule.tasks.map((t) => [t.id, t.dates.es, t.dates.ef]);

  it('2025: Easter 20 April; 1 and 8 May are Thursdays (n3 = 24)', () => {
    expect(dates(schedulePlan(chain('2025-04-18', 24)))).toEqual([
      ['K1', '2025-04-18', '2025-04-18'],
      ['K2', '2025-04-22', '2025-04-22'],
      ['K3', '2025-04-23', '2025-05-28'],
      ['K4', '2025-05-30', '2025-05-30'],
      ['K5', '2025-06-02', '2025-06-06'],
      ['K6', '2025-06-10', '2025-06-10'],
    ]);
  });

  it('2026: Easter 5 April; 1 and 8 May are Fridays (n3 = 24)', () => {
    expect(dates(schedulePlan(chain('2026-04-03', 24)))).toEqual([
      ['K1', '2026-04-03', '2026-04-03'],
      ['K2', '2026-04-07', '2026-04-07'],
      ['K3', '2026-04-08', '2026-05-13'],
      ['K4', '2026-05-15', '2026-05-15'],
      ['K5', '2026-05-18', '2026-05-22'],
      ['K6', '2026-05-26', '2026-05-26'],
    ]);
  });

  it('2027: Easter 28 March; 1 May is a Saturday, Ascension 6 May comes before 8 May (n3 = 26)', () => {
    const schedule = schedulePlan(chain('2027-03-26', 26));
    expect(dates(schedule)).toEqual([
      ['K1', '2027-03-26', '2027-03-26'],
      ['K2', '2027-03-30', '2027-03-30'],
      ['K3', '2027-03-31', '2027-05-05'],
      ['K4', '2027-05-07', '2027-05-07'],
      ['K5', '2027-05-10', '2027-05-14'],
      ['K6', '2027-05-18', '2027-05-18'],
    ]);
    // One chain: no float anywhere, late dates equal early dates.
    expect(schedule.tasks.map((t) => [t.totalFloat, t.dates.ls === t.dates.es, t.dates.lf === t.dates.ef])).toEqual(
      Array(6).fill([0, true, true]),
    );
  });

  it('Alsace-Moselle: Good Friday off moves the start; a worked Whit Monday comes back', () => {
    // Good Friday 3 April 2026 is off: the plan's first working day is Tuesday 7 April.
    const alsace = schedulePlan({ ...chain('2026-04-03', 24), calendar: { alsaceMoselle: true } });
    expect(dates(alsace).slice(0, 2)).toEqual([
      ['K1', '2026-04-07', '2026-04-07'],
      ['K2', '2026-04-08', '2026-04-08'],
    ]);
    // Whit Monday 25 May 2026 worked (journée de solidarité): K6 on Monday 25.
    const solidarity = schedulePlan({ ...chain('2026-04-03', 24), calendar: { workingDays: ['2026-05-25'] } });
    expect(dates(solidarity)[5]).toEqual(['K6', '2026-05-25', '2026-05-25']);
  });
});

describe('schedulePlan: milestones', () => {
  it('places a milestone at the start of its day unless a finish drives it', () => {
    // M0 (no predecessor) at boundary 0: shown on Monday 5 (start of day). X 2d after M0: days 0-1.
    // MS SS X +1: boundary 1, shown on Tuesday 6 (start of day); T = 2, so LF = LS = 2: Wednesday 7, TF 1.
    // MF FS X: boundary 2, shown on Tuesday 6, the day X finishes (end of day).
    const schedule = schedulePlan(
      plan([
        { id: 'M0', name: 'Kick-off', duration: 0 },
        { id: 'X', name: 'Work', duration: 2, dependencies: [{ predecessor: 'M0' }] },
        { id: 'MS', name: 'Started', duration: 0, dependencies: [{ predecessor: 'X', type: 'SS', lag: 1 }] },
        { id: 'MF', name: 'Done', duration: 0, dependencies: [{ predecessor: 'X' }] },
      ]),
    );
    expect(table(schedule)).toEqual([
      ['M0', '2026-01-05', '2026-01-05', '2026-01-05', '2026-01-05', 0, 0],
      ['X', '2026-01-05', '2026-01-06', '2026-01-05', '2026-01-06', 0, 0],
      ['MS', '2026-01-06', '2026-01-06', '2026-01-07', '2026-01-07', 1, 1],
      ['MF', '2026-01-06', '2026-01-06', '2026-01-06', '2026-01-06', 0, 0],
    ]);
    expect(schedule.tasks.map((t) => t.milestoneSide)).toEqual(['START', undefined, 'START', 'FINISH']);
    expect(schedule.criticalPaths).toEqual([['M0', 'X', 'MF']]);
    expect(schedule.end).toBe('2026-01-06');
  });

  it('does not start a task before the plan, even with a lead', () => {
    // B FS A -5 would start at 2 - 5 = -3: it starts with the plan (0). C 0-4, so T = 4.
    // Backward: C 0-4; B LF = T = 4 → LS 1; A LF = min(T 4, LS_B + 5 = 6) = 4 → LS 2, TF 2.
    const schedule = schedulePlan(
      plan([
        { id: 'A', name: 'A', duration: 2 },
        { id: 'B', name: 'B', duration: 3, dependencies: [{ predecessor: 'A', lag: -5 }] },
        { id: 'C', name: 'C', duration: 4 },
      ]),
    );
    expect(boundaries(schedule)).toEqual([
      ['A', 0, 2, 2, 4],
      ['B', 0, 3, 1, 4],
      ['C', 0, 4, 0, 4],
    ]);
    expect(schedule.criticalPaths).toEqual([['C']]);
  });
});

describe('schedulePlan: critical paths', () => {
  it('lists every critical path, and cuts the list beyond MAX_CRITICAL_PATHS', () => {
    // Stages of two parallel 1-day tasks, each depending on both tasks of the stage before:
    // every task has float 0 and every link drives, so n stages give 2^n paths.
    const ladder = (stages: number): PlanTask[] =>
      Array.from({ length: stages }, (_, s) =>
        ['a', 'b'].map((side) => ({
          id: `${side}${s}`,
          name: `${side}${s}`,
          duration: 1,
          ...(s === 0 ? {} : { dependencies: [{ predecessor: `a${s - 1}` }, { predecessor: `b${s - 1}` }] }),
        })),
      ).flat();
    const three = schedulePlan(plan(ladder(3)));
    expect(three.criticalPaths).toEqual([
      ['a0', 'a1', 'a2'],
      ['a0', 'a1', 'b2'],
      ['a0', 'b1', 'a2'],
      ['a0', 'b1', 'b2'],
      ['b0', 'a1', 'a2'],
      ['b0', 'a1', 'b2'],
      ['b0', 'b1', 'a2'],
      ['b0', 'b1', 'b2'],
    ]);
    expect(three.criticalPathsTruncated).toBe(false);
    const seven = schedulePlan(plan(ladder(7)));
    expect([seven.criticalPaths.length, seven.criticalPathsTruncated, MAX_CRITICAL_PATHS]).toEqual([64, true, 64]);
    expect(seven.tasks.every((t) => t.critical)).toBe(true);
  });

  it('has no critical path once every task is complete', () => {
    const schedule = schedulePlan(
      plan([{ id: 'A', name: 'A', duration: 2, actualStart: '2026-01-05', actualFinish: '2026-01-06' }], {
        statusDate: '2026-01-07',
      }),
    );
    expect([schedule.criticalPaths, schedule.criticalFloat, schedule.tasks[0].critical, schedule.end]).toEqual([
      [],
      null,
      false,
      '2026-01-06',
    ]);
  });
});
