import type { Neo4jService } from '@cartographer/graph';
import { Label, Rel } from '@cartographer/inventory';
import {
  NO_DECISIONS,
  type ReadScope,
  type RiskDecisionSource,
  readComplianceSources,
  readDpiaOverrides,
  readRiskInputs,
  riskFactsOf,
} from '@cartographer/registers';
import type { ScanRun } from '@cartographer/scan';
import { isInt, type ManagedTransaction } from 'neo4j-driver';
import type {
  DatasetObservation,
  DetectorEvidence,
  FindingDetail,
  ReportInputs,
  RiskReportInputs,
  ScanRunSummary,
  SourceObservation,
} from './report-inputs.js';

/*
 * Findings in detail: never `maskedExemplar`. `evidence` is the classifier's JSON list of
 * detectors; only detector, source, hitRatio and sampled are kept from it.
 */
const FINDING_DETAILS = `
  MATCH (d:${Label.Dataset} {organisation: $organisation})-[:${Rel.HAS_FIELD}]->(f:${Label.Field})-[:${Rel.HAS_FINDING}]->(x:${Label.Finding})
  RETURN d.localKey AS dataset, f.name AS field, x.origin AS origin, x.status AS status, x.category AS category,
         x.specialCategoryKind AS specialCategory, x.tier AS tier, coalesce(x.quasiIdentifier, false) AS quasi,
         x.treatment AS treatment, x.treatmentReason AS treatmentReason, x.confidence AS confidence,
         x.evidence AS evidence, x.scanRun AS scanRun, coalesce(x.provenance, []) AS provenance
  ORDER BY dataset, field, origin`;

const SOURCE_OBSERVATIONS = `
  MATCH (s:${Label.DataSource} {organisation: $organisation})
  RETURN s.localKey AS key, s.lastScannedAt AS lastScannedAt, s.lastScanRun AS lastScanRun, s.engine AS engine,
         s.typeMix AS typeMix
  ORDER BY key`;

const DATASET_OBSERVATIONS = `
  MATCH (d:${Label.Dataset} {organisation: $organisation})
  RETURN d.localKey AS key, d.lastScannedAt AS lastScannedAt, d.format AS format, d.kAnonymity AS kAnonymity,
         d.uniqueShare AS uniqueShare, d.anonymous AS anonymous, d.absentSince AS absentSince
  ORDER BY key`;

const STATUS: Readonly<Record<string, FindingDetail['status']>> = {
  OPEN: 'PENDING',
  PENDING: 'PENDING',
  CONFIRMED: 'CONFIRMED',
  REJECTED: 'REJECTED',
};

const num = (value: unknown): number | null => {
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  return typeof value === 'number' ? value : null;
};
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The detectors of a finding's evidence JSON, reduced to names and counts. */
export function detectorsOf(evidence: unknown): DetectorEvidence[] {
  if (typeof evidence !== 'string') return [];
  let list: unknown;
  try {
    list = JSON.parse(evidence);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list.flatMap((item): DetectorEvidence[] => {
    if (typeof item !== 'object' || item === null) return [];
    const e = item as Record<string, unknown>;
    if (typeof e.detector !== 'string' || typeof e.source !== 'string') return [];
    return [
      {
        detector: e.detector.slice(0, 80),
        source: e.source.slice(0, 20),
        hitRatio: num(e.hitRatio),
        sampled: num(e.sampled),
      },
    ];
  });
}

async function findingDetails(tx: ManagedTransaction, organisation: string): Promise<Record<string, FindingDetail[]>> {
  const result = await tx.run(FINDING_DETAILS, { organisation });
  const out: Record<string, FindingDetail[]> = {};
  for (const r of result.records) {
    const key = `${r.get('dataset') as string}/${r.get('field') as string}`;
    const origin = r.get('origin') as string;
    (out[key] ??= []).push({
      origin: origin === 'DECLARED' || origin === 'PROPAGATED' ? origin : 'SCAN',
      status: STATUS[r.get('status') as string] ?? 'PENDING',
      category: str(r.get('category')),
      specialCategory: str(r.get('specialCategory')),
      tier: str(r.get('tier')),
      quasiIdentifier: r.get('quasi') === true,
      treatment: str(r.get('treatment')),
      treatmentReason: str(r.get('treatmentReason')),
      confidence: num(r.get('confidence')),
      detectors: detectorsOf(r.get('evidence')),
      scanRun: str(r.get('scanRun')),
      provenance: (r.get('provenance') as unknown[]).filter((p): p is string => typeof p === 'string').sort(),
    });
  }
  return out;
}

function parseTypeMix(value: unknown): Record<string, number> | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed = JSON.parse(value) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number'),
    );
  } catch {
    return null;
  }
}

