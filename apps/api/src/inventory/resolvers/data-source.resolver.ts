import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Label } from '@cartographer/inventory';
import { RequirePolicy } from '../../auth/policy.decorators.js';
import { CreateDataSourceInput, UpdateDataSourceInput } from '../dto/data-source.input.js';
import { DataSourceListArgs } from '../dto/inventory-list.args.js';
import { InventoryCaller, NESTED_FIRST } from '../inventory-caller.decorator.js';
import { type Caller, InventoryReader } from '../inventory-reader.js';
import { RELATIONS } from '../inventory-relations.js';
import type { View } from '../inventory-views.js';
import { InventoryWriter, plainInput, updateOf } from '../inventory-writer.js';
import { DeletionModel } from '../models/common.model.js';
import { DatasetModel, DataSourceModel, DataSourcePageModel } from '../models/data-source.model.js';
import { DepartmentModel, StakeholderModel } from '../models/department.model.js';
import { ServerModel } from '../models/server.model.js';

@Resolver(() => DataSourceModel)
@RequirePolicy('read', 'DataSource')
export class DataSourceResolver {
  constructor(
    private readonly reader: InventoryReader,
    private readonly writer: InventoryWriter,
  ) {}

  @Query(() => DataSourceModel, { nullable: true })
  dataSource(@Args('key', { type: () => ID }) key: string, @InventoryCaller() caller: Caller) {
    return this.reader.one(caller, Label.DataSource, key);
  }

  @Query(() => DataSourcePageModel, { description: 'Data sources ordered by key.' })
  dataSources(@Args() args: DataSourceListArgs, @InventoryCaller() caller: Caller) {
    return this.reader.page(caller, Label.DataSource, args);
  }

  @RequirePolicy('create', 'DataSource')
  @Mutation(() => DataSourceModel)
  createDataSource(@Args('input') input: CreateDataSourceInput, @InventoryCaller() caller: Caller) {
    return this.writer.run(caller, 'create', (context) =>
      this.writer.commands.createDataSource(plainInput(input), context),
    );
  }

  @RequirePolicy('update', 'DataSource')
  @Mutation(() => DataSourceModel)
  updateDataSource(
    @Args('key', { type: () => ID }) key: string,
    @Args('input') input: UpdateDataSourceInput,
    @InventoryCaller() caller: Caller,
  ) {
    return this.writer.run(caller, 'update', (context) =>
      this.writer.commands.updateDataSource(key, ...updateOf(input, context)),
    );
  }

  @RequirePolicy('delete', 'DataSource')
  @Mutation(() => DeletionModel, {
    description: 'Refused while it has datasets or is referenced, unless cascade: then its datasets and fields go too.',
  })
  deleteDataSource(
    @Args('key', { type: () => ID }) key: string,
    @Args('cascade', { type: () => Boolean, defaultValue: false }) cascade: boolean,
    @InventoryCaller() caller: Caller,
  ) {
    return this.writer.delete(caller, Label.DataSource, key, cascade);
  }

  @ResolveField('department', () => DepartmentModel, { nullable: true })
  department(@Parent() parent: View, @InventoryCaller() caller: Caller) {
    return this.reader.byKey(caller, Label.Department, parent.departmentKey as string | null);
  }

  @ResolveField('datasets', () => [DatasetModel])
  datasets(
    @Parent() parent: View,
    @Args('first', NESTED_FIRST) first: number | null,
    @InventoryCaller() caller: Caller,
  ) {
    return this.reader.related(caller, RELATIONS.sourceDatasets, parent.key, first);
  }

  @ResolveField('servers', () => [ServerModel])
  servers(
    @Parent() parent: View,
    @Args('first', NESTED_FIRST) first: number | null,
    @InventoryCaller() caller: Caller,
  ) {
    return this.reader.related(caller, RELATIONS.sourceServers, parent.key, first);
  }

  @ResolveField('stakeholders', () => [StakeholderModel])
  stakeholders(
    @Parent() parent: View,
    @Args('first', NESTED_FIRST) first: number | null,
    @InventoryCaller() caller: Caller,
  ) {
    return this.reader.related(caller, RELATIONS.sourceStakeholders, parent.key, first);
  }
}
