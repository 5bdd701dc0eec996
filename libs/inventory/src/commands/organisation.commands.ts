import { GraphErrorCode, graphErrorCodeOf } from '@cartographer/graph';
import type { ManagedTransaction } from 'neo4j-driver';
import type { DepartmentDoc, OrganisationDoc, RecipientDoc, ServerDoc } from '../format/inventory-document.js';
import { readInventory } from '../format/inventory-exporter.js';
import { InventoryErrorCode, notFoundError, quote } from '../inventory.errors.js';
import { Label } from '../model/labels.js';
import {
  compactDoc,
  type Declared,
  readDepartment,
  readOrganisations,
  readRecipient,
  readServer,
} from '../query/inventory-declarations.js';
import {
  createInOrganisation,
  changedFields,
  checkRevision,
  fail,
  headerOf,
  lockEntity,
  merge,
  pruneStakeholders,
  target,
  withoutUndefined,
  writeDocument,
} from './command-support.js';
import type {
  Authorize,
  Changes,
  CommandResult,
  CreateDepartmentCommand,
  CreateOrganisationCommand,
  CreateRecipientCommand,
  CreateServerCommand,
  UpdateDepartmentCommand,
  UpdateOrganisationCommand,
  UpdateRecipientCommand,
  UpdateServerCommand,
} from './inventory-command.types.js';

/** Commands on the organisation and what hangs off it directly: departments, servers, recipients. */

export async function createOrganisation(
  tx: ManagedTransaction,
  command: CreateOrganisationCommand,
  authorize: Authorize,
): Promise<CommandResult> {
  const doc = compactDoc(command);
  const duplicate = () =>
    fail(InventoryErrorCode.DUPLICATE_KEY, 'input.key', `organisation ${quote(doc.key)} already exists`);
  if ((await readOrganisations(tx, [doc.key])).length > 0) throw duplicate();
  authorize({ action: 'create', label: Label.Organisation, next: target(Label.Organisation, doc.key, doc.key, null) });
  // There is no node to lock yet: claim the key first, so a concurrent create of the same
  // organisation fails on the key's unique constraint instead of overwriting this declaration.
  try {
    await tx.run(`CREATE (:${Label.Organisation} {key: $key, organisation: $key, createdAt: $now})`, {
      key: doc.key,
      now: new Date().toISOString(),
    });
  } catch (error) {
    if (graphErrorCodeOf(error) === GraphErrorCode.CONSTRAINT) throw duplicate();
    throw error;
  }
  await writeDocument(tx, { version: 1, organisation: doc }, 'organisation');
  return { label: Label.Organisation, key: doc.key, organisation: doc.key, before: null, after: doc };
}

export async function updateOrganisation(
  tx: ManagedTransaction,
  key: string,
  changes: UpdateOrganisationCommand,
  authorize: Authorize,
  expectedRevision?: string | null,
): Promise<CommandResult> {
  await lockEntity(tx, Label.Organisation, key);
  const [current] = await readOrganisations(tx, [key]);
  if (!current) throw notFoundError(Label.Organisation, key);
  const next = merge(current.doc, withoutUndefined({ ...changes, key: undefined }));
  const organisation = target(Label.Organisation, key, key, null);
  authorize({
    action: 'update',
    label: Label.Organisation,
    current: organisation,
    next: organisation,
    fields: changedFields(changes),
  });
  checkRevision(Label.Organisation, key, expectedRevision, current.revision);
  if ((next.sector ?? null) !== (current.doc.sector ?? null)) {
    // The sector changes how every server, recipient and transfer country is classified: re-state them all.
    const whole = await readInventory(tx, key);
    await writeDocument(tx, { ...whole, organisation: next }, 'organisation');
  } else {
    await writeDocument(tx, { version: 1, organisation: next }, 'organisation');
  }
  return { label: Label.Organisation, key, organisation: key, before: current.doc, after: next };
}

/**
 * How a document's organisation header compares with the stored organisation: absent, or the
 * members it would change (none when the header re-states it), for an import's authorization.
 */
