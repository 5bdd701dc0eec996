import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Label } from '@cartographer/inventory';
import { RequirePolicy } from '../../auth/policy.decorators.js';
import {
  CreateDatasetInput,
  CreateFieldInput,
  UpdateDatasetInput,
  UpdateFieldInput,
} from '../dto/data-source.input.js';
import { DatasetListArgs, FieldListArgs } from '../dto/inventory-list.args.js';
import { InventoryCaller, NESTED_FIRST } from '../inventory-caller.decorator.js';
import { type Caller, InventoryReader } from '../inventory-reader.js';
import { RELATIONS } from '../inventory-relations.js';
import type { View } from '../inventory-views.js';
import { InventoryWriter, plainInput, updateOf } from '../inventory-writer.js';
import { DeletionModel } from '../models/common.model.js';
import {
  DatasetModel,
  DatasetPageModel,
  DatasetReferenceModel,
  DataSourceModel,
  FieldModel,
  FieldPageModel,
} from '../models/data-source.model.js';

@Resolver(() => DatasetModel)
@RequirePolicy('read', 'Dataset')
export class DatasetResolver {
  constructor(
    private readonly reader: InventoryReader,
    private readonly writer: InventoryWriter,
  ) {}

  @Query(() => DatasetModel, { nullable: true })
  dataset(@Args('key', { type: () => ID }) key: string, @InventoryCaller() caller: Caller) {
    return this.reader.one(caller, Label.Dataset, key);
  }

  @Query(() => DatasetPageModel, { description: 'Datasets ordered by key.' })
  datasets(@Args() args: DatasetListArgs, @InventoryCaller() caller: Caller) {
    return this.reader.page(caller, Label.Dataset, args);
  }

  @RequirePolicy('create', 'Dataset')
  @Mutation(() => DatasetModel)
  createDataset(@Args('input') input: CreateDatasetInput, @InventoryCaller() caller: Caller) {
    return this.writer.run(caller, 'create', (context) =>
      this.writer.commands.createDataset(plainInput(input), context),
    );
  }

  @RequirePolicy('update', 'Dataset')
  @Mutation(() => DatasetModel)
  updateDataset(
    @Args('key', { type: () => ID }) key: string,
    @Args('input') input: UpdateDatasetInput,
    @InventoryCaller() caller: Caller,
  ) {
    return this.writer.run(caller, 'update', (context) =>
      this.writer.commands.updateDataset(key, ...updateOf(input, context)),
    );
  }

  @RequirePolicy('delete', 'Dataset')
  @Mutation(() => DeletionModel, { description: 'Refused while it has fields or is referenced, unless cascade.' })
  deleteDataset(
    @Args('key', { type: () => ID }) key: string,
    @Args('cascade', { type: () => Boolean, defaultValue: false }) cascade: boolean,
    @InventoryCaller() caller: Caller,
  ) {
    return this.writer.delete(caller, Label.Dataset, key, cascade);
  }

  @ResolveField('source', () => DataSourceModel, { nullable: true })
  source(@Parent() parent: View, @InventoryCaller() caller: Caller) {
    return this.reader.byKey(caller, Label.DataSource, parent.sourceKey as string | null);
  }

  @ResolveField('fields', () => [FieldModel])
  fields(@Parent() parent: View, @Args('first', NESTED_FIRST) first: number | null, @InventoryCaller() caller: Caller) {
    return this.reader.related(caller, RELATIONS.datasetFields, parent.key, first);
  }

  @ResolveField('references', () => [DatasetReferenceModel], { description: 'Foreign keys to other datasets.' })
  async references(
    @Parent() parent: View,
    @Args('first', NESTED_FIRST) first: number | null,
    @InventoryCaller() caller: Caller,
  ) {
    const rows = await this.reader.relatedWithProps(caller, RELATIONS.datasetReferences, parent.key, first);
    return rows.map(({ view, rel }) => ({
      name: rel.name ?? null,
      columns: rel.columns ?? [],
      referencedColumns: rel.referencedColumns ?? [],
      datasetKey: view.key,
      dataset: view,
    }));
  }
}

@Resolver(() => DatasetReferenceModel)
@RequirePolicy('read', 'Dataset')
export class DatasetReferenceResolver {
  @ResolveField('dataset', () => DatasetModel, { description: 'The referenced dataset.' })
  dataset(@Parent() parent: { dataset: View }) {
    return parent.dataset;
  }
}

@Resolver(() => FieldModel)
@RequirePolicy('read', 'Field')
export class FieldResolver {
  constructor(
    private readonly reader: InventoryReader,
    private readonly writer: InventoryWriter,
  ) {}

  @Query(() => FieldModel, { nullable: true })
  field(@Args('key', { type: () => ID }) key: string, @InventoryCaller() caller: Caller) {
    return this.reader.one(caller, Label.Field, key);
  }

  @Query(() => FieldPageModel, { description: 'Fields ordered by key.' })
  fields(@Args() args: FieldListArgs, @InventoryCaller() caller: Caller) {
    return this.reader.page(caller, Label.Field, args);
  }

  @RequirePolicy('create', 'Field')
  @Mutation(() => FieldModel)
  createField(@Args('input') input: CreateFieldInput, @InventoryCaller() caller: Caller) {
    return this.writer.run(caller, 'create', (context) => this.writer.commands.createField(plainInput(input), context));
  }

  @RequirePolicy('update', 'Field')
  @Mutation(() => FieldModel)
  updateField(
    @Args('key', { type: () => ID }) key: string,
    @Args('input') input: UpdateFieldInput,
    @InventoryCaller() caller: Caller,
  ) {
    return this.writer.run(caller, 'update', (context) =>
      this.writer.commands.updateField(key, ...updateOf(input, context)),
    );
  }

  @RequirePolicy('delete', 'Field')
  @Mutation(() => DeletionModel, { description: 'Refused while activities use it or flows carry it, unless cascade.' })
  deleteField(
    @Args('key', { type: () => ID }) key: string,
    @Args('cascade', { type: () => Boolean, defaultValue: false }) cascade: boolean,
    @InventoryCaller() caller: Caller,
  ) {
    return this.writer.delete(caller, Label.Field, key, cascade);
  }

  @ResolveField('dataset', () => DatasetModel, { nullable: true })
  dataset(@Parent() parent: View, @InventoryCaller() caller: Caller) {
    return this.reader.byKey(caller, Label.Dataset, parent.datasetKey as string | null);
  }
}
