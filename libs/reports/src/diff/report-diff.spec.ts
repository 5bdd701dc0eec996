import { describe, expect, it } from '@jest/globals';
import { contentHashOf } from '../model/canonical-json.js';
import type { ReportModel, Section, TableBlock } from '../model/report-model.js';
import { assertValidReportModel } from '../model/validate-model.js';
import { renderHtml } from '../render/html-renderer.js';
import { ReportError, ReportErrorCode } from '../reports.errors.js';
import { sampleModel } from '../testing/sample-model.js';
import { diffReportModels, diffSection } from './report-diff.js';

/** The sample a week later: one more record, a new source, the hostile section gone, one more source counted. */
function newerModel(): ReportModel {
  const model = structuredClone(sampleModel('fr')) as ReportModel & { sections: Section[] };
  (model.metadata as { asOf: string }).asOf = '2026-12-07';
  const summary = model.sections[0];
  const figures = summary.blocks[1] as unknown as { items: { value: number }[] };
  figures.items[0].value = 13;
  const table = model.sections[1].sections![0].blocks[0] as TableBlock & { rows: TableBlock['rows'][number][] };
  const crm = table.rows[0] as unknown as { cells: unknown[] };
  crm.cells[2] = {
    value: 1300000,
    evidence: [{ kind: 'SCAN', ref: 'scan-run:77aa', label: 'Analyse du 6 décembre 2026' }],
  };
  table.rows.push({
    key: 'acme/erp',
    cells: [{ text: 'erp.orders' }, { text: 'France' }, { empty: true }, { empty: true }],
  });
  model.sections.splice(2, 1);
  return model;
}

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reverseKeys(item)]),
  );
}

describe('diffReportModels', () => {
  it('lists added, removed and changed keyed items with the fields that differ', () => {
    const older = sampleModel('fr');
    const newer = newerModel();
    const diff = diffReportModels(older, newer);
    expect(diff).toEqual({
      kind: 'cartography',
      organisation: 'acme',
      department: 'ventes',
      from: { contentHash: contentHashOf(older), asOf: '2026-11-30' },
      to: { contentHash: contentHashOf(newer), asOf: '2026-12-07' },
      entries: [
        {
          kind: 'keyFigure',
          path: 'keyFigure:sources',
          label: 'Sources analysées',
          change: 'changed',
          fields: [{ field: 'value', label: 'Sources analysées', before: 12, after: 13 }],
        },
        {
          kind: 'row',
          path: 'table:sources/row:acme/crm',
          tableKey: 'sources',
          label: 'crm_customers.contact_email',
          change: 'changed',
          fields: [{ field: 'records', label: 'Enregistrements', before: 1250000, after: 1300000 }],
        },
        {
          kind: 'row',
          path: 'table:sources/row:acme/erp',
          tableKey: 'sources',
          label: 'erp.orders',
          change: 'added',
          fields: [],
        },
        {
          kind: 'section',
          path: 'section:hostile',
          label: older.sections[2].title,
          change: 'removed',
          fields: [],
        },
      ],
      counts: { added: 1, removed: 1, changed: 2 },
    });
  });

  it('finds nothing between a model and itself, whatever the order of its keys', () => {
    const model = sampleModel('en');
    const reversed = reverseKeys(model) as ReportModel;
    expect(Object.keys(reversed)).toEqual(['sections', 'metadata']);
    expect(diffReportModels(model, reversed).entries).toEqual([]);
  });

  it('refuses reports of different kinds or organisations', () => {
    const other = sampleModel('fr');
    const globex = { ...other, metadata: { ...other.metadata, organisation: { key: 'globex', name: 'Globex' } } };
    const error = (() => {
      try {
        diffReportModels(sampleModel('fr'), globex);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).code).toBe(ReportErrorCode.INVALID_INPUT);
    expect((error as ReportError).message).toBe(
      'only reports of the same kind and scope compare: cartography of acme/ventes vs cartography of globex/ventes',
    );
  });
});

describe('diffSection', () => {
  it('renders the diff as a valid section with computed evidence, ready to append to the newer report', () => {
    const older = sampleModel('fr');
    const newer = newerModel();
    const diff = diffReportModels(older, newer);
    const section = diffSection(diff, { language: 'fr' });
    const withChanges = { ...newer, sections: [...newer.sections, section] };
    expect(() => assertValidReportModel(withChanges)).not.toThrow();
    const table = section.blocks[2] as TableBlock;
    expect(table.rows.map((row) => [row.key, row.cells.map((cell) => ('text' in cell ? cell.text : null))])).toEqual([
      ['keyFigure:sources', ['Chiffre clé', 'Sources analysées', 'Modifié', 'Sources analysées : 12 → 13']],
      [
        'table:sources/row:acme/crm',
        [
          'Ligne',
          'crm_customers.contact_email',
          'Modifié',
          'Enregistrements : 1\u202f250\u202f000 → 1\u202f300\u202f000',
        ],
      ],
      ['table:sources/row:acme/erp', ['Ligne', 'erp.orders', 'Ajouté', null]],
      ['section:hostile', ['Section', older.sections[2].title, 'Retiré', null]],
    ]);
    const html = renderHtml(withChanges).toString('utf8');
    expect(html).toContain('Changements depuis l’instantané précédent');
    expect(html).toContain(`report-diff:${diff.from.contentHash}..${diff.to.contentHash}`);
  });

  it('says so when nothing changed', () => {
    const model = sampleModel('en');
    const section = diffSection(diffReportModels(model, model), { language: 'en', key: 'since-last' });
    expect(section.key).toBe('since-last');
    expect(section.blocks.map((block) => block.type)).toEqual(['paragraph', 'statement']);
    expect(section.blocks[1]).toEqual({
      type: 'statement',
      content: [{ text: 'No change of content between the two snapshots.' }],
      evidence: [
        {
          kind: 'COMPUTED',
          ref: `report-diff:${contentHashOf(model)}..${contentHashOf(model)}`,
          label: 'Comparison of the snapshots of 30\u00a0November\u00a02026 and 30\u00a0November\u00a02026',
        },
      ],
    });
  });
});
