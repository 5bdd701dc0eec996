import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registersInventory } from '@cartographer/testing';
import { type InventoryTestKit, Role, type Session, startInventoryKit } from './testing/inventory-test-kit.js';

const IMPORT = `mutation ($document: String!, $format: InventoryFormat!) {
  importInventory(document: $document, format: $format) { organisation } }`;

describe('the inventory’s compliance facts in GraphQL (booted API, real Neo4j)', () => {
  let kit: InventoryTestKit;
  let admin: Session;

  beforeAll(async () => {
    kit = await startInventoryKit();
    admin = await kit.session(Role.ADMIN);
  });

  afterAll(async () => {
    await kit.close();
  });

  it('exposes what the import declared: organisation, server, recipient and activity additions', async () => {
    const org = kit.organisation();
    const imported = await kit.gql(admin, IMPORT, {
      document: JSON.stringify(registersInventory(org)),
      format: 'JSON',
    });
    expect(imported).toEqual({ status: 200, data: { importInventory: { organisation: org } } });
    const answer = await kit.gql(
      admin,
      `query ($org: ID!, $server: ID!, $recipient: ID!, $activity: ID!) {
        organisation(key: $org) { staffCount representative { name } }
        server(key: $server) { providerParent { name country } accessCountries operator }
        recipient(key: $recipient) { establishmentCountry accessCountries sector subjectToGdpr
          transferTool { sccModule bcrReference derogation documentation
            tia { reference assessedOn reevaluateBy stepsDone conclusion supplementaryMeasures } } }
        processingActivity(key: $activity) { organisationRole dataSubjectCount evaluationScoring
          automatedDecisions { exists legalOrSimilarEffect } monitoring { systematic publiclyAccessibleArea }
          innovativeTechnology preventsRightOrService retentionByCategory { category retention } }
      }`,
      { org, server: `${org}:crm-us`, recipient: `${org}:mailer-us`, activity: `${org}:newsletter` },
    );
    expect(answer).toEqual({
      status: 200,
      data: {
        organisation: { staffCount: 120, representative: null },
        server: { providerParent: { name: 'Contoso Inc.', country: 'US' }, accessCountries: null, operator: null },
        recipient: {
          establishmentCountry: null,
          accessCountries: null,
          sector: 'COMMERCIAL',
          subjectToGdpr: null,
          transferTool: {
            sccModule: 2,
            bcrReference: null,
            derogation: null,
            documentation: 'DPA et CCT 2021/914 signées le 2025-01-10',
            tia: {
              reference: 'TIA-2025-01',
              assessedOn: '2025-03-01',
              reevaluateBy: '2027-03-01',
              stepsDone: [
                'KNOW_TRANSFER',
                'IDENTIFY_TOOL',
                'ASSESS_LAW_AND_PRACTICE',
                'SUPPLEMENTARY_MEASURES',
                'PROCEDURAL_STEPS',
                'REEVALUATE',
              ],
              conclusion: 'EFFECTIVE',
              supplementaryMeasures: null,
            },
          },
        },
        processingActivity: {
          organisationRole: 'CONTROLLER',
          dataSubjectCount: 4000,
          evaluationScoring: false,
          automatedDecisions: { exists: false, legalOrSimilarEffect: null },
          monitoring: { systematic: false, publiclyAccessibleArea: null },
          innovativeTechnology: true,
          preventsRightOrService: false,
          retentionByCategory: null,
        },
      },
    });
  });

  it('updates a recipient’s transfer tool and TIA record, and refuses an unknown access country naming it', async () => {
    const org = kit.organisation();
    await kit.gql(admin, IMPORT, { document: JSON.stringify(registersInventory(org)), format: 'JSON' });
    const UPDATE = `mutation ($key: ID!, $input: UpdateRecipientInput!) {
      updateRecipient(key: $key, input: $input) { accessCountries transferTool { sccModule tia { reference conclusion } } } }`;
    const updated = await kit.gql(admin, UPDATE, {
      key: `${org}:stats-in`,
      input: {
        safeguard: 'SCC',
        accessCountries: ['sg'],
        transferTool: { sccModule: 2, tia: { reference: 'TIA-IN-1', conclusion: 'NOT_EFFECTIVE' } },
      },
    });
    expect(updated).toEqual({
      status: 200,
      data: {
        updateRecipient: {
          accessCountries: ['SG'],
          transferTool: { sccModule: 2, tia: { reference: 'TIA-IN-1', conclusion: 'NOT_EFFECTIVE' } },
        },
      },
    });
    const before = await kit.snapshot(org);
    const refused = await kit.gql<unknown>(admin, UPDATE, {
      key: `${org}:stats-in`,
      input: { accessCountries: ['XZ'] },
    });
    expect(JSON.stringify(refused)).toContain("accessCountries[0]: 'XZ' is not an ISO 3166-1 alpha-2 country code");
    expect(await kit.snapshot(org)).toEqual(before);
  });
});
