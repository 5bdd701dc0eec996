import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@cartographer/access';
import { Neo4jService } from '@cartographer/graph';
import { ReportContentService } from '@cartographer/report-content';
import { type ReportModelBuilder, ReportSnapshotService, ReportSnapshotsRepository } from '@cartographer/reports';
import { ReportFilesController } from './report-files.controller.js';
import { ReportsResolver } from './reports.resolver.js';
import { REPORT_MODEL_BUILDER_TOKEN, REPORT_SNAPSHOTS_TOKEN } from './reports.tokens.js';

export const REPORTS_RESOLVERS = [ReportsResolver];

/** Generated reports: snapshots (GraphQL) and their files (HTTP, with the caller's rights). */
@Module({
  controllers: [ReportFilesController],
  providers: [
    ...REPORTS_RESOLVERS,
    {
      provide: REPORT_MODEL_BUILDER_TOKEN,
      inject: [Neo4jService],
      useFactory: (neo4j: Neo4jService): ReportModelBuilder => new ReportContentService(neo4j),
    },
    {
      provide: REPORT_SNAPSHOTS_TOKEN,
      inject: [DataSource, AuditService, REPORT_MODEL_BUILDER_TOKEN],
      useFactory: (dataSource: DataSource, audit: AuditService, content: ReportModelBuilder) =>
        new ReportSnapshotService(new ReportSnapshotsRepository(dataSource, audit), content),
    },
  ],
})
export class ReportsApiModule {}
