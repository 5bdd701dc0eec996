import { Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditOutbox, AuditOutboxRelay } from '@cartographer/access';
import { APP_CONFIG, type AppConfig } from '@cartographer/config';
import { Neo4jService } from '@cartographer/graph';
import { executeScanJob, ScanQueue, ScanRunsRepository } from '@cartographer/scan';
import { ScansResolver } from './scans.resolver.js';
import { SCAN_QUEUE_TOKEN, SCAN_RUNS_TOKEN } from './scans.tokens.js';

@Module({
  providers: [
    ScansResolver,
    {
      provide: SCAN_RUNS_TOKEN,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new ScanRunsRepository(dataSource),
    },
    {
      provide: SCAN_QUEUE_TOKEN,
      inject: [APP_CONFIG, Neo4jService, SCAN_RUNS_TOKEN, DataSource, AuditOutbox, AuditOutboxRelay],
      useFactory: (
        config: AppConfig,
        neo4j: Neo4jService,
        runs: ScanRunsRepository,
        dataSource: DataSource,
        outbox: AuditOutbox,
        relay: AuditOutboxRelay,
      ) => {
        const logger = new Logger('ScanQueue');
        const options = dataSource.options as { url?: string };
        return new ScanQueue(options.url ?? '', {
          workers: config.scanWorkers,
          execute: async (job) => {
            await executeScanJob(job, { neo4j, runs, outbox });
            await relay.flush();
          },
          onError: (error) => logger.error(`queue error: ${error.message}`),
        });
      },
    },
  ],
})
export class ScansModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(SCAN_QUEUE_TOKEN) private readonly queue: ScanQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.stop();
  }
}
