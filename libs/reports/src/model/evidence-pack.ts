import type { EvidenceKind } from './report-model.js';
import type { EvidenceUse, ReportOutline } from './outline.js';

/** Every evidence item of a report once, with the places that rely on it. */
export interface EvidencePack {
  items: EvidencePackItem[];
}

export interface EvidencePackItem {
  /** `E1`, ... as printed in the PDF and the HTML. */
  id: string;
  kind: EvidenceKind;
  ref: string;
  label: string;
  usedIn: EvidenceUse[];
}

export function evidencePackOf(outline: ReportOutline): EvidencePack {
  return {
    items: outline.evidence.map(({ id, evidence, usedIn }) => ({
      id,
      kind: evidence.kind,
      ref: evidence.ref,
      label: evidence.label,
      usedIn: usedIn.map((use) => ({ ...use })),
    })),
  };
}
