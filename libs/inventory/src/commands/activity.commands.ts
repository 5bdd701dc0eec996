import type { ManagedTransaction } from 'neo4j-driver';
import { graphKey } from '../format/inventory-compiler.js';
import type { FlowDoc, ProcessingActivityDoc, SourceDoc } from '../format/inventory-document.js';
import { InventoryErrorCode, notFoundError, quote } from '../inventory.errors.js';
import { Label } from '../model/labels.js';
import {
  compactDoc,
  existingLabels,
  readActivity,
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
  lockOrganisation,
  merge,
  target,
  withoutUndefined,
  writeDocument,
} from './command-support.js';
import type {
  Authorize,
  Changes,
  CommandResult,
  CreateDataFlowCommand,
  CreateProcessingActivityCommand,
  UpdateDataFlowCommand,
  UpdateProcessingActivityCommand,
} from './inventory-command.types.js';

/** Commands on processing activities and data flows: the entities that refer to the others. */

/** Graph keys of an activity's references to local keys (members left as they are when absent). */
function localActivity(
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
      command.recipients?.map((r, i) => localOf(r, `input.recipients[${i}]`, organisation).local) ?? command.recipients,
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

export async function createProcessingActivity(
  tx: ManagedTransaction,
  command: CreateProcessingActivityCommand,
  authorize: Authorize,
): Promise<CommandResult> {
  const department = localOf(command.department, 'input.department');
  const organisation = department.organisation;
  const doc = localActivity(command, organisation);
  return createInOrganisation(
    tx,
    {
      label: Label.ProcessingActivity,
      organisation,
      local: doc.key,
      keySpace: [Label.ProcessingActivity],
      noun: 'processing activity',
      department: doc.department,
      at: 'processingActivities[0]',
      document: (header) => ({ version: 1, organisation: header, processingActivities: [doc] }),
      after: doc,
    },
    authorize,
  );
}

export async function updateProcessingActivity(
  tx: ManagedTransaction,
  key: string,
  changes: UpdateProcessingActivityCommand,
  authorize: Authorize,
  expectedRevision?: string | null,
): Promise<CommandResult> {
  const organisation = await lockEntity(tx, Label.ProcessingActivity, key);
  const current = (await readActivity(tx, key))!;
  const org = await headerOf(tx, organisation);
  const local = withoutUndefined(localActivity(changes as ProcessingActivityDoc, organisation, true));
  const next = merge(current.doc, local);
  authorize({
    action: 'update',
    label: Label.ProcessingActivity,
    current: target(Label.ProcessingActivity, key, organisation, current.department),
    next: target(Label.ProcessingActivity, key, organisation, next.department),
    fields: changedFields(changes),
  });
  checkRevision(Label.ProcessingActivity, key, expectedRevision, current.revision);
  await writeDocument(tx, { version: 1, organisation: org, processingActivities: [next] }, 'processingActivities[0]');
  return { label: Label.ProcessingActivity, key, organisation, before: current.doc, after: next };
}

function localFlow(command: Changes<CreateDataFlowCommand>, organisation: string): Changes<FlowDoc> {
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
async function flowOrigin(
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

export async function createDataFlow(
  tx: ManagedTransaction,
  command: CreateDataFlowCommand,
  authorize: Authorize,
): Promise<CommandResult> {
  const { organisation } = localOf(command.from, 'input.from');
  const doc = compactDoc(localFlow(command, organisation)) as FlowDoc;
  const key = graphKey(organisation, doc.key);
  const org = await lockOrganisation(tx, organisation);
  await assertAbsent(tx, key, [Label.DataFlow], `flow ${quote(doc.key)}`, organisation);
  const origin = await flowOrigin(tx, command.from, 'input.from');
  authorize({
    action: 'create',
    label: Label.DataFlow,
    next: target(Label.DataFlow, key, organisation, origin.department),
  });
  await writeDocument(tx, { version: 1, organisation: org, sources: [origin.doc], flows: [doc] }, 'flows[0]');
  return { label: Label.DataFlow, key, organisation, before: null, after: doc };
}

export async function updateDataFlow(
  tx: ManagedTransaction,
  key: string,
  changes: UpdateDataFlowCommand,
  authorize: Authorize,
  expectedRevision?: string | null,
): Promise<CommandResult> {
  const { organisation } = localOf(key, 'key');
  const local = withoutUndefined(localFlow(changes, organisation));
  await lockEntity(tx, Label.DataFlow, key);
  const [current] = await readFlows(tx, [key]);
  if (!current) throw notFoundError(Label.DataFlow, key);
  const next = merge(current.doc, local);
  const origin = await flowOrigin(tx, graphKey(organisation, next.from), 'input.from');
  const org = await headerOf(tx, organisation);
  authorize({
    action: 'update',
    label: Label.DataFlow,
    current: target(Label.DataFlow, key, organisation, current.department),
    next: target(Label.DataFlow, key, organisation, origin.department),
    fields: changedFields(changes),
  });
  checkRevision(Label.DataFlow, key, expectedRevision, current.revision);
  await writeDocument(tx, { version: 1, organisation: org, sources: [origin.doc], flows: [next] }, 'flows[0]');
  return { label: Label.DataFlow, key, organisation, before: current.doc, after: next };
}
