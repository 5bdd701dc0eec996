import { describe, expect, it } from '@jest/globals';
import { ReportError, ReportErrorCode } from '../reports.errors.js';
import { SAMPLE_SVG, sampleModel } from '../testing/sample-model.js';
import type { Block, KeyFigure, ReportModel, StatementBlock, TableCell } from './report-model.js';
import {
  assertReportAsOf,
  assertReportLanguage,
  assertValidReportModel,
  reportModelIssues,
  svgIssues,
} from './validate-model.js';

/** The sample with its first section's blocks replaced. */
function withBlocks(...blocks: unknown[]): unknown {
  const model = sampleModel('fr');
  return { ...model, sections: [{ key: 'only', title: 'Seule section', blocks }] };
}

const scan = { kind: 'SCAN', ref: 'scan-run:1', label: 'Analyse' } as const;

describe('report model types', () => {
  it('make a statement, a numeric cell or a key figure without evidence a type error', () => {
    // @ts-expect-error evidence is required on a statement
    const statement: StatementBlock = { type: 'statement', content: [{ text: 'x' }] };
    // @ts-expect-error an empty evidence list is not an EvidenceList
    const empty: StatementBlock = { type: 'statement', content: [{ text: 'x' }], evidence: [] };
    // @ts-expect-error a number cell needs evidence
    const cell: TableCell = { value: 3 };
    // @ts-expect-error a key figure needs evidence
    const figure: KeyFigure = { key: 'k', label: 'K', value: 1 };
    // @ts-expect-error a paragraph holds no numbers
    const paragraph: Block = { type: 'paragraph', content: [{ value: 3 }] };
    expect(reportModelIssues(withBlocks(statement, empty, paragraph))).toEqual([
      'sections[0].blocks[0].evidence: is required: every number and statement needs evidence',
      'sections[0].blocks[1].evidence: must have at least 1 item',
      'sections[0].blocks[2].content[0]: a number needs evidence: use a statement (or a list item with evidence)',
    ]);
    expect([cell, figure].length).toBe(2);
  });
});

describe('reportModelIssues', () => {
  it('accepts the sample model in both languages', () => {
    expect(reportModelIssues(sampleModel('fr'))).toEqual([]);
    expect(reportModelIssues(sampleModel('en'))).toEqual([]);
  });

  it('refuses numbers without evidence wherever they are', () => {
    const issues = reportModelIssues(
      withBlocks(
        {
          type: 'table',
          key: 't',
          caption: 'T',
          columns: [{ key: 'a', label: 'A' }],
          rows: [{ key: 'r', cells: [{ value: 3 }] }],
        },
        { type: 'keyFigures', items: [{ key: 'k', label: 'K', value: 1, evidence: [] }] },
        { type: 'list', ordered: false, items: [{ content: [{ text: 'n = ' }, { value: 2 }] }] },
      ),
    );
    expect(issues).toEqual([
      'sections[0].blocks[0].rows[0].cells[0].evidence: is required: every number and statement needs evidence',
      'sections[0].blocks[1].items[0].evidence: must have at least 1 item',
      'sections[0].blocks[2].items[0].evidence: is required: every number and statement needs evidence',
    ]);
  });

  it('refuses duplicate keys, cells that do not match the columns and inconsistent evidence labels', () => {
    const table = (key: string, rows: unknown[]) => ({
      type: 'table',
      key,
      caption: 'T',
      columns: [
        { key: 'a', label: 'A' },
        { key: 'a', label: 'B' },
      ],
      rows,
    });
    const issues = reportModelIssues(
      withBlocks(
        table('t', [
          { key: 'r', cells: [{ text: 'x' }, { empty: true }] },
          { key: 'r', cells: [{ text: 'x' }] },
        ]),
        table('t', []),
        { type: 'statement', content: [{ text: 'a' }], evidence: [scan] },
        { type: 'statement', content: [{ text: 'b' }], evidence: [{ ...scan, label: 'Autre' }] },
      ),
    );
    expect(issues).toEqual([
      "sections[0].blocks[0].columns[1].key: duplicate column key 'a'",
      "sections[0].blocks[0].rows[1].key: duplicate row key 'r'",
      'sections[0].blocks[0].rows[1].cells: has 1 cells for 2 columns',
      "sections[0].blocks[1].key: duplicate table or figure key 't'",
      "sections[0].blocks[1].columns[1].key: duplicate column key 'a'",
      "sections[0].blocks[3].evidence[0].label: evidence SCAN scan-run:1 is labelled both 'Analyse' and 'Autre'",
    ]);
  });

  it('refuses bad metadata: kind, language, impossible date, unknown member', () => {
    const model = sampleModel('fr');
    const issues = reportModelIssues({
      ...model,
      metadata: { ...model.metadata, kind: 'Carto', language: 'de', asOf: '2026-02-30', generatedAt: 'now' },
    });
    expect(issues).toEqual([
      'metadata.generatedAt: is not a known member',
      'metadata.kind: must be lower-case words separated by hyphens',
      'metadata.language: must be one of fr, en',
      'metadata.asOf: must be a calendar date YYYY-MM-DD',
    ]);
  });

  it('refuses control characters (jsonb refuses U+0000) and empty titles', () => {
    const model = sampleModel('fr');
    expect(
      reportModelIssues({
        ...model,
        sections: [{ key: 's', title: ' ', blocks: [{ type: 'paragraph', content: [{ text: 'a\u0000b' }] }] }],
      }),
    ).toEqual([
      'sections[0].title: must not be empty',
      'sections[0].blocks[0].content[0].text: contains a control character or a lone surrogate',
    ]);
  });

  it('refuses unknown block types and nesting a table in a callout', () => {
    expect(
      reportModelIssues(
        withBlocks(
          { type: 'chart' },
          {
            type: 'callout',
            tone: 'info',
            content: [{ type: 'table', key: 'x', caption: 'x', columns: [], rows: [] }],
          },
        ),
      ),
    ).toEqual([
      'sections[0].blocks[0].type: must be paragraph, statement, table, figure, keyFigures, list or callout',
      'sections[0].blocks[1].content[0]: a callout holds paragraphs, statements and lists only',
    ]);
  });

  it('throws REPORT_INVALID_MODEL with every issue in details', () => {
    const error = (() => {
      try {
        assertValidReportModel({ metadata: null, sections: [] } as unknown as ReportModel);
      } catch (caught) {
        return caught;
      }
    })() as ReportError;
    expect(error).toBeInstanceOf(ReportError);
    expect(error.code).toBe(ReportErrorCode.INVALID_MODEL);
    expect(error.kind).toBe('INVALID_INPUT');
    expect(error.message).toBe(
      'report model is invalid: metadata: must be an object; sections: must have at least 1 item',
    );
    expect(error.details()).toEqual({ issues: ['metadata: must be an object', 'sections: must have at least 1 item'] });
  });
});

