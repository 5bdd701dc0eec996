import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Label } from '@cartographer/inventory';
import { RequirePolicy } from '../../auth/policy.decorators.js';
import { OrganisationListArgs } from '../dto/inventory-list.args.js';
import { CreateOrganisationInput, UpdateOrganisationInput } from '../dto/organisation.input.js';
import { InventoryCaller, NESTED_FIRST } from '../inventory-caller.decorator.js';
import { type Caller, InventoryReader } from '../inventory-reader.js';
import { RELATIONS } from '../inventory-relations.js';
import type { View } from '../inventory-views.js';
import { InventoryWriter, plainInput, updateOf } from '../inventory-writer.js';
import { DepartmentModel } from '../models/department.model.js';
import { OrganisationModel, OrganisationPageModel } from '../models/organisation.model.js';
import { RecipientModel, ServerModel } from '../models/server.model.js';

@Resolver(() => OrganisationModel)
@RequirePolicy('read', 'Organisation')
export class OrganisationResolver {
  constructor(
    private readonly reader: InventoryReader,
    private readonly writer: InventoryWriter,
  ) {}

  @Query(() => OrganisationModel, { nullable: true, description: 'Null when it does not exist or is not readable.' })
  organisation(@Args('key', { type: () => ID }) key: string, @InventoryCaller() caller: Caller) {
    return this.reader.one(caller, Label.Organisation, key);
  }

  @Query(() => OrganisationPageModel, { description: 'Organisations ordered by key.' })
  organisations(@Args() args: OrganisationListArgs, @InventoryCaller() caller: Caller) {
    return this.reader.page(caller, Label.Organisation, args);
  }

  @RequirePolicy('create', 'Organisation')
  @Mutation(() => OrganisationModel)
  createOrganisation(@Args('input') input: CreateOrganisationInput, @InventoryCaller() caller: Caller) {
    return this.writer.run(caller, 'create', (context) =>
      this.writer.commands.createOrganisation(plainInput(input), context),
    );
  }

  @RequirePolicy('update', 'Organisation')
  @Mutation(() => OrganisationModel, {
    description: 'A sector change re-derives every jurisdiction of the organisation.',
  })
  updateOrganisation(
    @Args('key', { type: () => ID }) key: string,
    @Args('input') input: UpdateOrganisationInput,
    @InventoryCaller() caller: Caller,
  ) {
    return this.writer.run(caller, 'update', (context) =>
      this.writer.commands.updateOrganisation(key, ...updateOf(input, context)),
    );
  }

  @ResolveField('departments', () => [DepartmentModel])
  departments(
    @Parent() parent: View,
    @Args('first', NESTED_FIRST) first: number | null,
    @InventoryCaller() caller: Caller,
  ) {
    return this.reader.related(caller, RELATIONS.organisationDepartments, parent.key, first);
  }

  @ResolveField('servers', () => [ServerModel])
  servers(
    @Parent() parent: View,
    @Args('first', NESTED_FIRST) first: number | null,
    @InventoryCaller() caller: Caller,
  ) {
    return this.reader.related(caller, RELATIONS.organisationServers, parent.key, first);
  }

  @ResolveField('recipients', () => [RecipientModel])
  recipients(
    @Parent() parent: View,
    @Args('first', NESTED_FIRST) first: number | null,
    @InventoryCaller() caller: Caller,
  ) {
    return this.reader.related(caller, RELATIONS.organisationRecipients, parent.key, first);
  }
}
