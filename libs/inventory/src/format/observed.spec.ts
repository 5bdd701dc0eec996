import { describe, expect, it } from '@jest/globals';
import { InventoryError, InventoryErrorCode } from '../inventory.errors.js';
import { Label, Rel } from '../model/labels.js';
import { compileInventory } from './inventory-compiler.js';
import type { InventoryDocument } from './inventory-document.js';
import type { ObservedDataset, ObservedInventory } from './observed.js';

const doc: InventoryDocument = {
  version: 1,
  organisation: { key: 'org', name: 'Org' },
  sources: [
    {
      key: 'crm',
      name: 'CRM',
      department: 'ventes',
      kind: 'RELATIONAL_DATABASE',
      structure: 'STRUCTURED',
      datasets: [{ key: 'crm.clients', name: 'clients', kind: 'TABLE', fields: [{ name: 'nom' }] }],
    },
  ],
};

const dataset = (changes: Partial<ObservedDataset> = {}): ObservedDataset => ({
  key: 'crm.clients',
  rowCount: 200,
  rowCountExact: true,
  bytes: 8192,
  format: null,
  velocityRowsPerDay: null,
  velocityBasis: null,
  insertCounter: null,
  personalFields: 1,
  kAnonymity: null,
  uniqueShare: null,
  anonymous: null,
  textPersonal: null,
  fields: [
    {
      name: 'nom',
      typeFamily: 'TEXT',
      sampled: 200,
      nullRatio: 0,
      distinctEstimate: 8,
      minLength: 4,
      maxLength: 9,
      personal: true,
      category: 'IDENTITY',
      specialCategory: false,
      quasiIdentifier: false,
      treatment: 'PSEUDONYMISE',
      confidence: 0.9,
    },
  ],
  absentFields: [{ name: 'fax', since: '2026-01-01T00:00:00.000Z' }],
  ...changes,
});

const observed = (changes: Partial<ObservedInventory['sources'][number]> = {}): ObservedInventory => ({
  at: '2026-02-01T00:00:00.000Z',
  sources: [
    {
      key: 'crm',
      engine: 'postgresql',
      scanRun: 'run-1',
      typeMix: { TEXT: 1 },
      datasets: [dataset()],
      absentDatasets: [{ key: 'crm.old', since: '2026-02-01T00:00:00.000Z' }],
      ...changes,
    },
  ],
});

describe('compileInventory with an observed part', () => {
  it('puts measurements on the declared rows and absence marks on rows of their own', () => {
    const batch = compileInventory(doc, 'scan', observed());
    const rows = (label: Label) => batch.nodes.get(label)?.map((row) => [row.key, row.props]);
    // The organisation header of a scan's document is not restated.
    expect(rows(Label.Organisation)).toEqual([]);
    expect(batch.nodes.get(Label.DataSource)?.[0].props).toMatchObject({
      name: 'CRM',
      engine: 'postgresql',
      lastScannedAt: '2026-02-01T00:00:00.000Z',
      lastScanRun: 'run-1',
      typeMix: '{"TEXT":1}',
    });
    expect(rows(Label.Dataset)).toEqual([
      [
        'org:crm.clients',
        expect.objectContaining({ name: 'clients', rowCount: 200, personalFields: 1, absentSince: null }),
      ],
      ['org:crm.old', { absentSince: '2026-02-01T00:00:00.000Z' }],
    ]);
    expect(rows(Label.Field)).toEqual([
      ['org:crm.clients/nom', expect.objectContaining({ name: 'nom', sampled: 200, category: 'IDENTITY' })],
      ['org:crm.clients/fax', { absentSince: '2026-01-01T00:00:00.000Z' }],
    ]);
    expect(batch.rels.find((group) => group.type === Rel.HAS_FIELD)?.rows).toEqual([
      { from: 'org:crm.clients', to: 'org:crm.clients/nom' },
      { from: 'org:crm.clients', to: 'org:crm.clients/fax' },
    ]);
    // An absent dataset keeps what it owns: its relationships are not replaced.
    expect(batch.ownedOutgoing.find((owned) => owned.label === Label.Dataset)?.keys).toEqual(['org:crm.clients']);
  });

  it('leaves a document without observations as it was', () => {
    expect(compileInventory(doc).nodes.get(Label.Organisation)).toHaveLength(1);
  });

  it('refuses observations of anything the document does not declare, naming each', () => {
    const refused = () =>
      compileInventory(
        doc,
        'scan',
        observed({
          key: 'erp',
          datasets: [
            dataset({
              key: 'crm.clients',
              fields: [{ ...dataset().fields[0], name: 'prenom' }],
              absentFields: [{ name: 'nom', since: '2026-01-01T00:00:00.000Z' }],
            }),
          ],
          absentDatasets: [{ key: 'crm.clients', since: '2026-01-01T00:00:00.000Z' }],
        }),
      );
    expect(refused).toThrow(
      new InventoryError(
        InventoryErrorCode.INVALID_DOCUMENT,
        "scan: observed.sources[0]: source 'erp' is not declared in the document; " +
          "scan: observed.sources[0].datasets[0]: dataset 'crm.clients' of source 'erp' is not declared in the document; " +
          "scan: observed.sources[0].datasets[0].fields[0]: field 'prenom' of dataset 'crm.clients' is not declared in the document; " +
          "scan: observed.sources[0].datasets[0].absentFields[0]: field 'nom' is declared present; " +
          "scan: observed.sources[0].absentDatasets[0]: dataset 'crm.clients' is declared present",
      ),
    );
  });
});
