/**
 * Benchmark of @cartographer/feasibility on a generated plan: validation + critical path method +
 * the CLI's JSON (what `carto plan --format json` computes), then the Gantt SVG pages separately.
 * The plan is generated with a fixed seed: tasks depend on 1-3 of the 60 tasks before them
 * (FS 70 %, SS 12 %, FF 12 %, SF 6 %, lags -2..+5), 5 % are milestones, the baseline is the plan's
 * own first schedule, and at the status date the tasks before it are done (some late) or started.
 * The last line is one JSON object.
 *
 * Run: npm run bench:plan [-- --tasks 2000 --runs 10 --seed 14]
 */
import type { DependencyType, PlanTask, ProjectPlan } from '@cartographer/feasibility';
import { planJson, renderGanttPages, schedulePlan, WorkingCalendar } from '@cartographer/feasibility';
import { rng } from './seeded-random.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

const TASKS = option('tasks', 2000);
const RUNS = option('runs', 10);
const SEED = option('seed', 14);
const START = '2026-01-05';

function generatePlan(count: number, seed: number): ProjectPlan {
  const random = rng(seed);
  const pick = <T>(items: readonly [T, number][]): T => {
    let r = random();
    for (const [item, weight] of items) if ((r -= weight) < 0) return item;
    return items[items.length - 1][0];
  };
  const tasks: PlanTask[] = [];
  for (let i = 0; i < count; i++) {
    const milestone = i > 0 && random() < 0.05;
    const task: PlanTask = { id: `T${i}`, name: `Task ${i}`, duration: milestone ? 0 : 1 + Math.floor(random() * 15) };
    if (i > 0 && random() > 0.02) {
      const wanted = 1 + Math.floor(random() * 3);
      const seen = new Set<string>();
      task.dependencies = [];
      for (let k = 0; k < wanted; k++) {
        const from = Math.max(0, i - 1 - Math.floor(random() * 60));
        const type = pick<DependencyType>([
          ['FS', 0.7],
          ['SS', 0.12],
          ['FF', 0.12],
          ['SF', 0.06],
        ]);
        if (seen.has(`${type} ${from}`)) continue;
        seen.add(`${type} ${from}`);
        const lag = random() < 0.7 ? 0 : Math.floor(random() * 8) - 2;
        task.dependencies.push({ predecessor: `T${from}`, type, lag });
      }
    }
    if (random() < 0.3) task.owner = `Owner ${Math.floor(random() * 12)}`;
    tasks.push(task);
  }
  const draft: ProjectPlan = { name: `Generated plan (${count} tasks, seed ${seed})`, start: START, tasks };

  // Baseline = the first schedule; status date at 40 % of it; progress with some slips.
  const first = schedulePlan(draft);
  const calendar = new WorkingCalendar();
  const statusDate = calendar.addWorkingDays(START, Math.floor(first.endIndex * 0.4));
  const progressed = tasks.map((task, i): PlanTask => {
    const scheduled = first.tasks[i];
    const withBaseline = { ...task, baselineStart: scheduled.dates.es, baselineFinish: scheduled.dates.ef };
    if (scheduled.dates.es > statusDate) return withBaseline;
    const slip = random() < 0.25 ? 1 + Math.floor(random() * 3) : 0;
    const finish = calendar.addWorkingDays(scheduled.dates.ef, slip);
    if (finish <= statusDate)
      return {
        ...withBaseline,
        actualStart: scheduled.dates.es,
        actualFinish: task.duration === 0 ? scheduled.dates.es : finish,
      };
    if (task.duration === 0) return withBaseline;
    return { ...withBaseline, actualStart: scheduled.dates.es, percentComplete: Math.floor(random() * 90) };
  });
  const deadline = calendar.addWorkingDays(first.end, -10);
  return { ...draft, tasks: progressed, statusDate, deadline };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const round = (ms: number) => Math.round(ms * 10) / 10;

const generateStart = performance.now();
const plan = generatePlan(TASKS, SEED);
const generateMs = performance.now() - generateStart;
const links = plan.tasks.reduce((sum, task) => sum + (task.dependencies?.length ?? 0), 0);
// The plan reaches the lib as the CLI would read it: parsed from JSON text.
const text = JSON.stringify(plan);

const cpmRuns: number[] = [];
const svgRuns: number[] = [];
let output = '';
let pages: string[] = [];
let schedule = schedulePlan(JSON.parse(text));
for (let run = 0; run < RUNS + 2; run++) {
  const cpmStart = performance.now();
  schedule = schedulePlan(JSON.parse(text));
  output = JSON.stringify(planJson(schedule));
  const cpmEnd = performance.now();
  pages = renderGanttPages(schedule, { lang: 'fr' });
  const svgEnd = performance.now();
  // The first two runs warm the JIT up; the coldest one is reported too.
  if (run === 0) cpmRuns.push(cpmEnd - cpmStart);
  if (run >= 2) {
    cpmRuns.push(cpmEnd - cpmStart);
    svgRuns.push(svgEnd - cpmEnd);
  }
}
const coldCpmMs = cpmRuns.shift()!;

const result = {
  tasks: TASKS,
  links,
  seed: SEED,
  runs: RUNS,
  generateMs: round(generateMs),
  criticalTasks: schedule.tasks.filter((task) => task.critical).length,
  lateTasks: schedule.tasks.filter((task) => task.late).length,
  criticalPaths: schedule.criticalPaths.length,
  criticalPathsTruncated: schedule.criticalPathsTruncated,
  end: schedule.end,
  deadline: schedule.deadline,
  deadlineFloat: schedule.deadlineFloat,
  jsonBytes: Buffer.byteLength(output),
  coldCpmJsonMs: round(coldCpmMs),
  cpmJsonMedianMs: round(median(cpmRuns)),
  cpmJsonMaxMs: round(Math.max(...cpmRuns)),
  svgPages: pages.length,
  svgBytes: pages.reduce((sum, page) => sum + Buffer.byteLength(page), 0),
  svgMedianMs: round(median(svgRuns)),
  targetMs: 1000,
  withinTarget: coldCpmMs < 1000 && Math.max(...cpmRuns) < 1000,
};

console.log(`plan: ${TASKS} tasks, ${links} links (seed ${SEED}), generated in ${result.generateMs} ms`);
console.log(
  `CPM + JSON: first run ${result.coldCpmJsonMs} ms, median of ${RUNS} ${result.cpmJsonMedianMs} ms, max ${result.cpmJsonMaxMs} ms (${result.jsonBytes} bytes)`,
);
console.log(
  `critical tasks ${result.criticalTasks}, late ${result.lateTasks}, critical paths ${result.criticalPaths}${result.criticalPathsTruncated ? ' (truncated)' : ''}; end ${result.end}, deadline ${result.deadline} (float ${result.deadlineFloat})`,
);
console.log(`Gantt SVG: ${result.svgPages} pages, ${result.svgBytes} bytes, median ${result.svgMedianMs} ms`);
console.log(JSON.stringify(result));
