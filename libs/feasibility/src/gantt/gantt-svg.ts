import { civilOf, dateOfDay, dayNumber, dayOf, isoWeek, isoWeekday } from '../calendar/civil-date.js';
import { FeasibilityError, FeasibilityErrorCode, quote } from '../feasibility.errors.js';
import type { PlanSchedule, ScheduledTask } from '../schedule/schedule.model.js';
import {
  formatDate,
  formatDays,
  GANTT_LANGS,
  type GanttLabels,
  type GanttLang,
  LABELS,
  monthLabel,
} from './gantt-labels.js';
import { escapeXml, num, truncate } from './svg-text.js';

export interface GanttOptions {
  lang: GanttLang;
  /** Task rows per page, 1 to MAX_ROWS_PER_PAGE; default DEFAULT_ROWS_PER_PAGE. */
  rowsPerPage?: number;
  /** Title; default the plan's name, else "Gantt chart" / "Diagramme de Gantt". */
  title?: string;
  /** Prefix of the ids inside the SVG (patterns), so that several charts can share one HTML page; default `gantt`. */
  idPrefix?: string;
}

export const DEFAULT_ROWS_PER_PAGE = 40;
export const MAX_ROWS_PER_PAGE = 200;
/** The time axis never exceeds this width; days get narrower for long plans. */
export const MAX_CHART_WIDTH = 1100;
const MAX_DAY_WIDTH = 22;

// Okabe-Ito palette (distinguishable with every common colour-vision deficiency); critical tasks
// also differ by a hatch and a black outline, late tasks by a text label, so colour is never alone.
const COLOUR = {
  task: '#0072B2',
  taskStroke: '#004B75',
  critical: '#D55E00',
  criticalStroke: '#000000',
  baseline: '#9A9A9A',
  progress: '#1A1A1A',
  float: '#505050',
  negativeFloat: '#CC79A7',
  status: '#009E73',
  deadline: '#CC79A7',
  late: '#A3000B',
  nonWorking: '#ECECEC',
  weekLine: '#E2E2E2',
  monthLine: '#B8B8B8',
  stripe: '#F6F6F6',
  text: '#1A1A1A',
  muted: '#5A5A5A',
};

const FONT = 'font-family="\'DejaVu Sans\', Verdana, Arial, sans-serif"';
const MARGIN = 16;
const ROW = 22;
const HEADER_TOP = MARGIN + 46;
const ROWS_TOP = HEADER_TOP + 40;
const LATE_LABEL_SPACE = 110;
/** Table columns: x offset, width or right edge, alignment. */
const COLUMNS = {
  id: 0,
  name: 66,
  es: 262,
  ef: 352,
  ls: 442,
  lf: 532,
  tfRight: 660,
  ffRight: 698,
  varianceRight: 748,
};
const TABLE_WIDTH = 758;
const ID_CHARS = 10;
const NAME_CHARS = 26;

/** Every page of the chart; all pages share one time scale so they can be laid side by side. */
export function renderGanttPages(schedule: PlanSchedule, options: GanttOptions): string[] {
  const rows = rowsPerPage(options);
  const pages = Math.max(1, Math.ceil(schedule.tasks.length / rows));
  const scale = timeScale(schedule);
  return Array.from({ length: pages }, (_, i) => renderPage(schedule, { ...options, page: i + 1 }, scale));
}

/**
 * One page (1-based, default 1) of the Gantt chart of a schedule, as a standalone SVG document: a
 * deterministic string (the same schedule and options always give the same bytes).
 */
export function renderGanttSvg(schedule: PlanSchedule, options: GanttOptions & { page?: number }): string {
  return renderPage(schedule, options, timeScale(schedule));
}

