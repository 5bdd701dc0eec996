import { renderGanttSvg } from './gantt/gantt-svg.js';
import { schedulePlan } from './schedule/critical-path.js';
import { planJson } from './schedule/plan-json.js';

/** The files committed beside an example plan, by suffix: its CPM JSON and its chart in both languages. */
export function planExampleOutputs(plan: unknown): Record<string, string> {
  const schedule = schedulePlan(plan);
  return {
    'cpm.json': `${JSON.stringify(planJson(schedule), null, 2)}\n`,
    'gantt.fr.svg': renderGanttSvg(schedule, { lang: 'fr' }),
    'gantt.en.svg': renderGanttSvg(schedule, { lang: 'en' }),
  };
}
