import type { ScreeningResult } from '@cartographer/compliance';
import { findMeasure } from './catalogue.js';
import type { RiskFacts, ScoreDimension } from './risk-facts.js';
import type { PlannedAction, RegisterCheck, Risk } from './risk-model.js';

const DIMENSION_FR: Record<ScoreDimension, string> = { SEVERITY: 'gravité', LIKELIHOOD: 'vraisemblance' };
const CAPITAL_FR: Record<ScoreDimension, string> = { SEVERITY: 'Gravité', LIKELIHOOD: 'Vraisemblance' };
const CAPITAL_EN: Record<ScoreDimension, string> = { SEVERITY: 'Severity', LIKELIHOOD: 'Likelihood' };
const DIMENSION_EN: Record<ScoreDimension, string> = { SEVERITY: 'severity', LIKELIHOOD: 'likelihood' };

function listed(keys: readonly string[]): string {
  return keys.length <= 3 ? keys.join(', ') : `${keys.slice(0, 3).join(', ')} (+${keys.length - 3})`;
}

/** The register's quality checks (docs/risks.md § Checks), sorted by code then subject. */
export function qualityChecks(input: {
  risks: readonly Risk[];
  actions: readonly PlannedAction[];
  facts: RiskFacts;
  dpia: ScreeningResult;
  inPlaceDeclared: ReadonlyMap<string, ReadonlySet<string>>;
  plannedDeclared: ReadonlyMap<string, ReadonlySet<string>>;
}): RegisterCheck[] {
  const checks: RegisterCheck[] = [];
  const push = (code: RegisterCheck['code'], subject: string, fr: string, en: string) =>
    checks.push({ code, subject, fr, en });
  for (const r of input.risks) {
    for (const dimension of ['SEVERITY', 'LIKELIHOOD'] as const) {
      const s = dimension === 'SEVERITY' ? r.severity : r.likelihood;
      const acting = (ids: readonly string[]) => ids.some((id) => findMeasure(id)?.acts === dimension);
      if (s.residual > s.current)
        push(
          'RESIDUAL_ABOVE_CURRENT',
          `${r.key}#${dimension}`,
          `${CAPITAL_FR[dimension]} résiduelle (${s.residual}) supérieure à la ${DIMENSION_FR[dimension]} actuelle (${s.current}) : des mesures prévues ne peuvent pas l’augmenter`,
          `Residual ${DIMENSION_EN[dimension]} (${s.residual}) above the current one (${s.current}): planned measures cannot raise it`,
        );
      if (s.current < s.inherent && !acting(r.measures.inPlace))
        push(
          'LOWERED_WITHOUT_MEASURE',
          `${r.key}#${dimension}#CURRENT`,
          `${CAPITAL_FR[dimension]} actuelle abaissée (${s.inherent} → ${s.current}) sans mesure en place agissant sur la ${DIMENSION_FR[dimension]}`,
          `${CAPITAL_EN[dimension]}: current score lowered (${s.inherent} → ${s.current}) without a measure in place acting on ${DIMENSION_EN[dimension]}`,
        );
      if (s.residual < s.current && !acting(r.measures.planned))
        push(
          'LOWERED_WITHOUT_MEASURE',
          `${r.key}#${dimension}#RESIDUAL`,
          `${CAPITAL_FR[dimension]} résiduelle abaissée (${s.current} → ${s.residual}) sans mesure prévue agissant sur la ${DIMENSION_FR[dimension]}`,
          `${CAPITAL_EN[dimension]}: residual score lowered (${s.current} → ${s.residual}) without a planned measure acting on ${DIMENSION_EN[dimension]}`,
        );
    }
    if (r.acceptance && r.acceptance.justification === null)
      push(
        'ACCEPTED_WITHOUT_JUSTIFICATION',
        r.key,
        'Risque accepté sans justification de l’acceptation',
        'Risk accepted without a justification',
      );
  }
  const both = new Map<string, string[]>();
  for (const [risk, planned] of input.plannedDeclared)
    for (const m of planned) if (input.inPlaceDeclared.get(risk)?.has(m)) both.set(m, [...(both.get(m) ?? []), risk]);
  for (const [m, risks] of both)
    push(
      'MEASURE_IN_PLACE_AND_PLANNED',
      m,
      `Mesure ${m} déclarée à la fois en place et prévue (${risks.length} risque(s) : ${listed(risks)})`,
      `Measure ${m} declared both in place and planned (${risks.length} risk(s): ${listed(risks)})`,
    );
  const assessed = new Set((input.facts.security?.assessments ?? []).map((a) => a.activity));
  for (const a of input.dpia.activities)
    if (a.result === 'REQUIRED' && !assessed.has(a.key))
      push(
        'DPIA_REQUIRED_WITHOUT_ASSESSMENT',
        a.key,
        `AIPD requise pour le traitement « ${a.name} » et aucune appréciation des risques enregistrée`,
        `DPIA required for the activity “${a.name}” and no risk assessment recorded`,
      );
  for (const a of input.actions)
    if (a.overdue)
      push(
        'ACTION_OVERDUE',
        a.key,
        `Action ${a.key} (${a.measure}) en retard : échéance ${a.dueDate}, responsable ${a.owner}`,
        `Action ${a.key} (${a.measure}) overdue: due ${a.dueDate}, owner ${a.owner}`,
      );
  return checks.sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0,
  );
}
