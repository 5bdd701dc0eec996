import type { ManagedTransaction } from 'neo4j-driver';
import { compileInventory, graphKey } from '../format/inventory-compiler.js';
import type { InventoryDocument, OrganisationDoc } from '../format/inventory-document.js';
import { validateInventoryDocument } from '../format/inventory-parser.js';
import { writeBatch } from '../graph/batch-writer.js';
import { InventoryError, InventoryErrorCode, type InventoryIssue, notFoundError, quote } from '../inventory.errors.js';
import { Label, Rel } from '../model/labels.js';
import { compactDoc, existingLabels, readOrganisation } from '../query/inventory-declarations.js';
import type { Authorize, CommandResult, CommandTarget } from './inventory-command.types.js';

/**
 * Helpers shared by the command families. Every command runs as one write transaction function:
 * lock, read, authorize, check the revision, validate and compile, write. The driver may run it
 * again after a transient failure, so nothing here changes state outside the transaction.
 */

export function fail(code: InventoryErrorCode, path: string, reason: string): InventoryError {
  return InventoryError.of(code, [{ path, reason }]);
}

/** The organisation and local part of a graph key, checked to belong to `organisation` when given. */
export function localOf(key: string, path: string, organisation?: string): { organisation: string; local: string } {
  const colon = typeof key === 'string' ? key.indexOf(':') : -1;
  if (colon <= 0 || colon === key.length - 1) {
    throw fail(InventoryErrorCode.INVALID_INPUT, path, `${quote(key)} is not a key of the form <organisation>:<key>`);
  }
  const owner = key.slice(0, colon);
  if (organisation !== undefined && owner !== organisation) {
    throw fail(
      InventoryErrorCode.INVALID_INPUT,
      path,
      `${quote(key)} belongs to organisation ${quote(owner)}, not ${quote(organisation)}`,
    );
  }
  return { organisation: owner, local: key.slice(colon + 1) };
}

/** Applies changes: undefined keeps, null clears; the result is compacted like a file. */
export function merge<T extends object>(current: T, changes: object): T {
  const out: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null) delete out[name];
    else out[name] = value;
  }
  return compactDoc(out) as T;
}

export function changedFields(changes: object): string[] {
  return Object.entries(changes)
    .filter(([, value]) => value !== undefined)
    .map(([name]) => name)
    .sort();
}

export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const target = (label: Label, key: string, organisation: string, department: string | null): CommandTarget => ({
  label,
  key,
  organisation,
  department,
});

/** Paths of the created or updated entity inside the document are reported as `input...`. */
function rebase(error: unknown, at: string): unknown {
  if (!(error instanceof InventoryError) || error.issues.length === 0) return error;
  const moved = error.issues.map((issue): InventoryIssue => {
    if (issue.path === at) return { ...issue, path: 'input' };
    if (issue.path.startsWith(`${at}.`) || issue.path.startsWith(`${at}[`))
      return { ...issue, path: `input${issue.path.slice(at.length)}` };
    return issue;
  });
  return InventoryError.of(error.code, moved, error.file);
}

/** A property no node keeps: setting and removing it takes the node's exclusive lock until commit. */
const LOCK = '`__lock`';

/**
 * Write-locks the organisation node, then the entity's node (when it exists). Every command and
 * every import writes its organisation's node, so taking that lock first serialises them per
 * organisation in one order (no deadlock), and what a command reads afterwards stays as read
 * until it commits.
 */
export async function lockNodes(
  tx: ManagedTransaction,
  organisation: string,
  node?: { label: Label; key: string },
): Promise<void> {
  const nodes = [{ label: Label.Organisation, key: organisation }, ...(node ? [node] : [])];
  for (const { label, key } of nodes) {
    await tx.run(`MATCH (n:${label} {key: $key}) SET n.${LOCK} = true REMOVE n.${LOCK}`, { key });
  }
}

/** Locks an existing entity (its organisation first) and returns its organisation; NOT_FOUND when absent. */
export async function lockEntity(tx: ManagedTransaction, label: Label, key: string): Promise<string> {
  const result = await tx.run(`MATCH (n:${label} {key: $key}) RETURN n.organisation AS organisation`, { key });
  const organisation = result.records[0]?.get('organisation') as string | undefined;
  if (!organisation) throw notFoundError(label, key);
  await lockNodes(tx, organisation, label === Label.Organisation ? undefined : { label, key });
  return organisation;
}

