import { Injectable } from '@nestjs/common';
import { type AppAbility, type AuditEntry, AuditOutbox, AuditOutboxRelay } from '@cartographer/access';
import {
  type CommandContext,
  type CommandResult,
  type DeletionResult,
  InventoryCommandService,
  InventoryError,
  InventoryErrorCode,
  type Label,
} from '@cartographer/inventory';
import { authorizerFor } from './inventory-access.js';
import { type Caller, InventoryReader } from './inventory-reader.js';
import { InventoryLoaderFactory } from './inventory-loaders.js';
import type { View } from './inventory-views.js';
import type { DeletionModel } from './models/common.model.js';

const auditName = (label: Label) => `${label.charAt(0).toLowerCase()}${label.slice(1)}`;

/** GraphQL input objects as plain JSON: no class instances, no undefined members. */
export function plainInput<T>(input: T): T {
  return JSON.parse(JSON.stringify(input)) as T;
}

/** An update input as a command's arguments: the changes, the context, and the revision the caller read. */
export function updateOf<T extends { revision?: string | null }>(
  input: T,
  context: CommandContext,
): [changes: Omit<T, 'revision'>, context: CommandContext, expectedRevision: string | undefined] {
  const { revision, ...changes } = plainInput(input);
  return [changes, context, revision ?? undefined];
}

/** The audit entry of a command's result: what changed, before and after (never sampled values). */
function auditEntryOf(
  action: 'create' | 'update' | 'delete',
  result: CommandResult | DeletionResult,
  cascade = false,
): AuditEntry {
  if (action === 'delete') {
    const deletion = result as DeletionResult;
    return {
      action: `${auditName(deletion.label)}.delete`,
      entityType: deletion.label,
      entityKey: deletion.key,
      organisation: deletion.organisation,
      after: { cascade, deleted: deletion.deleted },
    };
  }
  const change = result as CommandResult;
  return {
    action: `${auditName(change.label)}.${action}`,
    entityType: change.label,
    entityKey: change.key,
    organisation: change.organisation,
    before: change.before ?? undefined,
    after: change.after,
  };
}

/**
 * Runs a command with the caller's authorization hook and its audit entry written to the outbox in
 * the command's own transaction (a crash after the commit cannot lose it), relays it to the hash
 * chain, and answers with the entity as the caller may now read it.
 */
@Injectable()
export class InventoryWriter {
  constructor(
    readonly commands: InventoryCommandService,
    private readonly outbox: AuditOutbox,
    private readonly relay: AuditOutboxRelay,
    private readonly reader: InventoryReader,
    private readonly loaders: InventoryLoaderFactory,
  ) {}

  async run(
    caller: Caller,
    action: 'create' | 'update',
    command: (context: CommandContext) => Promise<CommandResult>,
  ): Promise<View> {
    const result = await command(this.contextOf(caller, action));
    await this.relay.flush();
    this.loaders.reset(caller.request);
    const view = await this.reader.one(caller, result.label, result.key);
    if (!view)
      throw new InventoryError(
        InventoryErrorCode.NOT_FOUND,
        `${result.label} '${result.key}' is not readable after the change`,
      );
    return view;
  }

  /** The caller's authorization hook, and the audit entry enqueued inside the command's transaction. */
  private contextOf(caller: Caller, action: 'create' | 'update' | 'delete', cascade = false): CommandContext {
    return {
      authorize: authorizerFor(caller.ability),
      onWrite: async (tx, result) => {
        await this.outbox.enqueue(tx, auditEntryOf(action, result, cascade));
      },
    };
  }

  async delete(caller: Caller, label: Label, key: string, cascade: boolean): Promise<DeletionModel> {
    const result = await this.commands.delete(label, key, { cascade }, this.contextOf(caller, 'delete', cascade));
    await this.relay.flush();
    this.loaders.reset(caller.request);
    return { key: result.key, deleted: result.deleted };
  }
}

export type { AppAbility };
