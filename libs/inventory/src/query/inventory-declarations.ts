import { plainProps } from '@cartographer/graph';
import type { ManagedTransaction } from 'neo4j-driver';
import type {
  DatasetDoc,
  DepartmentDoc,
  FieldDoc,
  FlowDoc,
  InventoryDocument,
  OrganisationDoc,
  ProcessingActivityDoc,
  RecipientDoc,
  ReferenceDoc,
  ServerDoc,
  SourceDoc,
  StakeholderDoc,
  TransferDoc,
} from '../format/inventory-document.js';
import { InventoryError, InventoryErrorCode } from '../inventory.errors.js';
import { type InventoryLabel, Label, Rel } from '../model/labels.js';
import {
  ACTIVITY,
  DATASET,
  FEASIBILITY,
  DEPARTMENT,
  FIELD,
  FLOW,
  ORGANISATION,
  RECIPIENT,
  REFERENCE,
  SERVER,
  SOURCE,
  STAKEHOLDER,
  TRANSFER,
} from '../model/declarations.js';
import { revisionOf } from '../model/revision.js';
import { compactDoc, decodeMembers } from '../model/storage.js';

/**
 * The one reader of declarations: entities read back from the graph in the import format, for an
 * organisation or a set of keys. Export assembles a whole document from it, commands read what
 * they change through it (a declaration re-imported as read leaves the graph unchanged), and the
 * API takes each entity's revision from it.
 */
type Props = Record<string, unknown>;

/** Which entities to read: those of one organisation, or those with these graph keys. */
export type DeclarationScope = { readonly organisation: string } | { readonly keys: readonly string[] };

/** One entity's declaration, with where it belongs and its optimistic-concurrency token. */
export interface Declared<T> {
  /** Graph key. */
  key: string;
  organisation: string;
  /** Local key of the owning department (null for organisation-level entities). */
  department: string | null;
  doc: T;
  /** `revisionOf` the entity's own declaration: a source without its datasets, a dataset without its fields. */
  revision: string;
}

export { compactDoc };

function declared<T extends object>(
  node: Props,
  doc: T,
  department: string | null,
  own: (doc: T) => unknown = (d) => d,
): Declared<T> {
  return {
    key: node.key as string,
    organisation: node.organisation as string,
    department,
    doc,
    revision: revisionOf(own(doc)),
  };
}

/** `MATCH` of `alias` in the scope, with its parameters. */
function scoped(alias: string, label: Label, scope: DeclarationScope): { match: string; params: Props } {
  return 'organisation' in scope
    ? {
        match: `MATCH (${alias}:${label} {organisation: $scopeOrganisation})`,
        params: { scopeOrganisation: scope.organisation },
      }
    : {
        match: `UNWIND $scopeKeys AS scopeKey MATCH (${alias}:${label} {key: scopeKey})`,
        params: { scopeKeys: [...new Set(scope.keys)] },
      };
}

async function rows(tx: ManagedTransaction, cypher: string, params: Props): Promise<Props[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((record) => plainProps(record.toObject() as Props));
}

const local = (organisation: string, key: string) => key.slice(organisation.length + 1);
const byText = (a: string, b: string) => a.localeCompare(b);

function stakeholders(list: Props[] | undefined): StakeholderDoc[] | undefined {
  const out = (list ?? [])
    .map(decodeStakeholder)
    .sort((a, b) => `${a.role}${a.name}`.localeCompare(`${b.role}${b.name}`));
  return out.length > 0 ? out : undefined;
}

/*
 * The decode mapping, one function per label, read off the entity declarations: a node's
 * properties (and, from the reader, the members its relationships hold) to its declaration in
 * the import format. The reader and the API's items both decode through these.
 */

export const decodeOrganisation = (o: Props): OrganisationDoc => decodeMembers(ORGANISATION, o);

export const decodeDepartment = (d: Props, related: { stakeholders?: Props[] } = {}): DepartmentDoc =>
  decodeMembers(DEPARTMENT, d, { stakeholders: stakeholders(related.stakeholders) });

export const decodeStakeholder = (s: Props): StakeholderDoc => decodeMembers(STAKEHOLDER, s);
export const decodeServer = (s: Props): ServerDoc => decodeMembers(SERVER, s);
export const decodeRecipient = (r: Props): RecipientDoc => decodeMembers(RECIPIENT, r);
export const decodeField = (f: Props): FieldDoc => decodeMembers(FIELD, f);