function renderPage(schedule: PlanSchedule, options: GanttOptions & { page?: number }, scale: TimeScale): string {
  if (!GANTT_LANGS.includes(options.lang))
    throw optionError('lang', options.lang, `must be one of ${GANTT_LANGS.join(', ')}`);
  const rows = rowsPerPage(options);
  const pages = Math.max(1, Math.ceil(schedule.tasks.length / rows));
  const page = options.page ?? 1;
  if (!Number.isInteger(page) || page < 1 || page > pages)
    throw optionError('page', page, `must be a whole number from 1 to ${pages}`);
  const prefix = options.idPrefix ?? 'gantt';
  if (!/^[A-Za-z][A-Za-z0-9_-]{0,31}$/.test(prefix))
    throw optionError('idPrefix', prefix, 'must be a letter then up to 31 letters, digits, _ or -');

  const labels = LABELS[options.lang];
  const tasks = schedule.tasks.slice((page - 1) * rows, page * rows);
  const chartX = MARGIN + TABLE_WIDTH + 14;
  const x = (day: number) => chartX + (day - scale.from) * scale.dayWidth;
  const chartRight = x(scale.to);
  const rowsBottom = ROWS_TOP + tasks.length * ROW;
  const legendTop = rowsBottom + 40;
  const width = Math.ceil(chartRight + LATE_LABEL_SPACE + MARGIN);
  const height = Math.ceil(legendTop + 64 + MARGIN);
  const ids = {
    hatch: `${prefix}-p${page}-critical`,
    title: `${prefix}-p${page}-title`,
    desc: `${prefix}-p${page}-desc`,
  };
  const context: Context = { schedule, labels, lang: options.lang, x, ids };

  const title = options.title ?? schedule.plan.name ?? labels.chart;
  const titleText = pages > 1 ? `${title} — ${labels.page(page, pages)}` : title;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${ids.title} ${ids.desc}" ${FONT} font-size="11">`,
    `<title id="${ids.title}">${escapeXml(titleText)}</title>`,
    `<desc id="${ids.desc}">${escapeXml(summary(schedule, labels, options.lang))}</desc>`,
    `<defs><pattern id="${ids.hatch}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="${COLOUR.critical}"/><rect width="2.4" height="6" fill="#FFFFFF" fill-opacity="0.55"/></pattern></defs>`,
    `<rect width="${width}" height="${height}" fill="#FFFFFF"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 15}" font-size="15" font-weight="bold" fill="${COLOUR.text}">${escapeXml(titleText)}</text>`,
    `<text x="${MARGIN}" y="${MARGIN + 33}" fill="${COLOUR.muted}">${escapeXml(summary(schedule, labels, options.lang))}</text>`,
  ];
  tasks.forEach((_, row) => {
    if (row % 2 === 1)
      parts.push(rect(MARGIN, ROWS_TOP + row * ROW, chartRight - MARGIN, ROW, `fill="${COLOUR.stripe}"`));
  });
  parts.push(...nonWorkingDays(context, scale, rowsBottom));
  parts.push(...timeHeader(context, scale, rowsBottom));
  parts.push(...tableHeader(labels));
  tasks.forEach((task, row) => parts.push(...taskRow(context, task, ROWS_TOP + row * ROW)));
  parts.push(...dateLines(context, rowsBottom));
  parts.push(
    `<line x1="${MARGIN}" y1="${rowsBottom}" x2="${num(chartRight)}" y2="${rowsBottom}" stroke="${COLOUR.monthLine}"/>`,
  );
  parts.push(...legend(context, legendTop));
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

interface Context {
  schedule: PlanSchedule;
  labels: GanttLabels;
  lang: GanttLang;
  x: (day: number) => number;
  ids: { hatch: string };
}

interface TimeScale {
  /** First day shown (a Monday), and the day after the last one (a Monday). */
  from: number;
  to: number;
  dayWidth: number;
}

/** Whole weeks (Monday to Sunday) around every date drawn: bars, floats, baselines, status date and deadline. */
function timeScale(schedule: PlanSchedule): TimeScale {
  const days: number[] = [dayNumber(schedule.start)];
  for (const task of schedule.tasks) {
    days.push(dayNumber(task.dates.es), dayNumber(task.dates.ef));
    // A finished task's late dates say nothing any more: no float is drawn for it.
    if (task.status !== 'COMPLETE') days.push(dayNumber(task.dates.ls), dayNumber(task.dates.lf));
    if (task.baseline) days.push(dayNumber(task.baseline.start), dayNumber(task.baseline.finish));
  }
  if (schedule.statusDate !== null) days.push(dayNumber(schedule.statusDate));
  if (schedule.deadline !== null) days.push(dayNumber(schedule.deadline));
  const first = Math.min(...days);
  const last = Math.max(...days);
  // A day of margin before the first date, so a milestone at the very start is not cut in half.
  const from = first - 1 - isoWeekday(first - 1);
  const to = last - isoWeekday(last) + 7;
  return { from, to, dayWidth: Math.min(MAX_DAY_WIDTH, MAX_CHART_WIDTH / (to - from)) };
}

