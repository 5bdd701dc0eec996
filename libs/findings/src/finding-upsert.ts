import type { ManagedTransaction } from 'neo4j-driver';
import { Label, Rel } from '@cartographer/inventory';

/** What a classifier says of one field: aggregates and at most a masked exemplar, never a value. */
export interface FindingClassification {
  personal: boolean;
  category: string | null;
  specialCategory: boolean;
  specialCategoryKind: string | null;
  quasiIdentifier: boolean;
  treatment: string;
  treatmentReason: string;
  confidence: number;
  evidence: readonly unknown[];
  maskedExemplar?: string | null;
  /** DIRECT_IDENTIFIER, QUASI_IDENTIFIER, LINKED_ATTRIBUTE or NONE (the dataset-level pass). */
  tier?: string | null;
  /** Paths to the persons the field relates to, as explanations (never a value). */
  linkedTo?: readonly string[];
  /** Category of a linked attribute. */
  linkedCategory?: string | null;
}

export interface ClassifiedField {
  /** Graph keys. */
  field: string;
  dataset: string | null;
  source: string | null;
  department: string | null;
  classification: FindingClassification;
}

/** The classification of some fields by one origin, to record as findings. */
export interface FindingsUpsert {
  /** SCAN: classified from sampled values; DECLARED: from names, types and descriptions only. */
  origin: 'SCAN' | 'DECLARED';
  organisation: string;
  /** When the fields were classified (ISO): `lastDetectedAt`, and `createdAt` of new findings. */
  at: string;
  /** The scan run, for SCAN findings. */
  scanRun?: string | null;
  fields: ClassifiedField[];
}

/** One finding per field and origin: `<field key>#classification` (scan) or `#declared`. */
export function findingKey(field: string, origin: FindingsUpsert['origin']): string {
  return `${field}${origin === 'SCAN' ? '#classification' : '#declared'}`;
}

/**
 * Records what a classification found, inside the caller's transaction. This is the one place a
 * scan or declared classification writes findings, and the one review-preservation rule:
 *
 * - a field flagged (personal or quasi-identifying) gets or updates its finding of that origin;
 * - a reviewed finding (CONFIRMED or REJECTED) keeps its review while the classification finds the
 *   same category and the same special-category flag: a rejected finding stays suppressed on every
 *   later scan, a confirmed one stays confirmed;
 * - a changed category or special-category flag resets the review: the finding is OPEN (pending)
 *   again and the previous reviewer, date and comment are cleared (the audit log keeps them);
 * - a field no longer flagged loses its OPEN finding of that origin; a reviewed one is kept, so the
 *   reviewer's decision is still there if the field is flagged again.
 */
export async function upsertFindings(
  tx: ManagedTransaction,
  upsert: FindingsUpsert,
): Promise<{ flagged: number; cleared: number }> {
  const flagged: { key: string; field: string; props: Record<string, unknown> }[] = [];
  const cleared: string[] = [];
  for (const { field, dataset, source, department, classification: c } of upsert.fields) {
    if (!c.personal && !c.quasiIdentifier) {
      cleared.push(field);
      continue;
    }
    flagged.push({
      key: findingKey(field, upsert.origin),
      field,
      props: {
        organisation: upsert.organisation,
        department,
        field,
        dataset,
        source,
        origin: upsert.origin,
        personal: c.personal,
        category: c.category,
        specialCategory: c.specialCategory,
        specialCategoryKind: c.specialCategoryKind,
        quasiIdentifier: c.quasiIdentifier,
        tier: c.tier ?? null,
        linkedTo: [...(c.linkedTo ?? [])],
        linkedCategory: c.linkedCategory ?? null,
        treatment: c.treatment,
        treatmentReason: c.treatmentReason,
        confidence: c.confidence,
        evidence: JSON.stringify(c.evidence),
        maskedExemplar: c.maskedExemplar ?? null,
        lastDetectedAt: upsert.at,
        ...(upsert.origin === 'SCAN' ? { scanRun: upsert.scanRun ?? null } : {}),
      },
    });
  }
  await tx.run(UPSERT_FINDINGS, { rows: flagged, at: upsert.at });
  const result = await tx.run(CLEAR_OPEN_FINDINGS, { keys: cleared, origin: upsert.origin });
  const count = result.records[0]?.get('cleared') as { toNumber(): number } | undefined;
  return { flagged: flagged.length, cleared: count?.toNumber() ?? 0 };
}

const UPSERT_FINDINGS = `UNWIND $rows AS row
  MATCH (f:${Label.Field} {key: row.field})
  MERGE (x:${Label.Finding} {key: row.key})
  ON CREATE SET x.status = 'OPEN', x.createdAt = $at
  WITH f, x, row,
       x.status IN ['REJECTED', 'CONFIRMED']
         AND coalesce(x.category, '') = coalesce(row.props.category, '')
         AND coalesce(x.specialCategory, false) = row.props.specialCategory AS keepReview
  SET x += row.props,
      x.status = CASE WHEN keepReview THEN x.status ELSE 'OPEN' END,
      x.reviewedBy = CASE WHEN keepReview THEN x.reviewedBy ELSE null END,
      x.reviewedAt = CASE WHEN keepReview THEN x.reviewedAt ELSE null END,
      x.reviewComment = CASE WHEN keepReview THEN x.reviewComment ELSE null END
  MERGE (f)-[:${Rel.HAS_FINDING}]->(x)`;

const CLEAR_OPEN_FINDINGS = `UNWIND $keys AS key
  MATCH (:${Label.Field} {key: key})-[:${Rel.HAS_FINDING}]->(x:${Label.Finding} {origin: $origin, status: 'OPEN'})
  DETACH DELETE x
  RETURN count(*) AS cleared`;
