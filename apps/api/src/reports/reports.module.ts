import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { accessFilterFor, type AppAbility, AuditService } from '@cartographer/access';
import { Neo4jService } from '@cartographer/graph';
import { RiskDecisionsRepository } from '@cartographer/registers';
import { ReportContentService } from '@cartographer/report-content';
import { ReportSnapshotService, ReportSnapshotsRepository } from '@cartographer/reports';
import { ScanRunsRepository } from '@cartographer/scan';
import { ReportFilesController } from './report-files.controller.js';
import { ReportsResolver } from './reports.resolver.js';
import { REPORT_SNAPSHOTS_TOKEN } from './reports.tokens.js';

export const REPORTS_RESOLVERS = [ReportsResolver];

/** Generated reports: snapshots (GraphQL) and their files (HTTP, with the caller's rights). */
@Module({
  controllers: [ReportFilesController],
  providers: [
    ...REPORTS_RESOLVERS,
    {
      provide: REPORT_SNAPSHOTS_TOKEN,
      inject: [DataSource, AuditService, Neo4jService],
      useFactory: (dataSource: DataSource, audit: AuditService, neo4j: Neo4jService) => {
        const scanRuns = new ScanRunsRepository(dataSource);
        const riskDecisions = new RiskDecisionsRepository(dataSource, audit);
        // Each build reads the inventory with the caller's own read scope (on top of the generate check).
        const contentFor = (ability: AppAbility) =>
          new ReportContentService({
            neo4j,
            scanRuns,
            riskDecisions,
            scope: accessFilterFor(ability, 'read', 'Organisation'),
          });
        return new ReportSnapshotService(new ReportSnapshotsRepository(dataSource, audit), contentFor);
      },
    },
  ],
})
export class ReportsApiModule {}
