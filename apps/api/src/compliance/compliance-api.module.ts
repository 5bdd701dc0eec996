import { Module } from '@nestjs/common';
import { Neo4jService } from '@cartographer/graph';
import { InventoryCommandService, InventoryQueryRepository } from '@cartographer/inventory';
import { ComplianceRegisters } from '@cartographer/registers';
import { ComplianceResolver } from './compliance.resolver.js';

/** Every resolver of the compliance API (also listed in apps/api/src/resolvers.ts for the printed schema). */
export const COMPLIANCE_RESOLVERS = [ComplianceResolver];

/** Transfers, the Art. 30 record and the DPIA screening, through the use cases the CLI runs (libs/registers). */
@Module({
  providers: [
    {
      provide: ComplianceRegisters,
      useFactory: (neo4j: Neo4jService) => new ComplianceRegisters(neo4j),
      inject: [Neo4jService],
    },
    InventoryQueryRepository,
    InventoryCommandService,
    ...COMPLIANCE_RESOLVERS,
  ],
})
export class ComplianceApiModule {}
