import type { ScreeningResult } from './screening.js';

/** The JSON document of `carto dpia --format json` (docs/compliance.md), as a value. */
export function dpiaDocument(result: ScreeningResult) {
  return {
    organisation: result.organisation,
    asOf: result.asOf,
    thresholds: result.thresholds,
    activities: result.activities.map((a) => ({
      key: a.key,
      result: a.result,
      suggestedResult: a.suggestedResult,
      basis: a.basis,
      criteria: a.criteria.map((c) => ({
        id: c.id,
        met: c.met,
        reason: c.decided
          ? { code: 'OVERRIDE', fr: c.decided.justification, en: c.decided.justification }
          : { code: c.suggested.reason.code, fr: c.suggested.reason.fr, en: c.suggested.reason.en },
        evidence: c.suggested.evidence,
        suggested: c.suggested.met,
        outdated: c.decided?.outdated ?? false,
      })),
      cnilList: a.cnilList.map((m) => m.id),
      exemptions: a.exemptions.map((e) => ({
        id: e.id,
        applies: e.applies,
        conditions: e.conditions.map((c) => ({ id: c.id, met: c.met })),
      })),
      overridden: a.overridden,
      outdated: a.outdated,
      factsDigest: a.factsDigest,
    })),
  };
}

/** Byte-deterministic JSON text. */
export function dpiaJson(result: ScreeningResult): string {
  return `${JSON.stringify(dpiaDocument(result), null, 2)}\n`;
}
