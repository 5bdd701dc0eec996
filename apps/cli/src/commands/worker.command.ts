import { Command, CommandRunner } from 'nest-commander';
import { AuditOutboxRelay, AuditService } from '@cartographer/access';
import { executeScanJob, ScanQueue, ScanRunsRepository } from '@cartographer/scan';
import { CliRuntime } from '../cli-runtime.js';
import { cliOutbox } from './cli-audit.js';

@Command({ name: 'worker', description: 'Run queued scans (several workers can share the queue); stops on SIGTERM' })
export class WorkerCommand extends CommandRunner {
  constructor(private readonly runtime: CliRuntime) {
    super();
  }

  async run(): Promise<void> {
    const neo4j = await this.runtime.graph();
    const dataSource = await this.runtime.postgres();
    const runs = new ScanRunsRepository(dataSource);
    const relay = new AuditOutboxRelay(neo4j, new AuditService(dataSource));
    const url = (dataSource.options as { url?: string }).url ?? '';
    const queue = new ScanQueue(url, {
      workers: Math.max(1, this.runtime.config.scanWorkers),
      execute: async (job) => {
        await executeScanJob(job, { neo4j, runs, outbox: cliOutbox });
        await relay.flush();
      },
      onError: (error) => process.stderr.write(`carto worker: queue error: ${error.message}\n`),
    });
    // Entries a crash left in the audit outbox are appended before new work starts.
    await relay.flush();
    await queue.start();
    process.stdout.write('carto worker: waiting for scan jobs (SIGTERM to stop)\n');
    await new Promise<void>((resolve) => {
      process.once('SIGTERM', resolve);
      process.once('SIGINT', resolve);
    });
    await queue.stop();
  }
}
