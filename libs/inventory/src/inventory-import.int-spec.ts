import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createDriver, GraphMigrationService, Neo4jService } from '@cartographer/graph';
import { smallInventory, testStores, uniqueId } from '@cartographer/testing';
import { plain } from './format/inventory-exporter.js';
import { InventoryError, InventoryErrorCode } from './inventory.errors.js';
import { InventoryImportService } from './inventory-import.service.js';

describe('inventory import and export (real Neo4j)', () => {
  let neo4j: Neo4jService;
  let sut: InventoryImportService;
  const owned: string[] = [];

  const org = () => {
    const key = uniqueId('org-');
    owned.push(key);
    return key;
  };

  /** Every node and relationship of an organisation, as sorted text, timestamps left out. */
  const snapshot = async (organisation: string) => {
    const text = (props: Record<string, unknown>) =>
      Object.keys(props)
        .filter((name) => name !== 'createdAt')
        .sort()
        .map((name) => `${name}=${JSON.stringify(plain(props[name]))};`)
        .join('');
    const nodes = await neo4j.queryRead<{ label: string; key: string; props: Record<string, unknown> }>(
      'MATCH (n {organisation: $organisation}) RETURN labels(n)[0] AS label, n.key AS key, properties(n) AS props',
      { organisation },
    );
    const rels = await neo4j.queryRead<{ from: string; type: string; to: string; props: Record<string, unknown> }>(
      'MATCH (a {organisation: $organisation})-[r]->(b) RETURN a.key AS from, type(r) AS type, b.key AS to, properties(r) AS props',
      { organisation },
    );
    return {
      nodes: nodes.map((n) => `${n.label} ${n.key} ${text(n.props)}`).sort(),
      rels: rels.map((r) => `${r.from} ${r.type} ${r.to} ${text(r.props)}`).sort(),
    };
  };

  beforeAll(async () => {
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    await new GraphMigrationService(neo4j).migrate();
    sut = new InventoryImportService(neo4j);
  });

  afterEach(async () => {
    for (const key of owned.splice(0)) {
      await neo4j.queryWrite('MATCH (n {organisation: $key}) DETACH DELETE n', { key });
    }
  });

  afterAll(async () => {
    await neo4j.driver.close();
  });

  it('writes every entity and relationship of a document', async () => {
    const key = org();
    const result = await sut.importDocument(smallInventory(key));
    expect(result.nodes).toEqual({
      Organisation: 1,
      Department: 2,
      Stakeholder: 1,
      Server: 6,
      Recipient: 1,
      DataSource: 2,
      Dataset: 3,
      Field: 7,
      ProcessingActivity: 1,
      DataFlow: 1,
    });
    const { rels } = await snapshot(key);
    expect(rels.filter((line) => line.includes(' FEEDS '))).toEqual([
      `${key}:patients/id FEEDS ${key}:sejours/patient_id reference="fk_patient";via="FOREIGN_KEY";`,
      `${key}:patients/nom FEEDS ${key}:stats/nom flow="${key}:alimentation-entrepot";via="FLOW";`,
      `${key}:sejours/patient_id FEEDS ${key}:stats/patient_id flow="${key}:alimentation-entrepot";via="FLOW";`,
    ]);
    expect(rels.filter((line) => line.includes(' HOSTED_ON '))).toEqual([
      `${key}:dpi HOSTED_ON ${key}:srv-fr `,
      `${key}:dpi HOSTED_ON ${key}:srv-no `,
    ]);
    expect(rels).toHaveLength(result.writes - 25);
  });

  it('derives the jurisdiction of every server from its country', async () => {
    const key = org();
    await sut.importDocument(smallInventory(key));
    const servers = await neo4j.queryRead<{ key: string; jurisdiction: string }>(
      'MATCH (s:Server {organisation: $key}) RETURN s.localKey AS key, s.jurisdiction AS jurisdiction ORDER BY key',
      { key },
    );
    expect(servers).toEqual([
      { key: 'srv-ch', jurisdiction: 'ADEQUACY' },
      { key: 'srv-fr', jurisdiction: 'EU' },
      { key: 'srv-in', jurisdiction: 'THIRD_COUNTRY' },
      { key: 'srv-no', jurisdiction: 'EEA' },
      { key: 'srv-us', jurisdiction: 'THIRD_COUNTRY' },
      { key: 'srv-us-dpf', jurisdiction: 'ADEQUACY' },
    ]);
  });

  it('is idempotent: the same document twice gives the same graph', async () => {
    const key = org();
    await sut.importDocument(smallInventory(key));
    const first = await snapshot(key);
    await sut.importDocument(smallInventory(key));
    expect(await snapshot(key)).toEqual(first);
  });

  it('replaces what a declaration owns when it changes', async () => {
    const key = org();
    await sut.importDocument(smallInventory(key));
    const changed = smallInventory(key);
    changed.sources![0].servers = ['srv-fr'];
    changed.sources![1].department = 'admissions';
    await sut.importDocument(changed);
    const { rels } = await snapshot(key);
    expect(rels.filter((line) => line.includes(' HOSTED_ON '))).toEqual([`${key}:dpi HOSTED_ON ${key}:srv-fr `]);
    expect(rels.filter((line) => line.includes(' OWNS '))).toEqual([
      `${key}:admissions OWNS ${key}:dpi `,
      `${key}:admissions OWNS ${key}:entrepot `,
    ]);
  });

  it('round-trips: import, export, import gives the same graph and the same export', async () => {
    const key = org();
    await sut.importDocument(smallInventory(key));
    const before = await snapshot(key);
    const exported = await sut.export(key);
    await neo4j.queryWrite('MATCH (n {organisation: $key}) DETACH DELETE n', { key });
    await sut.importDocument(exported);
    expect(await snapshot(key)).toEqual(before);
    expect(await sut.export(key)).toEqual(exported);
  });

  it('writes nothing when any part of the document is wrong, and names every problem', async () => {
    const key = org();
    const doc = smallInventory(key);
    doc.servers![2].country = 'XZ';
    doc.processingActivities![0].fields = ['patients/prenom'];
    const error = await sut.importDocument(doc, 'clinique.yaml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InventoryError);
    expect((error as InventoryError).code).toBe(InventoryErrorCode.INVALID_DOCUMENT);
    expect((error as InventoryError).issues.map((issue) => issue.path)).toEqual([
      'servers[2].country',
      'processingActivities[0].fields[0]',
    ]);
    expect((error as InventoryError).message).toContain(
      "clinique.yaml: processingActivities[0].fields[0]: no field 'prenom' in dataset 'patients'",
    );
    expect(await neo4j.queryRead('MATCH (n {organisation: $key}) RETURN n', { key })).toEqual([]);
  });

  it('refuses references to entities that exist nowhere, writing nothing', async () => {
    const key = org();
    const doc = smallInventory(key);
    doc.sources![0].department = 'finance';
    const error = await sut.importDocument(doc, 'clinique.yaml').catch((e: unknown) => e);
    expect((error as InventoryError).code).toBe(InventoryErrorCode.MISSING_REFERENCE);
    expect((error as InventoryError).message).toBe(
      `clinique.yaml: sources[0].department: no Department 'finance' in this file or in organisation '${key}'`,
    );
    expect(await neo4j.queryRead('MATCH (n {organisation: $key}) RETURN n', { key })).toEqual([]);
  });

  it('accepts references to entities of an earlier import of the same organisation', async () => {
    const key = org();
    await sut.importDocument(smallInventory(key));
    const result = await sut.importDocument({
      version: 1,
      organisation: {
        key,
        name: 'Clinique du Parc',
        country: 'FR',
        sector: 'PRIVATE',
        dpo: { name: 'DPO mutualisé', contact: 'dpo@example.org' },
      },
      sources: [
        {
          key: 'pacs',
          name: 'PACS imagerie',
          department: 'it',
          kind: 'OBJECT_STORAGE',
          structure: 'UNSTRUCTURED',
          servers: ['srv-fr'],
        },
      ],
      flows: [{ key: 'pacs-vers-dpi', from: 'pacs', to: 'dpi' }],
    });
    expect(result.nodes).toEqual({ Organisation: 1, DataSource: 1, DataFlow: 1 });
    const flows = await neo4j.queryRead<{ from: string; to: string }>(
      'MATCH (a)<-[:FLOWS_FROM]-(f:DataFlow {key: $flow})-[:FLOWS_TO]->(b) RETURN labels(a)[0] + ":" + a.localKey AS from, labels(b)[0] + ":" + b.localKey AS to',
      { flow: `${key}:pacs-vers-dpi` },
    );
    expect(flows).toEqual([{ from: 'DataSource:pacs', to: 'DataSource:dpi' }]);
  });
});
