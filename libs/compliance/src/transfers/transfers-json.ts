import type { TransfersResult } from './transfers.js';

/** The JSON document of `carto transfers --format json` (docs/compliance.md), as a value. */
export function transfersDocument(result: TransfersResult) {
  return {
    organisation: result.organisation,
    asOf: result.asOf,
    transfers: result.transfers.map((t) => ({
      activity: t.activity,
      from: { kind: t.from.kind, key: t.from.key },
      to: { kind: t.to.kind, key: t.to.key, country: t.to.country, jurisdiction: t.to.jurisdiction },
      access: t.access,
      dataCategories: t.dataCategories,
      specialCategories: t.specialCategories,
      mechanism: {
        required: t.mechanism.required,
        recorded: t.mechanism.recorded,
        applied: t.mechanism.applied,
        adequacyDecision:
          t.mechanism.adequacy && t.mechanism.applied === 'ADEQUACY' ? t.mechanism.adequacy.decision : null,
        exceptional: t.mechanism.exceptional,
        tiaStatus: t.tia.status,
      },
      // The module matters once an Art. 46 tool is used or needed; with adequacy it does not.
      sccModule:
        t.mechanism.applied === 'ADEQUACY' || t.mechanism.applied === 'DEROGATION' ? null : t.mechanism.sccModule,
      status: t.status,
      reasons: t.reasons.map((r) => ({ code: r.code, fr: r.fr, en: r.en })),
    })),
  };
}

/** Byte-deterministic JSON text: same facts and as-of date, same bytes. */
export function transfersJson(result: TransfersResult): string {
  return `${JSON.stringify(transfersDocument(result), null, 2)}\n`;
}
