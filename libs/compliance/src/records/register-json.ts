import type { ProcessingRecordResult } from './processing-record.js';

/** The JSON document of `carto register --format json` (docs/compliance.md), as a value. */
export function registerDocument(result: ProcessingRecordResult) {
  return {
    organisation: result.organisation,
    asOf: result.asOf,
    completeness: result.completeness.percent,
    activities: result.activities.map((a) => ({
      key: a.key,
      name: a.name,
      kind: a.kind,
      completeness: a.completeness.percent,
      cells: Object.fromEntries(
        Object.entries(a.cells).map(([item, c]) => [item, { value: c.value, evidence: c.evidence, path: c.path }]),
      ),
      discrepancies: a.discrepancies.map((d) => ({ code: d.code, fr: d.fr, en: d.en, paths: d.paths })),
    })),
  };
}

/** Byte-deterministic JSON text. */
export function registerJson(result: ProcessingRecordResult): string {
  return `${JSON.stringify(registerDocument(result), null, 2)}\n`;
}
