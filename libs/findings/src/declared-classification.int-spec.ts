import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDriver, GraphMigrationService, Neo4jService } from '@cartographer/graph';
import { InventoryImportService } from '@cartographer/inventory';
import { testStores, uniqueId } from '@cartographer/testing';
import { classifyDeclaredFields } from './declared-classification.js';

describe('declared-field classification with the linkage pass (real Neo4j)', () => {
  const org = uniqueId('decl-');
  let neo4j: Neo4jService;

  beforeAll(async () => {
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    await new GraphMigrationService(neo4j).migrate();
    const fields = (...names: string[]) =>
      names.map((field) => ({ name: field.split(':')[0], dataType: field.split(':')[1] }));
    await new InventoryImportService(neo4j).importDocument({
      version: 1,
      organisation: { key: org, name: 'Boutique' },
      departments: [{ key: 'ventes', name: 'Ventes' }],
      sources: [
        {
          key: 'crm',
          name: 'CRM',
          department: 'ventes',
          kind: 'RELATIONAL_DATABASE',
          structure: 'STRUCTURED',
          datasets: [
            { key: 'clients', name: 'clients', kind: 'TABLE', fields: fields('id:integer', 'nom:text', 'email:text') },
            {
              key: 'commandes',
              name: 'commandes',
              kind: 'TABLE',
              fields: fields('id:integer', 'acheteur:integer', 'montant_ttc:numeric'),
              references: [
                { name: 'fk_acheteur', columns: ['acheteur'], dataset: 'clients', referencedColumns: ['id'] },
              ],
            },
            { key: 'export', name: 'export_ventes', kind: 'TABLE', fields: fields('montant_ttc:numeric') },
          ],
        },
      ],
      flows: [{ key: 'export', name: 'export', from: 'commandes', to: 'export' }],
    });
  });

  afterAll(async () => {
    await neo4j.queryWrite('MATCH (n {organisation: $org}) DETACH DELETE n', { org });
    await neo4j.driver.close();
  });

  it('stores DECLARED findings with tier, linked category and path, declared references and flows giving the links', async () => {
    const result = await classifyDeclaredFields(neo4j, org);
    expect(result).toEqual({ fields: 7, flagged: 7, propagated: 0 });
    const findings = await neo4j.queryRead<Record<string, unknown>>(
      `MATCH (:Field)-[:HAS_FINDING]->(x:Finding {organisation: $org, origin: 'DECLARED'})
       RETURN x.field AS field, x.tier AS tier, x.category AS category, x.linkedCategory AS linked, x.linkedTo AS linkedTo
       ORDER BY field`,
      { org },
    );
    const client = ['a row of clients (customers and prospects)'];
    const order = ['linked to clients through commandes.acheteur (declared reference)'];
    expect(findings.map((f) => ({ ...f, field: (f.field as string).slice(org.length + 1) }))).toEqual([
      { field: 'clients/email', tier: 'DIRECT_IDENTIFIER', category: 'CONTACT', linked: null, linkedTo: client },
      { field: 'clients/id', tier: 'DIRECT_IDENTIFIER', category: 'INTERNAL_ID', linked: null, linkedTo: client },
      { field: 'clients/nom', tier: 'DIRECT_IDENTIFIER', category: 'IDENTITY', linked: null, linkedTo: client },
      {
        field: 'commandes/acheteur',
        tier: 'DIRECT_IDENTIFIER',
        category: 'INTERNAL_ID',
        linked: null,
        linkedTo: order,
      },
      { field: 'commandes/id', tier: 'LINKED_ATTRIBUTE', category: null, linked: 'BEHAVIOUR', linkedTo: order },
      {
        field: 'commandes/montant_ttc',
        tier: 'LINKED_ATTRIBUTE',
        category: null,
        linked: 'FINANCIAL',
        linkedTo: order,
      },
      {
        field: 'export/montant_ttc',
        tier: 'LINKED_ATTRIBUTE',
        category: null,
        linked: 'FINANCIAL',
        linkedTo: [
          'linked to clients through flow export: commandes → export_ventes → commandes.acheteur (declared reference)',
        ],
      },
    ]);
  });
});