function summary(schedule: PlanSchedule, labels: GanttLabels, lang: GanttLang): string {
  const parts = [
    `${labels.start} ${formatDate(schedule.start, lang)}`,
    `${labels.end} ${formatDate(schedule.end, lang)}`,
  ];
  if (schedule.deadline !== null && schedule.deadlineFloat !== null) {
    const margin = labels.deadlineMargin(formatDays(schedule.deadlineFloat, lang, true));
    parts.push(`${labels.deadline} ${formatDate(schedule.deadline, lang)} (${margin})`);
  }
  if (schedule.statusDate !== null) parts.push(`${labels.statusDate} ${formatDate(schedule.statusDate, lang)}`);
  return parts.join(' · ');
}

function nonWorkingDays(context: Context, scale: TimeScale, rowsBottom: number): string[] {
  // Below 3 px a day, shading would only stripe the whole chart.
  if (scale.dayWidth < 3) return [];
  const parts: string[] = [];
  let runStart: number | null = null;
  for (let day = scale.from; day <= scale.to; day++) {
    const off = day < scale.to && !context.schedule.calendar.isWorkingDayNumber(day);
    if (off && runStart === null) runStart = day;
    if (!off && runStart !== null) {
      parts.push(
        rect(
          context.x(runStart),
          ROWS_TOP,
          (day - runStart) * scale.dayWidth,
          rowsBottom - ROWS_TOP,
          `fill="${COLOUR.nonWorking}"`,
        ),
      );
      runStart = null;
    }
  }
  return parts;
}

function timeHeader(context: Context, scale: TimeScale, rowsBottom: number): string[] {
  const { x } = context;
  const parts: string[] = [];
  const monthTop = HEADER_TOP;
  const weekTop = HEADER_TOP + 20;
  const monthWidth = 30.4 * scale.dayWidth;
  // Weeks: a line at each Monday, the ISO week number when there is room.
  const weekWidth = 7 * scale.dayWidth;
  if (weekWidth >= 6) {
    for (let day = scale.from; day < scale.to; day += 7) {
      parts.push(vline(x(day), weekTop, rowsBottom, COLOUR.weekLine));
      if (weekWidth >= 24) {
        const label = `${context.labels.week}${isoWeek(day).week}`;
        parts.push(
          text(x(day) + weekWidth / 2, weekTop + 13, label, 'text-anchor="middle" font-size="9"', COLOUR.muted),
        );
      }
    }
  }
  // Months, or years when months are too narrow for a label.
  const { year: firstYear, month: firstMonth } = civilOf(scale.from);
  let [year, month] = [firstYear, firstMonth];
  while (dayOf(year, month, 1) < scale.to) {
    const first = dayOf(year, month, 1);
    const start = Math.max(first, scale.from);
    const end = Math.min(month === 12 ? dayOf(year + 1, 1, 1) : dayOf(year, month + 1, 1), scale.to);
    const width = (end - start) * scale.dayWidth;
    if (first >= scale.from) parts.push(vline(x(start), monthTop, rowsBottom, COLOUR.monthLine));
    let label = '';
    if (monthWidth >= 26) {
      if (width >= 64) label = `${monthLabel(month, context.lang)} ${year}`;
      else if (width >= 26) label = monthLabel(month, context.lang);
    } else if (month === 1 || start === scale.from) {
      const yearWidth = (Math.min(dayOf(year + 1, 1, 1), scale.to) - start) * scale.dayWidth;
      if (yearWidth >= 30) label = String(year);
    }
    if (label) parts.push(text(x(start) + 3, monthTop + 13, label, '', COLOUR.text));
    if (month === 12) [year, month] = [year + 1, 1];
    else month++;
  }
  parts.push(
    `<line x1="${num(x(scale.from))}" y1="${weekTop}" x2="${num(x(scale.to))}" y2="${weekTop}" stroke="${COLOUR.monthLine}"/>`,
  );
  parts.push(
    `<line x1="${MARGIN}" y1="${ROWS_TOP}" x2="${num(x(scale.to))}" y2="${ROWS_TOP}" stroke="${COLOUR.monthLine}"/>`,
  );
  return parts;
}

