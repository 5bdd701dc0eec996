import {
  computeTransfers,
  digestOf,
  prepareFacts,
  requireIsoDate,
  screenDpia,
  type FactsIndex,
  type ScreeningResult,
  type Transfer,
  type TransfersResult,
} from '@cartographer/compliance';
import { FEARED_EVENTS, MEASURE_CATALOGUE, findMeasure, type FearedEvent, type MeasureTarget } from './catalogue.js';
import { DEFAULT_RISK_MATRIX, zoneLookup, type RiskMatrix } from './matrix.js';
import { organisationalEvidence, organisationalLikelihood } from './organisational-rules.js';
import {
  buildActivityContext,
  derivedMeasures,
  FEARED_EVENT_TABLE,
  likelihoodInputs,
  severityInputs,
  type ActivityContext,
} from './privacy-rules.js';
import type { AcceptanceFacts, RiskFacts, Score, ScoreDimension, ScoreOverrideFacts } from './risk-facts.js';
import type {
  AppliedScoreOverride,
  PlannedAction,
  RegisterThresholds,
  Risk,
  RiskInput,
  RiskRegister,
  ThreeStates,
} from './risk-model.js';
import { RisksError, RisksErrorCode } from './risks.errors.js';
import { qualityChecks } from './checks.js';
import { validateSecurityFacts } from './validate-risk-facts.js';

export const DEFAULT_THRESHOLDS: Readonly<RegisterThresholds> = Object.freeze({
  largeScaleSubjects: 10_000,
  largeScaleRecords: 100_000,
  manyRecipients: 3,
  minShareTrained: 0.8,
  maxHardwareAgeYears: 5,
});

export interface RegisterOptions {
  thresholds?: Partial<RegisterThresholds>;
  matrix?: RiskMatrix;
  /** Already computed on the same facts and date (the API computes them for other views). */
  index?: FactsIndex;
  transfers?: TransfersResult;
  dpia?: ScreeningResult;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The formula (docs/risks.md): a measure lowers the dimension it acts on by its strength, once per
 * risk whatever the number of times it is declared; the result never goes below 1.
 * current = max(1, inherent − Σ in place); residual = max(1, current − Σ planned not in place).
 */
export function reduce(score: Score, measures: readonly string[], dimension: ScoreDimension): Score {
  let out = score as number;
  for (const id of new Set(measures)) {
    const m = findMeasure(id);
    if (m && m.acts === dimension) out -= m.strength;
  }
  return Math.max(1, out) as Score;
}

function thresholdsOf(options: RegisterOptions): RegisterThresholds {
  const t = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const positive = (v: number, name: string, max = Infinity) => {
    if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max))
      throw new RisksError(
        RisksErrorCode.INVALID_VALUE,
        `options.thresholds.${name}`,
        `${String(v)} is not a number from 0 to ${max}`,
      );
  };
  positive(t.largeScaleSubjects, 'largeScaleSubjects');
  positive(t.largeScaleRecords, 'largeScaleRecords');
  positive(t.manyRecipients, 'manyRecipients');
  positive(t.minShareTrained, 'minShareTrained', 1);
  positive(t.maxHardwareAgeYears, 'maxHardwareAgeYears');
  return t;
}

interface Draft {
  key: string;
  kind: Risk['kind'];
  family: Risk['family'];
  activity: string | null;
  fearedEvent: FearedEvent | null;
  target: MeasureTarget;
  title: Risk['title'];
  assets: string[];
  impacts: Risk['impacts'];
  threats: Risk['threats'];
  riskSources: Risk['riskSources'];
  evidence: Risk['evidence'];
  severity: Score;
  likelihood: Score;
  inputs: RiskInput[];
  derived: string[];
}

function privacyDrafts(ctx: ActivityContext, t: RegisterThresholds, asOf: string): Draft[] {
  const derived = derivedMeasures(ctx, asOf);
  return FEARED_EVENTS.map((event) => {
    const s = severityInputs(ctx, event, t);
    const l = likelihoodInputs(ctx, event, t, asOf);
    const relevant = derived.filter((d) => findMeasure(d.measure)!.reduces.includes(event));
    const table = FEARED_EVENT_TABLE[event];
    return {
      key: `privacy/${ctx.activity.key}/${event}`,
      kind: 'PRIVACY',
      family: null,
      activity: ctx.activity.key,
      fearedEvent: event,
      target: event,
      title: { fr: `${table.title.fr} — ${ctx.activity.name}`, en: `${table.title.en} — ${ctx.activity.name}` },
      assets: [
        `activity:${ctx.activity.key}`,
        ...ctx.sources.map((x) => `source:${x}`),
        ...ctx.servers.map((x) => `server:${x}`),
      ].sort(),
      impacts: table.impacts,
      threats: table.threats,
      riskSources: ['INTERNAL_HUMAN', 'EXTERNAL_HUMAN', 'NON_HUMAN'],
      evidence: 'MET',
      severity: s.score,
      likelihood: l.score,
      inputs: [...s.inputs, ...l.inputs, ...relevant.map((d) => d.input)],
      derived: relevant.filter((d) => d.input.state === 'MET').map((d) => d.measure),
    } satisfies Draft;
  });
}

