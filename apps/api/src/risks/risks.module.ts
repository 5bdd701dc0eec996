import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@cartographer/access';
import { RiskDecisionsRepository } from '@cartographer/registers';
import { RisksResolver } from './risks.resolver.js';
import { RISK_DECISIONS_TOKEN } from './risks.tokens.js';

@Module({
  providers: [
    RisksResolver,
    {
      provide: RISK_DECISIONS_TOKEN,
      inject: [DataSource, AuditService],
      useFactory: (dataSource: DataSource, audit: AuditService) => new RiskDecisionsRepository(dataSource, audit),
    },
  ],
})
export class RisksApiModule {}
