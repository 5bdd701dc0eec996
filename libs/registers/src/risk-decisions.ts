import { isIsoDate } from '@cartographer/compliance';
import type { Neo4jService } from '@cartographer/graph';
import {
  ACTION_STATUSES,
  type ActionFacts,
  type ActionStatus,
  measureById,
  RISK_STATES,
  type RiskRegister,
  type RiskState,
  SCORE_DIMENSIONS,
  type ScoreDimension,
} from '@cartographer/risks';
import { computeTransfers, prepareFacts, screenDpia } from '@cartographer/compliance';
import { computeRiskRegister } from '@cartographer/risks';
import type { ReadScope } from './compliance-facts.loader.js';
import { requireAsOf } from './compliance-queries.js';
import { MAX_JUSTIFICATION } from './dpia-overrides.js';
import {
  activityOfRisk,
  readRiskInputs,
  type RiskInputs,
  riskFactsOf,
  type StoredRiskDecisions,
} from './risk-facts.loader.js';
import type { RiskDecisionsRepository } from './risk-decisions.repository.js';
import { RegistersError, RegistersErrorCode, quoted } from './registers.errors.js';

/** Who decides and when: `by` is recorded (the DPO's email, or `cli:<os user>`); `at` is the as-of date. */
export interface DecisionContext {
  organisation: string;
  by: string;
  /** YYYY-MM-DD: the date of the decision and the as-of date of the register it is validated on. */
  at: string;
  /** The caller's read scope: an organisation outside it is NOT_FOUND. */
  scope: ReadScope;
}

export interface OverrideScoreRequest extends DecisionContext {
  risk: string;
  dimension: ScoreDimension;
  state: RiskState;
  score: number;
  justification: string;
}

export interface AcceptRiskRequest extends DecisionContext {
  risk: string;
  justification: string;
}

export interface PlanActionRequest extends DecisionContext {
  key: string;
  measure: string;
  owner: string;
  dueDate: string;
  status?: ActionStatus;
  risks?: string[];
  note?: string;
}

export interface SetActionStatusRequest extends DecisionContext {
  key: string;
  status: ActionStatus;
}

/**
 * What `authorize` is told about the target: the organisation and the departments of the activities
 * whose risks are concerned (empty when an organisational risk is). Throw to refuse: nothing is written.
 */
export interface DecisionTarget {
  organisation: string;
  departments: string[];
  /** An organisational risk is concerned (or none is): no department scope covers it. */
  organisationWide: boolean;
  /** OVERRIDE and ACCEPT are the DPO's; ACTION may be a DATA_LEAD's within its departments. */
  kind: 'OVERRIDE' | 'ACCEPT' | 'ACTION';
}

export type Authorize = (target: DecisionTarget) => void | Promise<void>;

const LIMITS = { key: 128, owner: 256, note: 1000 } as const;

function invalid(member: string, message: string): RegistersError {
  return new RegistersError(RegistersErrorCode.INVALID_INPUT, member, message);
}

function requireText(value: unknown, member: string, max: number, what: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) throw invalid(member, what);
  if (value.length > max) throw invalid(member, `longer than ${max} characters (${value.length})`);
  return value.trim();
}

function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], member: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw invalid(member, `${quoted(value)} is not one of ${allowed.join(', ')}`);
}

function requireDate(value: unknown, member: string): string {
  if (isIsoDate(value)) return value;
  throw invalid(member, `${quoted(value)} is not a date written YYYY-MM-DD (e.g. 2026-12-03)`);
}

/**
 * The DPO's decisions on the risk register, stored in PostgreSQL. Each one: validated member by
 * member, then by the register itself (recomputed with the candidate decision on the facts as read),
 * authorised on the departments it concerns, written and audited in one PostgreSQL transaction that
 * holds the organisation's decision lock. A recomputation never writes here: an override stays as
 * decided and the register marks its suggestion as changed when the facts move.
 */
