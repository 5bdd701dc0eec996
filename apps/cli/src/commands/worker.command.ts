import { Command, CommandRunner } from 'nest-commander';
import { executeScanJob, ScanQueue } from '@cartographer/scan';
import { CliRuntime } from '../cli-runtime.js';
import { CliServices } from '../cli-services.js';

@Command({ name: 'worker', description: 'Run queued scans (several workers can share the queue); stops on SIGTERM' })
export class WorkerCommand extends CommandRunner {
  constructor(
    private readonly runtime: CliRuntime,
    private readonly services: CliServices,
  ) {
    super();
  }

  async run(): Promise<void> {
    const neo4j = await this.runtime.graph();
    const dataSource = await this.runtime.postgres();
    const runs = await this.services.scanRuns();
    const relay = await this.services.relay();
    const url = (dataSource.options as { url?: string }).url ?? '';
    const queue = new ScanQueue(url, {
      workers: Math.max(1, this.runtime.config.scanWorkers),
      execute: async (job) => {
        await executeScanJob(job, { neo4j, runs, outbox: this.services.outbox });
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
