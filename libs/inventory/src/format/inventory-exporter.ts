import { type Neo4jService } from '@cartographer/graph';
import type { ManagedTransaction } from 'neo4j-driver';
import { notFoundError } from '../inventory.errors.js';
import { Label } from '../model/labels.js';
import {
  compactDoc,
  readActivities,
  readDepartments,
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
  });
}

/**
 * The organisation header, its departments, servers and processing activities as the import format
 * has them (the same decoders as `readInventory`), without sources, recipients and flows: what the
 * risk register's security facts need, for a fraction of the read.
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
    processingActivities: docs(await readActivities(tx, scope)),
  });
}

/** Reads one organisation's inventory back into the import format, sorted by key. */
export async function exportInventory(neo4j: Neo4jService, organisation: string): Promise<InventoryDocument> {
  return neo4j.read((tx) => readInventory(tx, organisation));
}