/**
 * The risk register of one organisation as of a date: three privacy risks per processing activity
 * and six organisational risks, each with its inherent, current and residual severity and likelihood,
 * the inputs of every suggestion, the measures, the DPO's decisions, the action plan and the quality
 * checks. Pure: same facts and date, same register.
 */
export function computeRiskRegister(facts: RiskFacts, asOf: string, options: RegisterOptions = {}): RiskRegister {
  try {
    requireIsoDate(asOf, 'asOf');
  } catch {
    throw new RisksError(
      RisksErrorCode.INVALID_DATE,
      'asOf',
      `'${String(asOf).slice(0, 40)}' is not a date written YYYY-MM-DD`,
    );
  }
  const thresholds = thresholdsOf(options);
  const zone = zoneLookup(options.matrix ?? DEFAULT_RISK_MATRIX);
  validateSecurityFacts(facts);
  const index = options.index ?? prepareFacts(facts);
  const transfers = options.transfers ?? computeTransfers(facts, asOf, { index });
  const dpia = options.dpia ?? screenDpia(facts, asOf, { index });
  const security = facts.security ?? {};
  const serverSecurity = new Map((security.servers ?? []).map((s) => [s.server, s]));
  const departmentSecurity = new Map((security.departments ?? []).map((d) => [d.department, d]));
  const activitySecurity = new Map((security.activities ?? []).map((a) => [a.activity, a]));
  const incidents = security.incidents ?? [];
  const transfersByActivity = new Map<string, Transfer[]>();
  for (const x of transfers.transfers)
    transfersByActivity.set(x.activity, [...(transfersByActivity.get(x.activity) ?? []), x]);
  const contexts = index.activities.map((a) =>
    buildActivityContext(index, a, {
      serverSecurity,
      activitySecurity,
      transfers: transfersByActivity.get(a.key) ?? [],
      incidents,
    }),
  );
  const drafts: Draft[] = contexts.flatMap((c) => privacyDrafts(c, thresholds, asOf));
  const inherentSeverity = new Map(drafts.map((d) => [d.key, d.severity]));

  const dpiaResult = new Map(dpia.activities.map((a) => [a.key, a.result]));
  const critical = new Map<string, string>();
  for (const c of contexts) {
    const declared = c.security?.critical;
    if (declared === true) critical.set(c.activity.key, `activity:${c.activity.key}.critical=true`);
    else if (declared === undefined && dpiaResult.get(c.activity.key) === 'REQUIRED')
      critical.set(c.activity.key, `activity:${c.activity.key}.dpia=REQUIRED`);
  }
  for (const e of organisationalEvidence({
    index,
    asOf,
    thresholds,
    contexts,
    serverSecurity,
    departmentSecurity,
    incidents,
    critical,
  })) {
    const severities = e.activities.map((a) => inherentSeverity.get(`privacy/${a}/${e.severityEvent}`) ?? 2);
    drafts.push({
      key: `organisational/${e.family}`,
      kind: 'ORGANISATIONAL',
      family: e.family,
      activity: null,
      fearedEvent: null,
      target: e.family,
      title: e.title,
      assets: e.assets,
      impacts: [],
      threats: [],
      riskSources: [],
      evidence: e.evidence,
      severity: Math.max(2, ...severities) as Score,
      likelihood: organisationalLikelihood(e),
      inputs: [
        ...e.inputs,
        {
          rule: 'S_ORGANISATIONAL',
          dimension: 'SEVERITY',
          state: 'MET',
          facts: e.activities.map(
            (a) =>
              `risk:privacy/${a}/${e.severityEvent}.severity.inherent=${inherentSeverity.get(`privacy/${a}/${e.severityEvent}`) ?? 2}`,
          ),
          fr: 'Gravité : la plus haute gravité initiale des traitements concernés (au moins limitée)',
          en: 'Severity: the highest inherent severity of the activities concerned (at least limited)',
        },
      ],
      derived: [],
    });
  }
  drafts.sort((a, b) => compare(a.key, b.key));
  const byKey = new Map(drafts.map((d) => [d.key, d]));

  const known = (key: unknown, member: string) => {
    if (typeof key !== 'string' || !byKey.has(key))
      throw new RisksError(
        RisksErrorCode.UNKNOWN_RISK,
        member,
        `'${String(key).slice(0, 60)}' is not a risk of organisation '${facts.organisation.key}'`,
      );
  };
  const actsOn = (id: string, d: Draft) => findMeasure(id)!.reduces.includes(d.target);
  const inPlace = new Map<string, Set<string>>(drafts.map((d) => [d.key, new Set(d.derived)]));
  const planned = new Map<string, Set<string>>(drafts.map((d) => [d.key, new Set()]));
  const scope = (risks: string[] | undefined, member: string): Draft[] => {
    risks?.forEach((r, i) => known(r, `${member}.risks[${i}]`));
    return risks === undefined ? drafts : risks.map((r) => byKey.get(r)!);
  };
  (security.measuresInPlace ?? []).forEach((m, i) => {
    for (const d of scope(m.risks, `security.measuresInPlace[${i}]`))
      if (actsOn(m.measure, d)) inPlace.get(d.key)!.add(m.measure);
  });
  const actions: PlannedAction[] = (security.actions ?? []).map((a, i) => {
    const treated = scope(a.risks, `security.actions[${i}] '${a.key}'`).filter((d) => actsOn(a.measure, d));
    for (const d of treated) (a.status === 'DONE' ? inPlace : planned).get(d.key)!.add(a.measure);
    return {
      key: a.key,
      measure: a.measure,
      owner: a.owner,
      dueDate: a.dueDate,
      status: a.status,
      risks: treated.map((d) => d.key),
      overdue: a.status !== 'DONE' && a.dueDate < asOf,
      note: a.note ?? null,
    };
  });
  actions.sort((a, b) => compare(a.key, b.key));

  const overrides = new Map<string, ScoreOverrideFacts>();
  (security.overrides ?? []).forEach((o, i) => {
    known(o.risk, `security.overrides[${i}].risk`);
    overrides.set(`${o.risk}|${o.dimension}|${o.state}`, o);
  });
  const acceptances = new Map<string, AcceptanceFacts>();
  (security.acceptances ?? []).forEach((a, i) => {
    known(a.risk, `security.acceptances[${i}].risk`);
    acceptances.set(a.risk, a);
  });

  const risks: Risk[] = drafts.map((d) => {
    const place = [...inPlace.get(d.key)!].sort();
    const plan = [...planned.get(d.key)!].filter((m) => !inPlace.get(d.key)!.has(m)).sort();
    const factsDigest = digestOf({
      inputs: d.inputs,
      inPlace: place,
      planned: plan,
      severity: d.severity,
      likelihood: d.likelihood,
    });
    const decisions: AppliedScoreOverride[] = [];
    const chain = (dimension: ScoreDimension, inherent: Score): { suggested: ThreeStates; decided: ThreeStates } => {
      const decide = (state: 'INHERENT' | 'CURRENT' | 'RESIDUAL', suggested: Score): Score => {
        const o = overrides.get(`${d.key}|${dimension}|${state}`);
        if (!o) return suggested;
        decisions.push({
          dimension,
          state,
          suggested,
          decided: o.score as Score,
          justification: o.justification,
          by: o.by ?? null,
          at: o.at ?? null,
          suggestionChanged: o.factsDigest === undefined ? null : o.factsDigest !== factsDigest,
        });
        return o.score as Score;
      };
      const sInherent = inherent;
      const sCurrent = reduce(sInherent, place, dimension);
      const sResidual = reduce(sCurrent, plan, dimension);
      const dInherent = decide('INHERENT', sInherent);
      const dCurrent = decide('CURRENT', reduce(dInherent, place, dimension));
      const dResidual = decide('RESIDUAL', reduce(dCurrent, plan, dimension));
      return {
        suggested: { inherent: sInherent, current: sCurrent, residual: sResidual },
        decided: { inherent: dInherent, current: dCurrent, residual: dResidual },
      };
    };
    const severity = chain('SEVERITY', d.severity);
    const likelihood = chain('LIKELIHOOD', d.likelihood);
    const acceptance = acceptances.get(d.key);
    const s = severity.decided;
    const l = likelihood.decided;
    return {
      key: d.key,
      kind: d.kind,
      family: d.family,
      activity: d.activity,
      fearedEvent: d.fearedEvent,
      title: d.title,
      assets: d.assets,
      impacts: d.impacts,
      threats: d.threats,
      riskSources: d.riskSources,
      evidence: d.evidence,
      severity: s,
      likelihood: l,
      suggested: { severity: severity.suggested, likelihood: likelihood.suggested },
      zone: {
        inherent: zone(s.inherent, l.inherent),
        current: zone(s.current, l.current),
        residual: zone(s.residual, l.residual),
      },
      inputs: d.inputs,
      measures: {
        inPlace: place,
        planned: plan,
        suggested: MEASURE_CATALOGUE.filter(
          (m) => m.reduces.includes(d.target) && !place.includes(m.id) && !plan.includes(m.id),
        ).map((m) => m.id),
      },
      decisions,
      acceptance: acceptance
        ? {
            justification: acceptance.justification?.trim() ? acceptance.justification : null,
            by: acceptance.by ?? null,
            at: acceptance.at ?? null,
          }
        : null,
      overridden: decisions.length > 0,
      factsDigest,
    };
  });

  return {
    organisation: facts.organisation.key,
    asOf,
    matrix: (options.matrix ?? DEFAULT_RISK_MATRIX).id,
    thresholds,
    risks,
    actions,
    checks: qualityChecks({ risks, actions, facts, dpia, inPlaceDeclared: inPlace, plannedDeclared: planned }),
  };
}