export async function organisationHeaderChanges(
  tx: ManagedTransaction,
  header: OrganisationDoc,
): Promise<{ exists: boolean; changed: string[] }> {
  const [current] = await readOrganisations(tx, [header.key]);
  if (!current) return { exists: false, changed: [] };
  const declared = compactDoc({ ...header, country: header.country?.toUpperCase() }) as unknown as Record<
    string,
    unknown
  >;
  const stored = current.doc as unknown as Record<string, unknown>;
  const members = [...new Set([...Object.keys(declared), ...Object.keys(stored)])].filter((name) => name !== 'key');
  const changed = members
    .filter((name) => JSON.stringify(declared[name] ?? null) !== JSON.stringify(stored[name] ?? null))
    .sort();
  return { exists: true, changed };
}

/** The entities listed directly under the organisation in a document. */
type Listed = Label.Department | Label.Server | Label.Recipient;
type ListedDoc = DepartmentDoc | ServerDoc | RecipientDoc;

const LISTED: Readonly<
  Record<
    Listed,
    {
      collection: 'departments' | 'servers' | 'recipients';
      noun: string;
      read: (tx: ManagedTransaction, key: string) => Promise<Declared<ListedDoc> | null>;
    }
  >
> = {
  [Label.Department]: { collection: 'departments', noun: 'department', read: readDepartment },
  [Label.Server]: { collection: 'servers', noun: 'server', read: readServer },
  [Label.Recipient]: { collection: 'recipients', noun: 'recipient', read: readRecipient },
};

/** Departments are their own department (access filters read it); servers and recipients have none. */
const departmentOf = (label: Listed, doc: ListedDoc) => (label === Label.Department ? doc.key : null);

async function createListed(
  tx: ManagedTransaction,
  label: Listed,
  command: ListedDoc & { organisation: string },
  authorize: Authorize,
): Promise<CommandResult> {
  const { organisation, ...rest } = command;
  const doc = compactDoc(rest as ListedDoc);
  const { collection, noun } = LISTED[label];
  return createInOrganisation(
    tx,
    {
      label,
      organisation,
      local: doc.key,
      keySpace: [label],
      noun,
      department: departmentOf(label, doc),
      at: `${collection}[0]`,
      document: (header) => ({ version: 1, organisation: header, [collection]: [doc] }),
      after: doc,
    },
    authorize,
  );
}

async function updateListed(
  tx: ManagedTransaction,
  label: Listed,
  key: string,
  changes: Changes<ListedDoc>,
  authorize: Authorize,
  expectedRevision?: string | null,
): Promise<CommandResult> {
  const { collection, read } = LISTED[label];
  const organisation = await lockEntity(tx, label, key);
  const current = (await read(tx, key))!;
  const header = await headerOf(tx, organisation);
  const next = merge(current.doc, withoutUndefined({ ...changes, key: undefined }));
  const it = target(label, key, organisation, current.department);
  authorize({ action: 'update', label, current: it, next: it, fields: changedFields(changes) });
  checkRevision(label, key, expectedRevision, current.revision);
  // A department's stakeholders are re-created from the new list.
  const prune =
    label === Label.Department && 'stakeholders' in changes && changes.stakeholders !== undefined
      ? pruneStakeholders(Label.Department, key)
      : undefined;
  await writeDocument(tx, { version: 1, organisation: header, [collection]: [next] }, `${collection}[0]`, prune);
  return { label, key, organisation, before: current.doc, after: next };
}

export const createDepartment = (tx: ManagedTransaction, command: CreateDepartmentCommand, authorize: Authorize) =>
  createListed(tx, Label.Department, command, authorize);
export const createServer = (tx: ManagedTransaction, command: CreateServerCommand, authorize: Authorize) =>
  createListed(tx, Label.Server, command, authorize);
export const createRecipient = (tx: ManagedTransaction, command: CreateRecipientCommand, authorize: Authorize) =>
  createListed(tx, Label.Recipient, command, authorize);

export const updateDepartment = (
  tx: ManagedTransaction,
  key: string,
  changes: UpdateDepartmentCommand,
  authorize: Authorize,
  expectedRevision?: string | null,
) => updateListed(tx, Label.Department, key, changes, authorize, expectedRevision);
export const updateServer = (
  tx: ManagedTransaction,
  key: string,
  changes: UpdateServerCommand,
  authorize: Authorize,
  expectedRevision?: string | null,
) => updateListed(tx, Label.Server, key, changes, authorize, expectedRevision);
export const updateRecipient = (
  tx: ManagedTransaction,
  key: string,
  changes: UpdateRecipientCommand,
  authorize: Authorize,
  expectedRevision?: string | null,
) => updateListed(tx, Label.Recipient, key, changes, authorize, expectedRevision);
