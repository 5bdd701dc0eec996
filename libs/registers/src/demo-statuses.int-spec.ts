import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AUDIT_OUTBOX_LABEL, AuditOutbox } from '@cartographer/access';
import { ALLOW_EVERY_IMPORT, importInventory } from '@cartographer/findings';
import { createDriver, GraphMigrationService, Neo4jService } from '@cartographer/graph';
import { DEMO_DIR, parseInventory } from '@cartographer/inventory';
import { testStores, uniqueId } from '@cartographer/testing';
import { READ_ALL } from './compliance-facts.loader.js';
import { computeTransfersFor, dpiaScreeningFor } from './compliance-queries.js';

/*
 * Issue 11 item 7: the demo organisation (examples/demo), imported as `carto import` does (with its
 * declared-field classification), shows every status a DPO meets: a covered transfer, a missing
 * safeguard, a partial adequacy to verify, a DPIA required, recommended and not required, an
 * exemption. Written out per transfer and per activity so that a change of the demo is seen here.
 */
const AS_OF = '2026-12-01';

describe('the demo shows every compliance status (real Neo4j)', () => {
  let neo4j: Neo4jService;
  const org = uniqueId('demo-status-');
  const q = { organisation: org, asOf: AS_OF, scope: READ_ALL };

  beforeAll(async () => {
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    await new GraphMigrationService(neo4j).migrate();
    const demo = parseInventory(await readFile(join(DEMO_DIR, 'ville-de-lormont-sur-loire.yaml'), 'utf8'));
    await importInventory(
      { neo4j, outbox: new AuditOutbox() },
      { document: { ...demo, organisation: { ...demo.organisation, key: org } }, authorize: ALLOW_EVERY_IMPORT },
    );
  });

  afterAll(async () => {
    await neo4j.queryWrite('MATCH (n {organisation: $org}) DETACH DELETE n', { org });
    await neo4j.queryWrite(`MATCH (o:${AUDIT_OUTBOX_LABEL}) WHERE o.entry CONTAINS $org DELETE o`, { org });
    await neo4j.driver.close();
  });

  it('has a covered transfer, a missing safeguard and a partial adequacy to verify', async () => {
    const { transfers } = await computeTransfersFor(neo4j, q);
    const table = transfers.map((t) => [
      t.activity,
      t.to.kind,
      t.to.key,
      t.to.country,
      t.status,
      t.reasons.at(-1)!.code,
    ]);
    expect(table).toEqual([
      ['pa-audience-site-web', 'RECIPIENT', 'metricly', 'US', 'TO_VERIFY', 'TIA_MISSING'],
      ['pa-audience-site-web', 'SERVER', 'metricly-virginia', 'US', 'TO_VERIFY', 'PARTIAL_ADEQUACY_UNVERIFIED'],
      ['pa-budget-participatif', 'RECIPIENT', 'civic-voice', 'GB', 'COVERED', 'ADEQUACY_APPLIES'],
      ['pa-budget-participatif', 'SERVER', 'civicvoice-london', 'GB', 'COVERED', 'ADEQUACY_APPLIES'],
      ['pa-geolocalisation-vehicules', 'RECIPIENT', 'flotte-connect', 'TN', 'MISSING_SAFEGUARD', 'NO_SAFEGUARD'],
      ['pa-lettre-information-contact', 'RECIPIENT', 'sendwave', 'US', 'COVERED', 'ADEQUACY_APPLIES'],
      ['pa-lettre-information-contact', 'SERVER', 'sendwave-oregon', 'US', 'COVERED', 'ADEQUACY_APPLIES'],
      ['pa-mediatheque', 'RECIPIENT', 'lectura', 'CH', 'COVERED', 'ADEQUACY_APPLIES'],
      ['pa-mediatheque', 'SERVER', 'lectura-lausanne', 'CH', 'COVERED', 'ADEQUACY_APPLIES'],
      ['pa-urbanisme', 'RECIPIENT', 'geoplan-india', 'IN', 'TO_VERIFY', 'TIA_MISSING'],
    ]);
    const statuses = new Set(transfers.map((t) => t.status));
    const partial = transfers.filter((t) => t.reasons.some((r) => r.code === 'PARTIAL_ADEQUACY_UNVERIFIED'));
    expect([[...statuses].sort(), partial.length > 0]).toEqual([['COVERED', 'MISSING_SAFEGUARD', 'TO_VERIFY'], true]);
  });

  it('has a DPIA required, recommended and not required, and a CNIL exemption that applies', async () => {
    const { activities } = await dpiaScreeningFor(neo4j, q);
    const table = activities.map((a) => [
      a.key,
      a.result,
      a.basis,
      a.exemptions.filter((e) => e.applies).map((e) => e.id),
    ]);
    expect(table).toEqual([
      ['pa-aide-sociale', 'REQUIRED', 'CNIL_LIST', []],
      ['pa-audience-site-web', 'UNKNOWN', 'TOO_MANY_UNKNOWNS', []],
      ['pa-budget-participatif', 'UNKNOWN', 'TOO_MANY_UNKNOWNS', []],
      ['pa-cimetieres', 'RECOMMENDED', 'ONE_CRITERION', []],
      ['pa-comptes-messagerie', 'REQUIRED', 'CNIL_LIST', []],
      ['pa-courrier-actes', 'REQUIRED', 'TWO_OR_MORE_CRITERIA', []],
      ['pa-etat-civil', 'REQUIRED', 'TWO_OR_MORE_CRITERIA', []],
      ['pa-execution-budgetaire', 'NOT_REQUIRED', 'CNIL_EXEMPTION', ['CNIL_2019_118_02']],
      ['pa-facturation-enfance', 'NOT_REQUIRED', 'CNIL_EXEMPTION', ['CNIL_2019_118_10']],
      ['pa-fichiers-fonciers', 'UNKNOWN', 'TOO_MANY_UNKNOWNS', []],
      ['pa-formation-prevention', 'REQUIRED', 'TWO_OR_MORE_CRITERIA', []],
      ['pa-geolocalisation-vehicules', 'REQUIRED', 'CNIL_LIST', []],
      ['pa-inscriptions-enfance', 'NOT_REQUIRED', 'CNIL_EXEMPTION', ['CNIL_2019_118_10']],
      ['pa-interventions-techniques', 'REQUIRED', 'CNIL_LIST', []],
      ['pa-lettre-information-contact', 'REQUIRED', 'TWO_OR_MORE_CRITERIA', []],
      ['pa-liste-electorale', 'NOT_REQUIRED', 'CNIL_EXEMPTION', ['CNIL_2019_118_03']],
      ['pa-mediatheque', 'REQUIRED', 'TWO_OR_MORE_CRITERIA', []],
      ['pa-personnel-paie', 'REQUIRED', 'TWO_OR_MORE_CRITERIA', []],
      ['pa-police-municipale', 'UNKNOWN', 'TOO_MANY_UNKNOWNS', []],
      ['pa-recensement-citoyen', 'UNKNOWN', 'TOO_MANY_UNKNOWNS', []],
      ['pa-registre-vulnerables', 'REQUIRED', 'CNIL_LIST', []],
      ['pa-statistiques', 'REQUIRED', 'TWO_OR_MORE_CRITERIA', []],
      ['pa-temps-travail', 'NOT_REQUIRED', 'CNIL_EXEMPTION', ['CNIL_2019_118_11']],
      ['pa-urbanisme', 'UNKNOWN', 'TOO_MANY_UNKNOWNS', []],
      ['pa-videoprotection', 'REQUIRED', 'ART_35_3', []],
    ]);
    expect([
      [...new Set(activities.map((a) => a.result))].sort(),
      activities.some((a) => a.basis === 'CNIL_EXEMPTION' && a.result === 'NOT_REQUIRED'),
    ]).toEqual([['NOT_REQUIRED', 'RECOMMENDED', 'REQUIRED', 'UNKNOWN'], true]);
  });
});
