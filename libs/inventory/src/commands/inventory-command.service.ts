import { Injectable } from '@nestjs/common';
import type { ManagedTransaction } from 'neo4j-driver';
import { Neo4jService } from '@cartographer/graph';
import type { OrganisationDoc } from '../format/inventory-document.js';
import type { Label } from '../model/labels.js';
import * as activities from './activity.commands.js';
import { deleteEntity } from './delete.command.js';
import type {
  CommandContext,
  CommandResult,
  CreateDataFlowCommand,
  CreateDataSourceCommand,
  CreateDatasetCommand,
  CreateDepartmentCommand,
  CreateFieldCommand,
  CreateOrganisationCommand,
  CreateProcessingActivityCommand,
  CreateRecipientCommand,
  CreateServerCommand,
  DeleteOptions,
  DeletionResult,
  UpdateDataFlowCommand,
  UpdateDataSourceCommand,
  UpdateDatasetCommand,
  UpdateDepartmentCommand,
  UpdateFieldCommand,
  UpdateOrganisationCommand,
  UpdateProcessingActivityCommand,
  UpdateRecipientCommand,
  UpdateServerCommand,
} from './inventory-command.types.js';
import * as organisations from './organisation.commands.js';
import * as sources from './source.commands.js';

/**
 * Create, update and delete of single inventory entities. Each command is one write transaction:
 * it write-locks the organisation and the entity, reads the current declaration, authorizes,
 * checks the caller's revision (updates), writes a minimal document (the entity, with the
 * declarations it needs re-stated as read) through the import's validation, compilation and batch
 * writer, and calls `context.onWrite` before the commit. Any error writes nothing.
 */
@Injectable()
export class InventoryCommandService {
  constructor(private readonly neo4j: Neo4jService) {}

  /** Runs a command as one transaction function (retried by the driver: it only writes through `tx`). */
  private run<R extends CommandResult | DeletionResult>(
    context: CommandContext,
    command: (tx: ManagedTransaction) => Promise<R>,
  ): Promise<R> {
    return this.neo4j.write(async (tx) => {
      const result = await command(tx);
      await context.onWrite?.(tx, result);
      return result;
    });
  }

  createOrganisation(command: CreateOrganisationCommand, context: CommandContext): Promise<CommandResult> {
    return this.run(context, (tx) => organisations.createOrganisation(tx, command, context.authorize));
  }

  updateOrganisation(
    key: string,
    changes: UpdateOrganisationCommand,
    context: CommandContext,
    expectedRevision?: string | null,
  ): Promise<CommandResult> {
    return this.run(context, (tx) =>
      organisations.updateOrganisation(tx, key, changes, context.authorize, expectedRevision),
    );
  }

  /** How an import's organisation header compares with the stored one (see organisationHeaderChanges). */
  organisationHeaderChanges(header: OrganisationDoc): Promise<{ exists: boolean; changed: string[] }> {
    return this.neo4j.read((tx) => organisations.organisationHeaderChanges(tx, header));
  }

  createDepartment(command: CreateDepartmentCommand, context: CommandContext): Promise<CommandResult> {
    return this.run(context, (tx) => organisations.createDepartment(tx, command, context.authorize));
  }

  updateDepartment(
    key: string,
    changes: UpdateDepartmentCommand,
    context: CommandContext,
    expectedRevision?: string | null,
  ): Promise<CommandResult> {
    return this.run(context, (tx) =>
      organisations.updateDepartment(tx, key, changes, context.authorize, expectedRevision),
    );
  }

  createServer(command: CreateServerCommand, context: CommandContext): Promise<CommandResult> {
    return this.run(context, (tx) => organisations.createServer(tx, command, context.authorize));
  }

  updateServer(
    key: string,
    changes: UpdateServerCommand,
    context: CommandContext,
    expectedRevision?: string | null,
  ): Promise<CommandResult> {
    return this.run(context, (tx) => organisations.updateServer(tx, key, changes, context.authorize, expectedRevision));
  }

  createRecipient(command: CreateRecipientCommand, context: CommandContext): Promise<CommandResult> {
    return this.run(context, (tx) => organisations.createRecipient(tx, command, context.authorize));
  }

  updateRecipient(
    key: string,
    changes: UpdateRecipientCommand,
    context: CommandContext,
    expectedRevision?: string | null,
  ): Promise<CommandResult> {
    return this.run(context, (tx) =>
      organisations.updateRecipient(tx, key, changes, context.authorize, expectedRevision),
    );
  }

  createDataSource(command: CreateDataSourceCommand, context: CommandContext): Promise<CommandResult> {
    return this.run(context, (tx) => sources.createDataSource(tx, command, context.authorize));
  }

  updateDataSource(
    key: string,
    changes: UpdateDataSourceCommand,
    context: CommandContext,
    expectedRevision?: string | null,
  ): Promise<CommandResult> {
    return this.run(context, (tx) => sources.updateDataSource(tx, key, changes, context.authorize, expectedRevision));
  }

  createDataset(command: CreateDatasetCommand, context: CommandContext): Promise<CommandResult> {
    return this.run(context, (tx) => sources.createDataset(tx, command, context.authorize));
  }

  updateDataset(
    key: string,
    changes: UpdateDatasetCommand,
    context: CommandContext,
    expectedRevision?: string | null,
  ): Promise<CommandResult> {
    return this.run(context, (tx) => sources.updateDataset(tx, key, changes, context.authorize, expectedRevision));
  }

  createField(command: CreateFieldCommand, context: CommandContext): Promise<CommandResult> {
    return this.run(context, (tx) => sources.createField(tx, command, context.authorize));
  }

  updateField(
    key: string,
    changes: UpdateFieldCommand,
    context: CommandContext,
    expectedRevision?: string | null,
  ): Promise<CommandResult> {
    return this.run(context, (tx) => sources.updateField(tx, key, changes, context.authorize, expectedRevision));
  }

  createProcessingActivity(command: CreateProcessingActivityCommand, context: CommandContext): Promise<CommandResult> {
    return this.run(context, (tx) => activities.createProcessingActivity(tx, command, context.authorize));
  }

  updateProcessingActivity(
    key: string,
    changes: UpdateProcessingActivityCommand,
    context: CommandContext,
    expectedRevision?: string | null,
  ): Promise<CommandResult> {
    return this.run(context, (tx) =>
      activities.updateProcessingActivity(tx, key, changes, context.authorize, expectedRevision),
    );
  }

  createDataFlow(command: CreateDataFlowCommand, context: CommandContext): Promise<CommandResult> {
    return this.run(context, (tx) => activities.createDataFlow(tx, command, context.authorize));
  }

  updateDataFlow(
    key: string,
    changes: UpdateDataFlowCommand,
    context: CommandContext,
    expectedRevision?: string | null,
  ): Promise<CommandResult> {
    return this.run(context, (tx) => activities.updateDataFlow(tx, key, changes, context.authorize, expectedRevision));
  }

  /** Deletes an entity, and with `cascade` what it owns (see deleteEntity). */
  delete(label: Label, key: string, options: DeleteOptions, context: CommandContext): Promise<DeletionResult> {
    return this.run(context, (tx) => deleteEntity(tx, label, key, options, context.authorize));
  }
}
