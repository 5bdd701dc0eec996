import type { ComplianceFacts, DpiaOverride } from '@cartographer/compliance';
import type { InventoryDocument } from '@cartographer/inventory';
import type { RiskFacts } from '@cartographer/risks';

/*
 * What a report reads, gathered once from the read model (Neo4j) and the scan runs (PostgreSQL):
 * the inventory document (the one graph → document mapping), the compliance facts computed from it,
 * and what only the graph knows beyond them — findings in detail (treatment, reason, confidence,
 * detectors; never a masked exemplar or a sampled value), scan observations and scan runs. The
 * report builders are pure functions of this value and the request.
 */

/** One detector that spoke for a finding: its name and counts, never what it matched. */
export interface DetectorEvidence {
  detector: string;
  /** name, comment, values or vocabulary. */
  source: string;
  /** Share of sampled values that matched (values detectors), 0–1. */
  hitRatio: number | null;
  sampled: number | null;
}

export interface FindingDetail {
  origin: 'SCAN' | 'DECLARED' | 'PROPAGATED';
  /** PENDING (open), CONFIRMED or REJECTED. */
  status: 'PENDING' | 'CONFIRMED' | 'REJECTED';
  category: string | null;
  /** The Art. 9/10 kind, or null. */
  specialCategory: string | null;
  tier: string | null;
  quasiIdentifier: boolean;
  treatment: string | null;
  treatmentReason: string | null;
  /** 0–1 */
  confidence: number | null;
  detectors: DetectorEvidence[];
  /** The scan run that produced a SCAN finding. */
  scanRun: string | null;
  /** `propagated from <field key>` entries of a PROPAGATED finding. */
  provenance: string[];
}

/** Keyed by `<dataset key>/<field name>` (local keys). */
export type FieldDetails = Readonly<Record<string, readonly FindingDetail[]>>;

export interface SourceObservation {
  /** ISO timestamp of the last scan that wrote the source. */
  lastScannedAt: string | null;
  lastScanRun: string | null;
  engine: string | null;
  /** Type families and their counts (variety), from the last scan. */
  typeMix: Readonly<Record<string, number>> | null;
}

export interface DatasetObservation {
  lastScannedAt: string | null;
  format: string | null;
  /** Smallest equivalence class over the quasi-identifiers (k-anonymity), when the scan measured it. */
  kAnonymity: number | null;
  /** Share of sampled rows unique on their quasi-identifiers, 0–1. */
  uniqueShare: number | null;
  anonymous: boolean | null;
  absentSince: string | null;
}

export interface ScanRunSummary {
  id: string;
  sourceKey: string | null;
  status: 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
  /** YYYY-MM-DD of the end of the run. */
  finishedOn: string;
  datasets: number | null;
  fields: number | null;
  personalFields: number | null;
  errors: number | null;
}

export interface ReportInputs {
  document: InventoryDocument;
  facts: ComplianceFacts;
  findings: FieldDetails;
  sources: Readonly<Record<string, SourceObservation>>;
  datasets: Readonly<Record<string, DatasetObservation>>;
  /** Finished runs of the organisation up to the as-of date, newest first. */
  scanRuns: readonly ScanRunSummary[];
  dpiaOverrides: readonly DpiaOverride[];
}

/** What the risk report reads: the risk facts (compliance facts, security facts, stored decisions). */
export interface RiskReportInputs {
  riskFacts: RiskFacts;
  /** The DPO's DPIA decisions on the readable activities. */
  dpiaOverrides: readonly DpiaOverride[];
}
