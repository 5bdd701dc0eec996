import { describe, expect, it } from '@jest/globals';
import { canonicalJson, contentHashOf } from '../model/canonical-json.js';
import { sampleModel } from '../testing/sample-model.js';
import { renderJson } from './json-renderer.js';

describe('renderJson', () => {
  const model = sampleModel('fr');
  const file = renderJson(model);
  const parsed = JSON.parse(file.toString('utf8')) as Record<string, unknown>;

  it('is the model itself, its hash and the evidence pack, canonical and identical on every run', () => {
    expect(renderJson(sampleModel('fr')).equals(file)).toBe(true);
    expect(Object.keys(parsed)).toEqual(['contentHash', 'evidencePack', 'format', 'formatVersion', 'model']);
    expect(parsed.format).toBe('cartographer-report');
    expect(parsed.formatVersion).toBe(1);
    expect(parsed.contentHash).toBe(contentHashOf(model));
    expect(canonicalJson(parsed.model)).toBe(canonicalJson(model));
    expect(file.toString('utf8').endsWith('}\n')).toBe(true);
  });

  it('lists every evidence item once, numbered in order of first use, with each place that uses it', () => {
    const items = (
      parsed.evidencePack as {
        items: { id: string; kind: string; ref: string; usedIn: { sectionNumber: string; location: string }[] }[];
      }
    ).items;
    expect(
      items.map((item) => [
        item.id,
        item.kind,
        item.ref,
        item.usedIn.map((use) => `${use.sectionNumber} ${use.location}`),
      ]),
    ).toEqual([
      [
        'E1',
        'FACT',
        'source:acme/crm',
        [
          '1 keyFigure:sources',
          '1 statement:personal-fields',
          '2.1 table:sources/row:acme/crm/column:source',
          '3 blocks[1]',
        ],
      ],
      [
        'E2',
        'SCAN',
        'scan-run:2b9f0c1e',
        [
          '1 keyFigure:fields',
          '1 keyFigure:share',
          '1 statement:personal-fields',
          '2.1 table:sources/row:acme/crm/column:records',
          '2.1 table:sources/row:acme/hostile/column:records',
          '2.2 blocks[1]/items[second]',
        ],
      ],
      ['E3', 'COMPUTED', 'share(personal, fields)', ['1 keyFigure:share']],
      ['E4', 'LEGAL_TABLE', 'adequacy-decisions@2026-01-15#CH', ['2.1 table:sources/row:acme/crm/column:location']],
      ['E5', 'DECLARATION', 'dataset:acme/crm/customers#legalBasis', ['2.1 table:sources/row:acme/crm/column:legal']],
    ]);
  });
});