async function sourceObservations(tx: ManagedTransaction, organisation: string) {
  const result = await tx.run(SOURCE_OBSERVATIONS, { organisation });
  const out: Record<string, SourceObservation> = {};
  for (const r of result.records) {
    out[r.get('key') as string] = {
      lastScannedAt: str(r.get('lastScannedAt')),
      lastScanRun: str(r.get('lastScanRun')),
      engine: str(r.get('engine')),
      typeMix: parseTypeMix(r.get('typeMix')),
    };
  }
  return out;
}

async function datasetObservations(tx: ManagedTransaction, organisation: string) {
  const result = await tx.run(DATASET_OBSERVATIONS, { organisation });
  const out: Record<string, DatasetObservation> = {};
  for (const r of result.records) {
    out[r.get('key') as string] = {
      lastScannedAt: str(r.get('lastScannedAt')),
      format: str(r.get('format')),
      kAnonymity: num(r.get('kAnonymity')),
      uniqueShare: num(r.get('uniqueShare')),
      anonymous: typeof r.get('anonymous') === 'boolean' ? (r.get('anonymous') as boolean) : null,
      absentSince: str(r.get('absentSince')),
    };
  }
  return out;
}

/** Finished runs up to the end of the as-of date, newest first (at most `limit`). */
export function scanRunSummaries(runs: readonly ScanRun[], asOf: string, limit = 200): ScanRunSummary[] {
  return runs
    .filter(
      (run): run is ScanRun & { status: ScanRunSummary['status']; finishedAt: string } =>
        (run.status === 'SUCCEEDED' || run.status === 'PARTIAL' || run.status === 'FAILED') &&
        run.finishedAt !== null &&
        run.finishedAt.slice(0, 10) <= asOf,
    )
    .sort((a, b) => (a.finishedAt < b.finishedAt ? 1 : a.finishedAt > b.finishedAt ? -1 : a.id < b.id ? -1 : 1))
    .slice(0, limit)
    .map((run) => ({
      id: run.id,
      sourceKey: run.sourceKey,
      status: run.status,
      finishedOn: run.finishedAt.slice(0, 10),
      datasets: run.counts?.datasets ?? null,
      fields: run.counts?.fields ?? null,
      personalFields: run.counts?.personalFields ?? null,
      errors: run.counts?.errors ?? null,
    }));
}

/** Where scan runs come from (PostgreSQL `scan_runs`); absent, the report has no scan run annex rows. */
export interface ScanRunsSource {
  list(filter: { organisations: string[] | null; sourceKey?: string; limit: number }): Promise<ScanRun[]>;
}

/**
 * Reads everything a report of one organisation (or one department's activities) needs, in one
 * read transaction of the graph, then its scan runs. Unknown or unreadable organisation or
 * department: the registers' NOT_FOUND errors.
 */
export async function loadReportInputs(
  neo4j: Neo4jService,
  scanRuns: ScanRunsSource | null,
  query: { organisation: string; department?: string; asOf: string; scope: ReadScope },
): Promise<ReportInputs> {
  const graph = await neo4j.read(async (tx) => {
    const { facts, document } = await readComplianceSources(tx, query);
    const findings = await findingDetails(tx, query.organisation);
    const sources = await sourceObservations(tx, query.organisation);
    const datasets = await datasetObservations(tx, query.organisation);
    const dpiaOverrides = await readDpiaOverrides(tx, query.organisation);
    return { facts, document, findings, sources, datasets, dpiaOverrides };
  });
  const runs = scanRuns ? await scanRuns.list({ organisations: [query.organisation], limit: 500 }) : [];
  return { ...graph, scanRuns: scanRunSummaries(runs, query.asOf) };
}

/**
 * The risk report's inputs: the registers' risk inputs (one graph read; the scope is checked before
 * anything else), then the DPO's stored decisions when a source of them is given.
 */
export async function loadRiskReportInputs(
  neo4j: Neo4jService,
  decisions: RiskDecisionSource | null,
  query: { organisation: string; department?: string; scope: ReadScope },
): Promise<RiskReportInputs> {
  const risk = await neo4j.read((tx) => readRiskInputs(tx, query));
  const stored = decisions ? await decisions.read(query.organisation) : NO_DECISIONS;
  return { riskFacts: riskFactsOf(risk, stored), dpiaOverrides: risk.dpiaOverrides };
}
