import type { ManagedTransaction } from 'neo4j-driver';
import type { DepartmentDoc, OrganisationDoc, RecipientDoc, ServerDoc } from '../format/inventory-document.js';
import { readInventory } from '../format/inventory-exporter.js';
import { InventoryErrorCode, notFoundError, quote } from '../inventory.errors.js';
import { Label } from '../model/labels.js';
import {
  compactDoc,
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
  if ((await readOrganisations(tx, [doc.key])).length > 0)
    throw fail(InventoryErrorCode.DUPLICATE_KEY, 'input.key', `organisation ${quote(doc.key)} already exists`);
  authorize({ action: 'create', label: Label.Organisation, next: target(Label.Organisation, doc.key, doc.key, null) });
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

export async function createDepartment(
  tx: ManagedTransaction,
  command: CreateDepartmentCommand,
  authorize: Authorize,
): Promise<CommandResult> {
  const { organisation, ...rest } = command;
  const doc = compactDoc(rest as DepartmentDoc);
  return createInOrganisation(
    tx,
    {
      label: Label.Department,
      organisation,
      local: doc.key,
      keySpace: [Label.Department],
      noun: 'department',
      department: doc.key,
      at: 'departments[0]',
      document: (header) => ({ version: 1, organisation: header, departments: [doc] }),
      after: doc,
    },
    authorize,
  );
}

export async function updateDepartment(
  tx: ManagedTransaction,
  key: string,
  changes: UpdateDepartmentCommand,
  authorize: Authorize,
  expectedRevision?: string | null,
): Promise<CommandResult> {
  const organisation = await lockEntity(tx, Label.Department, key);
  const current = (await readDepartment(tx, key))!;
  const org = await headerOf(tx, organisation);
  const next = merge(current.doc, changes);
  const it = target(Label.Department, key, organisation, current.department);
  authorize({ action: 'update', label: Label.Department, current: it, next: it, fields: changedFields(changes) });
  checkRevision(Label.Department, key, expectedRevision, current.revision);
  const prune = changes.stakeholders !== undefined ? pruneStakeholders(Label.Department, key) : undefined;
  await writeDocument(tx, { version: 1, organisation: org, departments: [next] }, 'departments[0]', prune);
  return { label: Label.Department, key, organisation, before: current.doc, after: next };
}

export async function createServer(
  tx: ManagedTransaction,
  command: CreateServerCommand,
  authorize: Authorize,
): Promise<CommandResult> {
  const { organisation, ...rest } = command;
  const doc = compactDoc(rest as ServerDoc);
  return createInOrganisation(
    tx,
    {
      label: Label.Server,
      organisation,
      local: doc.key,
      keySpace: [Label.Server],
      noun: 'server',
      department: null,
      at: 'servers[0]',
      document: (header) => ({ version: 1, organisation: header, servers: [doc] }),
      after: doc,
    },
    authorize,
  );
}

export async function updateServer(
  tx: ManagedTransaction,
  key: string,
  changes: UpdateServerCommand,
  authorize: Authorize,
  expectedRevision?: string | null,
): Promise<CommandResult> {
  const organisation = await lockEntity(tx, Label.Server, key);
  const current = (await readServer(tx, key))!;
  const org = await headerOf(tx, organisation);
  const next = merge(current.doc, changes);
  const it = target(Label.Server, key, organisation, null);
  authorize({ action: 'update', label: Label.Server, current: it, next: it, fields: changedFields(changes) });
  checkRevision(Label.Server, key, expectedRevision, current.revision);
  await writeDocument(tx, { version: 1, organisation: org, servers: [next] }, 'servers[0]');
  return { label: Label.Server, key, organisation, before: current.doc, after: next };
}

export async function createRecipient(
  tx: ManagedTransaction,
  command: CreateRecipientCommand,
  authorize: Authorize,
): Promise<CommandResult> {
  const { organisation, ...rest } = command;
  const doc = compactDoc(rest as RecipientDoc);
  return createInOrganisation(
    tx,
    {
      label: Label.Recipient,
      organisation,
      local: doc.key,
      keySpace: [Label.Recipient],
      noun: 'recipient',
      department: null,
      at: 'recipients[0]',
      document: (header) => ({ version: 1, organisation: header, recipients: [doc] }),
      after: doc,
    },
    authorize,
  );
}

export async function updateRecipient(
  tx: ManagedTransaction,
  key: string,
  changes: UpdateRecipientCommand,
  authorize: Authorize,
  expectedRevision?: string | null,
): Promise<CommandResult> {
  const organisation = await lockEntity(tx, Label.Recipient, key);
  const current = (await readRecipient(tx, key))!;
  const org = await headerOf(tx, organisation);
  const next = merge(current.doc, changes);
  const it = target(Label.Recipient, key, organisation, null);
  authorize({ action: 'update', label: Label.Recipient, current: it, next: it, fields: changedFields(changes) });
  checkRevision(Label.Recipient, key, expectedRevision, current.revision);
  await writeDocument(tx, { version: 1, organisation: org, recipients: [next] }, 'recipients[0]');
  return { label: Label.Recipient, key, organisation, before: current.doc, after: next };
}
