import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createDriver, GraphMigrationService, Neo4jService, plainValue, toNumber } from '@cartographer/graph';
import { smallInventory, testStores, uniqueId } from '@cartographer/testing';
import { compileInventory } from './format/inventory-compiler.js';
import { validateInventoryDocument } from './format/inventory-parser.js';
import { Label } from './model/labels.js';
import { writeBatch } from './graph/batch-writer.js';
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
        .map((name) => `${name}=${JSON.stringify(plainValue(props[name]))};`)
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
  /** A document of `datasets` x `fields`: repeated and unique names, nulls, booleans, integers. */
  const wideInventory = (organisation: string, datasets: number, fields: number) => ({
    version: 1 as const,
    organisation: { key: organisation, name: 'Wide', country: 'FR' },
    departments: [
      { key: 'a', name: 'A' },
      { key: 'b', name: 'B' },
    ],
    servers: [{ key: 'srv', name: 'Server', hosting: 'ON_PREMISES' as const, country: 'FR' }],
    sources: [0, 1].map((s) => ({
      key: `src-${s}`,
      name: `Source ${s}`,
      department: s === 0 ? 'a' : 'b',
      kind: 'RELATIONAL_DATABASE' as const,
      structure: 'STRUCTURED' as const,
      servers: ['srv'],
      datasets: Array.from({ length: datasets / 2 }, (_, d) => ({
        key: `t-${s}-${d}`,
        name: `table_${d}`,
        kind: 'TABLE' as const,
        volume: { records: 1000 + d },
        fields: Array.from({ length: fields }, (_, f) => ({
          name: f === 0 ? `only_${s}_${d}` : `column_${f}`,
          ...(f % 3 === 0 ? {} : { dataType: f % 3 === 1 ? 'integer' : 'varchar' }),
          ...(f % 4 === 0 ? { nullable: f % 8 === 0 } : {}),
          ...(f === 1 ? { description: `Identifier of table ${d}` } : {}),
        })),
      })),
    })),
  });

  /** The snapshot with the organisation's key replaced, to compare two organisations' graphs. */
  const relabelled = async (organisation: string) => {
    const { nodes, rels } = await snapshot(organisation);
    const strip = (line: string) => line.split(organisation).join('ORG');
    return { nodes: nodes.map(strip).sort(), rels: rels.map(strip).sort() };
  };

  it('writes a large document statement by statement, in parallel, to the same graph as one transaction', async () => {
    // 60 datasets x 100 fields: fields span two statements (5,000 rows each at most), run at once.
    const single = org();
    const parallel = org();
    await sut.importDocument(wideInventory(single, 60, 100));
    const result = await sut.importDocument(wideInventory(parallel, 60, 100), undefined, {
      maxWritesPerTransaction: 0,
    });
    expect(result.nodes.Field).toBe(6_000);
    const expected = await relabelled(single);
    expect(expected.nodes.filter((line) => line.startsWith('Field '))).toHaveLength(6_000);
    expect(expected.nodes).toContain(
      'Field ORG:t-1-7/column_1 dataType="integer";dataset="t-1-7";department="b";description="Identifier of table 7";key="ORG:t-1-7/column_1";name="column_1";organisation="ORG";',
    );
    expect(expected.nodes).toContain(
      'Field ORG:t-0-3/column_8 dataType="varchar";dataset="t-0-3";department="a";key="ORG:t-0-3/column_8";name="column_8";nullable=true;organisation="ORG";',
    );
    expect(await relabelled(parallel)).toEqual(expected);
    // Imported again, the fields of now known datasets are merged: nothing changes.
    await sut.importDocument(wideInventory(parallel, 60, 100), undefined, { maxWritesPerTransaction: 0 });
    expect(await relabelled(parallel)).toEqual(expected);
  });

  it('adopts a field left without its dataset instead of failing on its key', async () => {
    const key = org();
    await neo4j.queryWrite("CREATE (:Field {key: $field, organisation: $key, name: 'nom', description: 'left over'})", {
      field: `${key}:patients/nom`,
      key,
    });
    const doc = smallInventory(key);
    await sut.importDocument(doc);
    const fields = await neo4j.queryRead<{
      dataset: string;
      description: string | null;
      count: unknown;
    }>(
      `MATCH (f:Field {key: $field}) OPTIONAL MATCH (d:Dataset)-[:HAS_FIELD]->(f)
       RETURN d.key AS dataset, f.description AS description, count(*) AS count`,
      { field: `${key}:patients/nom` },
    );
    expect(fields.map((f) => ({ ...f, count: toNumber(f.count) }))).toEqual([
      { dataset: `${key}:patients`, description: 'Nom de naissance', count: 1 },
    ]);
  });
  it('updates known fields from columns: new values set, nulls removed, absent properties kept', async () => {
    const key = org();
    await sut.importDocument(smallInventory(key));
    const field = (name: string) => `${key}:patients/${name}`;
    // Metrics an earlier scan left on two fields.
    await neo4j.queryWrite('MATCH (f:Field) WHERE f.key IN $keys SET f.nullRatio = 0.1', {
      keys: [field('id'), field('nom')],
    });
    const doc = smallInventory(key);
    doc.sources![0].datasets![0].fields![1] = { name: 'nom', dataType: 'text' };
    const batch = compileInventory(validateInventoryDocument(doc));
    const props = new Map((batch.nodes.get(Label.Field) ?? []).map((row) => [row.key, row.props]));
    // This scan measured `id` again, did not sample `nom`, and found no null ratio for the birth date.
    props.get(field('id'))!.nullRatio = 0.7;
    props.get(field('date_naissance'))!.nullRatio = null;
    await neo4j.write((tx) => writeBatch(tx, batch));
    const rows = await neo4j.queryRead<{
      name: string;
      dataType: string;
      description: string | null;
      nullRatio: number | null;
    }>(
      `MATCH (:Dataset {key: $dataset})-[:HAS_FIELD]->(f:Field)
       RETURN f.name AS name, f.dataType AS dataType, f.description AS description, f.nullRatio AS nullRatio ORDER BY name`,
      { dataset: `${key}:patients` },
    );
    expect(rows).toEqual([
      { name: 'date_naissance', dataType: 'date', description: null, nullRatio: null },
      { name: 'id', dataType: 'integer', description: null, nullRatio: 0.7 },
      { name: 'nom', dataType: 'text', description: null, nullRatio: 0.1 },
    ]);
  });
});
