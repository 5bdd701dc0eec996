import { toNumber } from '@cartographer/graph';
import type { ManagedTransaction } from 'neo4j-driver';
import { InventoryError, InventoryErrorCode, notFoundError, quote } from '../inventory.errors.js';
import { Label, Rel } from '../model/labels.js';
import { inventoryLabelOf } from '../query/inventory-cypher.js';
import { fail, lockEntity, target } from './command-support.js';
import type { Authorize, DeleteOptions, DeletionResult } from './inventory-command.types.js';

/** Relationship types that mean "another entity relies on this one". */
const REFERENCE_TYPES = [
  Rel.USES,
  Rel.FLOWS_FROM,
  Rel.FLOWS_TO,
  Rel.FEEDS,
  Rel.HOSTED_ON,
  Rel.DISCLOSES_TO,
  Rel.TRANSFERS_TO,
  Rel.REFERENCES,
];
/** What an entity owns: deleted with it. */
const OWNED_TYPES = [Rel.HAS_STAKEHOLDER, Rel.OWNS, Rel.RUNS, Rel.CONTAINS, Rel.HAS_FIELD];

const NOUNS: Record<Label, string> = {
  [Label.Finding]: 'finding',
  [Label.Organisation]: 'organisation',
  [Label.Department]: 'department',
  [Label.Stakeholder]: 'stakeholder',
  [Label.DataSource]: 'data source',
  [Label.Dataset]: 'dataset',
  [Label.Field]: 'field',
  [Label.ProcessingActivity]: 'processing activity',
  [Label.Server]: 'server',
  [Label.Recipient]: 'recipient',
  [Label.DataFlow]: 'flow',
};

interface ReferenceRow {
  labels: string[];
  key: string;
  type: Rel;
  flow: string | null;
  via: string | null;
  reference: string | null;
  /** For foreign-key lineage: the referencing dataset (local key). */
  fkDataset: string | null;
}

interface GraphNodeRow {
  id: string;
  label: Label;
  key: string;
  organisation: string;
  department: string | null;
  depth: number;
}

function names(keys: string[], organisation: string, max = 10): string {
  const sorted = [...new Set(keys)].sort();
  const shown = sorted
    .slice(0, max)
    .map((key) => quote(key.startsWith(`${organisation}:`) ? key.slice(organisation.length + 1) : key));
  return `${shown.join(', ')}${sorted.length > max ? ` (and ${sorted.length - max} more)` : ''}`;
}

/** Order in which referrers are named: what a DPO cares about first. */
const NOUN_ORDER = [
  'processing activity',
  'flow',
  'data source',
  'dataset',
  'foreign key',
  'field',
  'server',
  'recipient',
];
const rank = (noun: string) => (NOUN_ORDER.includes(noun) ? NOUN_ORDER.indexOf(noun) : NOUN_ORDER.length);