export function decodeSource(
  s: Props,
  related: { servers?: string[]; stakeholders?: Props[]; datasets?: DatasetDoc[] } = {},
): SourceDoc {
  return decodeMembers(SOURCE, s, {
    servers: related.servers ? [...related.servers].sort() : undefined,
    stakeholders: stakeholders(related.stakeholders),
    datasets: related.datasets,
  });
}

export function decodeDataset(d: Props, related: { fields?: Props[]; references?: Props[] } = {}): DatasetDoc {
  const organisation = d.organisation as string;
  return decodeMembers(DATASET, d, {
    fields: related.fields?.map(decodeField),
    references: related.references?.map((r): ReferenceDoc =>
      decodeMembers(REFERENCE, r, { dataset: local(organisation, r.dataset as string) }),
    ),
  });
}

export function decodeActivity(
  a: Props,
  related: { recipients?: string[]; transfers?: Props[]; datasets?: string[]; fields?: string[] } = {},
): ProcessingActivityDoc {
  const organisation = a.organisation as string;
  return decodeMembers(ACTIVITY, a, {
    recipients: related.recipients ? [...related.recipients].sort() : undefined,
    transfers: related.transfers
      ?.map((t): TransferDoc => decodeMembers(TRANSFER, t, { recipient: t.recipient }))
      .sort((x, y) => byText(`${x.recipient}|${x.country}`, `${y.recipient}|${y.country}`)),
    datasets: related.datasets ? [...related.datasets].sort() : undefined,
    fields: related.fields?.map((f) => local(organisation, f)).sort(),
  });
}

export function decodeFlow(f: Props, related: { fields?: { from: string; to: string }[] } = {}): FlowDoc {
  const organisation = f.organisation as string;
  return decodeMembers(FLOW, f, {
    fields: related.fields
      ?.map((m) => ({ from: local(organisation, m.from), to: local(organisation, m.to) }))
      .sort((x, y) => byText(`${x.from}|${x.to}`, `${y.from}|${y.to}`)),
  });
}

const NODE_DECODERS: Readonly<Record<InventoryLabel, (node: Props) => object>> = {
  [Label.Organisation]: decodeOrganisation,
  [Label.Department]: (node) => decodeDepartment(node),
  [Label.Stakeholder]: decodeStakeholder,
  [Label.Server]: decodeServer,
  [Label.Recipient]: decodeRecipient,
  [Label.DataSource]: (node) => decodeSource(node),
  [Label.Dataset]: (node) => decodeDataset(node),
  [Label.Field]: decodeField,
  [Label.ProcessingActivity]: (node) => decodeActivity(node),
  [Label.DataFlow]: (node) => decodeFlow(node),
};

/** A node's own members (its properties, not its relationships) in the import format. */
export function decodeNode(label: Label, props: Props): Record<string, unknown> {
  return NODE_DECODERS[declaredLabel(label)](props) as Record<string, unknown>;
}

// ---------------------------------------------------------------- organisation-level entities

export async function readOrganisations(
  tx: ManagedTransaction,
  keys: readonly string[],
): Promise<Declared<OrganisationDoc>[]> {
  const { match, params } = scoped('o', Label.Organisation, { keys });
  const found = await rows(tx, `${match} RETURN properties(o) AS o ORDER BY o.key`, params);
  return found.map((row) => declared(row.o as Props, decodeOrganisation(row.o as Props), null));
}

export async function readOrganisation(tx: ManagedTransaction, key: string): Promise<OrganisationDoc | null> {
  const [found] = await readOrganisations(tx, [key]);
  return found?.doc ?? null;
}

/** The plan and the needs an organisation declared (JSON properties of its node), or null for an unknown organisation. */
export async function readFeasibility(
  tx: ManagedTransaction,
  organisation: string,
): Promise<Pick<InventoryDocument, 'plan' | 'needs'> | null> {
  const [found] = await rows(
    tx,
    `MATCH (o:${Label.Organisation} {key: $organisation}) RETURN o.plan AS plan, o.needs AS needs`,
    { organisation },
  );
  return found ? decodeMembers(FEASIBILITY, found) : null;
}