export class RiskDecisions {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly repository: RiskDecisionsRepository,
  ) {}

  async overrideScore(request: OverrideScoreRequest, authorize: Authorize): Promise<RiskRegister> {
    const dimension = requireOneOf(request.dimension, SCORE_DIMENSIONS, 'dimension');
    const state = requireOneOf(request.state, RISK_STATES, 'state');
    if (![1, 2, 3, 4].includes(request.score))
      throw invalid('score', `${quoted(request.score)} is not a score from 1 to 4`);
    const justification = requireText(
      request.justification,
      'justification',
      MAX_JUSTIFICATION,
      'an override needs a justification (why the DPO decides otherwise)',
    );
    return this.decide(request, authorize, 'OVERRIDE', async (stored, inputs, writer) => {
      const risk = this.riskOf(this.compute(inputs, stored, request.at), request.risk);
      const candidate = {
        risk: risk.key,
        dimension,
        state,
        score: request.score,
        justification,
        by: request.by,
        at: request.at,
        factsDigest: risk.factsDigest,
      };
      const next = { ...stored, overrides: [...stored.overrides, candidate] };
      const register = this.compute(inputs, next, request.at);
      const before =
        [...stored.overrides]
          .reverse()
          .find((o) => o.risk === risk.key && o.dimension === dimension && o.state === state) ?? null;
      return {
        departments: departmentsOf(inputs, [risk.key]),
        organisationWide: activityOfRisk(risk.key) === null,
        register,
        write: () => writer.addOverride({ organisation: request.organisation, ...candidate }, before),
      };
    });
  }

  async acceptRisk(request: AcceptRiskRequest, authorize: Authorize): Promise<RiskRegister> {
    const justification = requireText(
      request.justification,
      'justification',
      MAX_JUSTIFICATION,
      'an acceptance needs a justification (why the risk is accepted as it stands)',
    );
    return this.decide(request, authorize, 'ACCEPT', async (stored, inputs, writer) => {
      const risk = this.riskOf(this.compute(inputs, stored, request.at), request.risk);
      const candidate = { risk: risk.key, justification, by: request.by, at: request.at };
      const register = this.compute(inputs, { ...stored, acceptances: [...stored.acceptances, candidate] }, request.at);
      const before = [...stored.acceptances].reverse().find((a) => a.risk === risk.key) ?? null;
      return {
        departments: departmentsOf(inputs, [risk.key]),
        organisationWide: activityOfRisk(risk.key) === null,
        register,
        write: () => writer.addAcceptance({ organisation: request.organisation, ...candidate }, before),
      };
    });
  }

  async planAction(request: PlanActionRequest, authorize: Authorize): Promise<RiskRegister> {
    const key = requireText(request.key, 'key', LIMITS.key, 'an action needs a key');
    measureById(request.measure, 'measure');
    const owner = requireText(request.owner, 'owner', LIMITS.owner, 'an action needs an owner');
    const dueDate = requireDate(request.dueDate, 'dueDate');
    const status = requireOneOf(request.status ?? 'PLANNED', ACTION_STATUSES, 'status');
    const note = request.note === undefined ? undefined : requireText(request.note, 'note', LIMITS.note, 'empty note');
    const action: ActionFacts = {
      key,
      measure: request.measure,
      owner,
      dueDate,
      status,
      ...(request.risks !== undefined ? { risks: [...request.risks] } : {}),
      ...(note !== undefined ? { note } : {}),
    };
    return this.saveAction(request, authorize, () => action);
  }

  async setActionStatus(request: SetActionStatusRequest, authorize: Authorize): Promise<RiskRegister> {
    const status = requireOneOf(request.status, ACTION_STATUSES, 'status');
    return this.saveAction(request, authorize, (existing) => {
      if (!existing)
        throw new RegistersError(
          RegistersErrorCode.ACTION_NOT_FOUND,
          'key',
          `${quoted(request.key)} is not an action of ${quoted(request.organisation)}`,
        );
      return { ...existing, status };
    });
  }

  private saveAction(
    request: DecisionContext & { key: string },
    authorize: Authorize,
    build: (existing: ActionFacts | null) => ActionFacts,
  ): Promise<RiskRegister> {
    return this.decide(request, authorize, 'ACTION', async (stored, inputs, writer) => {
      const before = this.compute(inputs, stored, request.at);
      const existing = before.actions.find((a) => a.key === request.key) ?? null;
      const action = build(existing && this.factsOfAction(inputs, stored, existing.key));
      const next = { ...stored, actions: [...stored.actions.filter((a) => a.key !== action.key), action] };
      const register = this.compute(inputs, next, request.at);
      const treated = register.actions.find((a) => a.key === action.key)?.risks ?? [];
      // The risks the action treated before count too: a DATA_LEAD cannot take over another
      // department's action by re-planning it under the same key.
      const concerned = [...new Set([...treated, ...(existing?.risks ?? [])])];
      return {
        departments: departmentsOf(inputs, concerned),
        organisationWide: concerned.length === 0 || concerned.some((r) => activityOfRisk(r) === null),
        register,
        write: () =>
          writer.saveAction(
            {
              ...action,
              organisation: request.organisation,
              departments: departmentsOf(inputs, treated),
              by: request.by,
              at: request.at,
            },
            existing && this.factsOfAction(inputs, stored, existing.key),
          ),
      };
    });
  }

  /** An action as declared (the inventory's planned measure, or the stored one that replaces it). */
  private factsOfAction(inputs: RiskInputs, stored: StoredRiskDecisions, key: string): ActionFacts | null {
    return riskFactsOf(inputs, stored).security?.actions?.find((a) => a.key === key) ?? null;
  }

  private async decide(
    request: DecisionContext,
    authorize: Authorize,
    kind: DecisionTarget['kind'],
    step: (
      stored: StoredRiskDecisions,
      inputs: RiskInputs,
      writer: Parameters<Parameters<RiskDecisionsRepository['transaction']>[1]>[1],
    ) => Promise<{
      departments: string[];
      organisationWide: boolean;
      register: RiskRegister;
      write: () => Promise<void>;
    }>,
  ): Promise<RiskRegister> {
    requireAsOf(request.at, 'at');
    requireText(request.by, 'by', LIMITS.owner, 'a decision needs who takes it');
    // The graph read checks the scope (NOT_FOUND) before PostgreSQL is touched.
    const inputs = await this.neo4j.read((tx) =>
      readRiskInputs(tx, { organisation: request.organisation, scope: request.scope }),
    );
    return this.repository.transaction(request.organisation, async (stored, writer) => {
      const { departments, organisationWide, register, write } = await step(stored, inputs, writer);
      await authorize({ organisation: request.organisation, departments, organisationWide, kind });
      await write();
      return register;
    });
  }

  private compute(inputs: RiskInputs, stored: StoredRiskDecisions, asOf: string): RiskRegister {
    const facts = riskFactsOf(inputs, stored);
    const index = prepareFacts(facts);
    return computeRiskRegister(facts, asOf, {
      index,
      transfers: computeTransfers(facts, asOf, { index }),
      dpia: screenDpia(facts, asOf, { index, overrides: inputs.dpiaOverrides }),
    });
  }

  private riskOf(register: RiskRegister, key: unknown) {
    const risk = typeof key === 'string' ? register.risks.find((r) => r.key === key) : undefined;
    if (!risk)
      throw new RegistersError(
        RegistersErrorCode.RISK_NOT_FOUND,
        'risk',
        `${quoted(key)} is not a risk of ${quoted(register.organisation)}`,
      );
    return risk;
  }
}

/** The departments of the activities of these risks (organisational risks concern none). */
function departmentsOf(inputs: RiskInputs, risks: readonly string[]): string[] {
  const byActivity = new Map((inputs.compliance.processingActivities ?? []).map((a) => [a.key, a.department]));
  const out = new Set<string>();
  for (const risk of risks) {
    const activity = activityOfRisk(risk);
    const department = activity === null ? undefined : byActivity.get(activity);
    if (department !== undefined) out.add(department);
  }
  return [...out].sort();
}
