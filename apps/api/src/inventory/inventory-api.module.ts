import { Module } from '@nestjs/common';
import { InventoryCommandService, InventoryModule, InventoryQueryRepository } from '@cartographer/inventory';
import { InventoryLoaderFactory } from './inventory-loaders.js';
import { InventoryReader } from './inventory-reader.js';
import { InventoryWriter } from './inventory-writer.js';
import { DataSourceResolver } from './resolvers/data-source.resolver.js';
import { DatasetReferenceResolver, DatasetResolver, FieldResolver } from './resolvers/dataset.resolver.js';
import { DepartmentResolver, StakeholderResolver } from './resolvers/department.resolver.js';
import { InventoryResolver } from './resolvers/inventory.resolver.js';
import { OrganisationResolver } from './resolvers/organisation.resolver.js';
import {
  DataFlowResolver,
  ProcessingActivityResolver,
  TransferResolver,
} from './resolvers/processing-activity.resolver.js';
import { RecipientResolver, ServerResolver } from './resolvers/server.resolver.js';

/** Every resolver of the inventory API (also listed in apps/api/src/resolvers.ts for the printed schema). */
export const INVENTORY_RESOLVERS = [
  OrganisationResolver,
  DepartmentResolver,
  StakeholderResolver,
  ServerResolver,
  RecipientResolver,
  DataSourceResolver,
  DatasetResolver,
  DatasetReferenceResolver,
  FieldResolver,
  ProcessingActivityResolver,
  TransferResolver,
  DataFlowResolver,
  InventoryResolver,
];

/** The inventory's GraphQL API: reads through InventoryQueryRepository, writes through InventoryCommandService. */
@Module({
  imports: [InventoryModule],
  providers: [
    InventoryQueryRepository,
    InventoryCommandService,
    InventoryLoaderFactory,
    InventoryReader,
    InventoryWriter,
    ...INVENTORY_RESOLVERS,
  ],
})
export class InventoryApiModule {}