/** Locks an organisation and reads its declaration (re-stated by every command); NOT_FOUND when absent. */
export async function lockOrganisation(tx: ManagedTransaction, organisation: string): Promise<OrganisationDoc> {
  await lockNodes(tx, organisation);
  return headerOf(tx, organisation);
}

/** The organisation's declaration, re-stated as the header of a command's document. */
export async function headerOf(tx: ManagedTransaction, organisation: string): Promise<OrganisationDoc> {
  const found = await readOrganisation(tx, organisation);
  if (!found) throw notFoundError(Label.Organisation, organisation);
  return found;
}

/** DUPLICATE_KEY when a node with this key exists under one of the labels. */
export async function assertAbsent(
  tx: ManagedTransaction,
  key: string,
  labels: readonly Label[],
  what: string,
  organisation: string,
): Promise<void> {
  if ((await existingLabels(tx, key, labels)).length > 0) {
    throw fail(
      InventoryErrorCode.DUPLICATE_KEY,
      'input.key',
      `${what} already exists in organisation ${quote(organisation)}`,
    );
  }
}

/** A new entity hanging off an organisation (directly or through a department). */
export interface CreateSpec {
  label: Label;
  organisation: string;
  /** The new entity's local key. */
  local: string;
  /** Labels sharing its key space (a source and a dataset may not share a key). */
  keySpace: readonly Label[];
  /** How a duplicate-key error names it. */
  noun: string;
  department: string | null;
  /** Where the entity is in its document, for error paths. */
  at: string;
  document: (header: OrganisationDoc) => InventoryDocument;
  /** The declaration recorded as the result's `after`. */
  after: unknown;
}

/** Lock the organisation, refuse a duplicate key, authorize, write: the steps every simple create shares. */
export async function createInOrganisation(
  tx: ManagedTransaction,
  spec: CreateSpec,
  authorize: Authorize,
): Promise<CommandResult> {
  const key = graphKey(spec.organisation, spec.local);
  const header = await lockOrganisation(tx, spec.organisation);
  await assertAbsent(tx, key, spec.keySpace, `${spec.noun} ${quote(spec.local)}`, spec.organisation);
  authorize({ action: 'create', label: spec.label, next: target(spec.label, key, spec.organisation, spec.department) });
  await writeDocument(tx, spec.document(header), spec.at);
  return { label: spec.label, key, organisation: spec.organisation, before: null, after: spec.after };
}

/**
 * CONFLICT when the caller's revision is not the entity's current one (read in this transaction,
 * after the lock): the caller changed a declaration that someone else has changed since.
 */
export function checkRevision(label: Label, key: string, expected: string | null | undefined, current: string): void {
  if (expected === undefined || expected === null || expected === current) return;
  throw new InventoryError(
    InventoryErrorCode.CONFLICT,
    `${label} ${quote(key, 200)} has changed since revision ${quote(expected)}: its current revision is '${current}'; read it again and re-apply the change`,
  );
}

/**
 * Validates, compiles and writes a document in the command's transaction; `beforeWrite` runs just
 * before the batch, for a clean-up the format cannot express. Issues about the entity at `at`
 * are reported as `input...`.
 */
export async function writeDocument(
  tx: ManagedTransaction,
  doc: InventoryDocument,
  at: string,
  beforeWrite?: (tx: ManagedTransaction) => Promise<void>,
): Promise<void> {
  try {
    const batch = compileInventory(validateInventoryDocument(doc));
    await beforeWrite?.(tx);
    await writeBatch(tx, batch);
  } catch (error) {
    throw rebase(error, at);
  }
}

/** A replaced stakeholder list: stakeholders are re-created from the new list in the same transaction. */
export function pruneStakeholders(owner: Label.Department | Label.DataSource, key: string) {
  return async (tx: ManagedTransaction) => {
    await tx.run(`MATCH (:${owner} {key: $key})-[:${Rel.HAS_STAKEHOLDER}]->(s:${Label.Stakeholder}) DETACH DELETE s`, {
      key,
    });
  };
}
