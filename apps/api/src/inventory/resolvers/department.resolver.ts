import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Label } from '@cartographer/inventory';
import { RequirePolicy } from '../../auth/policy.decorators.js';
import { DepartmentListArgs, StakeholderListArgs } from '../dto/inventory-list.args.js';
import { CreateDepartmentInput, UpdateDepartmentInput } from '../dto/organisation.input.js';
import { InventoryCaller, NESTED_FIRST } from '../inventory-caller.decorator.js';
import { type Caller, InventoryReader } from '../inventory-reader.js';
import { RELATIONS } from '../inventory-relations.js';
import type { View } from '../inventory-views.js';
import { InventoryWriter, plainInput, updateOf } from '../inventory-writer.js';
import { DeletionModel } from '../models/common.model.js';
import { DataSourceModel } from '../models/data-source.model.js';
import {
  DepartmentModel,
  DepartmentPageModel,
  StakeholderModel,
  StakeholderPageModel,
} from '../models/department.model.js';
import { ProcessingActivityModel } from '../models/processing-activity.model.js';

@Resolver(() => DepartmentModel)
@RequirePolicy('read', 'Department')
export class DepartmentResolver {
  constructor(
    private readonly reader: InventoryReader,
    private readonly writer: InventoryWriter,
  ) {}

  @Query(() => DepartmentModel, { nullable: true })
  department(@Args('key', { type: () => ID }) key: string, @InventoryCaller() caller: Caller) {
    return this.reader.one(caller, Label.Department, key);
  }

  @Query(() => DepartmentPageModel, { description: 'Departments ordered by key.' })
  departments(@Args() args: DepartmentListArgs, @InventoryCaller() caller: Caller) {
    return this.reader.page(caller, Label.Department, args);
  }

  @RequirePolicy('create', 'Department')
  @Mutation(() => DepartmentModel)
  createDepartment(@Args('input') input: CreateDepartmentInput, @InventoryCaller() caller: Caller) {
    return this.writer.run(caller, 'create', (context) =>
      this.writer.commands.createDepartment(plainInput(input), context),
    );
  }

  @RequirePolicy('update', 'Department')
  @Mutation(() => DepartmentModel)
  updateDepartment(
    @Args('key', { type: () => ID }) key: string,
    @Args('input') input: UpdateDepartmentInput,
    @InventoryCaller() caller: Caller,
  ) {
    return this.writer.run(caller, 'update', (context) =>
      this.writer.commands.updateDepartment(key, ...updateOf(input, context)),
    );
  }

  @RequirePolicy('delete', 'Department')
  @Mutation(() => DeletionModel, {
    description: 'Refused while it owns sources or activities, unless cascade (which deletes them too).',
  })
  deleteDepartment(
    @Args('key', { type: () => ID }) key: string,
    @Args('cascade', { type: () => Boolean, defaultValue: false }) cascade: boolean,
    @InventoryCaller() caller: Caller,
  ) {
    return this.writer.delete(caller, Label.Department, key, cascade);
  }

  @ResolveField('sources', () => [DataSourceModel])
  sources(
    @Parent() parent: View,
    @Args('first', NESTED_FIRST) first: number | null,
    @InventoryCaller() caller: Caller,
  ) {
    return this.reader.related(caller, RELATIONS.departmentSources, parent.key, first);
  }

  @ResolveField('processingActivities', () => [ProcessingActivityModel])
  processingActivities(
    @Parent() parent: View,
    @Args('first', NESTED_FIRST) first: number | null,
    @InventoryCaller() caller: Caller,
  ) {
    return this.reader.related(caller, RELATIONS.departmentActivities, parent.key, first);
  }

  @ResolveField('stakeholders', () => [StakeholderModel])
  stakeholders(
    @Parent() parent: View,
    @Args('first', NESTED_FIRST) first: number | null,
    @InventoryCaller() caller: Caller,
  ) {
    return this.reader.related(caller, RELATIONS.departmentStakeholders, parent.key, first);
  }
}

/** Stakeholders are declared with their department or data source, and read as part of the department. */
@Resolver(() => StakeholderModel)
@RequirePolicy('read', 'Department')
export class StakeholderResolver {
  constructor(private readonly reader: InventoryReader) {}

  @Query(() => StakeholderModel, { nullable: true })
  stakeholder(@Args('key', { type: () => ID }) key: string, @InventoryCaller() caller: Caller) {
    return this.reader.one(caller, Label.Stakeholder, key);
  }

  @Query(() => StakeholderPageModel, { description: 'Stakeholders ordered by key.' })
  stakeholders(@Args() args: StakeholderListArgs, @InventoryCaller() caller: Caller) {
    return this.reader.page(caller, Label.Stakeholder, args);
  }
}