function tableHeader(labels: GanttLabels): string[] {
  const y = ROWS_TOP - 6;
  const bold = 'font-weight="bold"';
  const end = `${bold} text-anchor="end"`;
  return [
    text(MARGIN + COLUMNS.id, y, labels.id, bold),
    text(MARGIN + COLUMNS.name, y, labels.task, bold),
    text(MARGIN + COLUMNS.es, y, labels.es, bold),
    text(MARGIN + COLUMNS.ef, y, labels.ef, bold),
    text(MARGIN + COLUMNS.ls, y, labels.ls, bold),
    text(MARGIN + COLUMNS.lf, y, labels.lf, bold),
    text(MARGIN + COLUMNS.tfRight, y, labels.tf, end),
    text(MARGIN + COLUMNS.ffRight, y, labels.ff, end),
    text(MARGIN + COLUMNS.varianceRight, y, labels.variance, end),
  ];
}

/** Where an instant sits: a task starts at the start of its first day and finishes at the end of its last. */
function startInstant(task: ScheduledTask, date: string): number {
  return dayNumber(date) + (task.milestoneSide === 'FINISH' ? 1 : 0);
}

function finishInstant(task: ScheduledTask, date: string): number {
  return dayNumber(date) + (task.milestoneSide === 'START' ? 0 : 1);
}

function taskRow(context: Context, task: ScheduledTask, top: number): string[] {
  const { labels, lang, x } = context;
  const parts: string[] = [
    `<g data-task="${escapeXml(task.id)}">`,
    `<title>${escapeXml(`${task.id} — ${task.name}`)}</title>`,
  ];
  const baseline = top + 14;
  const weight = task.critical ? ' font-weight="bold"' : '';
  const variance = task.finishVarianceDays === null ? '' : formatDays(task.finishVarianceDays, lang, true);
  parts.push(
    text(MARGIN + COLUMNS.id, baseline, truncate(task.id, ID_CHARS), weight),
    text(MARGIN + COLUMNS.name, baseline, truncate(task.name, NAME_CHARS), weight),
    text(MARGIN + COLUMNS.es, baseline, formatDate(task.dates.es, lang)),
    text(MARGIN + COLUMNS.ef, baseline, formatDate(task.dates.ef, lang)),
    text(MARGIN + COLUMNS.ls, baseline, formatDate(task.dates.ls, lang)),
    text(MARGIN + COLUMNS.lf, baseline, formatDate(task.dates.lf, lang)),
    text(MARGIN + COLUMNS.tfRight, baseline, String(task.totalFloat), `text-anchor="end"${weight}`),
    text(MARGIN + COLUMNS.ffRight, baseline, String(task.freeFloat), 'text-anchor="end"'),
    text(
      MARGIN + COLUMNS.varianceRight,
      baseline,
      variance,
      task.late ? 'text-anchor="end" font-weight="bold"' : 'text-anchor="end"',
      task.late ? COLOUR.late : COLOUR.text,
    ),
  );

  // Baseline under the bar.
  if (task.baseline) {
    if (task.milestone)
      parts.push(
        diamond(
          x(finishInstant(task, task.baseline.finish)),
          top + 16,
          4,
          `fill="#FFFFFF" stroke="${COLOUR.baseline}" stroke-width="1.5"`,
        ),
      );
    else {
      const from = x(startInstant(task, task.baseline.start));
      parts.push(
        rect(from, top + 15, x(finishInstant(task, task.baseline.finish)) - from, 4, `fill="${COLOUR.baseline}"`),
      );
    }
  }

  // Total float: a thin bar from the early finish to the late finish (dashed backwards when
  // negative); none for a finished task.
  const early = finishInstant(task, task.dates.ef);
  const late = task.status === 'COMPLETE' ? early : finishInstant(task, task.dates.lf);
  if (task.status === 'COMPLETE') {
    // nothing: its float is history
  } else if (task.totalFloat > 0) {
    parts.push(rect(x(early), top + 10, x(late) - x(early), 2, `fill="${COLOUR.float}"`));
    parts.push(vline(x(late), top + 7, top + 15, COLOUR.float));
  } else if (task.totalFloat < 0) {
    parts.push(
      `<line x1="${num(x(late))}" y1="${top + 11}" x2="${num(x(early))}" y2="${top + 11}" stroke="${COLOUR.negativeFloat}" stroke-width="2" stroke-dasharray="3 2"/>`,
    );
    parts.push(vline(x(late), top + 6, top + 16, COLOUR.negativeFloat));
  }

  // The bar (or diamond), its progress, and the late label.
  const fill = task.critical
    ? `fill="url(#${context.ids.hatch})" stroke="${COLOUR.criticalStroke}" stroke-width="1.5"`
    : `fill="${COLOUR.task}" stroke="${COLOUR.taskStroke}" stroke-width="0.6"`;
  let right: number;
  if (task.milestone) {
    const at = x(startInstant(task, task.dates.es));
    parts.push(
      diamond(
        at,
        top + 9,
        6,
        task.critical
          ? `fill="${COLOUR.critical}" stroke="${COLOUR.criticalStroke}" stroke-width="1.5"`
          : `fill="${COLOUR.task}" stroke="${COLOUR.taskStroke}" stroke-width="0.6"`,
      ),
    );
    right = at + 7;
  } else {
    const from = x(startInstant(task, task.dates.es));
    const to = x(early);
    parts.push(rect(from, top + 4, to - from, 10, fill));
    if (task.percentComplete > 0)
      parts.push(rect(from, top + 7.5, ((to - from) * task.percentComplete) / 100, 3, `fill="${COLOUR.progress}"`));
    right = to;
  }
  right = Math.max(right, x(late), x(early));
  if (task.late && task.finishVarianceDays !== null) {
    const label = `${labels.late} ${formatDays(task.finishVarianceDays, lang, true)}`;
    parts.push(text(right + 5, baseline, label, 'font-weight="bold" font-size="10"', COLOUR.late));
  }
  parts.push('</g>');
  return parts;
}

