import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import {
  AccessError,
  AccessErrorCode,
  accessFilterFor,
  type AppAbility,
  asSubject,
  assertCan,
  AuditService,
  type AuthenticatedPrincipal,
} from '@cartographer/access';
import { Neo4jService } from '@cartographer/graph';
import { graphKey } from '@cartographer/inventory';
import { type ScanRun, ScanQueue, ScanRunsRepository, targetOfSource } from '@cartographer/scan';
import { CurrentAbility, CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { RequirePolicy } from '../auth/policy.decorators.js';
import { ScanRunModel } from './scan-run.model.js';
import { SCAN_QUEUE_TOKEN, SCAN_RUNS_TOKEN } from './scans.tokens.js';

@ArgsType()
export class StartScanArgs {
  @Field(() => String)
  @Matches(/^[a-z0-9][a-z0-9._-]{0,63}$/)
  organisation!: string;

  @Field(() => String, { description: 'Local key of a declared source with a connectionRef.' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/)
  source!: string;

  @Field(() => Int, { nullable: true, description: 'Values sampled per column (default 1000).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  sample?: number;
}

/**
 * A run's target (a URL without its password: user, host, port, database) and failure text (which
 * may name the connectionRef or the host) are its connection details and error detail, which
 * RESTRICTED_FIELDS keeps from some roles (AUDITOR) under the names connectionRef and errorDetail:
 * those callers get the source key instead of the target, and no failure text.
 */
function scanRunView(ability: AppAbility, run: ScanRun): ScanRunModel {
  const subject = asSubject('ScanRun', { organisation: run.organisation });
  const target = ability.can('read', subject, 'connectionRef')
    ? run.target
    : run.sourceKey
      ? `source ${run.sourceKey}`
      : 'hidden';
  const failure = run.failure === null || ability.can('read', subject, 'errorDetail') ? run.failure : 'hidden';
  return { ...run, target, failure } as ScanRunModel;
}

@Resolver(() => ScanRunModel)
export class ScansResolver {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly audit: AuditService,
    @Inject(SCAN_RUNS_TOKEN) private readonly runs: ScanRunsRepository,
    @Inject(SCAN_QUEUE_TOKEN) private readonly queue: ScanQueue,
  ) {}

  @RequirePolicy('scan', 'DataSource')
  @Mutation(() => ScanRunModel, { description: 'Queues a scan of a declared source; poll scanRun(id) for progress.' })
  async startScan(
    @Args() args: StartScanArgs,
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
  ): Promise<ScanRunModel> {
    const rows = await this.neo4j.queryRead<{ department: string }>(
      'MATCH (s:DataSource {key: $key}) RETURN s.department AS department',
      {
        key: graphKey(args.organisation, args.source),
      },
    );
    // A source the caller may not see is reported as missing, not as forbidden.
    if (
      rows.length === 0 ||
      !ability.can('read', asSubject('DataSource', { organisation: args.organisation, department: rows[0].department }))
    ) {
      throw new AccessError(
        AccessErrorCode.NOT_FOUND,
        `source '${args.source}' does not exist in organisation '${args.organisation}'`,
      );
    }
    assertCan(ability, 'scan', 'DataSource', {
      key: args.source,
      organisation: args.organisation,
      department: rows[0].department,
    });
    await targetOfSource(this.neo4j, args.organisation, args.source).catch((error: Error) => {
      throw new AccessError(AccessErrorCode.INVALID_INPUT, error.message);
    });
    const run = await this.runs.create({
      organisation: args.organisation,
      sourceKey: args.source,
      target: `source ${args.source}`,
      requestedBy: `user:${principal.email}`,
      store: true,
    });
    await this.queue.enqueue({
      runId: run.id,
      organisation: args.organisation,
      sourceKey: args.source,
      sampleSize: args.sample,
      requestedBy: { type: 'user', id: principal.userId, label: principal.email },
    });
    await this.audit.record({
      action: 'scan.start',
      entityType: 'DataSource',
      entityKey: graphKey(args.organisation, args.source),
      organisation: args.organisation,
      after: { run: run.id },
    });
    return run as ScanRunModel;
  }

  @RequirePolicy('read', 'ScanRun')
  @Query(() => ScanRunModel, { nullable: true, description: 'One scan run, with its progress and result.' })
  async scanRun(
    @Args('id', { type: () => String }) id: string,
    @CurrentAbility() ability: AppAbility,
  ): Promise<ScanRunModel | null> {
    const run = await this.runs.get(id);
    if (!run) return null;
    const allowed = accessFilterFor(ability, 'read', 'ScanRun').organisations;
    if (allowed !== null && (run.organisation === null || !allowed.includes(run.organisation))) return null;
    return scanRunView(ability, run);
  }

  @RequirePolicy('read', 'ScanRun')
  @Query(() => [ScanRunModel], { description: 'Recent scan runs, newest first (at most 100).' })
  async scanRuns(
    @CurrentAbility() ability: AppAbility,
    @Args('source', { type: () => String, nullable: true }) source?: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first = 20,
  ): Promise<ScanRunModel[]> {
    if (first < 1 || first > 100)
      throw new AccessError(AccessErrorCode.INVALID_INPUT, `first: expected an integer from 1 to 100, got ${first}`);
    const organisations = accessFilterFor(ability, 'read', 'ScanRun').organisations;
    const runs = await this.runs.list({ organisations, sourceKey: source, limit: first });
    return runs.map((run) => scanRunView(ability, run));
  }
}
