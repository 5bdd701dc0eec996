import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Label } from '@cartographer/inventory';
import { RequirePolicy } from '../../auth/policy.decorators.js';
import { DataFlowListArgs, ProcessingActivityListArgs } from '../dto/inventory-list.args.js';
import {
  CreateDataFlowInput,
  CreateProcessingActivityInput,
  UpdateDataFlowInput,
  UpdateProcessingActivityInput,
} from '../dto/processing-activity.input.js';
import { InventoryCaller, NESTED_FIRST } from '../inventory-caller.decorator.js';
import { type Caller, InventoryReader } from '../inventory-reader.js';
import { RELATIONS } from '../inventory-relations.js';
import type { View } from '../inventory-views.js';
import { InventoryWriter, plainInput, updateOf } from '../inventory-writer.js';
import { DeletionModel } from '../models/common.model.js';
import { DatasetModel, FieldModel } from '../models/data-source.model.js';
import { FlowEndpointUnion } from '../models/flow-endpoint.model.js';
import {
  DataFlowModel,
  DataFlowPageModel,
  FlowFieldMappingModel,
  ProcessingActivityModel,
  ProcessingActivityPageModel,
  TransferModel,
} from '../models/processing-activity.model.js';
import { RecipientModel } from '../models/server.model.js';

@Resolver(() => ProcessingActivityModel)
@RequirePolicy('read', 'ProcessingActivity')
export class ProcessingActivityResolver {
  constructor(
    private readonly reader: InventoryReader,
    private readonly writer: InventoryWriter,
  ) {}

  @Query(() => ProcessingActivityModel, { nullable: true })
  processingActivity(@Args('key', { type: () => ID }) key: string, @InventoryCaller() caller: Caller) {
    return this.reader.one(caller, Label.ProcessingActivity, key);
  }

  @Query(() => ProcessingActivityPageModel, { description: 'Processing activities ordered by key.' })
  processingActivities(@Args() args: ProcessingActivityListArgs, @InventoryCaller() caller: Caller) {
    return this.reader.page(caller, Label.ProcessingActivity, args);
  }

  @RequirePolicy('create', 'ProcessingActivity')
  @Mutation(() => ProcessingActivityModel)
  createProcessingActivity(@Args('input') input: CreateProcessingActivityInput, @InventoryCaller() caller: Caller) {
    return this.writer.run(caller, 'create', (context) =>
      this.writer.commands.createProcessingActivity(plainInput(input), context),
    );
  }

  @RequirePolicy('update', 'ProcessingActivity')
  @Mutation(() => ProcessingActivityModel)
  updateProcessingActivity(
    @Args('key', { type: () => ID }) key: string,
    @Args('input') input: UpdateProcessingActivityInput,
    @InventoryCaller() caller: Caller,
  ) {
    return this.writer.run(caller, 'update', (context) =>
      this.writer.commands.updateProcessingActivity(key, ...updateOf(input, context)),
    );
  }

  @RequirePolicy('delete', 'ProcessingActivity')
  @Mutation(() => DeletionModel)
  deleteProcessingActivity(
    @Args('key', { type: () => ID }) key: string,
    @Args('cascade', { type: () => Boolean, defaultValue: false }) cascade: boolean,
    @InventoryCaller() caller: Caller,
  ) {
    return this.writer.delete(caller, Label.ProcessingActivity, key, cascade);
  }

  @ResolveField('datasets', () => [DatasetModel])
  datasets(
    @Parent() parent: View,
    @Args('first', NESTED_FIRST) first: number | null,
    @InventoryCaller() caller: Caller,
  ) {
    return this.reader.related(caller, RELATIONS.activityDatasets, parent.key, first);
  }

  @ResolveField('fields', () => [FieldModel])
  fields(@Parent() parent: View, @Args('first', NESTED_FIRST) first: number | null, @InventoryCaller() caller: Caller) {
    return this.reader.related(caller, RELATIONS.activityFields, parent.key, first);
  }

