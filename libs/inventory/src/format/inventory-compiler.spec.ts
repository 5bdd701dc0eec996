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
        'organisationRole',
        'dataSubjectCount',
        'automatedDecisionsExists',
        'automatedDecisionsLegalOrSimilarEffect',
        'evaluationScoring',
        'monitoringSystematic',
        'monitoringPubliclyAccessibleArea',
        'innovativeTechnology',
        'preventsRightOrService',
        'retentionByCategory',
        // Security facts (issue 12): one JSON property, null when not declared.
        'security',
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
      representativeName: null,
      representativeContact: null,
      representativeCountry: null,
      staffCount: null,
      security: null,
    });
  });
});

/** One server, one recipient and one activity carrying every compliance addition (issue 11 item 5). */
function withComplianceFacts(changes: { accessCountry?: string; assessedOn?: string; role?: string } = {}) {
  const doc = smallInventory('acme') as unknown as Record<string, unknown> & {
    organisation: Record<string, unknown>;
    servers: Record<string, unknown>[];
    recipients?: Record<string, unknown>[];
    processingActivities: Record<string, unknown>[];
  };
  doc.organisation.representative = { name: 'Rep EU', country: 'be' };
  doc.organisation.staffCount = 120;
  doc.recipients = [
    ...(doc.recipients ?? []),
    {
      key: 'support-us',
      name: 'Support Inc.',
      role: 'PROCESSOR',
      country: 'US',
      safeguard: 'SCC',
      establishmentCountry: 'US',
      accessCountries: [changes.accessCountry ?? 'in'],
      sector: 'COMMERCIAL',
      subjectToGdpr: false,
      transferTool: {
        sccModule: 2,
        documentation: 'DPA 2025',
        tia: { reference: 'TIA-1', assessedOn: changes.assessedOn ?? '2025-03-01', stepsDone: ['KNOW_TRANSFER'] },
      },
    },
  ];
  doc.servers[0] = {
    ...doc.servers[0],
    providerParent: { name: 'Parent Corp', country: 'us' },
    accessCountries: ['US'],
    operator: 'support-us',
  };
  Object.assign(doc.processingActivities[0], {
    organisationRole: changes.role ?? 'CONTROLLER',
    dataSubjectCount: 120000,
    automatedDecisions: { exists: true, legalOrSimilarEffect: false },
    evaluationScoring: false,
    monitoring: { systematic: true },
    innovativeTechnology: false,
    preventsRightOrService: false,
    retentionByCategory: [{ category: 'santé', retention: '20 ans' }],
  });
  return doc;
}

describe('compileInventory: compliance additions', () => {
  it('stores them from the declarations, countries canonical, nested objects as JSON', () => {
    const batch = compileInventory(validateInventoryDocument(withComplianceFacts()));
    const row = (label: Label, key: string) => batch.nodes.get(label)!.find((r) => r.key === key)!.props;
    expect(row(Label.Recipient, 'acme:support-us')).toMatchObject({
      establishmentCountry: 'US',
      accessCountries: ['IN'],
      sector: 'COMMERCIAL',
      subjectToGdpr: false,
      transferTool: JSON.stringify({
        sccModule: 2,
        documentation: 'DPA 2025',
        tia: { reference: 'TIA-1', assessedOn: '2025-03-01', stepsDone: ['KNOW_TRANSFER'] },
      }),
    });
    const server = row(Label.Server, `acme:${String(withComplianceFacts().servers[0].key)}`);
    expect([server.providerParentName, server.providerParentCountry, server.accessCountries, server.operator]).toEqual([
      'Parent Corp',
      'US',
      ['US'],
      'support-us',
    ]);
    const activity = row(Label.ProcessingActivity, 'acme:gestion-patients');
    expect(activity).toMatchObject({
      organisationRole: 'CONTROLLER',
      dataSubjectCount: 120000,
      automatedDecisionsExists: true,
      automatedDecisionsLegalOrSimilarEffect: false,
      monitoringSystematic: true,
      monitoringPubliclyAccessibleArea: null,
      retentionByCategory: [JSON.stringify({ category: 'santé', retention: '20 ans' })],
    });
    expect(row(Label.Organisation, 'acme')).toMatchObject({ representativeCountry: 'be', staffCount: 120 });
  });

  it('names the path of an unknown access country, a date that does not exist and an unknown role', () => {
    expect(() => compileInventory(validateInventoryDocument(withComplianceFacts({ accessCountry: 'XZ' })))).toThrow(
      "recipients[1].accessCountries[0]: 'XZ' is not an ISO 3166-1 alpha-2 country code",
    );
    expect(() =>
      compileInventory(validateInventoryDocument(withComplianceFacts({ assessedOn: '2025-02-30' }))),
    ).toThrow("recipients[1].transferTool.tia.assessedOn: '2025-02-30' is not a calendar date (YYYY-MM-DD)");
    expect(() => validateInventoryDocument(withComplianceFacts({ assessedOn: '1 March' }))).toThrow(
      "recipients[1].transferTool.tia.assessedOn: '1 March' is not a date written YYYY-MM-DD",
    );
    expect(() => validateInventoryDocument(withComplianceFacts({ role: 'OWNER' }))).toThrow(
      "processingActivities[0].organisationRole: 'OWNER' is not one of CONTROLLER, JOINT_CONTROLLER, PROCESSOR",
    );
  });
});
