export type FindingStatus = 'OPEN' | 'CONFIRMED' | 'REJECTED';
export type FindingOrigin = 'SCAN' | 'DECLARED' | 'PROPAGATED';
export type ReviewDecision = 'CONFIRM' | 'REJECT';
/** ClassificationTier of @cartographer/classification: which reading flags the field. */
export type FindingTier = 'DIRECT_IDENTIFIER' | 'QUASI_IDENTIFIER' | 'LINKED_ATTRIBUTE' | 'NONE';

/** A finding on a field: never a sampled value, at most a masked exemplar. */
export interface Finding {
  key: string;
  organisation: string;
  department: string | null;
  field: string;
  dataset: string | null;
  source: string | null;
  origin: FindingOrigin;
  status: FindingStatus;
  personal: boolean;
  category: string | null;
  specialCategory: boolean;
  specialCategoryKind: string | null;
  quasiIdentifier: boolean;
  /** Null on findings written before the linkage pass, and on propagated findings. */
  tier: FindingTier | null;
  /** Paths to the persons the field relates to ("linked to public.customer through rental.customer_id"). */
  linkedTo: string[];
  /** Category of a linked attribute (BEHAVIOUR, FINANCIAL, LOCATION, PROFESSIONAL, METADATA). */
  linkedCategory: string | null;
  treatment: string | null;
  treatmentReason: string | null;
  confidence: number | null;
  evidence: string | null;
  maskedExemplar: string | null;
  /** For propagated findings: the upstream fields it comes from, e.g. "propagated from org:patients/nom". */
  provenance: string[];
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
}

export interface FindingFilter {
  organisation?: string;
  status?: FindingStatus;
  category?: string;
  source?: string;
  department?: string;
  origin?: FindingOrigin;
}

export interface FindingAccess {
  organisations: string[] | null;
  departments: string[] | null;
}
