import { Injectable } from '@nestjs/common';
import { type AppAbility, AuditService } from '@cartographer/access';
import {
  type CommandContext,
  type CommandResult,
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

/**
 * Runs a command with the caller's authorization hook, records the change in the audit log, and
 * answers with the entity as the caller may now read it.
 */
@Injectable()
export class InventoryWriter {
  constructor(
    readonly commands: InventoryCommandService,
    private readonly audit: AuditService,
    private readonly reader: InventoryReader,
    private readonly loaders: InventoryLoaderFactory,
  ) {}

  async run(
    caller: Caller,
    action: 'create' | 'update',
    command: (context: CommandContext) => Promise<CommandResult>,
  ): Promise<View> {
    const result = await command(this.contextOf(caller));
    await this.audit.record({
      action: `${auditName(result.label)}.${action}`,
      entityType: result.label,
      entityKey: result.key,
      organisation: result.organisation,
      before: result.before ?? undefined,
      after: result.after,
    });
    this.loaders.reset(caller.request);
    const view = await this.reader.one(caller.ability, result.label, result.key);
    if (!view)
      throw new InventoryError(
        InventoryErrorCode.NOT_FOUND,
        `${result.label} '${result.key}' is not readable after the change`,
      );
    return view;
  }

  /** The caller's authorization hook; the audit entry is still recorded after the commit (see run). */
  private contextOf(caller: Caller): CommandContext {
    return { authorize: authorizerFor(caller.ability) };
  }

  async delete(caller: Caller, label: Label, key: string, cascade: boolean): Promise<DeletionModel> {
    const result = await this.commands.delete(label, key, { cascade }, this.contextOf(caller));
    await this.audit.record({
      action: `${auditName(label)}.delete`,
      entityType: label,
      entityKey: key,
      organisation: result.organisation,
      after: { cascade, deleted: result.deleted },
    });
    this.loaders.reset(caller.request);
    return { key: result.key, deleted: result.deleted };
  }
}

export type { AppAbility };