function grouped(groups: Map<string, string[]>, organisation: string): string {
  const parts = [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([noun, keys]) => `${noun} ${names(keys, organisation)}`);
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The entity and what it owns (up to three levels), with the depth at which each was found. */
async function subtreeOf(tx: ManagedTransaction, label: Label, key: string): Promise<GraphNodeRow[]> {
  const owned = (
    await tx.run(
      `MATCH (root:${label} {key: $key})
       OPTIONAL MATCH path = (root)-[:${OWNED_TYPES.join('|')}*1..3]->(n)
       WITH root, n, min(length(path)) AS depth
       WITH root, collect(CASE WHEN n IS NULL THEN NULL ELSE {id: elementId(n), labels: labels(n), key: n.key, organisation: n.organisation, department: n.department, depth: depth} END) AS below
       RETURN [{id: elementId(root), labels: labels(root), key: root.key, organisation: root.organisation, department: root.department, depth: 0}] + below AS nodes`,
      { key },
    )
  ).records[0]?.get('nodes') as
    (Omit<GraphNodeRow, 'label' | 'depth'> & { labels: string[]; depth: unknown })[] | undefined;
  if (!owned) throw notFoundError(label, key);
  return owned.map((row) => ({
    id: row.id,
    label: inventoryLabelOf(row.labels),
    key: row.key,
    organisation: row.organisation,
    department: row.department ?? null,
    depth: toNumber(row.depth),
  }));
}

/** References from outside the subtree into it (and foreign-key lineage out of a deleted field). */
async function referencesInto(tx: ManagedTransaction, ids: string[], label: Label): Promise<ReferenceRow[]> {
  return (
    (
      await tx.run(
        `MATCH (x)-[r]->(y)
       WHERE elementId(y) IN $ids AND NOT elementId(x) IN $ids AND type(r) IN $types
       RETURN labels(x) AS labels, x.key AS key, type(r) AS type, r.flow AS flow, r.via AS via, r.reference AS reference, y.dataset AS fkDataset
       UNION
       MATCH (y)-[r:${Rel.FEEDS}]->(x)
       WHERE elementId(y) IN $ids AND NOT elementId(x) IN $ids
       RETURN labels(x) AS labels, x.key AS key, type(r) AS type, r.flow AS flow, r.via AS via, r.reference AS reference, x.dataset AS fkDataset`,
        { ids, types: REFERENCE_TYPES },
      )
    ).records
      .map((record) => record.toObject() as ReferenceRow)
      // Foreign-key lineage between two datasets follows their REFERENCES, reported on its own; it
      // only names a dependency of its own when a single field (one of its columns) goes.
      .filter((reference) => reference.via !== 'FOREIGN_KEY' || label === Label.Field)
  );
}

/** REFERENCED, naming what the entity contains and what uses it. */
function referencedError(
  label: Label,
  key: string,
  organisation: string,
  children: GraphNodeRow[],
  references: ReferenceRow[],
): InventoryError {
  const parts: string[] = [];
  if (children.length > 0) {
    const direct = new Map<string, string[]>();
    const deeper = new Map<string, number>();
    for (const child of children) {
      if (child.depth === 1) direct.set(NOUNS[child.label], [...(direct.get(NOUNS[child.label]) ?? []), child.key]);
      else deeper.set(NOUNS[child.label], (deeper.get(NOUNS[child.label]) ?? 0) + 1);
    }
    const below = [...deeper.entries()].map(([noun, count]) => `${count} ${noun}${count > 1 ? 's' : ''}`);
    parts.push(`contains ${grouped(direct, organisation)}${below.length ? ` (with ${below.join(' and ')})` : ''}`);
  }
  if (references.length > 0) {
    const users = new Map<string, string[]>();
    for (const reference of references) {
      const [noun, who] =
        reference.type !== Rel.FEEDS
          ? [NOUNS[inventoryLabelOf(reference.labels)], reference.key]
          : reference.via === 'FOREIGN_KEY'
            ? ['foreign key', `${reference.fkDataset ?? '?'}.${reference.reference ?? '(unnamed)'}`]
            : [NOUNS[Label.DataFlow], reference.flow ?? reference.key];
      users.set(noun, [...(users.get(noun) ?? []), who]);
    }
    parts.push(`is used by ${grouped(users, organisation)}`);
  }
  const name = quote(key.startsWith(`${organisation}:`) ? key.slice(organisation.length + 1) : key);
  return new InventoryError(
    InventoryErrorCode.REFERENCED,
    `${label} ${name} ${parts.join(' and ')}; pass cascade: true`,
  );
}

/** Flows that would lose an end: they go too. */
async function orphanFlows(tx: ManagedTransaction, ids: string[]): Promise<GraphNodeRow[]> {
  return (
    await tx.run(
      `MATCH (f:${Label.DataFlow})-[:${Rel.FLOWS_FROM}|${Rel.FLOWS_TO}]->(y)
       WHERE elementId(y) IN $ids AND NOT elementId(f) IN $ids
       RETURN DISTINCT elementId(f) AS id, f.key AS key, f.organisation AS organisation, f.department AS department`,
      { ids },
    )
  ).records.map((record): GraphNodeRow => ({
    ...(record.toObject() as Omit<GraphNodeRow, 'label' | 'depth'>),
    label: Label.DataFlow,
    depth: 1,
  }));
}

/** A foreign key naming a deleted field as a column would no longer hold: it goes, with its lineage. */
async function dropForeignKeysOf(tx: ManagedTransaction, fieldKey: string): Promise<void> {
  await tx.run(
    `MATCH (d:${Label.Dataset})-[:${Rel.HAS_FIELD}]->(f:${Label.Field} {key: $key})
     MATCH (a:${Label.Dataset})-[r:${Rel.REFERENCES}]->(b:${Label.Dataset})
     WHERE (a = d AND f.name IN r.columns) OR (b = d AND f.name IN r.referencedColumns)
     OPTIONAL MATCH (b)-[:${Rel.HAS_FIELD}]->(:${Label.Field})-[l:${Rel.FEEDS} {via: 'FOREIGN_KEY'}]->(:${Label.Field})<-[:${Rel.HAS_FIELD}]-(a)
     WHERE coalesce(l.reference, '') = coalesce(r.name, '')
     WITH collect(DISTINCT r) AS foreignKeys, collect(DISTINCT l) AS lineage
     FOREACH (x IN lineage | DELETE x)
     FOREACH (x IN foreignKeys | DELETE x)`,
    { key: fieldKey },
  );
}

/**
 * Deletes an entity in the caller's write transaction. Without cascade, an entity that owns others
 * or that others reference is refused with REFERENCED naming them. With cascade, what it owns
 * (department → sources, activities; source → datasets → fields; stakeholders always) goes with
 * it, flows left without an end are deleted, and every other reference is detached.
 */
export async function deleteEntity(
  tx: ManagedTransaction,
  label: Label,
  key: string,
  options: DeleteOptions,
  authorize: Authorize,
): Promise<DeletionResult> {
  if (label === Label.Organisation || label === Label.Stakeholder) {
    throw fail(InventoryErrorCode.INVALID_INPUT, 'label', `${label} is not deleted on its own`);
  }
  await lockEntity(tx, label, key);
  const subtree = await subtreeOf(tx, label, key);
  const organisation = subtree[0].organisation;
  const ids = subtree.map((node) => node.id);
  const references = await referencesInto(tx, ids, label);
  const children = subtree.filter((node) => node.depth > 0 && node.label !== Label.Stakeholder);
  if (!options.cascade && (children.length > 0 || references.length > 0)) {
    throw referencedError(label, key, organisation, children, references);
  }
  const doomed = [...subtree, ...(await orphanFlows(tx, ids))];
  for (const node of doomed) {
    if (node.label === Label.Stakeholder) continue;
    authorize({
      action: 'delete',
      label: node.label,
      current: target(node.label, node.key, node.organisation, node.department ?? null),
    });
  }
  if (label === Label.Field) await dropForeignKeysOf(tx, key);
  const flowKeys = doomed.filter((node) => node.label === Label.DataFlow).map((node) => node.key);
  if (flowKeys.length > 0) {
    await tx.run(`MATCH ()-[r:${Rel.FEEDS}]->() WHERE r.flow IN $flowKeys DELETE r`, { flowKeys });
  }
  await tx.run('MATCH (n) WHERE elementId(n) IN $ids DETACH DELETE n', { ids: doomed.map((node) => node.id) });
  return {
    label,
    key,
    organisation,
    deleted: doomed
      .map((node) => ({ label: node.label, key: node.key }))
      .sort((a, b) => (a.key === b.key ? a.label.localeCompare(b.label) : a.key < b.key ? -1 : 1)),
  };
}
