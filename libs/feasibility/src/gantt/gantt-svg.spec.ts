import { describe, expect, it } from '@jest/globals';
import { FeasibilityError, FeasibilityErrorCode } from '../feasibility.errors.js';
import type { PlanTask, ProjectPlan } from '../plan/plan.model.js';
import { schedulePlan } from '../schedule/critical-path.js';
import { formatDate, formatDays } from './gantt-labels.js';
import { ganttTimeRange, MAX_CHART_WIDTH, renderGanttPages, renderGanttSvg } from './gantt-svg.js';
import { escapeXml, num, truncate } from './svg-text.js';

/** Checks that tags nest, attributes are quoted and text holds no raw `<` or stray `&`: enough for well-formedness here. */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  const tokens = svg.split(/(<[^>]*>)/);
  for (const token of tokens) {
    if (token.startsWith('<')) {
      const close = /^<\/([a-zA-Z]+)>$/.exec(token);
      const open = /^<([a-zA-Z]+)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*="[^"<]*")*)\s*(\/?)>$/.exec(token);
      if (close) expect(stack.pop()).toBe(close[1]);
      else if (open) {
        if (open[3] !== '/') stack.push(open[1]);
      } else throw new Error(`malformed tag: ${token.slice(0, 80)}`);
    } else {
      expect(token).not.toMatch(/<|&(?!amp;|lt;|gt;|quot;|#39;)/);
    }
  }
  expect(stack).toEqual([]);
}