function dateLines(context: Context, rowsBottom: number): string[] {
  const { schedule, labels, lang, x } = context;
  const parts: string[] = [];
  if (schedule.statusDate !== null) {
    const at = x(dayNumber(schedule.statusDate) + 1);
    parts.push(
      `<line x1="${num(at)}" y1="${HEADER_TOP}" x2="${num(at)}" y2="${rowsBottom + 6}" stroke="${COLOUR.status}" stroke-width="1.6" stroke-dasharray="5 3"/>`,
    );
    parts.push(
      text(
        at,
        rowsBottom + 17,
        `${labels.statusDate} ${formatDate(schedule.statusDate, lang)}`,
        'text-anchor="middle" font-size="9"',
        COLOUR.text,
      ),
    );
  }
  if (schedule.deadline !== null) {
    const at = x(dayNumber(schedule.deadline) + 1);
    parts.push(
      `<line x1="${num(at)}" y1="${HEADER_TOP}" x2="${num(at)}" y2="${rowsBottom + 18}" stroke="${COLOUR.deadline}" stroke-width="2"/>`,
    );
    parts.push(
      text(
        at,
        rowsBottom + 29,
        `${labels.deadline} ${formatDate(schedule.deadline, lang)}`,
        'text-anchor="middle" font-size="9"',
        COLOUR.text,
      ),
    );
  }
  return parts;
}

