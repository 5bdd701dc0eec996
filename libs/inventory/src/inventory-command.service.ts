import { Injectable } from '@nestjs/common';
import type { ManagedTransaction } from 'neo4j-driver';
import { Neo4jService } from '@cartographer/graph';
import { writeBatch } from './graph/batch-writer.js';
import { compileInventory, fieldLocalKey, graphKey } from './format/inventory-compiler.js';
import type {
  DatasetDoc,
  DepartmentDoc,
  FieldDoc,
  FlowDoc,
  InventoryDocument,
  OrganisationDoc,
  ProcessingActivityDoc,
  RecipientDoc,
  ServerDoc,
  SourceDoc,
} from './format/inventory-document.js';
import { exportInventory } from './format/inventory-exporter.js';
import { validateInventoryDocument } from './format/inventory-parser.js';
import { InventoryImportService } from './inventory-import.service.js';
import { InventoryError, InventoryErrorCode, type InventoryIssue, notFoundError, quote } from './inventory.errors.js';
import { Label, Rel } from './model/labels.js';
import { inventoryLabelOf } from './query/inventory-cypher.js';
import {
  compactDoc,
  type Declared,
  existingLabels,
  flowsLeaving,
  readActivity,
  readDepartment,
  readFlows,
  readOrganisation,
  readRecipient,
  readServer,
  readSource,
  sourceOfDataset,
} from './query/inventory-declarations.js';

/*
 * Commands take the import format's members, except that every reference to an existing entity is
 * its graph key (`<organisation>:<key>`, `<organisation>:<dataset>/<field>` for a field), as the
 * API returns them. A new entity belongs to its parent's organisation (or to the given one for
 * entities hanging off the organisation); every reference must be in that same organisation.
 */
export type CreateOrganisationCommand = OrganisationDoc;
export type CreateDepartmentCommand = DepartmentDoc & { organisation: string };
export type CreateServerCommand = ServerDoc & { organisation: string };
export type CreateRecipientCommand = RecipientDoc & { organisation: string };
export type CreateDataSourceCommand = Omit<SourceDoc, 'datasets'>;
export type CreateDatasetCommand = DatasetDoc & { source: string };
export type CreateFieldCommand = FieldDoc & { dataset: string };
export type CreateProcessingActivityCommand = ProcessingActivityDoc;
export type CreateDataFlowCommand = Omit<FlowDoc, 'fields'> & { fields?: { from: string; to: string }[] };

/** An update: absent (undefined) members stay as they are, null clears an optional member. */
export type Changes<T> = { [K in keyof T]?: T[K] | null };

export type UpdateOrganisationCommand = Changes<Omit<OrganisationDoc, 'key'>>;
export type UpdateDepartmentCommand = Changes<Omit<DepartmentDoc, 'key'>>;
export type UpdateServerCommand = Changes<Omit<ServerDoc, 'key'>>;
export type UpdateRecipientCommand = Changes<Omit<RecipientDoc, 'key'>>;
export type UpdateDataSourceCommand = Changes<Omit<SourceDoc, 'key' | 'datasets'>>;
export type UpdateDatasetCommand = Changes<Omit<DatasetDoc, 'key' | 'fields'> & { source: string }>;
export type UpdateFieldCommand = Changes<Omit<FieldDoc, 'name'>>;
export type UpdateProcessingActivityCommand = Changes<Omit<ProcessingActivityDoc, 'key'>>;
export type UpdateDataFlowCommand = Changes<Omit<CreateDataFlowCommand, 'key'>>;

/** What a command is about to touch, for the caller's authorization check. */
export interface CommandTarget {
  label: Label;
  key: string;
  organisation: string;
  /** Local key of the owning department, for department-owned entities (null when unknown). */
  department: string | null;
}

export interface AuthorizationRequest {
  action: 'create' | 'update' | 'delete';
  label: Label;
  /** The entity as it is (update, delete). */
  current?: CommandTarget;
  /** The entity as it will be (create, update). */
  next?: CommandTarget;
  /** Members an update changes. */
  fields?: string[];
}

/**
 * Called once a command has read what it changes and before it writes anything; throws to refuse.
 * A delete calls it for every entity it would delete.
 */
export type Authorize = (request: AuthorizationRequest) => void;

export interface CommandResult {
  label: Label;
  key: string;
  organisation: string;
  /** The declaration before and after, in the import format (for the audit log). */
  before: unknown;
  after: unknown;
}

