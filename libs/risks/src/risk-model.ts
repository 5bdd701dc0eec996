import type { FearedEvent, RiskFamily } from './catalogue.js';
import type { RiskState, Score, ScoreDimension } from './risk-facts.js';

/** One fact a suggestion read, and the rule it fed. Never a sampled value: keys, categories, counts, dates. */
export interface RiskInput {
  rule: string;
  /** SEVERITY / LIKELIHOOD: a rule of the inherent score; MEASURE: a measure derived from the facts; EVIDENCE: an organisational condition. */
  dimension: 'SEVERITY' | 'LIKELIHOOD' | 'MEASURE' | 'EVIDENCE';
  /** MET: the rule fired (the measure is in place); NOT_MET: declared otherwise; UNKNOWN: not declared. */
  state: 'MET' | 'NOT_MET' | 'UNKNOWN';
  /** The facts used, as `kind:key.member=value`. */
  facts: string[];
  fr: string;
  en: string;
}

export interface ThreeStates {
  inherent: Score;
  current: Score;
  residual: Score;
}

export interface AppliedScoreOverride {
  dimension: ScoreDimension;
  state: RiskState;
  suggested: Score;
  decided: Score;
  justification: string;
  by: string | null;
  at: string | null;
  /** The suggestion's facts changed since the decision (digest differs); null when no digest was recorded. */
  suggestionChanged: boolean | null;
}

export interface Risk {
  /** `privacy/<activity>/<feared event>` or `organisational/<family>`. */
  key: string;
  kind: 'PRIVACY' | 'ORGANISATIONAL';
  /** Organisational family; null for a privacy risk. */
  family: RiskFamily | null;
  /** The processing activity of a privacy risk; null for an organisational risk. */
  activity: string | null;
  fearedEvent: FearedEvent | null;
  title: { fr: string; en: string };
  /** `activity:<key>`, `source:<key>`, `server:<key>`, `department:<key>`, sorted. */
  assets: string[];
  /** Privacy: impacts on data subjects, threats and risk sources of the feared event (the method's table). */
  impacts: { fr: string; en: string }[];
  threats: { fr: string; en: string }[];
  riskSources: ('INTERNAL_HUMAN' | 'EXTERNAL_HUMAN' | 'NON_HUMAN')[];
  /** Organisational: whether the evidence rule holds. Privacy risks: always MET. */
  evidence: 'MET' | 'NOT_MET' | 'UNKNOWN';
  /** Decided values: the DPO's override where there is one, else the suggestion. */
  severity: ThreeStates;
  likelihood: ThreeStates;
  suggested: { severity: ThreeStates; likelihood: ThreeStates };
  zone: { inherent: string; current: string; residual: string };
  inputs: RiskInput[];
  measures: {
    /** Catalogue ids in place that act on this risk (declared, derived from the facts, or DONE actions). */
    inPlace: string[];
    /** Catalogue ids planned (open actions) that act on it, not already in place. */
    planned: string[];
    /** Catalogue measures that would reduce it and are neither in place nor planned. */
    suggested: string[];
  };
  decisions: AppliedScoreOverride[];
  acceptance: { justification: string | null; by: string | null; at: string | null } | null;
  overridden: boolean;
  /** Digest of the inputs and measures the suggestion is computed from; an override records it. */
  factsDigest: string;
}

export interface RegisterCheck {
  code:
    | 'RESIDUAL_ABOVE_CURRENT'
    | 'LOWERED_WITHOUT_MEASURE'
    | 'ACCEPTED_WITHOUT_JUSTIFICATION'
    | 'MEASURE_IN_PLACE_AND_PLANNED'
    | 'DPIA_REQUIRED_WITHOUT_ASSESSMENT'
    | 'ACTION_OVERDUE';
  /** What the check is about: a risk key, an activity, a measure id or an action key. */
  subject: string;
  fr: string;
  en: string;
}

export interface PlannedAction {
  key: string;
  measure: string;
  owner: string;
  dueDate: string;
  status: 'PLANNED' | 'IN_PROGRESS' | 'DONE';
  /** Risk keys it treats (those named, or every risk the measure acts on). */
  risks: string[];
  overdue: boolean;
  note: string | null;
}

export interface RiskRegister {
  organisation: string;
  asOf: string;
  matrix: string;
  thresholds: RegisterThresholds;
  risks: Risk[];
  actions: PlannedAction[];
  checks: RegisterCheck[];
}

export interface RegisterThresholds {
  /** Subjects (or records of the largest dataset, when the count is not declared) from which severity rises. */
  largeScaleSubjects: number;
  largeScaleRecords: number;
  /** External recipients from which the likelihood of illegitimate access rises. */
  manyRecipients: number;
  /** Share of staff trained below which the AWARENESS evidence holds. */
  minShareTrained: number;
  /** Hardware age, in years, from which the HARDWARE evidence holds. */
  maxHardwareAgeYears: number;
}
