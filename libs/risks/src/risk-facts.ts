import type { ComplianceFacts } from '@cartographer/compliance';

/*
 * RiskFacts: what the risk register reads. The compliance facts (inventory plus graph findings) and,
 * under `security`, the security facts, declared measures and the DPO's decisions of issue 12. These
 * will become inventory-format additions; until then the adapter fills them from wherever they are
 * stored. Every optional member means "not declared": the rules show it as an UNKNOWN input and never
 * guess its value. Arrays: `undefined` = not declared, `[]` = declared empty ("none").
 * Keys are the inventory's local keys; dates are calendar dates YYYY-MM-DD.
 */

export const REDUNDANCY_LEVELS = ['SINGLE', 'REPLICATED', 'MULTI_SITE'] as const;
/** SINGLE: one machine; REPLICATED: a replica in the same site; MULTI_SITE: replicas on two sites or more. */
export type Redundancy = (typeof REDUNDANCY_LEVELS)[number];

export const EXPOSURES = ['INTERNAL', 'INTERNET_FACING'] as const;
/** INTERNAL: reachable from the organisation's network only; INTERNET_FACING: a service reachable from the Internet. */
export type Exposure = (typeof EXPOSURES)[number];

export const BACKUP_FREQUENCIES = ['NONE', 'CONTINUOUS', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY'] as const;
/** NONE is a declared answer ("no backup"), unlike an absent `backup`. */
export type BackupFrequency = (typeof BACKUP_FREQUENCIES)[number];

export const KEY_HOLDERS = ['ORGANISATION', 'PROVIDER', 'THIRD_PARTY'] as const;
/** Who holds the encryption keys: the organisation itself, the hosting provider, another party (a KMS vendor). */
export type KeyHolder = (typeof KEY_HOLDERS)[number];

export const ACCESS_CONTROL_MODELS = ['NONE', 'SHARED_ACCOUNTS', 'INDIVIDUAL_ACCOUNTS', 'ROLE_BASED'] as const;
/**
 * NONE: anyone on the network reads the data; SHARED_ACCOUNTS: generic accounts several people use;
 * INDIVIDUAL_ACCOUNTS: one account per person, same rights for all; ROLE_BASED: one account per person and
 * rights by profile (CNIL guide, fiche 5 "Gérer les habilitations").
 */
export type AccessControlModel = (typeof ACCESS_CONTROL_MODELS)[number];

export const INCIDENT_KINDS = ['CONFIDENTIALITY', 'INTEGRITY', 'AVAILABILITY'] as const;
/** The three kinds of personal-data breach (EDPB Guidelines 9/2022): they match the three feared events. */
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const ACTION_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const SCORE_DIMENSIONS = ['SEVERITY', 'LIKELIHOOD'] as const;
export type ScoreDimension = (typeof SCORE_DIMENSIONS)[number];

export const RISK_STATES = ['INHERENT', 'CURRENT', 'RESIDUAL'] as const;
/** INHERENT: no measure; CURRENT: measures in place; RESIDUAL: in place plus planned. */
export type RiskState = (typeof RISK_STATES)[number];

/** A CNIL scale level: 1 négligeable, 2 limitée, 3 importante, 4 maximale. */
export type Score = 1 | 2 | 3 | 4;

export interface RiskFacts extends ComplianceFacts {
  security?: SecurityFacts;
}

export interface SecurityFacts {
  servers?: ServerSecurityFacts[];
  departments?: DepartmentSecurityFacts[];
  activities?: ActivitySecurityFacts[];
  /** Known incidents; `[]` = declared none. Only incidents dated within 3 years before the as-of date count. */
  incidents?: IncidentFacts[];
  /** Catalogue measures in place (beyond those derived from the facts above). */
  measuresInPlace?: MeasureInPlaceFacts[];
  /** The action plan: planned measures. A DONE action's measure counts as in place. */
  actions?: ActionFacts[];
  /** The DPO's score overrides, in decision order (the last one per risk, dimension and state wins). */
  overrides?: ScoreOverrideFacts[];
  /** Risks the DPO accepted as they stand (the last one per risk wins). */
  acceptances?: AcceptanceFacts[];
  /** Risk assessments carried out per activity (a PIA): the DPIA check looks for one. */
  assessments?: AssessmentFacts[];
}

export interface ServerSecurityFacts {
  /** The server's key in `facts.servers`. */
  server: string;
  encryptionAtRest?: boolean;
  encryptionInTransit?: boolean;
  /** Who holds the keys and where they are kept (free text, e.g. "HSM on premises", never a key). */
  keys?: { holder?: KeyHolder; location?: string };
  backup?: {
    frequency?: BackupFrequency;
    /** A copy kept in another place than the server (another site, another provider, offline media). */
    offSite?: boolean;
    /** YYYY-MM-DD of the last restore test that succeeded. */
    lastRestoreTest?: string;
  };
  redundancy?: Redundancy;
  exposure?: Exposure;
  /** The administration interface (console, SSH, RDP, database port) is reachable from the Internet. */
  adminInterfaceExposed?: boolean;
  /** Administrators authenticate with several factors. */
  adminMfa?: boolean;
  hardware?: {
    /** YYYY-MM-DD the machine went into service: its age at the as-of date. */
    inServiceSince?: string;
    /** YYYY-MM-DD the manufacturer stops supporting the hardware. */
    endOfSupport?: string;
  };
  /** YYYY-MM-DD the operating system or main software stops receiving security updates. */
  softwareEndOfSupport?: string;
}

export interface DepartmentSecurityFacts {
  /** The department's key in `facts.departments`. */
  department: string;
  staffCount?: number;
  /** YYYY-MM-DD of the last data-protection awareness session for the department. */
  lastAwarenessTraining?: string;
  /** Share of the department's staff trained, 0 to 1. */
  shareTrained?: number;
}

export interface ActivitySecurityFacts {
  /** The activity's key in `facts.processingActivities`. */
  activity: string;
  accessControl?: AccessControlModel;
  /** Accesses and operations are logged (CNIL guide, fiche 16 "Tracer les opérations"). */
  logging?: boolean;
  pseudonymisation?: boolean;
  /** The processing is offered to the public (website, app, front desk): reputation exposure. */
  publicFacing?: boolean;
  /** The organisation cannot work without it: FAILURE risks look at its sources. */
  critical?: boolean;
}

export interface IncidentFacts {
  key: string;
  /** YYYY-MM-DD */
  date: string;
  kind: IncidentKind;
  /** Activities whose data was affected. */
  activities?: string[];
  /** Sources (or datasets) whose data was affected. */
  sources?: string[];
}

export interface MeasureInPlaceFacts {
  /** A catalogue id, e.g. `M-ENC-REST`. */
  measure: string;
  /** Risk keys it covers; absent = every risk the measure acts on. */
  risks?: string[];
  note?: string;
}

export interface ActionFacts {
  key: string;
  /** A catalogue id. */
  measure: string;
  owner: string;
  /** YYYY-MM-DD */
  dueDate: string;
  status: ActionStatus;
  /** Risk keys it treats; absent = every risk the measure acts on. */
  risks?: string[];
  note?: string;
}

export interface ScoreOverrideFacts {
  risk: string;
  dimension: ScoreDimension;
  state: RiskState;
  score: number;
  justification: string;
  by?: string;
  /** YYYY-MM-DD */
  at?: string;
  /** The risk's `factsDigest` when the decision was taken: a different digest now marks `suggestionChanged`. */
  factsDigest?: string;
}

export interface AcceptanceFacts {
  risk: string;
  /** Empty or absent: the ACCEPTED_WITHOUT_JUSTIFICATION check reports it. */
  justification?: string;
  by?: string;
  at?: string;
}

export interface AssessmentFacts {
  activity: string;
  /** YYYY-MM-DD */
  on: string;
  reference?: string;
}
