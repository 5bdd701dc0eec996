import { ORGANISATION_KEY_PATTERN } from '@cartographer/common';
import { Args, ArgsType, Field, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { accessFilterFor, type AppAbility, assertCan, type AuthenticatedPrincipal } from '@cartographer/access';
import { Neo4jService } from '@cartographer/graph';
import { type DecisionTarget, RiskDecisions, RiskDecisionsRepository, riskRegisterFor } from '@cartographer/registers';
import { MEASURE_CATALOGUE, type PlannedAction, type Risk, type RiskRegister, riskMap } from '@cartographer/risks';
import { Inject } from '@nestjs/common';
import { CurrentAbility, CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { RequirePolicy } from '../auth/policy.decorators.js';
import { PageArgs } from '../graphql/page.args.js';
import {
  MeasureModel,
  RiskActionModel,
  RiskActionPageModel,
  RiskMapModel,
  RiskModel,
  RiskPageModel,
} from './risk.model.js';
import { RISK_DECISIONS_TOKEN } from './risks.tokens.js';
import { OptionalText } from '../graphql/text-field.decorators.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ORGANISATION = ORGANISATION_KEY_PATTERN;
const STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE'];

@ArgsType()
class RegisterScopeArgs extends PageArgs {
  @Field(() => String)
  @Matches(ORGANISATION)
  organisation!: string;

  @OptionalText(128, { description: 'Only the risks of this department’s activities.' })
  department?: string;

  @Field(() => String, { description: 'YYYY-MM-DD: the only date the register depends on.' })
  @Matches(DATE)
  asOf!: string;
}

@ArgsType()
export class RisksArgs extends RegisterScopeArgs {
  @Field(() => String, { nullable: true, description: 'PRIVACY or ORGANISATIONAL.' })
  @IsOptional()
  @IsIn(['PRIVACY', 'ORGANISATIONAL'])
  kind?: string;

  @OptionalText(32)
  family?: string;

  @OptionalText(128)
  activity?: string;

  @OptionalText(32, { description: 'Residual zone (UNACCEPTABLE, TO_REDUCE, ACCEPTABLE).' })
  zone?: string;
}

@ArgsType()
export class RiskMapArgs {
  @Field(() => String)
  @Matches(ORGANISATION)
  organisation!: string;

  @OptionalText(128)
  department?: string;

  @Field(() => String)
  @Matches(DATE)
  asOf!: string;
}

@ArgsType()
export class ActionPlanArgs extends RegisterScopeArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(STATUSES)
  status?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}

@ArgsType()
class DecisionArgs {
  @Field(() => String)
  @Matches(ORGANISATION)
  organisation!: string;

  @OptionalText(10, { description: 'YYYY-MM-DD of the decision (default: today, UTC).' })
  asOf?: string;
}

@ArgsType()
export class OverrideRiskScoreArgs extends DecisionArgs {
  @Field(() => String) @IsString() @MaxLength(300) risk!: string;
  @Field(() => String, { description: 'SEVERITY or LIKELIHOOD.' }) @IsString() @MaxLength(16) dimension!: string;
  @Field(() => String, { description: 'INHERENT, CURRENT or RESIDUAL.' }) @IsString() @MaxLength(16) state!: string;
  @Field(() => Int) @IsInt() score!: number;
  @Field(() => String) @IsString() @MaxLength(4000) justification!: string;
}

@ArgsType()
export class AcceptRiskArgs extends DecisionArgs {
  @Field(() => String) @IsString() @MaxLength(300) risk!: string;
  @Field(() => String) @IsString() @MaxLength(4000) justification!: string;
}

@ArgsType()
export class PlanRiskActionArgs extends DecisionArgs {
  @Field(() => String) @IsString() @MaxLength(128) key!: string;
  @Field(() => String, { description: 'A measure id of the catalogue (query `measures`).' })
  @IsString()
  @MaxLength(64)
  measure!: string;
  @Field(() => String) @IsString() @MaxLength(256) owner!: string;
  @Field(() => String, { description: 'YYYY-MM-DD.' }) @IsString() @MaxLength(32) dueDate!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(16) status?: string;
  @Field(() => [String], { nullable: true, description: 'Risk keys it treats (absent: all its measure acts on).' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  risks?: string[];
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

@ArgsType()
export class UpdateRiskActionStatusArgs extends DecisionArgs {
  @Field(() => String) @IsString() @MaxLength(128) key!: string;
  @Field(() => String, { description: 'PLANNED, IN_PROGRESS or DONE (done: its measure counts as in place).' })
  @IsString()
  @MaxLength(16)
  status!: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/** A page of items sorted by key: `after` is the last key of the previous page. */
function page<T extends { key: string }>(items: T[], first = 50, after?: string) {
  const start = after === undefined ? 0 : items.findIndex((i) => i.key > after);
  const from = start < 0 ? items.length : start;
  const nodes = items.slice(from, from + first);
  const hasNextPage = from + first < items.length;
  return { nodes, totalCount: items.length, endCursor: nodes.at(-1)?.key ?? null, hasNextPage };
}

function riskView(r: Risk): RiskModel {
  return {
    ...r,
    suggestedSeverity: r.suggested.severity,
    suggestedLikelihood: r.suggested.likelihood,
    measures: r.measures,
  };
}

const actionView = (a: PlannedAction): RiskActionModel => ({ ...a });

/**
 * Reads authorise `read Risk` at the endpoint and scope the register to the caller's organisations
 * (another organisation answers NOT_FOUND); overrides and acceptances are the DPO's (`update Risk` on the
 * organisation); actions need `update RiskAction` on every department they concern, or on the
 * organisation when they treat an organisational risk (a DATA_LEAD's rule is department-scoped, so it
 * cannot).
 */
@Resolver()
export class RisksResolver {
  private readonly decisions: RiskDecisions;

  constructor(
    private readonly neo4j: Neo4jService,
    @Inject(RISK_DECISIONS_TOKEN) private readonly repository: RiskDecisionsRepository,
  ) {
    this.decisions = new RiskDecisions(neo4j, repository);
  }

  private register(
    ability: AppAbility,
    args: { organisation: string; department?: string; asOf: string },
  ): Promise<RiskRegister> {
    return riskRegisterFor(this.neo4j, {
      organisation: args.organisation,
      ...(args.department ? { department: args.department } : {}),
      asOf: args.asOf,
      scope: accessFilterFor(ability, 'read', 'Risk'),
      decisions: this.repository,
    });
  }

  @RequirePolicy('read', 'Risk')
  @Query(() => RiskPageModel, { description: 'The risk register (sorted by key) with its quality checks.' })
  async risks(@Args() args: RisksArgs, @CurrentAbility() ability: AppAbility): Promise<RiskPageModel> {
    const register = await this.register(ability, args);
    const risks = register.risks.filter(
      (r) =>
        (args.kind === undefined || r.kind === args.kind) &&
        (args.family === undefined || r.family === args.family) &&
        (args.activity === undefined || r.activity === args.activity) &&
        (args.zone === undefined || r.zone.residual === args.zone),
    );
    const { nodes, ...rest } = page(risks, args.first, args.after);
    return {
      organisation: register.organisation,
      asOf: register.asOf,
      nodes: nodes.map(riskView),
      checks: register.checks,
      ...rest,
    };
  }

  @RequirePolicy('read', 'Risk')
  @Query(() => RiskMapModel, { description: 'The 4×4 CNIL grid: each cell’s zone and the risks per state.' })
  async riskMap(@Args() args: RiskMapArgs, @CurrentAbility() ability: AppAbility): Promise<RiskMapModel> {
    const register = await this.register(ability, args);
    const map = riskMap(register);
    return { organisation: register.organisation, asOf: register.asOf, matrix: map.matrix.id, cells: map.cells };
  }

  @RequirePolicy('read', 'Risk')
  @Query(() => [MeasureModel], { description: 'The catalogue of measures (stable ids).' })
  measures(): MeasureModel[] {
    return MEASURE_CATALOGUE.map((m) => ({ ...m, fiches: [...m.fiches], reduces: [...m.reduces] }));
  }

  @RequirePolicy('read', 'Risk')
  @Query(() => RiskActionPageModel, { description: 'The action plan (sorted by key), overdue actions flagged.' })
  async actionPlan(@Args() args: ActionPlanArgs, @CurrentAbility() ability: AppAbility): Promise<RiskActionPageModel> {
    const register = await this.register(ability, args);
    const actions = register.actions.filter(
      (a) =>
        (args.status === undefined || a.status === args.status) &&
        (args.overdue === undefined || a.overdue === args.overdue),
    );
    const { nodes, ...rest } = page(actions, args.first, args.after);
    return { nodes: nodes.map(actionView), ...rest };
  }

  private context(ability: AppAbility, principal: AuthenticatedPrincipal, args: DecisionArgs) {
    return {
      organisation: args.organisation,
      by: principal.email,
      at: args.asOf ?? today(),
      scope: accessFilterFor(ability, 'read', 'Risk'),
    };
  }

  private authorize(ability: AppAbility) {
    return (target: DecisionTarget) => {
      if (target.kind !== 'ACTION') {
        assertCan(ability, 'update', 'Risk', { organisation: target.organisation });
        return;
      }
      if (target.organisationWide) assertCan(ability, 'update', 'RiskAction', { organisation: target.organisation });
      for (const department of target.departments)
        assertCan(ability, 'update', 'RiskAction', { organisation: target.organisation, department });
    };
  }

  @RequirePolicy('update', 'Risk')
  @Mutation(() => RiskModel, {
    description: 'Overrides one score with a justification (audited; kept on recomputation).',
  })
  async overrideRiskScore(
    @Args() args: OverrideRiskScoreArgs,
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
  ): Promise<RiskModel> {
    const register = await this.decisions.overrideScore(
      {
        ...this.context(ability, principal, args),
        risk: args.risk,
        dimension: args.dimension as 'SEVERITY',
        state: args.state as 'INHERENT',
        score: args.score,
        justification: args.justification,
      },
      this.authorize(ability),
    );
    return riskView(register.risks.find((r) => r.key === args.risk)!);
  }

  @RequirePolicy('update', 'Risk')
  @Mutation(() => RiskModel, { description: 'Accepts a risk as it stands, with a justification (audited).' })
  async acceptRisk(
    @Args() args: AcceptRiskArgs,
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
  ): Promise<RiskModel> {
    const register = await this.decisions.acceptRisk(
      { ...this.context(ability, principal, args), risk: args.risk, justification: args.justification },
      this.authorize(ability),
    );
    return riskView(register.risks.find((r) => r.key === args.risk)!);
  }

  @RequirePolicy('update', 'RiskAction')
  @Mutation(() => RiskActionModel, { description: 'Plans (or re-plans) an action of the action plan (audited).' })
  async planRiskAction(
    @Args() args: PlanRiskActionArgs,
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
  ): Promise<RiskActionModel> {
    const register = await this.decisions.planAction(
      {
        ...this.context(ability, principal, args),
        key: args.key,
        measure: args.measure,
        owner: args.owner,
        dueDate: args.dueDate,
        ...(args.status !== undefined ? { status: args.status as 'PLANNED' } : {}),
        ...(args.risks !== undefined ? { risks: args.risks } : {}),
        ...(args.note !== undefined ? { note: args.note } : {}),
      },
      this.authorize(ability),
    );
    return actionView(register.actions.find((a) => a.key === args.key)!);
  }

  @RequirePolicy('update', 'RiskAction')
  @Mutation(() => RiskActionModel, { description: 'Moves an action (DONE completes it; the residual is recomputed).' })
  async updateRiskActionStatus(
    @Args() args: UpdateRiskActionStatusArgs,
    @CurrentAbility() ability: AppAbility,
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
  ): Promise<RiskActionModel> {
    const register = await this.decisions.setActionStatus(
      { ...this.context(ability, principal, args), key: args.key, status: args.status as 'DONE' },
      this.authorize(ability),
    );
    return actionView(register.actions.find((a) => a.key === args.key)!);
  }
}
