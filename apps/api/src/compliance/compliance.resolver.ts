import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AccessError,
  AccessErrorCode,
  type AppAbility,
  asSubject,
  assertCan,
  AuditOutbox,
  AuditOutboxRelay,
  type AuthenticatedPrincipal,
} from '@cartographer/access';
import { Neo4jService } from '@cartographer/graph';
import {
  type CommandResult,
  InventoryCommandService,
  InventoryQueryRepository,
  Label,
  type RecipientDoc,
} from '@cartographer/inventory';
import {
  ComplianceRegisters,
  type ComplianceQuery,
  type ReadScope,
  recordTransferImpactAssessment,
  requireAsOf,
  setDpiaOverride,
} from '@cartographer/registers';
import { CurrentAbility, CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { RequirePolicy } from '../auth/policy.decorators.js';
import { authorizerFor, readFilter } from '../inventory/inventory-access.js';
import type { TiaModel } from '../inventory/models/compliance-facts.model.js';
import { plainInput } from '../inventory/inventory-writer.js';
import { pageOf, recordView, screeningView, thresholdsView, transferView } from './compliance-views.js';
import { DpiaScreeningArgs, ProcessingRecordArgs, TransfersArgs, type ComplianceArgs } from './dto/compliance.args.js';
import { RecordTiaInput, SetDpiaOverrideInput } from './dto/compliance.input.js';
import { ComputedTransferPageModel, TiaRecordModel } from './models/computed-transfer.model.js';
import { DpiaActivityScreeningModel, DpiaScreeningPageModel } from './models/dpia-screening.model.js';
import { ProcessingRecordPageModel } from './models/processing-record.model.js';

/**
 * Everything the compliance computations read. A caller sees an organisation's transfers, record
 * and screening only where it may read all of it (every role but ADMIN: its own organisations).
 */
const COMPLIANCE_LABELS = [
  Label.Organisation,
  Label.ProcessingActivity,
  Label.DataSource,
  Label.Dataset,
  Label.Field,
  Label.Finding,
  Label.Server,
  Label.Recipient,
  Label.DataFlow,
] as const;

const scopeOf = (ability: AppAbility): ReadScope => readFilter(ability, COMPLIANCE_LABELS);

/**
 * GraphQL surface of the compliance engine over the same use cases as `carto transfers|register|dpia`
 * (libs/registers): computed on each request as of the date asked, then paged.
 */
@Resolver()
export class ComplianceResolver {
  constructor(
    private readonly registers: ComplianceRegisters,
    private readonly neo4j: Neo4jService,
    private readonly outbox: AuditOutbox,
    private readonly relay: AuditOutboxRelay,
    private readonly repository: InventoryQueryRepository,
    private readonly commands: InventoryCommandService,
  ) {}

  private query(args: ComplianceArgs, ability: AppAbility): ComplianceQuery {
    return {
      organisation: args.organisation,
      ...(args.department ? { department: args.department } : {}),
      asOf: args.asOf,
      scope: scopeOf(ability),
    };
  }

  @RequirePolicy('read', 'ProcessingActivity')
  @Query(() => ComputedTransferPageModel, {
    description: 'Transfers outside the EEA computed per edge (GDPR Chapter V), by id; as `carto transfers`.',
  })
  async transfers(
    @Args() args: TransfersArgs,
    @CurrentAbility() ability: AppAbility,
  ): Promise<ComputedTransferPageModel> {
    const result = await this.registers.transfers(this.query(args, ability));
    const matching = result.transfers.filter((t) => args.status === undefined || t.status === args.status);
    const page = pageOf(matching, (t) => t.id, args);
    return {
      organisation: result.organisation,
      asOf: result.asOf,
      ...page,
      items: page.items.map(transferView),
      notes: result.notes,
    };
  }

  @RequirePolicy('read', 'ProcessingActivity')
  @Query(() => ProcessingRecordPageModel, {
    description:
      'The computed record of processing activities (GDPR Art. 30), per activity by key; as `carto register`.',
  })
  async processingRecord(
    @Args() args: ProcessingRecordArgs,
    @CurrentAbility() ability: AppAbility,
  ): Promise<ProcessingRecordPageModel> {
    const result = await this.registers.processingRecord(this.query(args, ability));
    const matching = result.activities.filter(
      (a) => args.complete === undefined || (a.completeness.percent === 100) === args.complete,
    );
    const page = pageOf(matching, (a) => a.key, args);
    return {
      organisation: result.organisation,
      asOf: result.asOf,
      completeness: result.completeness,
      ...page,
      items: page.items.map(recordView),
    };
  }

  @RequirePolicy('read', 'ProcessingActivity')
  @Query(() => DpiaScreeningPageModel, {
    description:
      'DPIA screening per activity (Art. 35, WP248 criteria, CNIL lists), with the DPO’s overrides; as `carto dpia`.',
  })
  async dpiaScreening(
    @Args() args: DpiaScreeningArgs,
    @CurrentAbility() ability: AppAbility,
  ): Promise<DpiaScreeningPageModel> {
    const result = await this.registers.dpiaScreening(this.query(args, ability));
    const matching = result.activities.filter((a) => args.result === undefined || a.result === args.result);
    const page = pageOf(matching, (a) => a.key, args);
    return {
      organisation: result.organisation,
      asOf: result.asOf,
      thresholds: thresholdsView(result.thresholds),
      ...page,
      items: page.items.map(screeningView),
    };
  }

  @RequirePolicy('update', 'ProcessingActivity')
  @Mutation(() => DpiaActivityScreeningModel, {
    description:
      'Records a DPO’s decision on a DPIA criterion or result (justification required, audited, kept over re-computation); answers the activity’s screening as of `at`.',
  })
  async setDpiaOverride(
    @Args('input') input: SetDpiaOverrideInput,
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
  ): Promise<DpiaActivityScreeningModel> {
    const scope = scopeOf(ability);
    await setDpiaOverride(
      { neo4j: this.neo4j, outbox: this.outbox },
      {
        organisation: input.organisation,
        activity: input.activity,
        ...(input.criterion !== undefined && input.criterion !== null
          ? { criterion: input.criterion, met: input.met ?? undefined }
          : { result: input.result ?? undefined }),
        justification: input.justification,
        by: principal.email,
        at: input.at,
      },
      scope,
      (activity) => {
        // An activity the caller may not read is answered as absent, like a missing one.
        if (!ability.can('read', asSubject('ProcessingActivity', activity)))
          throw new AccessError(AccessErrorCode.NOT_FOUND, `activity '${input.activity}' does not exist`);
        assertCan(ability, 'update', 'ProcessingActivity', activity);
      },
    );
    await this.relay.flush();
    const screening = await this.registers.dpiaScreening({ organisation: input.organisation, asOf: input.at, scope });
    return screeningView(screening.activities.find((a) => a.key === input.activity)!);
  }

  @RequirePolicy('update', 'Recipient')
  @Mutation(() => TiaRecordModel, {
    description:
      'Records the transfer impact assessment of a recipient’s transfer tool (the six EDPB 01/2020 steps done, conclusion, re-evaluation date); audited. Answers the transfers to it as of `asOf`.',
  })
  async recordTransferImpactAssessment(
    @Args('input') input: RecordTiaInput,
    @CurrentAbility() ability: AppAbility,
  ): Promise<TiaRecordModel> {
    const asOf = requireAsOf(input.asOf);
    const result = await recordTransferImpactAssessment(
      { repository: this.repository, commands: this.commands },
      { organisation: input.organisation, recipient: input.recipient, tia: plainInput(input.tia) },
      readFilter(ability, [Label.Recipient]),
      {
        authorize: authorizerFor(ability),
        onWrite: async (tx, written) => {
          const change = written as CommandResult;
          await this.outbox.enqueue(tx, {
            action: 'recipient.transferImpactAssessment',
            entityType: change.label,
            entityKey: change.key,
            organisation: change.organisation,
            before: change.before ?? undefined,
            after: change.after,
          });
        },
      },
    );
    await this.relay.flush();
    const transfers = await this.registers.transfers({
      organisation: input.organisation,
      asOf,
      scope: scopeOf(ability),
    });
    return {
      recipient: result.key,
      tia: ((result.after as RecipientDoc).transferTool?.tia ?? {}) as TiaModel,
      transfers: transfers.transfers
        .filter((t) => t.to.kind === 'RECIPIENT' && t.to.key === input.recipient)
        .map(transferView),
    };
  }
}
