import { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isTime } from 'neo4j-driver';
import { InventoryError, InventoryErrorCode } from '../inventory.errors.js';
import { Label } from '../model/labels.js';
import {
  DEPARTMENT_LABELS,
  type InventoryAccessFilter,
  type InventoryItem,
  ORGANISATION_LABELS,
} from './inventory-query.types.js';

/** Declared inventory labels; findings (libs/findings) are read through their own repository. */
export const INVENTORY_LABELS: readonly Label[] = Object.values(Label).filter((label) => label !== Label.Finding);
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

/** A stored value as plain JS: Neo4j integers as numbers, temporal values as ISO strings. */
export function plainValue(value: unknown): unknown {
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (
    isDateTime(value) ||
    isDate(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return (value as { toString(): string }).toString();
  }
  if (Array.isArray(value)) return value.map(plainValue);
  // Cypher maps arrive as plain objects: convert their members too.
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return plainProps(value as Record<string, unknown>);
  }
  return value;
}

export function plainProps(props: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(props ?? {})) out[name] = plainValue(value);
  return out;
}

/** The first inventory label among a node's labels. */
export function inventoryLabelOf(labels: readonly string[]): Label {
  const label = labels.find((candidate) => KNOWN_LABELS.has(candidate));
  if (!label)
    throw new InventoryError(InventoryErrorCode.INVALID_INPUT, `not an inventory node (${labels.join(', ')})`);
  return label as Label;
}

export function toItem(label: Label, props: Record<string, unknown>): InventoryItem {
  const plain = plainProps(props);
  return { ...plain, label, key: plain.key as string, organisation: plain.organisation as string };
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
