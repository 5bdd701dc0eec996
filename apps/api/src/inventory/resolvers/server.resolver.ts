import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Label } from '@cartographer/inventory';
import { RequirePolicy } from '../../auth/policy.decorators.js';
import { RecipientListArgs, ServerListArgs } from '../dto/inventory-list.args.js';
import {
  CreateRecipientInput,
  CreateServerInput,
  UpdateRecipientInput,
  UpdateServerInput,
} from '../dto/organisation.input.js';
import { InventoryCaller, NESTED_FIRST } from '../inventory-caller.decorator.js';
import { type Caller, InventoryReader } from '../inventory-reader.js';
import { RELATIONS } from '../inventory-relations.js';
import type { View } from '../inventory-views.js';
import { InventoryWriter, plainInput, updateOf } from '../inventory-writer.js';
import { DeletionModel } from '../models/common.model.js';
import { DataSourceModel } from '../models/data-source.model.js';
import { RecipientModel, RecipientPageModel, ServerModel, ServerPageModel } from '../models/server.model.js';

@Resolver(() => ServerModel)
@RequirePolicy('read', 'Server')
export class ServerResolver {
  constructor(
    private readonly reader: InventoryReader,
    private readonly writer: InventoryWriter,
  ) {}

  @Query(() => ServerModel, { nullable: true })
  server(@Args('key', { type: () => ID }) key: string, @InventoryCaller() caller: Caller) {
    return this.reader.one(caller, Label.Server, key);
  }

  @Query(() => ServerPageModel, { description: 'Servers ordered by key.' })
  servers(@Args() args: ServerListArgs, @InventoryCaller() caller: Caller) {
    return this.reader.page(caller, Label.Server, args);
  }

  @RequirePolicy('create', 'Server')
  @Mutation(() => ServerModel, { description: 'The jurisdiction is derived from the country and certifications.' })
  createServer(@Args('input') input: CreateServerInput, @InventoryCaller() caller: Caller) {
    return this.writer.run(caller, 'create', (context) =>
      this.writer.commands.createServer(plainInput(input), context),
    );
  }

  @RequirePolicy('update', 'Server')
  @Mutation(() => ServerModel)
  updateServer(
    @Args('key', { type: () => ID }) key: string,
    @Args('input') input: UpdateServerInput,
    @InventoryCaller() caller: Caller,
  ) {
    return this.writer.run(caller, 'update', (context) =>
      this.writer.commands.updateServer(key, ...updateOf(input, context)),
    );
  }

  @RequirePolicy('delete', 'Server')
  @Mutation(() => DeletionModel, {
    description: 'Refused while sources are hosted on it, unless cascade (which detaches them).',
  })
  deleteServer(
    @Args('key', { type: () => ID }) key: string,
    @Args('cascade', { type: () => Boolean, defaultValue: false }) cascade: boolean,
    @InventoryCaller() caller: Caller,
  ) {
    return this.writer.delete(caller, Label.Server, key, cascade);
  }

  @ResolveField('sources', () => [DataSourceModel], { description: 'Data sources hosted on it.' })
  sources(
    @Parent() parent: View,
    @Args('first', NESTED_FIRST) first: number | null,
    @InventoryCaller() caller: Caller,
  ) {
    return this.reader.related(caller, RELATIONS.serverSources, parent.key, first);
  }
}

@Resolver(() => RecipientModel)
@RequirePolicy('read', 'Recipient')
export class RecipientResolver {
  constructor(
    private readonly reader: InventoryReader,
    private readonly writer: InventoryWriter,
  ) {}

  @Query(() => RecipientModel, { nullable: true })
  recipient(@Args('key', { type: () => ID }) key: string, @InventoryCaller() caller: Caller) {
    return this.reader.one(caller, Label.Recipient, key);
  }

  @Query(() => RecipientPageModel, { description: 'Recipients ordered by key.' })
  recipients(@Args() args: RecipientListArgs, @InventoryCaller() caller: Caller) {
    return this.reader.page(caller, Label.Recipient, args);
  }

  @RequirePolicy('create', 'Recipient')
  @Mutation(() => RecipientModel)
  createRecipient(@Args('input') input: CreateRecipientInput, @InventoryCaller() caller: Caller) {
    return this.writer.run(caller, 'create', (context) =>
      this.writer.commands.createRecipient(plainInput(input), context),
    );
  }

  @RequirePolicy('update', 'Recipient')
  @Mutation(() => RecipientModel)
  updateRecipient(
    @Args('key', { type: () => ID }) key: string,
    @Args('input') input: UpdateRecipientInput,
    @InventoryCaller() caller: Caller,
  ) {
    return this.writer.run(caller, 'update', (context) =>
      this.writer.commands.updateRecipient(key, ...updateOf(input, context)),
    );
  }

  @RequirePolicy('delete', 'Recipient')
  @Mutation(() => DeletionModel, {
    description: 'Refused while activities disclose or transfer to it, unless cascade.',
  })
  deleteRecipient(
    @Args('key', { type: () => ID }) key: string,
    @Args('cascade', { type: () => Boolean, defaultValue: false }) cascade: boolean,
    @InventoryCaller() caller: Caller,
  ) {
    return this.writer.delete(caller, Label.Recipient, key, cascade);
  }
}
