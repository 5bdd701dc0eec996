import { plainProps } from '@cartographer/graph';
import { InventoryError, InventoryErrorCode } from '../inventory.errors.js';
import { type InventoryLabel, Label } from '../model/labels.js';
import { decodeNode } from './inventory-declarations.js';
import {
  DEPARTMENT_LABELS,
  type InventoryAccessFilter,
  type InventoryItem,
  ORGANISATION_LABELS,
} from './inventory-query.types.js';

/** Declared inventory labels; findings (libs/findings) are read through their own repository. */
export const INVENTORY_LABELS: readonly InventoryLabel[] = Object.values(Label).filter(
  (label): label is InventoryLabel => label !== Label.Finding,
);
const KNOWN_LABELS: ReadonlySet<string> = new Set(INVENTORY_LABELS);

/** Refuses anything that is not one of the enum's labels before it is spliced into Cypher. */
export function checkedLabel(label: string): Label {
  if (!KNOWN_LABELS.has(label))
    throw new InventoryError(InventoryErrorCode.INVALID_INPUT, `unknown label '${label.slice(0, 40)}'`);
  return label as Label;
}

/** `(n:A OR n:B)`: a label test for a node already matched. */
export function labelTest(alias: string, labels: readonly Label[]): string {
  return `(${labels.map((label) => `${alias}:${checkedLabel(label)}`).join(' OR ')})`;
}

/**
 * The Cypher predicate applying an access filter to `alias`, whose label is one of `labels`.
 * Parameters go in `params` ($accessOrganisations, $accessDepartments); only the structure is
 * spliced into the text. Organisation-level labels ignore the departments part.
 */
export function accessPredicate(
  alias: string,
  labels: readonly Label[],
  access: InventoryAccessFilter,
  params: Record<string, unknown>,
): string {
  const clauses: string[] = [];
  if (access.organisations !== null) {
    params.accessOrganisations = access.organisations;
    clauses.push(`${alias}.organisation IN $accessOrganisations`);
  }
  if (access.departments !== null) {
    const departmental = labels.filter((label) => DEPARTMENT_LABELS.has(label));
    if (departmental.length > 0) {
      params.accessDepartments = access.departments;
      const byDepartment = `${alias}.department IN $accessDepartments`;
      const organisational = labels.filter((label) => ORGANISATION_LABELS.has(label));
      clauses.push(
        organisational.length === 0 ? byDepartment : `(${labelTest(alias, organisational)} OR ${byDepartment})`,
      );
    }
  }
  return clauses.length > 0 ? clauses.join(' AND ') : 'true';
}

/** The first inventory label among a node's labels. */
export function inventoryLabelOf(labels: readonly string[]): Label {
  const label = labels.find((candidate) => KNOWN_LABELS.has(candidate));
  if (!label)
    throw new InventoryError(InventoryErrorCode.INVALID_INPUT, `not an inventory node (${labels.join(', ')})`);
  return label as Label;
}

/** Members an item carries besides its declaration: derived at write time, or where it belongs. */
const COMPUTED: Readonly<Partial<Record<Label, readonly string[]>>> = {
  [Label.Server]: ['jurisdiction', 'jurisdictionNote'],
  [Label.Recipient]: ['jurisdiction', 'jurisdictionNote'],
  [Label.Dataset]: ['source'],
  [Label.Field]: ['dataset'],
};

/** A node as an item: its decoded declaration, its place (key, organisation, department) and computed members. */
export function toItem(label: Label, props: Record<string, unknown>): InventoryItem {
  const plain = plainProps(props);
  const own = decodeNode(label, plain);
  const computed = Object.fromEntries((COMPUTED[label] ?? []).map((name) => [name, plain[name] ?? null]));
  return {
    ...own,
    ...computed,
    label,
    key: plain.key as string,
    ...(typeof own.key === 'string' && label !== Label.Organisation ? { localKey: own.key } : {}),
    organisation: plain.organisation as string,
    department: (plain.department as string | null | undefined) ?? null,
  };
}

/** Opaque cursor of a list ordered by key: the base64url of the last key of the page. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const invalid = () => new InventoryError(InventoryErrorCode.INVALID_INPUT, 'after: not a cursor of this list');
  if (cursor.length === 0 || cursor.length > 800 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  // Re-encoding must give the cursor back: anything else was not produced by encodeCursor.
  if (encodeCursor(key) !== cursor) throw invalid();
  return key;
}

/** `<organisation>:<local>` split at the first colon; throws INVALID_INPUT naming `what` otherwise. */
export function splitGraphKey(key: string, what: string): { organisation: string; local: string } {
  const colon = key.indexOf(':');
  if (colon <= 0 || colon === key.length - 1) {
    throw new InventoryError(
      InventoryErrorCode.INVALID_INPUT,
      `${what}: '${key.slice(0, 140)}' is not a key of the form <organisation>:<key>`,
    );
  }
  return { organisation: key.slice(0, colon), local: key.slice(colon + 1) };
}