export async function readDepartments(
  tx: ManagedTransaction,
  scope: DeclarationScope,
): Promise<Declared<DepartmentDoc>[]> {
  const { match, params } = scoped('d', Label.Department, scope);
  const found = await rows(
    tx,
    `${match}
     OPTIONAL MATCH (d)-[:${Rel.HAS_STAKEHOLDER}]->(s:${Label.Stakeholder})
     WITH d, collect(properties(s)) AS stakeholders
     RETURN properties(d) AS d, stakeholders ORDER BY d.key`,
    params,
  );
  return found.map((row) => {
    const d = row.d as Props;
    return declared(d, decodeDepartment(d, { stakeholders: row.stakeholders as Props[] }), d.localKey as string);
  });
}

export async function readStakeholders(
  tx: ManagedTransaction,
  scope: DeclarationScope,
): Promise<Declared<StakeholderDoc>[]> {
  const { match, params } = scoped('s', Label.Stakeholder, scope);
  const found = await rows(tx, `${match} RETURN properties(s) AS s ORDER BY s.key`, params);
  return found.map((row) => {
    const s = row.s as Props;
    return declared(s, decodeStakeholder(s), (s.department as string | null) ?? null);
  });
}

export async function readServers(tx: ManagedTransaction, scope: DeclarationScope): Promise<Declared<ServerDoc>[]> {
  const { match, params } = scoped('s', Label.Server, scope);
  const found = await rows(tx, `${match} RETURN properties(s) AS s ORDER BY s.key`, params);
  return found.map((row) => {
    return declared(row.s as Props, decodeServer(row.s as Props), null);
  });
}

export async function readRecipients(
  tx: ManagedTransaction,
  scope: DeclarationScope,
): Promise<Declared<RecipientDoc>[]> {
  const { match, params } = scoped('r', Label.Recipient, scope);
  const found = await rows(tx, `${match} RETURN properties(r) AS r ORDER BY r.key`, params);
  return found.map((row) => {
    return declared(row.r as Props, decodeRecipient(row.r as Props), null);
  });
}

export async function readServer(tx: ManagedTransaction, key: string): Promise<Declared<ServerDoc> | null> {
  return (await readServers(tx, { keys: [key] }))[0] ?? null;
}

export async function readRecipient(tx: ManagedTransaction, key: string): Promise<Declared<RecipientDoc> | null> {
  return (await readRecipients(tx, { keys: [key] }))[0] ?? null;
}

export async function readDepartment(tx: ManagedTransaction, key: string): Promise<Declared<DepartmentDoc> | null> {
  return (await readDepartments(tx, { keys: [key] }))[0] ?? null;
}

// ---------------------------------------------------------------- sources, datasets, fields

/** Which datasets of a source to read with it: none, all, or those keys (graph keys). */
export type DatasetSelection = 'none' | 'all' | readonly string[];

/** `names`: the datasets' fields carry their name only (readers that need no more, e.g. the compliance facts). */
export type FieldProjection = 'all' | 'names';

export async function readSources(
  tx: ManagedTransaction,
  scope: DeclarationScope,
  datasets: DatasetSelection = 'none',
  fields: FieldProjection = 'all',
): Promise<Declared<SourceDoc>[]> {
  const { match, params } = scoped('s', Label.DataSource, scope);
  const found = await rows(
    tx,
    `${match}
     OPTIONAL MATCH (s)-[:${Rel.HOSTED_ON}]->(h:${Label.Server})
     WITH s, collect(DISTINCT h.localKey) AS servers
     OPTIONAL MATCH (s)-[:${Rel.HAS_STAKEHOLDER}]->(st:${Label.Stakeholder})
     WITH s, servers, collect(properties(st)) AS stakeholders
     RETURN properties(s) AS s, servers, stakeholders ORDER BY s.key`,
    params,
  );
  const contained = new Map<string, DatasetDoc[]>();
  if (datasets !== 'none' && found.length > 0) {
    const sourceKeys = found.map((row) => (row.s as Props).key as string);
    for (const dataset of await readDatasetsOf(tx, sourceKeys, datasets, fields)) {
      const list = contained.get(dataset.sourceKey!) ?? [];
      list.push(dataset.declared.doc);
      contained.set(dataset.sourceKey!, list);
    }
  }
  return found.map((row) => {
    const s = row.s as Props;
    const doc = decodeSource(s, {
      servers: row.servers as string[],
      stakeholders: row.stakeholders as Props[],
      datasets: contained.get(s.key as string),
    });
    return declared(s, doc, s.department as string, ({ datasets: _datasets, ...own }) => own);
  });
}