describe('svgIssues', () => {
  it('accepts a plain drawing', () => {
    expect(svgIssues(SAMPLE_SVG)).toEqual([]);
    expect(svgIssues(`<?xml version="1.0"?>\n${SAMPLE_SVG}`)).toEqual([]);
  });

  it.each([
    ['<svg><script>alert(1)</script></svg>', 'contains a script'],
    ['<svg onload="x()"></svg>', 'contains an event attribute'],
    ['<svg><image href="https://example.org/a.png"/></svg>', 'references an external resource (href)'],
    ['<svg><rect style="fill:url(http://x/y)"/></svg>', 'references an external resource (url())'],
    ['<svg><foreignObject/></svg>', 'contains a foreignObject'],
    ['<div>no</div>', 'is not one <svg> element'],
  ])('refuses %p: %s', (svg, issue) => {
    expect(svgIssues(svg)).toContain(issue);
  });

  it('allows internal references (gradients, patterns)', () => {
    expect(svgIssues('<svg><rect fill="url(#hatch)"/><use href="#a"/></svg>')).toEqual([]);
  });
});

describe('assertReportAsOf and assertReportLanguage', () => {
  it('accept today and past dates, fr and en', () => {
    expect(() => assertReportAsOf('2026-11-30', '2026-11-30')).not.toThrow();
    expect(() => assertReportAsOf('2024-02-29', '2026-11-30')).not.toThrow();
    expect(() => assertReportLanguage('en')).not.toThrow();
  });

  it.each([
    ['2026-12-01', 'the as-of date 2026-12-01 is in the future (today is 2026-11-30)'],
    ['2026-02-29', "the as-of date '2026-02-29' is not a date YYYY-MM-DD"],
    ['30/11/2026', "the as-of date '30/11/2026' is not a date YYYY-MM-DD"],
  ])('refuse %s: %s', (asOf, message) => {
    expect(() => assertReportAsOf(asOf, '2026-11-30')).toThrow(new ReportError(ReportErrorCode.INVALID_INPUT, message));
  });

  it('refuses another language', () => {
    expect(() => assertReportLanguage('de')).toThrow("unknown report language 'de' (fr or en)");
  });
});
