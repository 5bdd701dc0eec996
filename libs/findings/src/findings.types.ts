export type FindingStatus = 'OPEN' | 'CONFIRMED' | 'REJECTED';
export type FindingOrigin = 'SCAN' | 'DECLARED' | 'PROPAGATED';
export type ReviewDecision = 'CONFIRM' | 'REJECT';

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
