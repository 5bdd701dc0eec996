import { Injectable } from '@nestjs/common';
import {
  ACCESS_ENTITIES,
  AuditOutbox,
  AuditOutboxRelay,
  AuditService,
  PasswordService,
  UsersService,
} from '@cartographer/access';
import { type InventoryDocument, InventoryImportService, readDeclaredFeasibility } from '@cartographer/inventory';
import { ReportContentService } from '@cartographer/report-content';
import { ReportSnapshotService, ReportSnapshotsRepository } from '@cartographer/reports';
import { ComplianceRegisters, READ_ALL, RiskDecisionsRepository } from '@cartographer/registers';
import type { Neo4jService } from '@cartographer/graph';
import { ScanRunsRepository } from '@cartographer/scan';
import { CliRuntime } from './cli-runtime.js';

/**
 * The library services CLI commands use, built once per run from the stores CliRuntime opens on
 * first use. Nest providers are created when the CLI starts, before anyone knows whether the
 * command needs a store (`carto --help` must start none), so the stores cannot be providers; this
 * injectable is the one place that wires services to them, and commands take it by injection.
 */
@Injectable()
export class CliServices {
  private readonly made = new Map<string, Promise<unknown>>();

  constructor(private readonly runtime: CliRuntime) {}

  private once<T>(name: string, make: () => Promise<T>): Promise<T> {
    if (!this.made.has(name)) this.made.set(name, make());
    return this.made.get(name) as Promise<T>;
  }

  /** The audit outbox graph changes enqueue their entry in, inside their own transaction. */
  readonly outbox = new AuditOutbox();

  audit(): Promise<AuditService> {
    return this.once('audit', async () => new AuditService(await this.runtime.postgres(ACCESS_ENTITIES)));
  }

  users(): Promise<UsersService> {
    return this.once(
      'users',
      async () =>
        new UsersService(await this.runtime.postgres(ACCESS_ENTITIES), new PasswordService(), await this.audit()),
    );
  }

  relay(): Promise<AuditOutboxRelay> {
    return this.once('relay', async () => new AuditOutboxRelay(await this.runtime.graph(), await this.audit()));
  }

  /**
   * Appends what the command enqueued to the audit chain. The change is committed already: if
   * PostgreSQL cannot be reached, the entries stay in the outbox (the API appends them at its next
   * start, as does the next CLI action) and one line says so.
   */
  async relayAudit(): Promise<void> {
    try {
      await (await this.relay()).relay();
    } catch (error) {
      process.stderr.write(
        `carto: the audit entry stays in the graph's outbox until the next relay: ${(error as Error).message}\n`,
      );
    }
  }

  importer(): Promise<InventoryImportService> {
    return this.once('importer', async () => new InventoryImportService(await this.runtime.graph()));
  }

  /** The plan and the needs an organisation declared (NOT_FOUND for an unknown organisation). */
  async declaredFeasibility(organisation: string): Promise<Pick<InventoryDocument, 'plan' | 'needs'>> {
    return readDeclaredFeasibility(await this.runtime.graph(), organisation);
  }

  registers(): Promise<ComplianceRegisters> {
    return this.once('registers', async () => new ComplianceRegisters(await this.runtime.graph()));
  }

  /** The graph, for the use cases that take it directly (the risk register). */
  graph(): Promise<Neo4jService> {
    return this.runtime.graph();
  }

  /** The DPO's risk decisions and action plan (PostgreSQL), audited in the chain. */
  riskDecisions(): Promise<RiskDecisionsRepository> {
    return this.once(
      'riskDecisions',
      async () => new RiskDecisionsRepository(await this.runtime.postgres(ACCESS_ENTITIES), await this.audit()),
    );
  }

  scanRuns(): Promise<ScanRunsRepository> {
    return this.once('scanRuns', async () => new ScanRunsRepository(await this.runtime.postgres(ACCESS_ENTITIES)));
  }

  /** Report snapshots (PostgreSQL) over the report contents built from the graph: the API's use case. */
  reports(): Promise<ReportSnapshotService> {
    return this.once('reports', async () => {
      const snapshots = new ReportSnapshotsRepository(await this.runtime.postgres(ACCESS_ENTITIES), await this.audit());
      // The CLI operator reads every organisation (as for `carto export`): READ_ALL, explicitly.
      const content = new ReportContentService({
        neo4j: await this.runtime.graph(),
        scanRuns: await this.scanRuns(),
        riskDecisions: await this.riskDecisions(),
        scope: READ_ALL,
      });
      return new ReportSnapshotService(snapshots, () => content);
    });
  }
}
