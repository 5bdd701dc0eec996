import type { ManagedTransaction } from 'neo4j-driver';
import { fieldLocalKey, graphKey } from '../format/inventory-compiler.js';
import type { DatasetDoc, FieldDoc, FlowDoc, SourceDoc } from '../format/inventory-document.js';
import { InventoryErrorCode, notFoundError, quote } from '../inventory.errors.js';
import { Label, Rel } from '../model/labels.js';
import { revisionOf } from '../model/revision.js';
import {
  compactDoc,
  type Declared,
  flowsLeaving,
  readFlows,
  readSource,
  sourceOfDataset,
} from '../query/inventory-declarations.js';
import {
  assertAbsent,
  createInOrganisation,
  changedFields,
  checkRevision,
  fail,
  headerOf,
  localOf,
  lockEntity,
  lockNodes,
  merge,
  pruneStakeholders,
  target,
  withoutUndefined,
  writeDocument,
} from './command-support.js';
import type {
  Authorize,
  CommandResult,
  CreateDataSourceCommand,
  CreateDatasetCommand,
  CreateFieldCommand,
  UpdateDataSourceCommand,
  UpdateDatasetCommand,
  UpdateFieldCommand,
} from './inventory-command.types.js';

/** Commands on data sources, their datasets and the datasets' fields. */

export async function createDataSource(
  tx: ManagedTransaction,
  command: CreateDataSourceCommand,
  authorize: Authorize,
): Promise<CommandResult> {
  const department = localOf(command.department, 'input.department');
  const organisation = department.organisation;
  const doc = compactDoc({
    ...command,
    department: department.local,
    servers: command.servers?.map((server, i) => localOf(server, `input.servers[${i}]`, organisation).local),
  }) as SourceDoc;
  return createInOrganisation(
    tx,
    {
      label: Label.DataSource,
      organisation,
      local: doc.key,
      keySpace: [Label.DataSource, Label.Dataset],
      noun: 'data source or dataset',
      department: doc.department,
      at: 'sources[0]',
      document: (header) => ({ version: 1, organisation: header, sources: [doc] }),
      after: doc,
    },
    authorize,
  );
}

export async function updateDataSource(
  tx: ManagedTransaction,
  key: string,
  changes: UpdateDataSourceCommand,
  authorize: Authorize,
  expectedRevision?: string | null,
): Promise<CommandResult> {
  const organisation = await lockEntity(tx, Label.DataSource, key);
  const current = (await readSource(tx, key))!;
  const org = await headerOf(tx, organisation);
  const local = withoutUndefined({
    ...changes,
    department:
      changes.department === undefined || changes.department === null
        ? changes.department
        : localOf(changes.department, 'input.department', organisation).local,
    servers:
      changes.servers?.map((server, i) => localOf(server, `input.servers[${i}]`, organisation).local) ??
      changes.servers,
  });
  let next = merge(current.doc, local);
  const moved = next.department !== current.doc.department;
  authorize({
    action: 'update',
    label: Label.DataSource,
    current: target(Label.DataSource, key, organisation, current.department),
    next: target(Label.DataSource, key, organisation, next.department),
    fields: changedFields(changes),
  });
  checkRevision(Label.DataSource, key, expectedRevision, current.revision);
  let flows: FlowDoc[] = [];
  if (moved) {
    // Datasets, fields, stakeholders and flows leaving the source carry its department: re-state them.
    const whole = (await readSource(tx, key, 'all'))!;
    next = { ...next, datasets: whole.doc.datasets };
    flows = (await readFlows(tx, await flowsLeaving(tx, Label.DataSource, key))).map((flow) => flow.doc);
  }
  const prune = changes.stakeholders !== undefined ? pruneStakeholders(Label.DataSource, key) : undefined;
  await writeDocument(
    tx,
    { version: 1, organisation: org, sources: [next], ...(flows.length ? { flows } : {}) },
    'sources[0]',
    prune,
  );
  const { datasets: _datasets, ...after } = next;
  return { label: Label.DataSource, key, organisation, before: current.doc, after };
}

export async function createDataset(
  tx: ManagedTransaction,
  command: CreateDatasetCommand,
  authorize: Authorize,
): Promise<CommandResult> {
  const { source: sourceKey, ...rest } = command;
  const { organisation } = localOf(sourceKey, 'input.source');
  const doc = compactDoc({
    ...rest,
    references: rest.references?.map((reference, i) => ({
      ...reference,
      dataset: localOf(reference.dataset, `input.references[${i}].dataset`, organisation).local,
    })),
  }) as DatasetDoc;
  const key = graphKey(organisation, doc.key);
  await lockNodes(tx, organisation, { label: Label.DataSource, key: sourceKey });
  const source = await readSource(tx, sourceKey);
  if (!source) throw notFoundError(Label.DataSource, sourceKey);
  await assertAbsent(
    tx,
    key,
    [Label.DataSource, Label.Dataset],
    `data source or dataset ${quote(doc.key)}`,
    organisation,
  );
  const org = await headerOf(tx, organisation);
  authorize({
    action: 'create',
    label: Label.Dataset,
    next: target(Label.Dataset, key, organisation, source.department),
  });
  await writeDocument(
    tx,
    { version: 1, organisation: org, sources: [{ ...source.doc, datasets: [doc] }] },
    'sources[0].datasets[0]',
  );
  return { label: Label.Dataset, key, organisation, before: null, after: { source: source.doc.key, ...doc } };
}

