import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { createDriver, GraphMigrationService, Neo4jService } from '@cartographer/graph';
import { testStores, uniqueId } from '@cartographer/testing';
import { runImportFuzz } from './import-fuzz.js';

// The short run of the import fuzzer (the long one is `npm run fuzz`): mutants of the demo
// organisation's inventory, imported into a real Neo4j through the import use case.
const SEED = 20261203;
const DOCUMENTS = 120;

describe('inventory import fuzzing (real Neo4j, mutants of the demo)', () => {
  const organisation = uniqueId('fz').toLowerCase();
  let neo4j: Neo4jService;
  let base: { organisation: { key: string } };

  beforeAll(async () => {
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    await new GraphMigrationService(neo4j).migrate();
    base = parse(await readFile('examples/demo/ville-de-lormont-sur-loire.yaml', 'utf8')) as typeof base;
    base.organisation.key = organisation;
  });

  afterAll(async () => {
    await neo4j.queryWrite('MATCH (n {organisation: $organisation}) DETACH DELETE n', { organisation });
    await neo4j.driver.close();
  });

  it('imports or refuses every mutant with a named path, and a refusal writes nothing', async () => {
    const report = await runImportFuzz({ neo4j, base, organisation, documents: DOCUMENTS, seed: SEED });
    console.log(`import fuzz: ${JSON.stringify({ ...report, violations: report.violations.length })}`);
    expect(report.violations).toEqual([]);
    expect(report.documents).toBe(DOCUMENTS);
    expect(report.imported + report.refused).toBe(DOCUMENTS);
    // Both outcomes occur: the mutants are neither all harmless nor all broken.
    expect(report.imported).toBeGreaterThan(0);
    expect(report.refused).toBeGreaterThan(0);
  }, 600_000);
});