export async function readSource(
  tx: ManagedTransaction,
  key: string,
  datasets: DatasetSelection = 'none',
): Promise<Declared<SourceDoc> | null> {
  return (await readSources(tx, { keys: [key] }, datasets))[0] ?? null;
}

interface DatasetRow {
  sourceKey: string | null;
  declared: Declared<DatasetDoc>;
}

/** The rest of a dataset read: its fields (none for a revision, names only, or all) and references. */
const datasetReturn = (fields: FieldProjection | 'none') => `${
  fields === 'none'
    ? 'WITH s, d, [] AS fields'
    : `OPTIONAL MATCH (d)-[:${Rel.HAS_FIELD}]->(f:${Label.Field})
     WITH s, d, f ORDER BY f.key
     WITH s, d, collect(${fields === 'names' ? 'f.name' : 'properties(f)'}) AS fields`
}
     OPTIONAL MATCH (d)-[r:${Rel.REFERENCES}]->(t:${Label.Dataset})
     WITH s, d, fields, r, t ORDER BY t.key, r.name
     RETURN s.key AS sourceKey, properties(d) AS d, fields,
            collect(CASE WHEN r IS NULL THEN NULL ELSE {name: r.name, columns: r.columns, dataset: t.key, referencedColumns: r.referencedColumns} END) AS references
     ORDER BY d.key`;

function datasetOf(row: Props, withFields: boolean, projection: FieldProjection = 'all'): DatasetRow {
  const d = row.d as Props;
  // `names`: the query returns the names as a plain list (no map per field to send and decode).
  const fields = !withFields
    ? undefined
    : projection === 'names'
      ? (row.fields as (string | null)[]).map((name): Props => (name === null ? {} : { name }))
      : (row.fields as Props[]);
  const doc = decodeDataset(d, {
    fields,
    references: row.references as Props[],
  });
  return {
    sourceKey: (row.sourceKey as string | null) ?? null,
    declared: declared(d, doc, d.department as string, ({ fields: _fields, ...own }) => own),
  };
}

async function readDatasetsOf(
  tx: ManagedTransaction,
  sources: readonly string[],
  selection: 'all' | readonly string[],
  fields: FieldProjection,
): Promise<DatasetRow[]> {
  const found = await rows(
    tx,
    `UNWIND $sources AS sourceKey
     MATCH (s:${Label.DataSource} {key: sourceKey})-[:${Rel.CONTAINS}]->(d:${Label.Dataset})
     WHERE $all OR d.key IN $keys
     ${datasetReturn(fields)}`,
    { sources: [...sources], all: selection === 'all', keys: selection === 'all' ? [] : [...selection] },
  );
  return found.map((row) => datasetOf(row, true, fields));
}

/**
 * The datasets (with their fields) of several sources (graph keys) in one query, by source key;
 * sources without datasets are absent. The caller bounds the batch (see `countSourceFields`).
 */
export async function readSourcesDatasets(
  tx: ManagedTransaction,
  sources: readonly string[],
  fields: FieldProjection = 'all',
): Promise<Map<string, DatasetDoc[]>> {
  const out = new Map<string, DatasetDoc[]>();
  if (sources.length === 0) return out;
  for (const dataset of await readDatasetsOf(tx, sources, 'all', fields)) {
    let list = out.get(dataset.sourceKey!);
    if (!list) out.set(dataset.sourceKey!, (list = []));
    list.push(dataset.declared.doc);
  }
  return out;
}

/** The number of fields of each source (graph keys; relationship degrees, no field is read). */
export async function countSourceFields(
  tx: ManagedTransaction,
  sources: readonly string[],
): Promise<Map<string, number>> {
  const found = await rows(
    tx,
    `UNWIND $sources AS sourceKey
     MATCH (s:${Label.DataSource} {key: sourceKey})
     OPTIONAL MATCH (s)-[:${Rel.CONTAINS}]->(d:${Label.Dataset})
     WITH s, d, COUNT { (d)-[:${Rel.HAS_FIELD}]->() } AS fields
     RETURN s.key AS source, sum(fields) AS fields`,
    { sources: [...sources] },
  );
  return new Map(found.map((row) => [row.source as string, row.fields as number]));
}

