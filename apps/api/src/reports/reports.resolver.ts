import { LOCAL_KEY_PATTERN, ORGANISATION_KEY_PATTERN } from '@cartographer/common';
import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { AppAbility, AuthenticatedPrincipal } from '@cartographer/access';
import {
  canonicalJson,
  type ReportDiff,
  reportKindOf,
  type ReportSnapshotSummary,
  ReportSnapshotService,
  type SnapshotCaller,
} from '@cartographer/reports';
import { CurrentAbility, CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { RequirePolicy } from '../auth/policy.decorators.js';
import { PageArgs } from '../graphql/page.args.js';
import {
  ReportDiffModel,
  ReportKindEnum,
  type ReportLanguageEnum,
  ReportSnapshotModel,
  ReportSnapshotPageModel,
} from './report-snapshot.model.js';
import { REPORT_SNAPSHOTS_TOKEN } from './reports.tokens.js';
import { reportFileUrl } from './report-files.controller.js';
import { OptionalText } from '../graphql/text-field.decorators.js';

const SNAPSHOT_ID = { description: 'The snapshot id (a UUID).' };

@ArgsType()
export class GenerateReportArgs {
  @Field(() => ReportKindEnum)
  @IsIn(Object.values(ReportKindEnum))
  kind!: ReportKindEnum;

  @Field(() => String)
  @Matches(ORGANISATION_KEY_PATTERN)
  organisation!: string;

  @Field(() => String, { nullable: true, description: 'Local key of a department: the report covers only it.' })
  @IsOptional()
  @Matches(LOCAL_KEY_PATTERN)
  department?: string;

  // Strings, not enums: the use case (shared with the CLI) says what is wrong with them.
  @OptionalText(8, { defaultValue: 'fr', description: 'fr or en.' })
  language?: string;

  @OptionalText(32, { description: 'YYYY-MM-DD, not in the future (default: today, UTC).' })
  asOf?: string;
}

@ArgsType()
export class ReportSnapshotsArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ORGANISATION_KEY_PATTERN)
  organisation?: string;

  @Field(() => ReportKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ReportKindEnum))
  kind?: ReportKindEnum;
}

@ArgsType()
export class ReportSnapshotArgs {
  @Field(() => String, SNAPSHOT_ID)
  @IsString()
  @MaxLength(64)
  id!: string;
}

@ArgsType()
export class ApproveReportArgs extends ReportSnapshotArgs {
  @OptionalText(2000, { description: 'The approver’s comment (at most 2,000 characters).' })
  comment?: string;
}

@ArgsType()
export class ReportDiffArgs {
  @Field(() => String, SNAPSHOT_ID)
  @IsString()
  @MaxLength(64)
  a!: string;

  @Field(() => String, SNAPSHOT_ID)
  @IsString()
  @MaxLength(64)
  b!: string;
}

/** The GraphQL view of a stored snapshot (its model stays out: the files carry it). */
export function snapshotView(snapshot: ReportSnapshotSummary): ReportSnapshotModel {
  return {
    id: snapshot.id,
    // A stored kind no builder makes (a later engine's) would fail the enum: it cannot be stored today.
    kind: reportKindOf(snapshot.kind) as ReportKindEnum,
    organisation: snapshot.organisation,
    department: snapshot.department,
    language: snapshot.language as ReportLanguageEnum,
    asOf: snapshot.asOf,
    options: canonicalJson(snapshot.options),
    contentHash: snapshot.contentHash,
    auditHead: snapshot.auditHead,
    generatedBy: snapshot.generatedBy,
    generatedAt: snapshot.generatedAt,
    approval: snapshot.approval,
    files: {
      pdf: reportFileUrl(snapshot.id, 'pdf'),
      html: reportFileUrl(snapshot.id, 'html'),
      json: reportFileUrl(snapshot.id, 'json'),
    },
  };
}

function withoutModel<T extends ReportSnapshotSummary>(snapshot: T): ReportSnapshotSummary {
  const { model: _model, ...summary } = snapshot as T & { model?: unknown };
  return summary;
}

function diffView(older: ReportSnapshotSummary, newer: ReportSnapshotSummary, diff: ReportDiff): ReportDiffModel {
  const text = (value: string | number | null) => (value === null ? null : String(value));
  return {
    older: snapshotView(older),
    newer: snapshotView(newer),
    entries: diff.entries.map((entry) => ({
      kind: entry.kind,
      path: entry.path,
      label: entry.label,
      change: entry.change,
      fields: entry.fields.map((field) => ({
        field: field.field,
        label: field.label,
        before: text(field.before),
        after: text(field.after),
        unit: field.unit ?? null,
      })),
    })),
    counts: diff.counts,
  };
}

const callerOf = (ability: AppAbility, principal: AuthenticatedPrincipal): SnapshotCaller => ({
  ability,
  by: principal.email,
});

@Resolver(() => ReportSnapshotModel)
export class ReportsResolver {
  constructor(@Inject(REPORT_SNAPSHOTS_TOKEN) private readonly reports: ReportSnapshotService) {}

  @RequirePolicy('create', 'ReportSnapshot')
  @Mutation(() => ReportSnapshotModel, {
    description: 'Builds a report from the inventory and stores it as an immutable snapshot (DATA_LEAD, DPO).',
  })
  async generateReport(
    @Args() args: GenerateReportArgs,
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
  ): Promise<ReportSnapshotModel> {
    const snapshot = await this.reports.generate(
      {
        kind: args.kind,
        organisation: args.organisation,
        department: args.department ?? null,
        language: args.language ?? 'fr',
        asOf: args.asOf ?? null,
      },
      callerOf(ability, principal),
    );
    return snapshotView(withoutModel(snapshot));
  }

  @RequirePolicy('read', 'ReportSnapshot')
  @Query(() => ReportSnapshotPageModel, {
    description: 'Report snapshots the caller may read, newest first (AUDITOR: approved ones only).',
  })
  async reportSnapshots(
    @Args() args: ReportSnapshotsArgs,
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
  ): Promise<ReportSnapshotPageModel> {
    const page = await this.reports.list(
      { organisation: args.organisation, kind: args.kind, first: args.first, after: args.after },
      callerOf(ability, principal),
    );
    return { nodes: page.items.map(snapshotView), endCursor: page.endCursor, hasNextPage: page.hasNextPage };
  }

  @RequirePolicy('read', 'ReportSnapshot')
  @Query(() => ReportSnapshotModel, { description: 'One snapshot, with the URLs of its files.' })
  async reportSnapshot(
    @Args() args: ReportSnapshotArgs,
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
  ): Promise<ReportSnapshotModel> {
    return snapshotView(withoutModel(await this.reports.get(args.id, callerOf(ability, principal))));
  }

  @RequirePolicy('approve', 'ReportSnapshot')
  @Mutation(() => ReportSnapshotModel, { description: 'Signs a snapshot (DPO), once; audited.' })
  async approveReport(
    @Args() args: ApproveReportArgs,
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
  ): Promise<ReportSnapshotModel> {
    const snapshot = await this.reports.approve(
      { id: args.id, comment: args.comment ?? null },
      callerOf(ability, principal),
    );
    return snapshotView(withoutModel(snapshot));
  }

  @RequirePolicy('read', 'ReportSnapshot')
  @Query(() => ReportDiffModel, {
    description: 'What changed between two snapshots of the same kind and scope, older to newer.',
  })
  async reportDiff(
    @Args() args: ReportDiffArgs,
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
  ): Promise<ReportDiffModel> {
    const { older, newer, diff } = await this.reports.diff(args.a, args.b, callerOf(ability, principal));
    return diffView(older, newer, diff);
  }
}