  @ResolveField('recipients', () => [RecipientModel], { description: 'Recipients data is disclosed to.' })
  recipients(
    @Parent() parent: View,
    @Args('first', NESTED_FIRST) first: number | null,
    @InventoryCaller() caller: Caller,
  ) {
    return this.reader.related(caller, RELATIONS.activityRecipients, parent.key, first);
  }

  @ResolveField('transfers', () => [TransferModel], { description: 'Transfers outside the EU/EEA (Chapter V).' })
  async transfers(
    @Parent() parent: View,
    @Args('first', NESTED_FIRST) first: number | null,
    @InventoryCaller() caller: Caller,
  ) {
    const rows = await this.reader.relatedWithProps(caller, RELATIONS.activityTransfers, parent.key, first);
    return rows.map(({ view, rel }) => ({
      recipientKey: view.key,
      recipient: view,
      country: rel.country,
      safeguard: rel.safeguard,
      documentation: rel.documentation ?? null,
      jurisdiction: rel.jurisdiction ?? null,
    }));
  }
}

@Resolver(() => TransferModel)
@RequirePolicy('read', 'Recipient')
export class TransferResolver {
  @ResolveField('recipient', () => RecipientModel)
  recipient(@Parent() parent: { recipient: View }) {
    return parent.recipient;
  }
}

@Resolver(() => DataFlowModel)
@RequirePolicy('read', 'DataFlow')
export class DataFlowResolver {
  constructor(
    private readonly reader: InventoryReader,
    private readonly writer: InventoryWriter,
  ) {}

  @Query(() => DataFlowModel, { nullable: true })
  dataFlow(@Args('key', { type: () => ID }) key: string, @InventoryCaller() caller: Caller) {
    return this.reader.one(caller, Label.DataFlow, key);
  }

  @Query(() => DataFlowPageModel, { description: 'Data flows ordered by key.' })
  dataFlows(@Args() args: DataFlowListArgs, @InventoryCaller() caller: Caller) {
    return this.reader.page(caller, Label.DataFlow, args);
  }

  @RequirePolicy('create', 'DataFlow')
  @Mutation(() => DataFlowModel)
  createDataFlow(@Args('input') input: CreateDataFlowInput, @InventoryCaller() caller: Caller) {
    return this.writer.run(caller, 'create', (context) =>
      this.writer.commands.createDataFlow(plainInput(input), context),
    );
  }

  @RequirePolicy('update', 'DataFlow')
  @Mutation(() => DataFlowModel)
  updateDataFlow(
    @Args('key', { type: () => ID }) key: string,
    @Args('input') input: UpdateDataFlowInput,
    @InventoryCaller() caller: Caller,
  ) {
    return this.writer.run(caller, 'update', (context) =>
      this.writer.commands.updateDataFlow(key, ...updateOf(input, context)),
    );
  }

  @RequirePolicy('delete', 'DataFlow')
  @Mutation(() => DeletionModel)
  deleteDataFlow(
    @Args('key', { type: () => ID }) key: string,
    @Args('cascade', { type: () => Boolean, defaultValue: false }) cascade: boolean,
    @InventoryCaller() caller: Caller,
  ) {
    return this.writer.delete(caller, Label.DataFlow, key, cascade);
  }

  @ResolveField('from', () => FlowEndpointUnion, {
    nullable: true,
    description: 'The origin: a data source or a dataset.',
  })
  async from(@Parent() parent: View, @InventoryCaller() caller: Caller) {
    return (await this.reader.related(caller, RELATIONS.flowFrom, parent.key, 1))[0] ?? null;
  }

  @ResolveField('to', () => FlowEndpointUnion, {
    nullable: true,
    description: 'The destination: a data source or a dataset.',
  })
  async to(@Parent() parent: View, @InventoryCaller() caller: Caller) {
    return (await this.reader.related(caller, RELATIONS.flowTo, parent.key, 1))[0] ?? null;
  }

  @ResolveField('fields', () => [FlowFieldMappingModel], { description: 'Fields it carries into downstream fields.' })
  fields(@Parent() parent: View, @InventoryCaller() caller: Caller) {
    return this.reader.flowFields(caller, parent.key);
  }
}
