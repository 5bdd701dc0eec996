import type { RiskRegister } from './risk-model.js';

/**
 * The JSON of `carto risks --format json`: `{ organisation, asOf, risks, checks }`, risks sorted by
 * key, two-space indented, ending with a newline. Same facts and date, same bytes.
 */
export function risksJson(register: RiskRegister): string {
  const doc = {
    organisation: register.organisation,
    asOf: register.asOf,
    risks: register.risks.map((r) => ({
      key: r.key,
      kind: r.kind,
      family: r.family,
      activity: r.activity,
      fearedEvent: r.fearedEvent,
      assets: r.assets,
      evidence: r.evidence,
      severity: r.severity,
      likelihood: r.likelihood,
      suggested: r.suggested,
      zone: r.zone,
      inputs: r.inputs,
      measures: r.measures,
      decisions: r.decisions,
      acceptance: r.acceptance,
      overridden: r.overridden,
      factsDigest: r.factsDigest,
    })),
    checks: register.checks,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
