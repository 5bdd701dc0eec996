import { describe, expect, it } from '@jest/globals';
import { smallInventory } from '@cartographer/testing';
import { FIELD } from '../model/declarations.js';
import { Label } from '../model/labels.js';
import { encodeMembers } from '../model/storage.js';
import { compileInventory } from './inventory-compiler.js';
import { validateInventoryDocument } from './inventory-parser.js';

const compiled = () => compileInventory(validateInventoryDocument(smallInventory('acme')));
const propsOf = (label: Label, key: string) =>
  compiled()
    .nodes.get(label)!
    .find((row) => row.key === key)!.props;

describe('compileInventory: node properties from the entity declarations', () => {
  it('writes fields (by hand, the hot path) exactly as the FIELD declaration stores them', () => {
    const doc = smallInventory('acme');
    const declared = doc.sources!.flatMap((source) =>
      source.datasets!.flatMap((dataset) =>
        dataset.fields!.map((field) => ({
          key: `acme:${dataset.key}/${field.name}`,
          props: {
            organisation: 'acme',
            department: source.department,
            dataset: dataset.key,
            ...encodeMembers(FIELD, field),
          },
        })),
      ),
    );
    expect(compiled().nodes.get(Label.Field)).toEqual(declared);
  });

  it('stores a source under the property names the graph has always used', () => {
    expect(propsOf(Label.DataSource, 'acme:dpi')).toEqual({
      organisation: 'acme',
      localKey: 'dpi',
      name: 'Dossier patient informatisé',
      department: 'admissions',
      kind: 'RELATIONAL_DATABASE',
      structure: 'STRUCTURED',
      description: null,
      volumeRecords: 120000,
      volumeBytes: 5000000000,
      velocityRecordsPerDay: 350,
      velocityBytesPerDay: null,
      accessMethods: ['SQL', 'EXPORT'],
      connectionRef: 'DPI_DATABASE_URL',
    });
  });

  it('stores parties flattened, joint controllers as JSON and absent lists as empty ones', () => {
    const props = propsOf(Label.ProcessingActivity, 'acme:gestion-patients');
    expect(Object.keys(props).sort()).toEqual(
      [
        'organisation',
        'localKey',
        'name',
        'department',
        'description',
        'controllerName',
        'controllerContact',
        'controllerCountry',
        'jointControllers',
        'representativeName',
        'representativeContact',
        'representativeCountry',
        'dpoName',
        'dpoContact',
        'dpoCountry',
        'purposes',
        'legalBases',
        'legalBasisDetails',
        'dataSubjectCategories',
        'personalDataCategories',
        'specialCategories',
        'retention',
        'securityMeasures',
      ].sort(),
    );
    expect([props.controllerName, props.controllerContact, props.representativeName]).toEqual([
      'Clinique du Parc',
      'direction@example.org',
      null,
    ]);
    expect(propsOf(Label.Organisation, 'acme')).toEqual({
      organisation: 'acme',
      name: 'Clinique du Parc',
      country: 'FR',
      sector: 'PRIVATE',
      description: null,
      dpoName: 'DPO mutualisé',
      dpoContact: 'dpo@example.org',
      dpoCountry: null,
    });
  });
});
