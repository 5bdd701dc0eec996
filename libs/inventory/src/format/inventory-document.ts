import type { DeclaredNeeds, ProjectPlan } from '@cartographer/feasibility';
import type {
  AccessMethod,
  DatasetKind,
  FlowMechanism,
  Frequency,
  HostingType,
  LegalBasis,
  DerogationGround,
  OrganisationRole,
  OrganisationSector,
  RecipientRole,
  RecipientSector,
  Safeguard,
  SccModule,
  TiaConclusion,
  TiaStep,
  SourceKind,
  StakeholderRole,
  Structure,
} from '../model/vocabulary.js';
import type {
  ActionFacts,
  ActivitySecurityFacts,
  DepartmentSecurityFacts,
  IncidentFacts,
  MeasureInPlaceFacts,
  ServerSecurityFacts,
} from '@cartographer/risks';

/**
 * The inventory import/export format (YAML or JSON), version 1. Keys are local to the
 * organisation: the graph stores `<organisation key>:<local key>`, so two organisations mapped
 * in one instance never collide. Field references are `<dataset key>/<field name>`.
 * The JSON Schema in inventory.schema.ts is the normative description.
 */
export interface InventoryDocument {
  version: 1;
  organisation: OrganisationDoc;
  departments?: DepartmentDoc[];
  servers?: ServerDoc[];
  recipients?: RecipientDoc[];
  sources?: SourceDoc[];
  processingActivities?: ProcessingActivityDoc[];
  flows?: FlowDoc[];
  /** The project plan of the feasibility study (libs/feasibility: tasks, deadline, calendar, budget lines). */
  plan?: ProjectPlan;
  /** What the organisation declares it needs from its storage (budget, skills, availability, growth). */
  needs?: DeclaredNeeds;
}

export interface PartyDoc {
  name: string;
  contact?: string;
  country?: string;
}

export interface StakeholderDoc {
  role: StakeholderRole;
  name: string;
  contact?: string;
}

export interface OrganisationDoc {
  key: string;
  name: string;
  country?: string;
  sector?: OrganisationSector;
  description?: string;
  dpo?: PartyDoc;
  representative?: PartyDoc;
  staffCount?: number;
  security?: OrganisationSecurityDoc;
}

/*
 * Security facts (issue 12): the risk register's own members (`RiskFacts.security`, libs/risks), without
 * the key of the entity that holds them.
 */
export type ServerSecurityDoc = Omit<ServerSecurityFacts, 'server'>;
export type DepartmentSecurityDoc = Omit<DepartmentSecurityFacts, 'department'>;
export type ActivitySecurityDoc = Omit<ActivitySecurityFacts, 'activity'> & {
  assessment?: { on: string; reference?: string };
};
export type IncidentDoc = IncidentFacts & { description?: string };
export interface OrganisationSecurityDoc {
  incidents?: IncidentDoc[];
  measuresInPlace?: MeasureInPlaceFacts[];
  plannedMeasures?: ActionFacts[];
}

export interface DepartmentDoc {
  key: string;
  name: string;
  description?: string;
  stakeholders?: StakeholderDoc[];
  security?: DepartmentSecurityDoc;
}

export interface ServerDoc {
  key: string;
  name: string;
  provider?: string;
  hosting: HostingType;
  country: string;
  region?: string;
  certifications?: string[];
  description?: string;
  providerParent?: { name: string; country: string };
  accessCountries?: string[];
  /** Local key of the recipient operating the server. */
  operator?: string;
  security?: ServerSecurityDoc;
}

export interface TiaDoc {
  reference?: string;
  assessedOn?: string;
  reevaluateBy?: string;
  stepsDone?: TiaStep[];
  conclusion?: TiaConclusion;
  supplementaryMeasures?: string[];
}

export interface TransferToolDoc {
  sccModule?: SccModule;
  bcrReference?: string;
  derogation?: DerogationGround;
  documentation?: string;
  tia?: TiaDoc;
}

export interface RecipientDoc {
  key: string;
  name: string;
  role: RecipientRole;
  country: string;
  safeguard: Safeguard;
  certifications?: string[];
  description?: string;
  establishmentCountry?: string;
  accessCountries?: string[];
  sector?: RecipientSector;
  subjectToGdpr?: boolean;
  transferTool?: TransferToolDoc;
}

export interface VolumeDoc {
  records?: number;
  bytes?: number;
}

export interface VelocityDoc {
  recordsPerDay?: number;
  bytesPerDay?: number;
}

export interface FieldDoc {
  name: string;
  dataType?: string;
  description?: string;
  nullable?: boolean;
}

export interface ReferenceDoc {
  name?: string;
  columns: string[];
  dataset: string;
  referencedColumns: string[];
}

export interface DatasetDoc {
  key: string;
  name: string;
  kind: DatasetKind;
  description?: string;
  volume?: VolumeDoc;
  fields?: FieldDoc[];
  references?: ReferenceDoc[];
}

export interface SourceDoc {
  key: string;
  name: string;
  department: string;
  kind: SourceKind;
  structure: Structure;
  description?: string;
  servers?: string[];
  volume?: VolumeDoc;
  velocity?: VelocityDoc;
  accessMethods?: AccessMethod[];
  /** Where the scanner finds credentials: an environment variable name, never the secret itself. */
  connectionRef?: string;
  stakeholders?: StakeholderDoc[];
  datasets?: DatasetDoc[];
}

export interface TransferDoc {
  recipient: string;
  country: string;
  safeguard: Safeguard;
  documentation?: string;
}

export interface ProcessingActivityDoc {
  key: string;
  name: string;
  department: string;
  description?: string;
  controller: PartyDoc;
  jointControllers?: PartyDoc[];
  representative?: PartyDoc;
  dpo?: PartyDoc;
  purposes: string[];
  legalBases: LegalBasis[];
  legalBasisDetails?: string;
  dataSubjectCategories: string[];
  personalDataCategories: string[];
  specialCategories?: string[];
  recipients?: string[];
  transfers?: TransferDoc[];
  retention: string;
  securityMeasures: string[];
  datasets?: string[];
  fields?: string[];
  organisationRole?: OrganisationRole;
  dataSubjectCount?: number;
  automatedDecisions?: { exists: boolean; legalOrSimilarEffect?: boolean };
  evaluationScoring?: boolean;
  monitoring?: { systematic: boolean; publiclyAccessibleArea?: boolean };
  innovativeTechnology?: boolean;
  preventsRightOrService?: boolean;
  retentionByCategory?: { category: string; retention: string }[];
  security?: ActivitySecurityDoc;
}

export interface FlowFieldDoc {
  from: string;
  to: string;
}

export interface FlowDoc {
  key: string;
  name?: string;
  from: string;
  to: string;
  fields?: (string | FlowFieldDoc)[];
  frequency?: Frequency;
  mechanism?: FlowMechanism;
  description?: string;
}
