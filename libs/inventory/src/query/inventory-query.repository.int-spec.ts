import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { resolveJurisdiction } from '@cartographer/compliance';
import { createDriver, GraphMigrationService, Neo4jService } from '@cartographer/graph';
import { smallInventory, testStores, uniqueId } from '@cartographer/testing';
import { InventoryImportService } from '../inventory-import.service.js';
import { Label, Rel } from '../model/labels.js';
import { revisionOf } from '../model/revision.js';
import { INVENTORY_LABELS } from './inventory-cypher.js';
import { readDeclarations } from './inventory-declarations.js';
import { InventoryQueryRepository } from './inventory-query.repository.js';
import type { InventoryAccessFilter } from './inventory-query.types.js';

describe('InventoryQueryRepository access filtering (real Neo4j)', () => {
  let neo4j: Neo4jService;
  let sut: InventoryQueryRepository;
  let importer: InventoryImportService;
  const owned: string[] = [];

  const org = async () => {
    const key = uniqueId('repo-');
    owned.push(key);
    await importer.importDocument(smallInventory(key));
    return key;
  };

  beforeAll(async () => {
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    await new GraphMigrationService(neo4j).migrate();
    sut = new InventoryQueryRepository(neo4j);
    importer = new InventoryImportService(neo4j);
  });

  afterEach(async () => {
    for (const key of owned.splice(0))
      await neo4j.queryWrite('MATCH (n {organisation: $key}) DETACH DELETE n', { key });
  });

  afterAll(async () => {
    await neo4j.driver.close();
  });

  it('keeps lists and counts to the allowed departments, organisation-level items to the organisation', async () => {
    const key = await org();
    const itOnly: InventoryAccessFilter = { organisations: [key], departments: ['it'] };
    const sources = await sut.list(Label.DataSource, { filter: { organisation: key } }, itOnly);
    expect([sources.totalCount, sources.items.map((item) => item.key)]).toEqual([1, [`${key}:entrepot`]]);
    const fields = await sut.list(Label.Field, { filter: { organisation: key } }, itOnly);
    expect([fields.totalCount, fields.items.map((item) => item.key)]).toEqual([
      2,
      [`${key}:stats/nom`, `${key}:stats/patient_id`],
    ]);
    const servers = await sut.list(Label.Server, { filter: { organisation: key }, first: 2 }, itOnly);
    expect([servers.totalCount, servers.items.map((item) => item.key), servers.pageInfo.hasNextPage]).toEqual([
      6,
      [`${key}:srv-ch`, `${key}:srv-fr`],
      true,
    ]);
    expect(
      await sut.list(Label.Server, { filter: { organisation: key } }, { organisations: [], departments: [] }),
    ).toEqual({
      items: [],
      totalCount: 0,
      pageInfo: { endCursor: null, hasNextPage: false },
    });
  });

  it('hides forbidden items from single and batched reads', async () => {
    const key = await org();
    const itOnly: InventoryAccessFilter = { organisations: [key], departments: ['it'] };
    expect(await sut.get(Label.Dataset, `${key}:patients`, itOnly)).toBeNull();
    const stats = await sut.get(Label.Dataset, `${key}:stats`, itOnly);
    expect(stats).toEqual(
      expect.objectContaining({
        label: Label.Dataset,
        key: `${key}:stats`,
        organisation: key,
        department: 'it',
        name: 'stats_sejours',
      }),
    );
    expect(
      (await sut.getMany(Label.Dataset, [`${key}:stats`, `${key}:patients`, `${key}:stats`], itOnly)).map(
        (item) => item?.key ?? null,
      ),
    ).toEqual([`${key}:stats`, null, `${key}:stats`]);
    const datasets = await sut.children(
      { from: Label.DataSource, type: Rel.CONTAINS, direction: 'out', to: [Label.Dataset] },
      [`${key}:dpi`, `${key}:entrepot`],
      itOnly,
    );
    expect(datasets.map((list) => list.map((related) => related.item.key))).toEqual([[], [`${key}:stats`]]);
    const source = await sut.get(Label.DataSource, `${key}:dpi`, { organisations: null, departments: null });
    // A decoded declaration (integers as numbers, not Neo4j Integers), never storage properties.
    const declaration = {
      name: 'Dossier patient informatisé',
      department: 'admissions',
      kind: 'RELATIONAL_DATABASE',
      structure: 'STRUCTURED',
      volume: { records: 120000, bytes: 5000000000 },
      velocity: { recordsPerDay: 350 },
      accessMethods: ['SQL', 'EXPORT'],
      connectionRef: 'DPI_DATABASE_URL',
    };
    expect(source).toEqual({
      ...declaration,
      label: Label.DataSource,
      key: `${key}:dpi`,
      localKey: 'dpi',
      organisation: key,
      revision: revisionOf({ key: 'dpi', ...declaration, servers: ['srv-fr', 'srv-no'] }),
    });
    const server = await sut.get(Label.Server, `${key}:srv-us-dpf`, { organisations: null, departments: null });
    expect(server).toEqual({
      label: Label.Server,
      key: `${key}:srv-us-dpf`,
      localKey: 'srv-us-dpf',
      organisation: key,
      department: null,
      name: 'Analytics Virginia',
      hosting: 'SAAS',
      country: 'US',
      certifications: ['EU-US DPF'],
      jurisdiction: 'ADEQUACY',
      jurisdictionNote: resolveJurisdiction({
        country: 'US',
        field: 'servers[3].country',
        certifications: ['EU-US DPF'],
        sector: 'COMMERCIAL',
      }).explanation,
      revision: revisionOf({
        key: 'srv-us-dpf',
        name: 'Analytics Virginia',
        hosting: 'SAAS',
        country: 'US',
        certifications: ['EU-US DPF'],
      }),
    });
  });

  it('gives every label the declarations reader revision, and none when revisions are not asked for', async () => {
    const key = await org();
    const all: InventoryAccessFilter = { organisations: null, departments: null };
    for (const label of INVENTORY_LABELS) {
      const declared = await neo4j.read((tx) => readDeclarations(tx, label, { organisation: key }));
      const withRevisions = await sut.list(label, { filter: { organisation: key }, first: 100 }, all);
      const expected = declared.map((d) => [d.key, d.revision]);
      expect([label, withRevisions.items.map((item) => [item.key, item.revision])]).toEqual([label, expected]);
      const without = await sut.list(label, { filter: { organisation: key }, first: 100, revisions: false }, all);
      expect(without.items.every((item) => !('revision' in item))).toBe(true);
      expect([label, without.items]).toEqual([
        label,
        withRevisions.items.map(({ revision: _revision, ...item }) => item),
      ]);
      const keys = declared.map((d) => d.key);
      const many = await sut.getMany(label, keys, all);
      expect([label, many.map((item) => item?.revision)]).toEqual([label, declared.map((d) => d.revision)]);
    }
    // smallInventory declares every label: the comparison above is not vacuous.
    const counts = await Promise.all(
      INVENTORY_LABELS.map(
        async (label) => (await neo4j.read((tx) => readDeclarations(tx, label, { organisation: key }))).length,
      ),
    );
    expect(counts.every((count) => count > 0)).toBe(true);
  });

  it('neither returns nor crosses forbidden nodes in a neighbourhood', async () => {
    const key = await org();
    const result = await sut.neighbourhood(
      key,
      { depth: 3, limit: 500 },
      { organisations: [key], departments: ['it'] },
    );
    const departmental = result.nodes.filter((node) => node.department !== null && node.label !== Label.Organisation);
    expect([...new Set(departmental.map((node) => node.department))]).toEqual(['it']);
    // `entrepot` is reachable from the organisation through the `it` department only; `stats` then.
    expect(
      result.nodes
        .map((node) => `${node.depth} ${node.key}`)
        .filter((line) => line.includes('entrepot') || line.includes('stats')),
    ).toEqual([`2 ${key}:entrepot`, `3 ${key}:stats`]);
    expect(
      result.edges.every(
        (edge) => result.nodes.some((n) => n.key === edge.from) && result.nodes.some((n) => n.key === edge.to),
      ),
    ).toBe(true);
    await expect(
      sut.neighbourhood(`${key}:patients`, {}, { organisations: [key], departments: ['it'] }),
    ).rejects.toThrow(`no inventory item with key '${key}:patients'`);
  });
});
