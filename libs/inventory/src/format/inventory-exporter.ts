import { type Neo4jService } from '@cartographer/graph';
import type { ManagedTransaction } from 'neo4j-driver';
import { notFoundError } from '../inventory.errors.js';
import { Label } from '../model/labels.js';
import {
  compactDoc,
  readActivities,
  readDepartments,
  readFeasibility,
  readFlowDeclarations,
  readOrganisation,
  readRecipients,
  readServers,
  readSources,
} from '../query/inventory-declarations.js';
import type { InventoryDocument } from './inventory-document.js';

/**
 * One organisation's inventory in the import format, sorted by key, read in the caller's
 * transaction through the declarations reader (the one graph-to-document mapping).
 */
export async function readInventory(tx: ManagedTransaction, organisation: string): Promise<InventoryDocument> {
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
    sources: docs(await readSources(tx, scope, 'all')),
    processingActivities: docs(await readActivities(tx, scope)),
    flows: docs(await readFlowDeclarations(tx, scope)),
    ...(await readFeasibility(tx, organisation)),
  });
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
