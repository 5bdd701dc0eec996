import PgBoss from 'pg-boss';
import type { ScanJob } from './scan-executor.js';

export const SCAN_QUEUE = 'carto-scan';

/**
 * Scans as background jobs on a PostgreSQL-backed queue (pg-boss, in its own `pgboss` schema), so
 * several worker processes (the API and `carto worker`) share the load and a job survives a restart.
 */
export class ScanQueue {
  private readonly boss: PgBoss;
  private started = false;

  constructor(
    databaseUrl: string,
    private readonly options: {
      workers: number;
      execute: (job: ScanJob) => Promise<void>;
      onError?: (error: Error) => void;
    },
  ) {
    this.boss = new PgBoss({ connectionString: databaseUrl, application_name: 'cartographer-scans', max: 4 });
    this.boss.on('error', (error: Error) => options.onError?.(error));
  }

  async start(): Promise<void> {
    await this.boss.start();
    this.started = true;
    if (!(await this.boss.getQueue(SCAN_QUEUE)))
      await this.boss.createQueue(SCAN_QUEUE, { name: SCAN_QUEUE, retryLimit: 0, expireInHours: 12 });
    for (let i = 0; i < this.options.workers; i++) {
      await this.boss.work<ScanJob>(SCAN_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
        await this.options.execute(job.data);
      });
    }
  }

  async enqueue(job: ScanJob): Promise<void> {
    await this.boss.send(SCAN_QUEUE, job, { retryLimit: 0 });
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  }
}
