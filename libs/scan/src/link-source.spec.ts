import { describe, expect, it } from '@jest/globals';
import type { DiscoveredDataset, DiscoveredField } from '@cartographer/discovery';
import { classifyDataset } from './classify-dataset.js';
import { linkSource } from './link-source.js';

const NOW = new Date('2026-01-15T00:00:00Z');

function dataset(
  name: string,
  columns: [string, string, string][],
  rows: (string | null)[][],
  keys: Pick<DiscoveredDataset, 'primaryKey' | 'foreignKeys'>,
): DiscoveredDataset {
  const fields: DiscoveredField[] = columns.map(([field, dataType, typeFamily], i) => ({
    name: field,
    ordinal: i + 1,
    dataType,
    typeFamily: typeFamily as DiscoveredField['typeFamily'],
    nullable: true,
    metrics: { sampled: rows.length, nullRatio: 0, distinctEstimate: new Set(rows.map((r) => r[i])).size },
  }));
  return {
    name,
    kind: 'TABLE',
    rowCount: rows.length,
    rowCountExact: true,
    bytes: 0,
    ...keys,
    fields,
    sample: { columns: columns.map(([c]) => c), rows },
  } as DiscoveredDataset;
}

const PATIENT = 'a row of public.patients (patients)';
const EVENT = 'linked to public.patients through evenements.k2';

describe('linkSource (the linkage pass over a scanned source)', () => {
  const first = ['Marie', 'Jean', 'Camille', 'Louis', 'Chloé'];
  const last = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert'];
  const patients = dataset(
    'public.patients',
    [
      ['id', 'integer', 'integer'],
      ['nom', 'text', 'string'],
      ['prenom', 'text', 'string'],
      ['date_naissance', 'date', 'date'],
    ],
    Array.from({ length: 20 }, (_, i) => [
      String(i + 1),
      last[i % 5],
      first[(i * 2) % 5],
      `19${60 + i}-03-0${1 + (i % 9)}`,
    ]),
    { primaryKey: ['id'], foreignKeys: [] },
  );
  // An opaque reference to the patient: no field rule sees it, the pass does (a key to a person).
  const events = dataset(
    'public.evenements',
    [
      ['k1', 'integer', 'integer'],
      ['k2', 'integer', 'integer'],
      ['code_postal', 'text', 'string'],
    ],
    Array.from({ length: 20 }, (_, i) => [String(i + 1), String(i + 1), '75001']),
    {
      primaryKey: ['k1'],
      foreignKeys: [
        { name: 'evenements_k2_fkey', columns: ['k2'], references: { dataset: 'public.patients', columns: ['id'] } },
      ],
    },
  );

  it('re-identification counts direct identifiers by tier; a key to a person found by the pass ends anonymity', () => {
    const classified = [patients, events].map((d) => classifyDataset(d, { now: NOW }));
    const before = classified[1];
    expect(before.fields.map((f) => [f.field, f.tier, f.personal])).toEqual([
      ['k1', 'NONE', false],
      ['k2', 'NONE', false],
      ['code_postal', 'QUASI_IDENTIFIER', true],
    ]);
    const assessed = {
      k: 20,
      uniqueShare: 0,
      anonymous: true,
      targetK: 5,
      quasiIdentifiers: ['code_postal'],
      generalisation: [],
    };
    expect(before.dataset.reidentification).toEqual(assessed);
    const { datasets, fields } = linkSource(
      classified.map((c) => c.dataset),
      classified.flatMap((c) => c.fields),
      new Map(),
    );
    expect(
      fields.map((f) => [`${f.dataset}/${f.field}`, f.tier, f.personal, f.category, f.linkedCategory, f.linkedTo]),
    ).toEqual([
      ['public.patients/id', 'DIRECT_IDENTIFIER', true, 'INTERNAL_ID', null, [PATIENT]],
      ['public.patients/nom', 'DIRECT_IDENTIFIER', true, 'IDENTITY', null, [PATIENT]],
      ['public.patients/prenom', 'DIRECT_IDENTIFIER', true, 'IDENTITY', null, [PATIENT]],
      ['public.patients/date_naissance', 'QUASI_IDENTIFIER', true, 'BIRTH_DATE', null, [PATIENT]],
      ['public.evenements/k1', 'LINKED_ATTRIBUTE', true, null, 'METADATA', [EVENT]],
      ['public.evenements/k2', 'DIRECT_IDENTIFIER', true, 'INTERNAL_ID', null, [EVENT]],
      ['public.evenements/code_postal', 'QUASI_IDENTIFIER', true, 'LOCATION', null, [EVENT]],
    ]);
    expect(
      datasets.map((d) => [d.name, d.role, d.subjectKinds, d.personalFields, d.reidentification?.anonymous ?? null]),
    ).toEqual([
      ['public.patients', 'PERSON', ['PATIENT'], 4, false],
      ['public.evenements', 'LINKED', ['PATIENT'], 3, false],
    ]);
    // k and the generalisation are those of the sample; only the verdict changes.
    expect(datasets[1].reidentification).toEqual({ ...assessed, anonymous: false });
    // The pass's evidence follows the per-field evidence.
    expect(fields[5].evidence.length).toBeGreaterThan(before.fields[1].evidence.length);
    expect(fields[5].evidence.slice(0, before.fields[1].evidence.length)).toEqual(before.fields[1].evidence);
  });
});