function legend(context: Context, top: number): string[] {
  const { labels } = context;
  const l = labels.legend;
  const parts: string[] = [];
  let at = MARGIN;
  const item = (symbol: string, label: string) => {
    parts.push(symbol, text(at + 26, top + 9, label));
    at += 34 + label.length * 6.2;
  };
  const y = top;
  item(rect(at, y + 1, 20, 10, `fill="${COLOUR.task}" stroke="${COLOUR.taskStroke}" stroke-width="0.6"`), l.task);
  item(
    rect(at, y + 1, 20, 10, `fill="url(#${context.ids.hatch})" stroke="${COLOUR.criticalStroke}" stroke-width="1.5"`),
    l.critical,
  );
  item(
    diamond(at + 10, y + 6, 6, `fill="${COLOUR.task}" stroke="${COLOUR.taskStroke}" stroke-width="0.6"`),
    l.milestone,
  );
  item(rect(at, y + 4, 20, 4, `fill="${COLOUR.baseline}"`), l.baseline);
  item(
    `${rect(at, y + 1, 20, 10, `fill="${COLOUR.task}"`)}${rect(at, y + 4.5, 12, 3, `fill="${COLOUR.progress}"`)}`,
    l.progress,
  );
  at = MARGIN;
  const y2 = top + 20;
  const row2 = (symbol: string, label: string) => {
    parts.push(symbol, text(at + 26, y2 + 9, label));
    at += 34 + label.length * 6.2;
  };
  row2(`${rect(at, y2 + 5, 20, 2, `fill="${COLOUR.float}"`)}${vline(at + 20, y2 + 2, y2 + 10, COLOUR.float)}`, l.float);
  row2(
    `<line x1="${at}" y1="${y2 + 6}" x2="${at + 20}" y2="${y2 + 6}" stroke="${COLOUR.negativeFloat}" stroke-width="2" stroke-dasharray="3 2"/>`,
    l.negativeFloat,
  );
  row2(
    `<line x1="${at + 10}" y1="${y2}" x2="${at + 10}" y2="${y2 + 12}" stroke="${COLOUR.status}" stroke-width="1.6" stroke-dasharray="5 3"/>`,
    l.statusDate,
  );
  row2(
    `<line x1="${at + 10}" y1="${y2}" x2="${at + 10}" y2="${y2 + 12}" stroke="${COLOUR.deadline}" stroke-width="2"/>`,
    l.deadline,
  );
  row2(
    rect(at, y2, 20, 12, `fill="${COLOUR.nonWorking}" stroke="${COLOUR.monthLine}" stroke-width="0.5"`),
    l.nonWorking,
  );
  parts.push(text(MARGIN, top + 50, l.columns, 'font-size="10"', COLOUR.muted));
  return parts;
}

// ------------------------------------------------------------------ primitives

function rect(x: number, y: number, width: number, height: number, attributes: string): string {
  return `<rect x="${num(x)}" y="${num(y)}" width="${num(Math.max(0, width))}" height="${num(height)}" ${attributes}/>`;
}

function diamond(cx: number, cy: number, r: number, attributes: string): string {
  const points = [
    [cx, cy - r],
    [cx + r, cy],
    [cx, cy + r],
    [cx - r, cy],
  ];
  return `<polygon points="${points.map(([px, py]) => `${num(px)},${num(py)}`).join(' ')}" ${attributes}/>`;
}

function vline(x: number, y1: number, y2: number, colour: string): string {
  return `<line x1="${num(x)}" y1="${num(y1)}" x2="${num(x)}" y2="${num(y2)}" stroke="${colour}"/>`;
}

function text(x: number, y: number, content: string, attributes = '', colour = COLOUR.text): string {
  const extra = attributes ? ` ${attributes.trim()}` : '';
  return `<text x="${num(x)}" y="${num(y)}" fill="${colour}"${extra}>${escapeXml(content)}</text>`;
}

function rowsPerPage(options: GanttOptions): number {
  const rows = options.rowsPerPage ?? DEFAULT_ROWS_PER_PAGE;
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_ROWS_PER_PAGE) {
    throw optionError('rowsPerPage', rows, `must be a whole number from 1 to ${MAX_ROWS_PER_PAGE}`);
  }
  return rows;
}

function optionError(name: string, value: unknown, reason: string): FeasibilityError {
  return new FeasibilityError(FeasibilityErrorCode.INVALID_OPTION, `${name}: ${quote(value)} ${reason}`);
}

/** For tests and callers that lay out several charts: the dates the scale covers. */
export function ganttTimeRange(schedule: PlanSchedule): { from: string; to: string } {
  const scale = timeScale(schedule);
  return { from: dateOfDay(scale.from), to: dateOfDay(scale.to - 1) };
}
