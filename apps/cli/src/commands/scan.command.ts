import { CONNECTION_REF_PATTERN } from '@cartographer/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { secretFromEnv } from '@cartographer/config';
import { redactUrl } from '@cartographer/discovery';
import { keyFrom, runScanJob } from '@cartographer/scan';
import { CliRuntime } from '../cli-runtime.js';
import { CliServices } from '../cli-services.js';
import { CliFailure, ExitCode } from '../cli-errors.js';
import { localKeyOption } from '../cli-keys.js';
import { ProgressBar } from '../progress-bar.js';
import { cliActor } from './cli-audit.js';

const usage = (message: string) => new CliFailure(ExitCode.INVALID_INPUT, message);

interface ScanOptions {
  organisation?: string;
  source?: string;
  department?: string;
  sample?: number;
  format: 'text' | 'json';
  store: boolean;
  connectionRef?: string;
}

@Command({
  name: 'scan',
  arguments: '<target>',
  description:
    'Scan a database (postgres://, mysql://, mariadb:// URL, or env:VAR naming a variable that holds it) or a directory; classify its fields and update the inventory',
})
export class ScanCommand extends CommandRunner {
  constructor(
    private readonly runtime: CliRuntime,
    private readonly services: CliServices,
  ) {
    super();
  }

  @Option({ flags: '--organisation <key>', description: 'organisation to write to (required unless --no-store)' })
  parseOrganisation(value: string): string {
    return value;
  }

  @Option({ flags: '--source <name>', description: 'inventory key of the source (default: derived from the target)' })
  parseSource(value: string): string {
    return value;
  }

  @Option({ flags: '--department <key>', description: 'department owning the source, when it is new' })
  parseDepartment(value: string): string {
    return value;
  }

  @Option({ flags: '--sample <n>', description: 'values sampled per column (default 1000)' })
  parseSample(value: string): number {
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 100000)
      throw usage(`--sample must be a whole number from 1 to 100000, got '${value}'`);
    return Number(value);
  }

  @Option({
    flags: '--format <format>',
    description: 'text (default) or json: one JSON document on stdout',
    defaultValue: 'text',
  })
  parseFormat(value: string): string {
    if (value !== 'text' && value !== 'json') throw usage(`--format must be text or json, got '${value}'`);
    return value;
  }

  @Option({ flags: '--no-store', description: 'scan and print without writing the inventory' })
  parseNoStore(): boolean {
    return false;
  }

  @Option({
    flags: '--connection-ref <VAR>',
    description: 'environment variable to record as the source connection reference',
  })
  parseConnectionRef(value: string): string {
    if (!CONNECTION_REF_PATTERN.test(value))
      throw usage(`--connection-ref must be an environment variable name, got '${value}'`);
    return value;
  }

  async run([rawTarget]: string[], given: ScanOptions): Promise<void> {
    const source = localKeyOption('--source', given.source, given.organisation);
    const department = localKeyOption('--department', given.department, source.organisation);
    const options = {
      ...given,
      organisation: department.organisation,
      source: source.local,
      department: department.local,
    };
    const store = options.store !== false;
    let target = rawTarget;
    let connectionRef = options.connectionRef;
    if (rawTarget.startsWith('env:')) {
      const variable = rawTarget.slice(4);
      const value = secretFromEnv(variable);
      if (!value) throw usage(`environment variable ${variable} is not set`);
      target = value;
      connectionRef ??= variable;
    }
    if (store && !options.organisation)
      throw usage('--organisation is required to store the scan (or pass --no-store)');
    const shown = /^[a-z]+:\/\//i.test(target) ? redactUrl(target) : target;
    const sourceKey = options.source ?? keyFrom(shown.replace(/^[a-z]+:\/\/(?:[^@/]*@)?/i, '').replace(/[/:]+/g, '-'));

    const actor = cliActor();
    const runs = await this.services.scanRuns();
    const run = await runs.create({
      organisation: options.organisation,
      sourceKey,
      target: shown,
      requestedBy: actor.label ?? 'cli',
      store,
      status: 'RUNNING',
    });
    const bar = new ProgressBar(/^[a-z]+:\/\//i.test(target) ? 'tables' : 'files');
    try {
      // The same run lifecycle as a queued scan (carto worker, the API): store, propagate, audit.
      const report = await runScanJob(
        { neo4j: await this.runtime.graph(), runs, outbox: this.services.outbox },
        run.id,
        {
          target,
          name: options.source,
          sampleSize: options.sample,
          onProgress: (p) => bar.update(p.done, p.total),
          actor,
          store: store
            ? { organisation: options.organisation!, sourceKey, department: options.department, connectionRef }
            : undefined,
        },
      );
      bar.finish();
      if (store) await this.services.relayAudit();
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify({ run: run.id, ...report })}\n`);
      } else {
        const personal = report.fields.filter((f) => f.personal).length;
        const special = report.fields.filter((f) => f.specialCategory).length;
        process.stdout.write(
          `scanned ${shown}: ${report.datasets.length} datasets, ${report.fields.length} fields, ${personal} personal (${special} special category), ${report.errors.length} errors\n`,
        );
        for (const error of report.errors)
          process.stdout.write(`  error ${error.dataset ?? '(source)'}: ${error.message}\n`);
        if (report.stored)
          process.stdout.write(
            `stored as source '${report.stored.source}' of organisation '${report.stored.organisation}' (run ${run.id})\n`,
          );
      }
    } catch (error) {
      bar.finish();
      throw error;
    }
  }
}
