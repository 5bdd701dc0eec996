import { type Neo4jService } from '@cartographer/graph';
import type { ManagedTransaction } from 'neo4j-driver';
import { notFoundError } from '../inventory.errors.js';
import { Label } from '../model/labels.js';
import {
  compactDoc,
  countSourceFields,
  type FieldProjection,
  readActivities,
  readDepartments,
  readFeasibility,
  readFlowDeclarations,
  readOrganisation,
  readRecipients,
  readServers,
  readSources,
  readSourcesDatasets,
} from '../query/inventory-declarations.js';
import type { DatasetDoc, InventoryDocument } from './inventory-document.js';

/**
 * One organisation's inventory in the import format without its sources' datasets (each source
 * has no `datasets` member), sorted by key, read in the caller's transaction. With
 * `readSourceDatasets` per source it is the whole inventory, one source per query: no single
 * result holds every field of a large organisation (Neo4j's transaction memory limit).
 */
export async function readInventoryOutline(tx: ManagedTransaction, organisation: string): Promise<InventoryDocument> {
  const header = await readOrganisation(tx, organisation);
  if (!header) throw notFoundError(Label.Organisation, organisation);
  const scope = { organisation };
  const docs = <T>(list: { doc: T }[]) => list.map((item) => item.doc);
  return compactDoc({
    version: 1 as const,
    organisation: header,
    departments: docs(await readDepartments(tx, scope)),
    servers: docs(await readServers(tx, scope)),
    recipients: docs(await readRecipients(tx, scope)),
    sources: docs(await readSources(tx, scope, 'none')),
    processingActivities: docs(await readActivities(tx, scope)),
    flows: docs(await readFlowDeclarations(tx, scope)),
    ...(await readFeasibility(tx, organisation)),
  });
}

/**
 * The datasets of one source (local key) with their fields and references, sorted by key; [] when
 * none. `fields: 'names'` reads each field's name only (a fraction of the cost for a large source).
 */
export async function readSourceDatasets(
  tx: ManagedTransaction,
  organisation: string,
  source: string,
  options: { fields?: FieldProjection } = {},
): Promise<DatasetDoc[]> {
  const [found] = await readSources(tx, { keys: [`${organisation}:${source}`] }, 'all', options.fields ?? 'all');
  return (found?.doc.datasets ?? []).map((dataset) => compactDoc(dataset));
}

/**
 * The datasets of several sources (local keys) in one query, by local source key (a source
 * without datasets is absent), each as `readSourceDatasets` reads it. Bound the batch with
 * `countFieldsOfSources`: one result holds every field of the batch.
 */
export async function readDatasetsOfSources(
  tx: ManagedTransaction,
  organisation: string,
  sources: readonly string[],
  options: { fields?: FieldProjection } = {},
): Promise<Map<string, DatasetDoc[]>> {
  const found = await readSourcesDatasets(
    tx,
    sources.map((source) => `${organisation}:${source}`),
    options.fields ?? 'all',
  );
  const out = new Map<string, DatasetDoc[]>();
  for (const [key, datasets] of found)
    out.set(
      key.slice(organisation.length + 1),
      datasets.map((dataset) => compactDoc(dataset)),
    );
  return out;
}

/** The number of fields of each source (local keys), from relationship degrees: no field is read. */
export async function countFieldsOfSources(
  tx: ManagedTransaction,
  organisation: string,
  sources: readonly string[],
): Promise<Map<string, number>> {
  const counts = await countSourceFields(
    tx,
    sources.map((source) => `${organisation}:${source}`),
  );
  return new Map(sources.map((source) => [source, counts.get(`${organisation}:${source}`) ?? 0]));
}

/**
 * One organisation's inventory in the import format, sorted by key, read in the caller's
 * transaction through the declarations reader (the one graph-to-document mapping), source by source.
 */
export async function readInventory(tx: ManagedTransaction, organisation: string): Promise<InventoryDocument> {
  const outline = await readInventoryOutline(tx, organisation);
  if (!outline.sources) return outline;
  const sources = [];
  for (const source of outline.sources) {
    const datasets = await readSourceDatasets(tx, organisation, source.key);
    sources.push(datasets.length > 0 ? { ...source, datasets } : source);
  }
  return { ...outline, sources };
}

/** Reads one organisation's inventory back into the import format, sorted by key. */
export async function exportInventory(neo4j: Neo4jService, organisation: string): Promise<InventoryDocument> {
  return neo4j.read((tx) => readInventory(tx, organisation));
}

/** The plan and the needs one organisation declared (each absent when not declared); NOT_FOUND for an unknown organisation. */
export async function readDeclaredFeasibility(
  neo4j: Neo4jService,
  organisation: string,
): Promise<Pick<InventoryDocument, 'plan' | 'needs'>> {
  const found = await neo4j.read((tx) => readFeasibility(tx, organisation));
  if (!found) throw notFoundError(Label.Organisation, organisation);
  return found;
}
