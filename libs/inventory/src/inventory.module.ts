import { Module } from '@nestjs/common';
import { InventoryImportService } from './inventory-import.service.js';

/** The inventory's domain services; needs the global GraphModule. */
@Module({ providers: [InventoryImportService], exports: [InventoryImportService] })
export class InventoryModule {}
