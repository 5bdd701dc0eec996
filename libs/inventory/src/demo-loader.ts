import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '@cartographer/config';
import type { Neo4jService } from '@cartographer/graph';
import { type ImportResult, InventoryImportService } from './inventory-import.service.js';

export const DEMO_DIR = join(projectRoot(), 'examples', 'demo');

/**
 * Loads the demo organisation(s) of examples/demo when the graph holds no organisation yet, so a
 * first `npm start` shows a real cartography. Returns what was imported (nothing when not empty).
 */
export async function loadDemoIfEmpty(neo4j: Neo4jService, dir = DEMO_DIR): Promise<ImportResult[]> {
  const existing = await neo4j.queryRead<{ n: unknown }>('MATCH (o:Organisation) RETURN o.key AS n LIMIT 1');
  if (existing.length > 0) return [];
  const files = (await readdir(dir)).filter((name) => /\.(ya?ml|json)$/i.test(name)).sort();
  const importer = new InventoryImportService(neo4j);
  const results: ImportResult[] = [];
  for (const file of files) results.push(await importer.importFile(join(dir, file)));
  return results;
}
