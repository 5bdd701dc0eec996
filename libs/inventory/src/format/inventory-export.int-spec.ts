import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { projectRoot } from '@cartographer/config';
import { createDriver, GraphMigrationService, Neo4jService } from '@cartographer/graph';
import { testStores, uniqueId } from '@cartographer/testing';
import { DEMO_DIR } from '../demo-loader.js';
import { InventoryImportService } from '../inventory-import.service.js';
import type { InventoryDocument } from './inventory-document.js';
import { parseInventory } from './inventory-parser.js';

/**
 * The export of the demo, byte for byte: the golden file is what export gave before the read
 * model was consolidated (commit 6f66cba). Regenerate only for an intended format change:
 * `CARTO_WRITE_GOLDEN=1` with this test, then `npx prettier --write` on the file.
 */
const GOLDEN = join(import.meta.dirname, 'golden', 'lormont-sur-loire.export.json');
const DEMO = join(DEMO_DIR, 'ville-de-lormont-sur-loire.yaml');

describe('export of the demo (real Neo4j)', () => {
  let neo4j: Neo4jService;
  let sut: InventoryImportService;
  const organisation = uniqueId('demo-');
  const example = uniqueId('doc-');

  beforeAll(async () => {
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    await new GraphMigrationService(neo4j).migrate();
    sut = new InventoryImportService(neo4j);
  });

  afterAll(async () => {
    for (const key of [organisation, example]) {
      await neo4j.queryWrite('MATCH (n {organisation: $key}) DETACH DELETE n', { key });
    }
    await neo4j.driver.close();
  });

  it('gives back exactly the golden document after an import of examples/demo', async () => {
    const demo = parseInventory(await readFile(DEMO, 'utf8'), { file: 'ville-de-lormont-sur-loire.yaml' });
    const declared = demo.organisation.key;
    await sut.importDocument({ ...demo, organisation: { ...demo.organisation, key: organisation } });
    const exported: InventoryDocument = await sut.export(organisation);
    const text = JSON.stringify({ ...exported, organisation: { ...exported.organisation, key: declared } });
    if (process.env.CARTO_WRITE_GOLDEN === '1') await writeFile(GOLDEN, `${text}\n`);
    // The file is kept prettier-formatted: compared as compact JSON text (member order included).
    expect(text).toBe(JSON.stringify(JSON.parse(await readFile(GOLDEN, 'utf8'))));
  });

  it('imports the example of docs/inventory-format.md as it is, and exports what re-imports to the same', async () => {
    const markdown = await readFile(join(projectRoot(), 'docs', 'inventory-format.md'), 'utf8');
    const yaml = /```yaml\n([\s\S]*?)```/.exec(markdown)![1];
    const doc = parseInventory(yaml.replace('key: clinique-du-parc', `key: ${example}`), { file: 'example.yaml' });
    const result = await sut.importDocument(doc);
    expect(result.nodes).toEqual({
      Organisation: 1,
      Department: 1,
      Stakeholder: 1,
      Server: 2,
      Recipient: 1,
      DataSource: 1,
      Dataset: 2,
      Field: 4,
      ProcessingActivity: 1,
      DataFlow: 1,
    });
    const exported = await sut.export(example);
    await sut.importDocument(exported);
    expect(await sut.export(example)).toEqual(exported);
    expect(exported.sources![0].datasets!.map((d) => d.fields)).toEqual([
      [
        { name: 'id', dataType: 'integer' },
        { name: 'nom', dataType: 'varchar', description: 'Nom de naissance' },
      ],
      [{ name: 'id' }, { name: 'patient_id' }],
    ]);
  });
});
