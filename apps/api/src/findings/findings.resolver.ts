import { ORGANISATION_KEY_PATTERN } from '@cartographer/common';
import { Args, ArgsType, Field, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  AccessError,
  AccessErrorCode,
  accessFilterFor,
  type AppAbility,
  asSubject,
  assertCan,
  AuditOutbox,
  AuditOutboxRelay,
  type AuthenticatedPrincipal,
  redactFields,
} from '@cartographer/access';
import {
  type Finding,
  type FindingsDeps,
  FindingsRepository,
  reviewDatasetFindings,
  reviewFinding,
  setPropagationBlock,
} from '@cartographer/findings';
import { Neo4jService } from '@cartographer/graph';
import { CurrentAbility, CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { RequirePolicy } from '../auth/policy.decorators.js';
import {
  FindingModel,
  FindingOriginEnum,
  FindingPageModel,
  FindingStatusEnum,
  PropagationResultModel,
  ReviewDecisionEnum,
  DatasetReviewModel,
} from './finding.model.js';
import { OptionalText } from '../graphql/text-field.decorators.js';

@ArgsType()
export class FindingsArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ORGANISATION_KEY_PATTERN)
  organisation?: string;

  @Field(() => FindingStatusEnum, { nullable: true })
  @IsOptional()
  status?: FindingStatusEnum;

  @OptionalText(64)
  category?: string;

  @OptionalText(256, { description: 'Key of a data source.' })
  source?: string;

  @OptionalText(128, { description: 'Local key of a department.' })
  department?: string;

  @Field(() => FindingOriginEnum, { nullable: true })
  @IsOptional()
  origin?: FindingOriginEnum;

  @Field(() => Int, { nullable: true, defaultValue: 50 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number;

  @OptionalText(1024)
  after?: string;
}

@ArgsType()
export class ReviewFindingArgs {
  @Field(() => String)
  @IsString()
  @MaxLength(1024)
  key!: string;

  @Field(() => ReviewDecisionEnum)
  @IsIn(['CONFIRM', 'REJECT'])
  decision!: ReviewDecisionEnum;

  @Field(() => String)
  @IsString()
  @MaxLength(2000)
  comment!: string;
}

@ArgsType()
export class ReviewDatasetFindingsArgs {
  @Field(() => String, { description: 'Key of the dataset (`<org>:<dataset>`).' })
  @IsString()
  @MaxLength(1024)
  dataset!: string;

  @Field(() => ReviewDecisionEnum)
  @IsIn(['CONFIRM', 'REJECT'])
  decision!: ReviewDecisionEnum;

  @Field(() => String)
  @IsString()
  @MaxLength(2000)
  comment!: string;
}

@ArgsType()
export class PropagationBlockArgs {
  @Field(() => String, { description: 'Key of the upstream field.' })
  @IsString()
  @MaxLength(1024)
  from!: string;

  @Field(() => String, { description: 'Key of the downstream field.' })
  @IsString()
  @MaxLength(1024)
  to!: string;

  @Field(() => Boolean)
  // Every member needs a validator: the global ValidationPipe (forbidNonWhitelisted) refuses the others.
  @IsBoolean()
  blocked!: boolean;

  @Field(() => String, { description: 'Why (e.g. the flow pseudonymises the value).' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}

function subjectOf(finding: Finding) {
  return { key: finding.key, organisation: finding.organisation, department: finding.department ?? undefined };
}

@Resolver(() => FindingModel)
export class FindingsResolver {
  private readonly repository: FindingsRepository;
  private readonly deps: FindingsDeps;

  constructor(
    neo4j: Neo4jService,
    outbox: AuditOutbox,
    private readonly relay: AuditOutboxRelay,
  ) {
    this.repository = new FindingsRepository(neo4j);
    this.deps = { neo4j, outbox };
  }

  private view(ability: AppAbility, finding: Finding): FindingModel {
    const visible = redactFields(ability, 'Finding', { ...finding });
    return { ...finding, maskedExemplar: null, ...visible } as FindingModel;
  }

  @RequirePolicy('read', 'Finding')
  @Query(() => FindingPageModel, { description: 'Findings by status, category, source, department, origin.' })
  async findings(@Args() args: FindingsArgs, @CurrentAbility() ability: AppAbility): Promise<FindingPageModel> {
    const access = accessFilterFor(ability, 'read', 'Finding');
    const page = await this.repository.list(
      {
        organisation: args.organisation,
        status: args.status,
        category: args.category,
        source: args.source,
        department: args.department,
        origin: args.origin,
      },
      { first: args.first, after: args.after },
      access,
    );
    return {
      nodes: page.items.map((f) => this.view(ability, f)),
      totalCount: page.totalCount,
      endCursor: page.endCursor,
      hasNextPage: page.hasNextPage,
    };
  }

  @RequirePolicy('review', 'Finding')
  @Mutation(() => FindingModel, {
    description: 'Confirms or rejects a finding; a rejection suppresses it on later scans.',
  })
  async reviewFinding(
    @Args() args: ReviewFindingArgs,
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
  ): Promise<FindingModel> {
    const { after } = await reviewFinding(
      this.deps,
      { key: args.key, decision: args.decision, comment: args.comment, by: principal.email },
      (finding) => {
        // A finding the caller may not read is answered as absent, like a missing one.
        if (!ability.can('read', asSubject('Finding', subjectOf(finding))))
          throw new AccessError(AccessErrorCode.NOT_FOUND, `finding '${args.key}' does not exist`);
        assertCan(ability, 'review', 'Finding', subjectOf(finding));
      },
    );
    await this.relay.flush();
    return this.view(ability, after);
  }

  @RequirePolicy('review', 'Finding')
  @Mutation(() => DatasetReviewModel, {
    description:
      "Bulk review: confirms or rejects every pending finding of a dataset's fields with one comment (one transaction, one audit entry per finding).",
  })
  async reviewDatasetFindings(
    @Args() args: ReviewDatasetFindingsArgs,
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
  ): Promise<DatasetReviewModel> {
    const { findings } = await reviewDatasetFindings(
      this.deps,
      { dataset: args.dataset, decision: args.decision, comment: args.comment, by: principal.email },
      (dataset) => {
        const subject = {
          key: dataset.key,
          organisation: dataset.organisation,
          department: dataset.department ?? undefined,
        };
        // A dataset the caller may not read is answered as absent, like a missing one.
        if (!ability.can('read', asSubject('Dataset', subject)))
          throw new AccessError(AccessErrorCode.NOT_FOUND, `dataset '${args.dataset}' does not exist`);
        assertCan(ability, 'review', 'Finding', { organisation: subject.organisation, department: subject.department });
      },
      (finding) => assertCan(ability, 'review', 'Finding', subjectOf(finding)),
    );
    await this.relay.flush();
    return { reviewed: findings.length, findings: findings.map((f) => this.view(ability, f)) };
  }

  @RequirePolicy('review', 'Finding')
  @Mutation(() => PropagationResultModel, {
    description: 'Blocks or unblocks propagation along one lineage edge; audited.',
  })
  async setPropagationBlock(
    @Args() args: PropagationBlockArgs,
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
  ): Promise<PropagationResultModel> {
    const { propagated } = await setPropagationBlock(
      this.deps,
      { from: args.from, to: args.to, blocked: args.blocked, reason: args.reason, by: principal.email },
      (field) => {
        const subject = { key: field.key, organisation: field.organisation, department: field.department ?? undefined };
        // A field of an organisation the caller may not read is answered as absent, like a missing one.
        if (!ability.can('read', asSubject('Field', subject)))
          throw new AccessError(AccessErrorCode.NOT_FOUND, `field '${args.to}' does not exist`);
        assertCan(ability, 'review', 'Finding', { organisation: field.organisation, department: subject.department });
      },
    );
    await this.relay.flush();
    return { propagated };
  }
}