export async function updateDataset(
  tx: ManagedTransaction,
  key: string,
  changes: UpdateDatasetCommand,
  authorize: Authorize,
  expectedRevision?: string | null,
): Promise<CommandResult> {
  const { organisation } = localOf(key, 'key');
  const newSourceKey = changes.source ?? undefined;
  if (newSourceKey !== undefined) localOf(newSourceKey, 'input.source', organisation);
  await lockEntity(tx, Label.Dataset, key);
  const sourceKey = await sourceOfDataset(tx, key);
  if (!sourceKey) throw notFoundError(Label.Dataset, key);
  const source = (await readSource(tx, sourceKey, [key]))!;
  const targetSource = newSourceKey && newSourceKey !== sourceKey ? await readSource(tx, newSourceKey) : source;
  if (!targetSource) throw notFoundError(Label.DataSource, newSourceKey!);
  const leaving =
    targetSource.department !== source.department
      ? await readFlows(tx, await flowsLeaving(tx, Label.Dataset, key))
      : [];
  const org = await headerOf(tx, organisation);
  const current = source.doc.datasets![0];
  const { source: _source, ...members } = changes;
  const local = withoutUndefined({
    ...members,
    references:
      members.references?.map((reference, i) => ({
        ...reference,
        dataset: localOf(reference.dataset, `input.references[${i}].dataset`, organisation).local,
      })) ?? members.references,
  });
  const next = merge(current, local);
  authorize({
    action: 'update',
    label: Label.Dataset,
    current: target(Label.Dataset, key, organisation, source.department),
    next: target(Label.Dataset, key, organisation, targetSource.department),
    fields: changedFields(changes),
  });
  const { fields: _before, ...before } = current;
  checkRevision(Label.Dataset, key, expectedRevision, revisionOf(before));
  const { datasets: _datasets, ...restated } = targetSource.doc;
  const flows = leaving.map((flow) => flow.doc);
  await writeDocument(
    tx,
    {
      version: 1,
      organisation: org,
      sources: [{ ...restated, datasets: [next] }],
      ...(flows.length ? { flows } : {}),
    },
    'sources[0].datasets[0]',
  );
  const { fields: _after, ...after } = next;
  return {
    label: Label.Dataset,
    key,
    organisation,
    before: { source: source.doc.key, ...before },
    after: { source: restated.key, ...after },
  };
}

/** A dataset's source, declared with that dataset (and its fields and references) only. */
async function datasetSource(tx: ManagedTransaction, datasetKey: string): Promise<Declared<SourceDoc>> {
  const sourceKey = await sourceOfDataset(tx, datasetKey);
  if (!sourceKey) throw notFoundError(Label.Dataset, datasetKey);
  return (await readSource(tx, sourceKey, [datasetKey]))!;
}

export async function createField(
  tx: ManagedTransaction,
  command: CreateFieldCommand,
  authorize: Authorize,
): Promise<CommandResult> {
  const { dataset: datasetKey, ...rest } = command;
  const { organisation, local: datasetLocal } = localOf(datasetKey, 'input.dataset');
  const doc = compactDoc(rest as FieldDoc);
  const key = graphKey(organisation, fieldLocalKey(datasetLocal, doc.name));
  await lockEntity(tx, Label.Dataset, datasetKey);
  const source = await datasetSource(tx, datasetKey);
  const org = await headerOf(tx, organisation);
  const dataset = source.doc.datasets![0];
  if ((dataset.fields ?? []).some((field) => field.name === doc.name)) {
    throw fail(
      InventoryErrorCode.DUPLICATE_KEY,
      'input.name',
      `dataset ${quote(datasetLocal)} already has a field ${quote(doc.name)}`,
    );
  }
  authorize({ action: 'create', label: Label.Field, next: target(Label.Field, key, organisation, source.department) });
  const fields = [...(dataset.fields ?? []), doc];
  await writeDocument(
    tx,
    { version: 1, organisation: org, sources: [{ ...source.doc, datasets: [{ ...dataset, fields }] }] },
    `sources[0].datasets[0].fields[${fields.length - 1}]`,
  );
  return { label: Label.Field, key, organisation, before: null, after: { dataset: datasetLocal, ...doc } };
}

export async function updateField(
  tx: ManagedTransaction,
  key: string,
  changes: UpdateFieldCommand,
  authorize: Authorize,
  expectedRevision?: string | null,
): Promise<CommandResult> {
  const organisation = await lockEntity(tx, Label.Field, key);
  const result = await tx.run(
    `MATCH (d:${Label.Dataset})-[:${Rel.HAS_FIELD}]->(:${Label.Field} {key: $key}) RETURN d.key AS key`,
    { key },
  );
  const datasetKey = result.records[0]?.get('key') as string | undefined;
  if (!datasetKey) throw notFoundError(Label.Field, key);
  const source = await datasetSource(tx, datasetKey);
  const org = await headerOf(tx, organisation);
  const dataset = source.doc.datasets![0];
  const fields = dataset.fields ?? [];
  const index = fields.findIndex((field) => graphKey(organisation, fieldLocalKey(dataset.key, field.name)) === key);
  if (index < 0) throw notFoundError(Label.Field, key);
  const next = merge(fields[index], withoutUndefined({ ...changes, name: undefined }));
  const it = target(Label.Field, key, organisation, source.department);
  authorize({ action: 'update', label: Label.Field, current: it, next: it, fields: changedFields(changes) });
  checkRevision(Label.Field, key, expectedRevision, revisionOf(fields[index]));
  const updated = fields.map((field, i) => (i === index ? next : field));
  await writeDocument(
    tx,
    { version: 1, organisation: org, sources: [{ ...source.doc, datasets: [{ ...dataset, fields: updated }] }] },
    `sources[0].datasets[0].fields[${index}]`,
  );
  return {
    label: Label.Field,
    key,
    organisation,
    before: { dataset: dataset.key, ...fields[index] },
    after: { dataset: dataset.key, ...next },
  };
}