const samplePlan: ProjectPlan = {
  name: 'Plan <RGPD> & "co"',
  start: '2026-01-05',
  deadline: '2026-01-20',
  statusDate: '2026-01-14',
  tasks: [
    {
      id: 'P',
      name: 'Survey',
      duration: 5,
      baselineStart: '2026-01-05',
      baselineFinish: '2026-01-09',
      actualStart: '2026-01-05',
      actualFinish: '2026-01-12',
    },
    {
      id: 'Q',
      name: 'Scan <script>alert(1)</script>',
      duration: 4,
      dependencies: [{ predecessor: 'P' }],
      actualStart: '2026-01-13',
      percentComplete: 50,
    },
    {
      id: 'R',
      name: "L'équipe data",
      duration: 3,
      dependencies: [{ predecessor: 'Q' }],
      baselineStart: '2026-01-16',
      baselineFinish: '2026-01-20',
    },
    { id: 'S', name: 'Interviews', duration: 2 },
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

describe('renderGanttSvg', () => {
  const schedule = schedulePlan(samplePlan);
  const fr = renderGanttSvg(schedule, { lang: 'fr' });
  const en = renderGanttSvg(schedule, { lang: 'en' });

  it('is deterministic and well-formed, with every text escaped', () => {
    expect(renderGanttSvg(schedulePlan(samplePlan), { lang: 'fr' })).toBe(fr);
    assertWellFormed(fr);
    assertWellFormed(en);
    expect(fr).not.toContain('<script>');
    expect(fr).toContain('>Scan &lt;script&gt;alert(1)&lt;/sc…</text>'); // cut at 26 characters
    expect(fr).toContain('<title id="gantt-p1-title">Plan &lt;RGPD&gt; &amp; &quot;co&quot;</title>');
    expect(fr).toContain('L&#39;équipe data');
  });

  it('draws a bar per task with its baseline, progress, float, milestones, status date and deadline', () => {
    // The deadline (Tue 20, boundary 12) is a day before the end (13): Q, R and M have float -1 and are
    // critical (hatched, black outline); P is complete; S has float 2 (a thin trailing bar); M is a diamond.
    const bars = [...fr.matchAll(/<rect [^>]*height="10" fill="url\(#gantt-p1-critical\)" stroke="#000000"/g)];
    expect(bars).toHaveLength(2 + 1); // Q, R and the legend sample
    expect(fr.match(/<polygon /g)).toHaveLength(1 + 1 + 1); // M, M's baseline, the legend's milestone
    expect(fr).toContain('<g data-task="S">');
    expect(fr).toMatch(/<rect [^>]*height="2" fill="#505050"\/>/); // S's float
    expect(fr).toContain('stroke="#009E73" stroke-width="1.6" stroke-dasharray="5 3"'); // status date line
    expect(fr).toContain('>État au 14 janv. 2026</text>');
    expect(fr).toContain('>Échéance 20 janv. 2026</text>');
    expect(en).toContain('>Status date 14 Jan 2026</text>');
    // P is finished: its float is history and is not drawn; its progress band fills its bar.
    const p = /<g data-task="P">[\s\S]*?<\/g>/.exec(fr)![0];
    expect(p).not.toMatch(/height="2"|stroke-dasharray/);
    expect(p).toMatch(/height="3" fill="#1A1A1A"/);
    // Q is half done: its progress band is half its bar.
    const q = /<g data-task="Q">[\s\S]*?<\/g>/.exec(fr)![0];
    const bar = /<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="10"/.exec(q)!;
    const progress = /<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="3"/.exec(q)!;
    expect([progress[1], Number(progress[2])]).toEqual([bar[1], Number(bar[2]) / 2]);
  });

  it('marks late tasks with their variance and fills the table', () => {
    // R forecast Wed 21 Jan (after Q at the status date) against a baseline finish of Tue 20: +1.
    expect(fr).toContain('>Retard +1 j</text>');
    expect(en).toContain('>Late +1 d</text>');
    const r = /<g data-task="R">[\s\S]*?<\/g>/.exec(en)![0];
    expect([...r.matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1])).toEqual([
      'R',
      'L&#39;équipe data',
      '19 Jan 2026',
      '21 Jan 2026',
      '16 Jan 2026',
      '20 Jan 2026',
      '-1',
      '0',
      '+1 d',
      'Late +1 d',
    ]);
  });

  it('paginates with one time scale for every page', () => {
    const pages = renderGanttPages(schedule, { lang: 'en', rowsPerPage: 2 });
    expect(pages).toHaveLength(3);
    expect(pages.map((page) => /<title id="gantt-p\d-title">([^<]*)<\/title>/.exec(page)![1])).toEqual([
      'Plan &lt;RGPD&gt; &amp; &quot;co&quot; — page 1/3',
      'Plan &lt;RGPD&gt; &amp; &quot;co&quot; — page 2/3',
      'Plan &lt;RGPD&gt; &amp; &quot;co&quot; — page 3/3',
    ]);
    expect(new Set(pages.map((page) => /width="(\d+)"/.exec(page)![1])).size).toBe(1);
    expect(pages[2].match(/<g data-task=/g)).toHaveLength(1);
    expect(ganttTimeRange(schedule)).toEqual({ from: '2025-12-29', to: '2026-01-25' });
  });

  it('bounds the width of a long plan', () => {
    // 300 chained tasks of 5 working days: about six years.
    const tasks: PlanTask[] = Array.from({ length: 300 }, (_, i) => ({
      id: `T${i}`,
      name: `Task ${i}`,
      duration: 5,
      ...(i === 0 ? {} : { dependencies: [{ predecessor: `T${i - 1}` }] }),
    }));
    const long = schedulePlan({ start: '2026-01-05', tasks });
    const svg = renderGanttSvg(long, { lang: 'fr', rowsPerPage: 200 });
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    expect(width).toBeLessThanOrEqual(16 + 758 + 14 + MAX_CHART_WIDTH + 110 + 16 + 1);
    expect(svg.match(/<g data-task=/g)).toHaveLength(200);
    assertWellFormed(svg);
  });

  it('refuses bad options', () => {
    const code = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return [(error as FeasibilityError).code, (error as Error).message];
      }
      return null;
    };
    expect(code(() => renderGanttSvg(schedule, { lang: 'de' as 'fr' }))).toEqual([
      FeasibilityErrorCode.INVALID_OPTION,
      "lang: 'de' must be one of fr, en",
    ]);
    expect(code(() => renderGanttSvg(schedule, { lang: 'fr', rowsPerPage: 0 }))).toEqual([
      FeasibilityErrorCode.INVALID_OPTION,
      'rowsPerPage: 0 must be a whole number from 1 to 200',
    ]);
    expect(code(() => renderGanttSvg(schedule, { lang: 'fr', page: 2 }))).toEqual([
      FeasibilityErrorCode.INVALID_OPTION,
      'page: 2 must be a whole number from 1 to 1',
    ]);
    expect(code(() => renderGanttSvg(schedule, { lang: 'fr', idPrefix: '"><x' }))).toEqual([
      FeasibilityErrorCode.INVALID_OPTION,
      `idPrefix: '"><x' must be a letter then up to 31 letters, digits, _ or -`,
    ]);
  });
});

describe('labels and SVG text', () => {
  it('formats dates in French and English', () => {
    expect(formatDate('2026-12-03', 'fr')).toBe('3 déc. 2026');
    expect(formatDate('2026-02-01', 'fr')).toBe('1 févr. 2026');
    expect(formatDate('2026-08-15', 'fr')).toBe('15 août 2026');
    expect(formatDate('2026-12-03', 'en')).toBe('3 Dec 2026');
    expect([formatDays(3, 'fr', true), formatDays(-2, 'en', true), formatDays(0, 'fr', true)]).toEqual([
      '+3 j',
      '-2 d',
      '0 j',
    ]);
  });

  it('escapes markup, removes what XML forbids, cuts by code point and prints stable numbers', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u001bc\ufffed\ud800e\tf\ng')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\tf\ng');
    expect(escapeXml('😀')).toBe('😀');
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
    expect(truncate('abc', 3)).toBe('abc');
    expect([num(1 / 3), num(-0.001), num(12)]).toEqual(['0.33', '0', '12']);
  });
});

it('FeasibilityError carries the kind of its code', () => {
  expect(new FeasibilityError(FeasibilityErrorCode.INVALID_OPTION, 'x').kind).toBe('INVALID_INPUT');
});
