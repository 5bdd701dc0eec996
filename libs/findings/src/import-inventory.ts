import type { AuditActor } from '@cartographer/access';
import {
  type ImportResult,
  type InventoryDocument,
  InventoryImportService,
  validateInventoryDocument,
} from '@cartographer/inventory';
import { classifyDeclaredFieldsIn } from './declared-classification.js';
import type { FindingsDeps } from './finding-review.js';
import { propagateFindingsIn } from './propagation.js';

export interface ImportInventoryRequest {
  /** A parsed document (readInventoryFile, parseInventory); validated here. */
  document: unknown;
  /** Its file name, for error messages. */
  file?: string;
  /** Called with the valid document before anything is written: throw to refuse the import. */
  authorize: (document: InventoryDocument) => void | Promise<void>;
  /** The audit actor; absent, the caller of the current request (API) or the system. */
  actor?: AuditActor;
}

export interface ImportInventoryOutcome extends ImportResult {
  /** Declared fields classified from their names and descriptions, and those flagged. */
  classified: { fields: number; flagged: number };
  /** Fields flagged through lineage. */
  propagated: number;
}

/** `authorize` for callers that may import anything (the CLI operator): an explicit allow. */
export const ALLOW_EVERY_IMPORT = (): void => undefined;

/**
 * The import, for the CLI (`carto import`) and the API (`importInventory`) alike: validate,
 * authorize, write, classify the declared fields, recompute propagation and enqueue the audit
 * entry, all in the import's transaction, so the findings never lag behind the inventory and a
 * committed import always has its audit entry. (An import above MAX_WRITES_PER_TRANSACTION commits
 * statement by statement; its classification, propagation and audit entry then follow in one
 * transaction of their own.) The caller relays the outbox afterwards.
 */
export async function importInventory(
  deps: FindingsDeps,
  request: ImportInventoryRequest,
): Promise<ImportInventoryOutcome> {
  const document = validateInventoryDocument(request.document, request.file);
  await request.authorize(document);
  let classified = { fields: 0, flagged: 0 };
  let propagated = 0;
  const result = await new InventoryImportService(deps.neo4j).importDocument(document, request.file, {
    onWrite: async (tx, written) => {
      classified = await classifyDeclaredFieldsIn(tx, written.organisation);
      ({ propagated } = await propagateFindingsIn(tx, written.organisation));
      await deps.outbox.enqueue(tx, {
        action: 'inventory.import',
        entityType: 'Organisation',
        entityKey: written.organisation,
        organisation: written.organisation,
        after: { writes: written.writes, nodes: written.nodes, flagged: classified.flagged, propagated },
        actor: request.actor,
      });
    },
  });
  return { ...result, classified, propagated };
}