/** Datasets with their references, and their fields when `fields` is set; `source` is the source's graph key. */
export async function readDatasets(
  tx: ManagedTransaction,
  scope: DeclarationScope,
  options: { fields?: boolean } = {},
): Promise<(Declared<DatasetDoc> & { source: string | null })[]> {
  const { match, params } = scoped('d', Label.Dataset, scope);
  const found = await rows(
    tx,
    `${match} OPTIONAL MATCH (s:${Label.DataSource})-[:${Rel.CONTAINS}]->(d) ${datasetReturn(options.fields ? 'all' : 'none')}`,
    params,
  );
  return found.map((row) => {
    const { sourceKey, declared: dataset } = datasetOf(row, options.fields ?? false);
    return { ...dataset, source: sourceKey };
  });
}

export async function readFields(tx: ManagedTransaction, scope: DeclarationScope): Promise<Declared<FieldDoc>[]> {
  const { match, params } = scoped('f', Label.Field, scope);
  const found = await rows(tx, `${match} RETURN properties(f) AS f ORDER BY f.key`, params);
  return found.map((row) =>
    declared(row.f as Props, decodeField(row.f as Props), (row.f as Props).department as string),
  );
}

/** The data source containing a dataset (graph key), or null. */
export async function sourceOfDataset(tx: ManagedTransaction, dataset: string): Promise<string | null> {
  const [row] = await rows(
    tx,
    `MATCH (s:${Label.DataSource})-[:${Rel.CONTAINS}]->(:${Label.Dataset} {key: $dataset}) RETURN s.key AS key`,
    { dataset },
  );
  return row ? (row.key as string) : null;
}

// ---------------------------------------------------------------- activities and flows

export async function readActivities(
  tx: ManagedTransaction,
  scope: DeclarationScope,
): Promise<Declared<ProcessingActivityDoc>[]> {
  const { match, params } = scoped('a', Label.ProcessingActivity, scope);
  const found = await rows(
    tx,
    `${match}
     OPTIONAL MATCH (a)-[:${Rel.DISCLOSES_TO}]->(r:${Label.Recipient})
     WITH a, collect(DISTINCT r.localKey) AS recipients
     OPTIONAL MATCH (a)-[t:${Rel.TRANSFERS_TO}]->(tr:${Label.Recipient})
     WITH a, recipients, collect(CASE WHEN t IS NULL THEN NULL ELSE {recipient: tr.localKey, country: t.country, safeguard: t.safeguard, documentation: t.documentation} END) AS transfers
     OPTIONAL MATCH (a)-[:${Rel.USES}]->(d:${Label.Dataset})
     WITH a, recipients, transfers, collect(DISTINCT d.localKey) AS datasets
     OPTIONAL MATCH (a)-[:${Rel.USES}]->(f:${Label.Field})
     WITH a, recipients, transfers, datasets, collect(DISTINCT f.key) AS fields
     RETURN properties(a) AS a, recipients, transfers, datasets, fields ORDER BY a.key`,
    params,
  );
  return found.map((row) => {
    const a = row.a as Props;
    const doc = decodeActivity(a, {
      recipients: row.recipients as string[],
      transfers: row.transfers as Props[],
      datasets: row.datasets as string[],
      fields: row.fields as string[],
    });
    return declared(a, doc, a.department as string);
  });
}

export async function readActivity(
  tx: ManagedTransaction,
  key: string,
): Promise<Declared<ProcessingActivityDoc> | null> {
  return (await readActivities(tx, { keys: [key] }))[0] ?? null;
}