export interface DeletionResult {
  label: Label;
  key: string;
  organisation: string;
  /** Every node deleted: the entity, what it owned, and flows left without an end; sorted. */
  deleted: { label: Label; key: string }[];
}

export interface DeleteOptions {
  /** Also delete what the entity owns and what references it would leave dangling. */
  cascade?: boolean;
}

const allow: Authorize = () => undefined;

function fail(code: InventoryErrorCode, path: string, reason: string): InventoryError {
  return InventoryError.of(code, [{ path, reason }]);
}

/** The organisation and local part of a graph key, checked to belong to `organisation` when given. */
function localOf(key: string, path: string, organisation?: string): { organisation: string; local: string } {
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
function merge<T extends object>(current: T, changes: object): T {
  const out: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null) delete out[name];
    else out[name] = value;
  }
  return compactDoc(out) as T;
}

function changedFields(changes: object): string[] {
  return Object.entries(changes)
    .filter(([, value]) => value !== undefined)
    .map(([name]) => name)
    .sort();
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const target = (label: Label, key: string, organisation: string, department: string | null): CommandTarget => ({
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
  [Label.Finding]: 'finding',
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

/**
 * Create, update and delete of single inventory entities. Creates and updates build a minimal
 * document (the entity, with the declarations it needs re-stated as they are) and write it through
 * the import path, so validation, jurisdiction derivation, references and atomicity are those of a
 * file import. Deletes, which a document cannot express, run in one write transaction.
 */
@Injectable()
export class InventoryCommandService {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly importer: InventoryImportService,
  ) {}

  // ---------------------------------------------------------------- organisation

  async createOrganisation(command: CreateOrganisationCommand, authorize: Authorize = allow): Promise<CommandResult> {
    const doc = compactDoc(command);
    const exists = await this.neo4j.read((tx) => readOrganisation(tx, doc.key));
    if (exists)
      throw fail(InventoryErrorCode.DUPLICATE_KEY, 'input.key', `organisation ${quote(doc.key)} already exists`);
    authorize({
      action: 'create',
      label: Label.Organisation,
      next: target(Label.Organisation, doc.key, doc.key, null),
    });
    await this.apply({ version: 1, organisation: doc }, 'organisation');
    return { label: Label.Organisation, key: doc.key, organisation: doc.key, before: null, after: doc };
  }

  async updateOrganisation(
    key: string,
    changes: UpdateOrganisationCommand,
    authorize: Authorize = allow,
  ): Promise<CommandResult> {
    const current = await this.neo4j.read((tx) => readOrganisation(tx, key));
    if (!current) throw notFoundError(Label.Organisation, key);
    const next = merge(current, withoutUndefined({ ...changes, key: undefined }));
    const organisation = target(Label.Organisation, key, key, null);
    authorize({
      action: 'update',
      label: Label.Organisation,
      current: organisation,
      next: organisation,
      fields: changedFields(changes),
    });
    if ((next.sector ?? null) !== (current.sector ?? null)) {
      // The sector changes how every server, recipient and transfer country is classified: re-state them all.
      const whole = await exportInventory(this.neo4j, key);
      await this.apply({ ...whole, organisation: next }, 'organisation');
    } else {
      await this.apply({ version: 1, organisation: next }, 'organisation');
    }
    return { label: Label.Organisation, key, organisation: key, before: current, after: next };
  }

  /**
   * How a document's organisation header compares with the stored organisation: absent, or the
   * members it would change (none when the header re-states it), for an import's authorization.
   */
  async organisationHeaderChanges(header: OrganisationDoc): Promise<{ exists: boolean; changed: string[] }> {
    const current = await this.neo4j.read((tx) => readOrganisation(tx, header.key));
    if (!current) return { exists: false, changed: [] };
    const declared = compactDoc({ ...header, country: header.country?.toUpperCase() }) as unknown as Record<
      string,
      unknown
    >;
    const stored = current as unknown as Record<string, unknown>;
    const members = [...new Set([...Object.keys(declared), ...Object.keys(stored)])].filter((name) => name !== 'key');
    const changed = members
      .filter((name) => JSON.stringify(declared[name] ?? null) !== JSON.stringify(stored[name] ?? null))
      .sort();
    return { exists: true, changed };
  }

  // ---------------------------------------------------------------- department

  async createDepartment(command: CreateDepartmentCommand, authorize: Authorize = allow): Promise<CommandResult> {
    const { organisation, ...rest } = command;
    const doc = compactDoc(rest as DepartmentDoc);
    const key = graphKey(organisation, doc.key);
    const org = await this.neo4j.read(async (tx) => {
      const found = await readOrganisation(tx, organisation);
      if (!found) throw notFoundError(Label.Organisation, organisation);
      if ((await existingLabels(tx, key, [Label.Department])).length > 0) {
        throw fail(
          InventoryErrorCode.DUPLICATE_KEY,
          'input.key',
          `department ${quote(doc.key)} already exists in organisation ${quote(organisation)}`,
        );
      }
      return found;
    });
    authorize({
      action: 'create',
      label: Label.Department,
      next: target(Label.Department, key, organisation, doc.key),
    });
    await this.apply({ version: 1, organisation: org, departments: [doc] }, 'departments[0]');
    return { label: Label.Department, key, organisation, before: null, after: doc };
  }

  async updateDepartment(
    key: string,
    changes: UpdateDepartmentCommand,
    authorize: Authorize = allow,
  ): Promise<CommandResult> {
    const { current, org } = await this.readWithOrganisation(Label.Department, key, readDepartment);
    const next = merge(current.doc, changes);
    const it = target(Label.Department, key, current.organisation, current.department);
    authorize({ action: 'update', label: Label.Department, current: it, next: it, fields: changedFields(changes) });
    const prune = changes.stakeholders !== undefined ? this.pruneStakeholders(Label.Department, key) : undefined;
    await this.apply({ version: 1, organisation: org, departments: [next] }, 'departments[0]', prune);
    return { label: Label.Department, key, organisation: current.organisation, before: current.doc, after: next };
  }

  // ---------------------------------------------------------------- servers and recipients

  async createServer(command: CreateServerCommand, authorize: Authorize = allow): Promise<CommandResult> {
    const { organisation, ...rest } = command;
    const doc = compactDoc(rest as ServerDoc);
    const key = graphKey(organisation, doc.key);
    const org = await this.organisationFor(organisation, key, [Label.Server], `server ${quote(doc.key)}`);
    authorize({ action: 'create', label: Label.Server, next: target(Label.Server, key, organisation, null) });
    await this.apply({ version: 1, organisation: org, servers: [doc] }, 'servers[0]');
    return { label: Label.Server, key, organisation, before: null, after: doc };
  }

  async updateServer(key: string, changes: UpdateServerCommand, authorize: Authorize = allow): Promise<CommandResult> {
    const { current, org } = await this.readWithOrganisation(Label.Server, key, readServer);
    const next = merge(current.doc, changes);
    const it = target(Label.Server, key, current.organisation, null);
    authorize({ action: 'update', label: Label.Server, current: it, next: it, fields: changedFields(changes) });
    await this.apply({ version: 1, organisation: org, servers: [next] }, 'servers[0]');
    return { label: Label.Server, key, organisation: current.organisation, before: current.doc, after: next };
  }

  async createRecipient(command: CreateRecipientCommand, authorize: Authorize = allow): Promise<CommandResult> {
    const { organisation, ...rest } = command;
    const doc = compactDoc(rest as RecipientDoc);
    const key = graphKey(organisation, doc.key);
    const org = await this.organisationFor(organisation, key, [Label.Recipient], `recipient ${quote(doc.key)}`);
    authorize({ action: 'create', label: Label.Recipient, next: target(Label.Recipient, key, organisation, null) });
    await this.apply({ version: 1, organisation: org, recipients: [doc] }, 'recipients[0]');
    return { label: Label.Recipient, key, organisation, before: null, after: doc };
  }

  async updateRecipient(
    key: string,
    changes: UpdateRecipientCommand,
    authorize: Authorize = allow,
  ): Promise<CommandResult> {
    const { current, org } = await this.readWithOrganisation(Label.Recipient, key, readRecipient);
    const next = merge(current.doc, changes);
    const it = target(Label.Recipient, key, current.organisation, null);
    authorize({ action: 'update', label: Label.Recipient, current: it, next: it, fields: changedFields(changes) });
    await this.apply({ version: 1, organisation: org, recipients: [next] }, 'recipients[0]');
    return { label: Label.Recipient, key, organisation: current.organisation, before: current.doc, after: next };
  }

  // ---------------------------------------------------------------- data sources

  async createDataSource(command: CreateDataSourceCommand, authorize: Authorize = allow): Promise<CommandResult> {
    const department = localOf(command.department, 'input.department');
    const organisation = department.organisation;
    const doc = compactDoc({
      ...command,
      department: department.local,
      servers: command.servers?.map((server, i) => localOf(server, `input.servers[${i}]`, organisation).local),
    }) as SourceDoc;
    const key = graphKey(organisation, doc.key);
    const org = await this.organisationFor(
      organisation,
      key,
      [Label.DataSource, Label.Dataset],
      `data source or dataset ${quote(doc.key)}`,
    );
    authorize({
      action: 'create',
      label: Label.DataSource,
      next: target(Label.DataSource, key, organisation, doc.department),
    });
    await this.apply({ version: 1, organisation: org, sources: [doc] }, 'sources[0]');
    return { label: Label.DataSource, key, organisation, before: null, after: doc };
  }

  async updateDataSource(
    key: string,
    changes: UpdateDataSourceCommand,
    authorize: Authorize = allow,
  ): Promise<CommandResult> {
    const { current, org } = await this.readWithOrganisation(Label.DataSource, key, (tx, k) => readSource(tx, k));
    const organisation = current.organisation;
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
    let flows: FlowDoc[] = [];
    if (moved) {
      // Datasets, fields, stakeholders and flows leaving the source carry its department: re-state them.
      const { whole, leaving } = await this.neo4j.read(async (tx) => ({
        whole: (await readSource(tx, key, 'all'))!,
        leaving: await readFlows(tx, await flowsLeaving(tx, Label.DataSource, key)),
      }));
      next = { ...next, datasets: whole.doc.datasets };
      flows = leaving.map((flow) => flow.doc);
    }
    authorize({
      action: 'update',
      label: Label.DataSource,
      current: target(Label.DataSource, key, organisation, current.department),
      next: target(Label.DataSource, key, organisation, next.department),
      fields: changedFields(changes),
    });
    const prune = changes.stakeholders !== undefined ? this.pruneStakeholders(Label.DataSource, key) : undefined;
    await this.apply(
      { version: 1, organisation: org, sources: [next], ...(flows.length ? { flows } : {}) },
      'sources[0]',
      prune,
    );
    const { datasets: _datasets, ...after } = next;
    return { label: Label.DataSource, key, organisation, before: current.doc, after };
  }

  // ---------------------------------------------------------------- datasets

  async createDataset(command: CreateDatasetCommand, authorize: Authorize = allow): Promise<CommandResult> {
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
    const { source, org } = await this.neo4j.read(async (tx) => {
      const found = await readSource(tx, sourceKey);
      if (!found) throw notFoundError(Label.DataSource, sourceKey);
      if ((await existingLabels(tx, key, [Label.DataSource, Label.Dataset])).length > 0) {
        throw fail(
          InventoryErrorCode.DUPLICATE_KEY,
          'input.key',
          `data source or dataset ${quote(doc.key)} already exists in organisation ${quote(organisation)}`,
        );
      }
      return { source: found, org: (await readOrganisation(tx, organisation))! };
    });
    authorize({
      action: 'create',
      label: Label.Dataset,
      next: target(Label.Dataset, key, organisation, source.department),
    });
    await this.apply(
      { version: 1, organisation: org, sources: [{ ...source.doc, datasets: [doc] }] },
      'sources[0].datasets[0]',
    );
    return { label: Label.Dataset, key, organisation, before: null, after: { source: source.doc.key, ...doc } };
  }

  async updateDataset(
    key: string,
    changes: UpdateDatasetCommand,
    authorize: Authorize = allow,
  ): Promise<CommandResult> {
    const { organisation } = localOf(key, 'key');
    const newSourceKey = changes.source ?? undefined;
    if (newSourceKey !== undefined) localOf(newSourceKey, 'input.source', organisation);
    const state = await this.neo4j.read(async (tx) => {
      const sourceKey = await sourceOfDataset(tx, key);
      if (!sourceKey) throw notFoundError(Label.Dataset, key);
      const source = (await readSource(tx, sourceKey, [key]))!;
      const targetSource = newSourceKey && newSourceKey !== sourceKey ? await readSource(tx, newSourceKey) : source;
      if (!targetSource) throw notFoundError(Label.DataSource, newSourceKey!);
      const leaving =
        targetSource.department !== source.department
          ? await readFlows(tx, await flowsLeaving(tx, Label.Dataset, key))
          : [];
      return { source, targetSource, leaving, org: (await readOrganisation(tx, organisation))! };
    });
    const current = state.source.doc.datasets![0];
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
      current: target(Label.Dataset, key, organisation, state.source.department),
      next: target(Label.Dataset, key, organisation, state.targetSource.department),
      fields: changedFields(changes),
    });
    const { datasets: _datasets, ...targetSource } = state.targetSource.doc;
    const flows = state.leaving.map((flow) => flow.doc);
    await this.apply(
      {
        version: 1,
        organisation: state.org,
        sources: [{ ...targetSource, datasets: [next] }],
        ...(flows.length ? { flows } : {}),
      },
      'sources[0].datasets[0]',
    );
    const { fields: _before, ...before } = current;
    const { fields: _after, ...after } = next;
    return {
      label: Label.Dataset,
      key,
      organisation,
      before: { source: state.source.doc.key, ...before },
      after: { source: targetSource.key, ...after },
    };
  }

  // ---------------------------------------------------------------- fields

  async createField(command: CreateFieldCommand, authorize: Authorize = allow): Promise<CommandResult> {
    const { dataset: datasetKey, ...rest } = command;
    const { organisation, local: datasetLocal } = localOf(datasetKey, 'input.dataset');
    const doc = compactDoc(rest as FieldDoc);
    const key = graphKey(organisation, fieldLocalKey(datasetLocal, doc.name));
    const { source, org } = await this.readDatasetSource(datasetKey, organisation);
    const dataset = source.doc.datasets![0];
    if ((dataset.fields ?? []).some((field) => field.name === doc.name)) {
      throw fail(
        InventoryErrorCode.DUPLICATE_KEY,
        'input.name',
        `dataset ${quote(datasetLocal)} already has a field ${quote(doc.name)}`,
      );
    }
    authorize({
      action: 'create',
      label: Label.Field,
      next: target(Label.Field, key, organisation, source.department),
    });
    const fields = [...(dataset.fields ?? []), doc];
    await this.apply(
      { version: 1, organisation: org, sources: [{ ...source.doc, datasets: [{ ...dataset, fields }] }] },
      `sources[0].datasets[0].fields[${fields.length - 1}]`,
    );
    return { label: Label.Field, key, organisation, before: null, after: { dataset: datasetLocal, ...doc } };
  }

  async updateField(key: string, changes: UpdateFieldCommand, authorize: Authorize = allow): Promise<CommandResult> {
    const { organisation } = localOf(key, 'key');
    const datasetKey = await this.neo4j.read(async (tx) => {
      const result = await tx.run(
        `MATCH (d:${Label.Dataset})-[:${Rel.HAS_FIELD}]->(:${Label.Field} {key: $key}) RETURN d.key AS key`,
        { key },
      );
      return result.records[0]?.get('key') as string | undefined;
    });
    if (!datasetKey) throw notFoundError(Label.Field, key);
    const { source, org } = await this.readDatasetSource(datasetKey, organisation);
    const dataset = source.doc.datasets![0];
    const fields = dataset.fields ?? [];
    const index = fields.findIndex((field) => graphKey(organisation, fieldLocalKey(dataset.key, field.name)) === key);
    if (index < 0) throw notFoundError(Label.Field, key);
    const next = merge(fields[index], withoutUndefined({ ...changes, name: undefined }));
    const it = target(Label.Field, key, organisation, source.department);
    authorize({ action: 'update', label: Label.Field, current: it, next: it, fields: changedFields(changes) });
    const updated = fields.map((field, i) => (i === index ? next : field));
    await this.apply(
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

  // ---------------------------------------------------------------- processing activities

  async createProcessingActivity(
    command: CreateProcessingActivityCommand,
    authorize: Authorize = allow,
  ): Promise<CommandResult> {
    const department = localOf(command.department, 'input.department');
    const organisation = department.organisation;
    const doc = this.localActivity(command, organisation);
    const key = graphKey(organisation, doc.key);
    const org = await this.organisationFor(
      organisation,
      key,
      [Label.ProcessingActivity],
      `processing activity ${quote(doc.key)}`,
    );
    authorize({
      action: 'create',
      label: Label.ProcessingActivity,
      next: target(Label.ProcessingActivity, key, organisation, doc.department),
    });
    await this.apply({ version: 1, organisation: org, processingActivities: [doc] }, 'processingActivities[0]');
    return { label: Label.ProcessingActivity, key, organisation, before: null, after: doc };
  }

  async updateProcessingActivity(
    key: string,
    changes: UpdateProcessingActivityCommand,
    authorize: Authorize = allow,
  ): Promise<CommandResult> {
    const { current, org } = await this.readWithOrganisation(Label.ProcessingActivity, key, readActivity);
    const organisation = current.organisation;
    const local = withoutUndefined(this.localActivity(changes as ProcessingActivityDoc, organisation, true));
    const next = merge(current.doc, local);
    authorize({
      action: 'update',
      label: Label.ProcessingActivity,
      current: target(Label.ProcessingActivity, key, organisation, current.department),
      next: target(Label.ProcessingActivity, key, organisation, next.department),
      fields: changedFields(changes),
    });
    await this.apply({ version: 1, organisation: org, processingActivities: [next] }, 'processingActivities[0]');
    return { label: Label.ProcessingActivity, key, organisation, before: current.doc, after: next };
  }

  /** Graph keys of an activity's references to local keys (members left as they are when absent). */
  private localActivity(
    command: Partial<ProcessingActivityDoc>,
    organisation: string,
    partial = false,
  ): ProcessingActivityDoc {
    const mapped = {
      ...command,
      department: command.department
        ? localOf(command.department, 'input.department', organisation).local
        : command.department,
      recipients:
        command.recipients?.map((r, i) => localOf(r, `input.recipients[${i}]`, organisation).local) ??
        command.recipients,
      transfers:
        command.transfers?.map((t, i) => ({
          ...t,
          recipient: localOf(t.recipient, `input.transfers[${i}].recipient`, organisation).local,
        })) ?? command.transfers,
      datasets:
        command.datasets?.map((d, i) => localOf(d, `input.datasets[${i}]`, organisation).local) ?? command.datasets,
      fields: command.fields?.map((f, i) => localOf(f, `input.fields[${i}]`, organisation).local) ?? command.fields,
    };
    return (partial ? mapped : compactDoc(mapped)) as ProcessingActivityDoc;
  }

  // ---------------------------------------------------------------- flows

  async createDataFlow(command: CreateDataFlowCommand, authorize: Authorize = allow): Promise<CommandResult> {
    const { organisation } = localOf(command.from, 'input.from');
    const doc = compactDoc(this.localFlow(command, organisation)) as FlowDoc;
    const key = graphKey(organisation, doc.key);
    const { org, origin } = await this.neo4j.read(async (tx) => {
      const found = await readOrganisation(tx, organisation);
      if (!found) throw notFoundError(Label.Organisation, organisation);
      if ((await existingLabels(tx, key, [Label.DataFlow])).length > 0) {
        throw fail(
          InventoryErrorCode.DUPLICATE_KEY,
          'input.key',
          `flow ${quote(doc.key)} already exists in organisation ${quote(organisation)}`,
        );
      }
      return { org: found, origin: await this.flowOrigin(tx, command.from, 'input.from') };
    });
    authorize({
      action: 'create',
      label: Label.DataFlow,
      next: target(Label.DataFlow, key, organisation, origin.department),
    });
    await this.apply({ version: 1, organisation: org, sources: [origin.doc], flows: [doc] }, 'flows[0]');
    return { label: Label.DataFlow, key, organisation, before: null, after: doc };
  }

  async updateDataFlow(
    key: string,
    changes: UpdateDataFlowCommand,
    authorize: Authorize = allow,
  ): Promise<CommandResult> {
    const { organisation } = localOf(key, 'key');
    const local = withoutUndefined(this.localFlow(changes, organisation));
    const state = await this.neo4j.read(async (tx) => {
      const [current] = await readFlows(tx, [key]);
      if (!current) throw notFoundError(Label.DataFlow, key);
      const next = merge(current.doc, local);
      const origin = await this.flowOrigin(tx, graphKey(organisation, next.from), 'input.from');
      return { current, next, origin, org: (await readOrganisation(tx, organisation))! };
    });
    authorize({
      action: 'update',
      label: Label.DataFlow,
      current: target(Label.DataFlow, key, organisation, state.current.department),
      next: target(Label.DataFlow, key, organisation, state.origin.department),
      fields: changedFields(changes),
    });
    await this.apply(
      { version: 1, organisation: state.org, sources: [state.origin.doc], flows: [state.next] },
      'flows[0]',
    );
    return { label: Label.DataFlow, key, organisation, before: state.current.doc, after: state.next };
  }

  private localFlow(command: Changes<CreateDataFlowCommand>, organisation: string): Changes<FlowDoc> {
    return {
      ...command,
      from: command.from ? localOf(command.from, 'input.from', organisation).local : command.from,
      to: command.to ? localOf(command.to, 'input.to', organisation).local : command.to,
      fields:
        command.fields?.map((m, i) => ({
          from: localOf(m.from, `input.fields[${i}].from`, organisation).local,
          to: localOf(m.to, `input.fields[${i}].to`, organisation).local,
        })) ?? command.fields,
    };
  }

  /**
   * The declaration of a flow's origin (a source, or a dataset within its source), re-stated in the
   * flow's document so the flow takes the origin's department, as it does in a file.
   */
  private async flowOrigin(
    tx: ManagedTransaction,
    from: string,
    path: string,
  ): Promise<{ doc: SourceDoc; department: string | null }> {
    const { organisation, local } = localOf(from, path);
    const labels = await existingLabels(tx, from, [Label.DataSource, Label.Dataset]);
    if (labels.includes(Label.DataSource)) {
      const source = (await readSource(tx, from))!;
      return { doc: source.doc, department: source.department };
    }
    if (labels.includes(Label.Dataset)) {
      const source = (await readSource(tx, (await sourceOfDataset(tx, from))!, [from]))!;
      return { doc: source.doc, department: source.department };
    }
    throw fail(
      InventoryErrorCode.MISSING_REFERENCE,
      path,
      `no DataSource or Dataset ${quote(local)} in organisation ${quote(organisation)}`,
    );
  }

  // ---------------------------------------------------------------- delete

  /**
   * Deletes an entity in one write transaction. Without cascade, an entity that owns others or that
   * others reference is refused with REFERENCED naming them. With cascade, what it owns (department
   * → sources, activities; source → datasets → fields; stakeholders always) goes with it, flows left
   * without an end are deleted, and every other reference is detached.
   */
  async delete(
    label: Label,
    key: string,
    options: DeleteOptions = {},
    authorize: Authorize = allow,
  ): Promise<DeletionResult> {
    if (label === Label.Organisation || label === Label.Stakeholder) {
      throw fail(InventoryErrorCode.INVALID_INPUT, 'label', `${label} is not deleted on its own`);
    }
    return this.neo4j.write(async (tx) => {
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
        | (Omit<GraphNodeRow, 'label' | 'depth'> & { labels: string[]; depth: { toNumber(): number } | number })[]
        | undefined;
      if (!owned) throw notFoundError(label, key);
      const subtree: GraphNodeRow[] = owned.map((row) => ({
        id: row.id,
        label: inventoryLabelOf(row.labels),
        key: row.key,
        organisation: row.organisation,
        department: row.department ?? null,
        depth: typeof row.depth === 'number' ? row.depth : row.depth.toNumber(),
      }));
      const root = subtree[0];
      const ids = subtree.map((node) => node.id);
      const references = (
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
        .filter((reference) => reference.via !== 'FOREIGN_KEY' || label === Label.Field);
      const children = subtree.filter((node) => node.depth > 0 && node.label !== Label.Stakeholder);
      const organisation = root.organisation;

      if (!options.cascade && (children.length > 0 || references.length > 0)) {
        const parts: string[] = [];
        if (children.length > 0) {
          const direct = new Map<string, string[]>();
          const deeper = new Map<string, number>();
          for (const child of children) {
            if (child.depth === 1)
              direct.set(NOUNS[child.label], [...(direct.get(NOUNS[child.label]) ?? []), child.key]);
            else deeper.set(NOUNS[child.label], (deeper.get(NOUNS[child.label]) ?? 0) + 1);
          }
          const below = [...deeper.entries()].map(([noun, count]) => `${count} ${noun}${count > 1 ? 's' : ''}`);
          parts.push(
            `contains ${grouped(direct, organisation)}${below.length ? ` (with ${below.join(' and ')})` : ''}`,
          );
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
        throw new InventoryError(
          InventoryErrorCode.REFERENCED,
          `${label} ${name} ${parts.join(' and ')}; pass cascade: true`,
        );
      }

      // Flows that would lose an end go too; every other reference is only detached.
      const orphanFlows = (
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
      const doomed = [...subtree, ...orphanFlows];

      for (const node of doomed) {
        if (node.label === Label.Stakeholder) continue;
        authorize({
          action: 'delete',
          label: node.label,
          current: target(node.label, node.key, node.organisation, node.department ?? null),
        });
      }
      if (label === Label.Field) {
        // A foreign key naming the field as a column would no longer hold: it goes, with its lineage.
        await tx.run(
          `MATCH (d:${Label.Dataset})-[:${Rel.HAS_FIELD}]->(f:${Label.Field} {key: $key})
           MATCH (a:${Label.Dataset})-[r:${Rel.REFERENCES}]->(b:${Label.Dataset})
           WHERE (a = d AND f.name IN r.columns) OR (b = d AND f.name IN r.referencedColumns)
           OPTIONAL MATCH (b)-[:${Rel.HAS_FIELD}]->(:${Label.Field})-[l:${Rel.FEEDS} {via: 'FOREIGN_KEY'}]->(:${Label.Field})<-[:${Rel.HAS_FIELD}]-(a)
           WHERE coalesce(l.reference, '') = coalesce(r.name, '')
           WITH collect(DISTINCT r) AS foreignKeys, collect(DISTINCT l) AS lineage
           FOREACH (x IN lineage | DELETE x)
           FOREACH (x IN foreignKeys | DELETE x)`,
          { key },
        );
      }
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
    });
  }

  // ---------------------------------------------------------------- helpers

  /** Writes a document through the import path; `beforeWrite` runs first in the same transaction. */
  private async apply(
    doc: InventoryDocument,
    at: string,
    beforeWrite?: (tx: ManagedTransaction) => Promise<void>,
  ): Promise<void> {
    try {
      if (!beforeWrite) {
        await this.importer.importDocument(doc);
        return;
      }
      // Same validation and compilation as importDocument, plus a clean-up the format cannot express.
      const batch = compileInventory(validateInventoryDocument(doc));
      await this.neo4j.write(async (tx) => {
        await beforeWrite(tx);
        await writeBatch(tx, batch);
      });
    } catch (error) {
      throw rebase(error, at);
    }
  }

  /** A replaced stakeholder list: stakeholders are re-created from the new list in the same transaction. */
  private pruneStakeholders(owner: Label.Department | Label.DataSource, key: string) {
    return async (tx: ManagedTransaction) => {
      await tx.run(
        `MATCH (:${owner} {key: $key})-[:${Rel.HAS_STAKEHOLDER}]->(s:${Label.Stakeholder}) DETACH DELETE s`,
        { key },
      );
    };
  }

  private async organisationFor(
    organisation: string,
    key: string,
    labels: Label[],
    what: string,
  ): Promise<OrganisationDoc> {
    return this.neo4j.read(async (tx) => {
      const org = await readOrganisation(tx, organisation);
      if (!org) throw notFoundError(Label.Organisation, organisation);
      if ((await existingLabels(tx, key, labels)).length > 0) {
        throw fail(
          InventoryErrorCode.DUPLICATE_KEY,
          'input.key',
          `${what} already exists in organisation ${quote(organisation)}`,
        );
      }
      return org;
    });
  }

  private async readWithOrganisation<T>(
    label: Label,
    key: string,
    read: (tx: ManagedTransaction, key: string) => Promise<Declared<T> | null>,
  ): Promise<{ current: Declared<T>; org: OrganisationDoc }> {
    return this.neo4j.read(async (tx) => {
      const current = await read(tx, key);
      if (!current) throw notFoundError(label, key);
      return { current, org: (await readOrganisation(tx, current.organisation))! };
    });
  }

  /** A dataset's source, declared with that dataset (and its fields and references) only. */
  private async readDatasetSource(
    datasetKey: string,
    organisation: string,
  ): Promise<{ source: Declared<SourceDoc>; org: OrganisationDoc }> {
    return this.neo4j.read(async (tx) => {
      const sourceKey = await sourceOfDataset(tx, datasetKey);
      if (!sourceKey) throw notFoundError(Label.Dataset, datasetKey);
      return {
        source: (await readSource(tx, sourceKey, [datasetKey]))!,
        org: (await readOrganisation(tx, organisation))!,
      };
    });
  }
}