export async function readFlowDeclarations(
  tx: ManagedTransaction,
  scope: DeclarationScope,
): Promise<Declared<FlowDoc>[]> {
  const { match, params } = scoped('f', Label.DataFlow, scope);
  const found = await rows(
    tx,
    `${match}
     OPTIONAL MATCH (a:${Label.Field})-[r:${Rel.FEEDS} {flow: f.key}]->(b:${Label.Field})
     WITH f, collect(CASE WHEN r IS NULL THEN NULL ELSE {from: a.key, to: b.key} END) AS fields
     RETURN properties(f) AS f, fields ORDER BY f.key`,
    params,
  );
  return found.map((row) => {
    const f = row.f as Props;
    const doc = decodeFlow(f, { fields: row.fields as { from: string; to: string }[] });
    return declared(f, doc, (f.department as string | null) ?? null);
  });
}

export async function readFlows(tx: ManagedTransaction, keys: readonly string[]): Promise<Declared<FlowDoc>[]> {
  return keys.length === 0 ? [] : readFlowDeclarations(tx, { keys });
}

/** Flows leaving a data source or any of its datasets, or leaving one dataset (graph keys). */
export async function flowsLeaving(
  tx: ManagedTransaction,
  label: Label.DataSource | Label.Dataset,
  key: string,
): Promise<string[]> {
  const cypher =
    label === Label.DataSource
      ? `MATCH (s:${Label.DataSource} {key: $key})
         OPTIONAL MATCH (s)-[:${Rel.CONTAINS}]->(d:${Label.Dataset})
         WITH s, collect(d) AS datasets
         WITH [s] + datasets AS ends
         UNWIND ends AS e
         MATCH (f:${Label.DataFlow})-[:${Rel.FLOWS_FROM}]->(e)
         RETURN DISTINCT f.key AS key ORDER BY key`
      : `MATCH (f:${Label.DataFlow})-[:${Rel.FLOWS_FROM}]->(:${Label.Dataset} {key: $key}) RETURN DISTINCT f.key AS key ORDER BY key`;
  return (await rows(tx, cypher, { key })).map((row) => row.key as string);
}

/** Whether a node with this key exists under one of the labels. */
export async function existingLabels(tx: ManagedTransaction, key: string, labels: readonly Label[]): Promise<Label[]> {
  const found: Label[] = [];
  for (const label of labels) {
    const [row] = await rows(tx, `MATCH (n:${label} {key: $key}) RETURN count(n) AS n`, { key });
    if ((row.n as number) > 0) found.push(label);
  }
  return found;
}

// ---------------------------------------------------------------- by label

const READERS: Readonly<
  Record<InventoryLabel, (tx: ManagedTransaction, scope: DeclarationScope) => Promise<Declared<unknown>[]>>
> = {
  [Label.Organisation]: (tx, scope) =>
    readOrganisations(tx, 'organisation' in scope ? [scope.organisation] : scope.keys),
  [Label.Department]: readDepartments,
  [Label.Stakeholder]: readStakeholders,
  [Label.Server]: readServers,
  [Label.Recipient]: readRecipients,
  [Label.DataSource]: (tx, scope) => readSources(tx, scope),
  [Label.Dataset]: (tx, scope) => readDatasets(tx, scope),
  [Label.Field]: readFields,
  [Label.ProcessingActivity]: readActivities,
  [Label.DataFlow]: readFlowDeclarations,
};

/**
 * Labels whose declaration is their node's properties alone (no member held by a relationship):
 * their revision needs no other read. Kept in step with READERS above (a test compares the two).
 */
const OWN_PROPERTY_LABELS: ReadonlySet<Label> = new Set([
  Label.Organisation,
  Label.Stakeholder,
  Label.Server,
  Label.Recipient,
  Label.Field,
]);

/** The revision of an entity from its node's properties, when they alone hold its declaration; else undefined. */
export function ownRevisionOf(label: Label, props: Props): string | undefined {
  return OWN_PROPERTY_LABELS.has(label) ? revisionOf(decodeNode(label, plainProps(props))) : undefined;
}

/** The declarations of one label in a scope, sorted by key (a source without datasets, a dataset without fields). */
export function readDeclarations(
  tx: ManagedTransaction,
  label: Label,
  scope: DeclarationScope,
): Promise<Declared<unknown>[]> {
  return READERS[declaredLabel(label)](tx, scope);
}

/** Findings hang off fields but are not declared entities: they have no declaration to read. */
function declaredLabel(label: Label): InventoryLabel {
  if (label === Label.Finding) {
    throw new InventoryError(InventoryErrorCode.INVALID_INPUT, 'a finding is not a declared inventory entity');
  }
  return label;
}
