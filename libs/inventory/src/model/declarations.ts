import {
  CONNECTION_REF_PATTERN as CONNECTION_REF_REGEXP,
  CONNECTION_REF_SOURCE,
  FIELD_KEY_PATTERN,
  FIELD_NAME_SOURCE,
  GRAPH_KEY_PATTERN,
  LOCAL_KEY_PATTERN as LOCAL_KEY_REGEXP,
  LOCAL_KEY_SOURCE,
  ORGANISATION_KEY_PATTERN as ORGANISATION_KEY_REGEXP,
  ORGANISATION_KEY_SOURCE,
} from '@cartographer/common';
import {
  ACCESS_CONTROL_MODELS,
  ACCESS_METHODS,
  ACTION_STATUSES,
  BACKUP_FREQUENCIES,
  EXPOSURES,
  INCIDENT_KINDS,
  KEY_HOLDERS,
  MEASURE_IDS,
  REDUNDANCY_LEVELS,
  DATASET_KINDS,
  DEROGATION_GROUNDS,
  FLOW_MECHANISMS,
  FREQUENCIES,
  HOSTING_TYPES,
  LEGAL_BASES,
  ORGANISATION_ROLES,
  ORGANISATION_SECTORS,
  RECIPIENT_ROLES,
  RECIPIENT_SECTORS,
  SAFEGUARDS,
  SCC_MODULES,
  SOURCE_KINDS,
  STAKEHOLDER_ROLES,
  STRUCTURES,
  TIA_CONCLUSIONS,
  TIA_STEPS,
} from './vocabulary.js';
import {
  BUDGET_CATEGORIES,
  DEPENDENCY_TYPES,
  MAX_DURATION_DAYS,
  MAX_HORIZON_YEARS,
  MAX_LAG_DAYS,
  MAX_PLAN_TASKS,
  MAX_PUE,
  MAX_REPLICATION,
  MAX_TASK_DEPENDENCIES,
  MAX_WATTS,
  STORAGE_MEDIA,
  TEAM_SKILLS,
} from '@cartographer/feasibility';

/*
 * One declaration per entity of the inventory format: its members in document order, each with
 * its type and bounds and where the graph keeps it. The JSON Schema (format/inventory.schema.ts),
 * the compile mapping (document → node properties), the decode mapping (node properties →
 * document) and the bounds of the API's inputs all derive from these.
 */

/*
 * Key and connection-reference patterns are written once, in libs/common/src/keys.ts (libs/access
 * and libs/config use them too and cannot depend on this library); these are their names here.
 */
/** A local key: how an entity is named in its organisation's file (pattern source text). */
export const KEY_PATTERN = LOCAL_KEY_SOURCE;
/** An organisation key: prefixes every graph key of its inventory. */
export const ORGANISATION_KEY_PATTERN = ORGANISATION_KEY_SOURCE;
/** A field name inside a field reference (`<dataset key>/<field name>`). */
export const FIELD_NAME_PATTERN = FIELD_NAME_SOURCE;
export const CONNECTION_REF_PATTERN = CONNECTION_REF_SOURCE;

/** The same patterns, whole-string, as regular expressions. */
export const KEY_REGEX = LOCAL_KEY_REGEXP;
export const ORGANISATION_KEY_REGEX = ORGANISATION_KEY_REGEXP;
/** `<organisation>:<key>`: how the API names an existing entity. */
export const GRAPH_KEY_REGEX = GRAPH_KEY_PATTERN;
/** `<organisation>:<dataset>/<field name>`. */
export const FIELD_KEY_REGEX = FIELD_KEY_PATTERN;
export const CONNECTION_REF_REGEX = CONNECTION_REF_REGEXP;

/** Length bounds of text members, by role. */
export const TEXT_BOUNDS = {
  /** Names, labels, categories, column names, providers, regions. */
  name: 256,
  datasetName: 512,
  contact: 512,
  /** Data types and certifications. */
  code: 128,
  country: 8,
  /** Purposes and security measures: one statement each. */
  statement: 1000,
  retention: 2000,
  /** Descriptions, details, documentation. */
  description: 4000,
} as const;

/** Most items of each list member. */
export const LIST_BOUNDS = {
  departments: 1000,
  servers: 1000,
  recipients: 1000,
  sources: 10000,
  processingActivities: 5000,
  flows: 10000,
  stakeholders: 100,
  certifications: 50,
  sourceServers: 100,
  accessMethods: 20,
  datasets: 20000,
  fields: 5000,
  references: 500,
  columns: 64,
  jointControllers: 50,
  purposes: 50,
  legalBases: 6,
  categories: 100,
  specialCategories: 20,
  activityRecipients: 500,
  transfers: 500,
  securityMeasures: 100,
  activityDatasets: 5000,
  activityFields: 20000,
  flowFields: 5000,
  accessCountries: 50,
  retentionByCategory: 100,
  tiaSteps: 6,
  supplementaryMeasures: 50,
  incidents: 1000,
  incidentTargets: 500,
  measuresInPlace: 1000,
  plannedMeasures: 5000,
  measureRisks: 5000,
} as const;

export const COUNT_MAX = Number.MAX_SAFE_INTEGER;
export const RATE_MAX = 1e15;

export type Spec =
  | { kind: 'text'; max: number; nonEmpty: boolean }
  | { kind: 'pattern'; pattern: string }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'count' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'date' }
  | { kind: 'rate' }
  | { kind: 'share' }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'boolean' }
  | { kind: 'const'; value: number }
  | { kind: 'list'; item: Spec; max: number; min: number; unique?: boolean }
  | { kind: 'object'; members: Members }
  | { kind: 'oneOf'; options: Spec[] };

/**
 * Where the graph keeps a member: a node property (by default of the member's name), the node's
 * key, a nested object flattened into `<prefix><Member>` properties, a list of objects as JSON
 * strings (an object nesting objects as one JSON string), or relationships (written and read by
 * the compiler and the reader themselves).
 */
export type Storage =
  | { as: 'property'; name?: string }
  | { as: 'nodeKey' }
  | { as: 'flattened'; prefix: string }
  | { as: 'json' }
  | { as: 'relationship' };

export interface Member {
  spec: Spec;
  required: boolean;
  storage: Storage;
}

export type Members = Readonly<Record<string, Member>>;

export const text = (max: number): Spec => ({ kind: 'text', max, nonEmpty: true });
/** Text that may be empty. */
export const anyText = (max: number): Spec => ({ kind: 'text', max, nonEmpty: false });
export const pattern = (source: string): Spec => ({ kind: 'pattern', pattern: source });
export const enumOf = (values: readonly string[]): Spec => ({ kind: 'enum', values });
export const list = (item: Spec, max: number, min = 0): Spec => ({ kind: 'list', item, max, min });
export const object = (members: Members): Spec => ({ kind: 'object', members });
const count: Spec = { kind: 'count' };
const rate: Spec = { kind: 'rate' };
/** A share, 0 to 1. */
const share: Spec = { kind: 'share' };
const boolean: Spec = { kind: 'boolean' };
/** A calendar date written YYYY-MM-DD (the compiler checks that it exists). */
const date: Spec = { kind: 'date' };

const stored: Storage = { as: 'property' };
const related: Storage = { as: 'relationship' };
export const required = (spec: Spec, storage: Storage = stored): Member => ({ spec, required: true, storage });
export const optional = (spec: Spec, storage: Storage = stored): Member => ({ spec, required: false, storage });
const flattened = (prefix: string): Storage => ({ as: 'flattened', prefix });
const json: Storage = { as: 'json' };

const localKey = pattern(KEY_PATTERN);
const fieldRef = pattern(`${KEY_PATTERN}/${FIELD_NAME_PATTERN}`);
const country = text(TEXT_BOUNDS.country);
const description = optional(anyText(TEXT_BOUNDS.description));
/** An entity's own key: the `localKey` property (the node's key is `<organisation>:<key>`). */
const entityKey = required(localKey, { as: 'property', name: 'localKey' });

export const PARTY: Members = {
  name: required(text(TEXT_BOUNDS.name)),
  contact: optional(anyText(TEXT_BOUNDS.contact)),
  country: optional(country),
};
export const STAKEHOLDER: Members = {
  role: required(enumOf(STAKEHOLDER_ROLES)),
  name: required(text(TEXT_BOUNDS.name)),
  contact: optional(anyText(TEXT_BOUNDS.contact)),
};
const VOLUME: Members = { records: optional(count), bytes: optional(count) };
const VELOCITY: Members = { recordsPerDay: optional(rate), bytesPerDay: optional(rate) };
const stakeholders = optional(list(object(STAKEHOLDER), LIST_BOUNDS.stakeholders), related);
const certifications = optional(list(text(TEXT_BOUNDS.code), LIST_BOUNDS.certifications));
/** Countries from which staff or support access the data (EDPB Guidelines 05/2021: remote access is a transfer). */
const accessCountries = optional(list(country, LIST_BOUNDS.accessCountries));

/*
 * Security facts (issue 12): what the risk register reads (docs/risks.md, `RiskFacts.security`), with
 * the same member names. Every member is optional: absent means "not declared" and the rules show it
 * as an UNKNOWN input, never as "no". Each entity keeps them in one JSON property `security`.
 */
export const SERVER_SECURITY: Members = {
  encryptionAtRest: optional(boolean),
  encryptionInTransit: optional(boolean),
  /** Who holds the encryption keys and where they are kept (a description, never a key). */
  keys: optional(object({ holder: optional(enumOf(KEY_HOLDERS)), location: optional(anyText(TEXT_BOUNDS.name)) })),
  backup: optional(
    object({
      frequency: optional(enumOf(BACKUP_FREQUENCIES)),
      offSite: optional(boolean),
      lastRestoreTest: optional(date),
    }),
  ),
  redundancy: optional(enumOf(REDUNDANCY_LEVELS)),
  exposure: optional(enumOf(EXPOSURES)),
  adminInterfaceExposed: optional(boolean),
  adminMfa: optional(boolean),
  hardware: optional(object({ inServiceSince: optional(date), endOfSupport: optional(date) })),
  softwareEndOfSupport: optional(date),
};

export const DEPARTMENT_SECURITY: Members = {
  staffCount: optional(count),
  lastAwarenessTraining: optional(date),
  shareTrained: optional(share),
};

export const ACTIVITY_SECURITY: Members = {
  accessControl: optional(enumOf(ACCESS_CONTROL_MODELS)),
  logging: optional(boolean),
  pseudonymisation: optional(boolean),
  publicFacing: optional(boolean),
  critical: optional(boolean),
  /** A risk assessment (PIA) carried out for the activity. */
  assessment: optional(object({ on: required(date), reference: optional(anyText(TEXT_BOUNDS.name)) })),
};

const riskKeys = optional(list(text(TEXT_BOUNDS.name), LIST_BOUNDS.measureRisks));
const measureId = enumOf(MEASURE_IDS);

export const INCIDENT: Members = {
  key: required(localKey),
  date: required(date),
  kind: required(enumOf(INCIDENT_KINDS)),
  activities: optional(list(localKey, LIST_BOUNDS.incidentTargets)),
  /** Sources or datasets whose data was affected. */
  sources: optional(list(localKey, LIST_BOUNDS.incidentTargets)),
  description,
};

export const MEASURE_IN_PLACE: Members = {
  measure: required(measureId),
  /** Risk keys it covers (`privacy/<activity>/<event>`, `organisational/<FAMILY>`); absent: every risk it acts on. */
  risks: riskKeys,
  note: optional(anyText(TEXT_BOUNDS.statement)),
};

/** A planned measure of the action plan; the API adds and completes actions in PostgreSQL too. */
export const PLANNED_MEASURE: Members = {
  key: required(localKey),
  measure: required(measureId),
  owner: required(text(TEXT_BOUNDS.name)),
  dueDate: required(date),
  status: required(enumOf(ACTION_STATUSES)),
  risks: riskKeys,
  note: optional(anyText(TEXT_BOUNDS.statement)),
};

export const ORGANISATION_SECURITY: Members = {
  /** Known incidents; `[]` declares none. */
  incidents: optional(list(object(INCIDENT), LIST_BOUNDS.incidents)),
  /** Catalogue measures in place beyond those the server, department and activity facts show. */
  measuresInPlace: optional(list(object(MEASURE_IN_PLACE), LIST_BOUNDS.measuresInPlace)),
  plannedMeasures: optional(list(object(PLANNED_MEASURE), LIST_BOUNDS.plannedMeasures)),
};

export const ORGANISATION: Members = {
  key: required(pattern(ORGANISATION_KEY_PATTERN), { as: 'nodeKey' }),
  name: required(text(TEXT_BOUNDS.name)),
  country: optional(country),
  sector: optional(enumOf(ORGANISATION_SECTORS)),
  description,
  dpo: optional(object(PARTY), flattened('dpo')),
  /** Representative in the Union (Art. 27), for an organisation established outside it. */
  representative: optional(object(PARTY), flattened('representative')),
  /** Head count (CNIL exemption of HR processing below 250, délibération 2019-118). */
  staffCount: optional(count),
  /** Incidents, measures in place and the planned measures (issue 12). */
  security: optional(object(ORGANISATION_SECURITY), json),
};

export const DEPARTMENT: Members = {
  key: entityKey,
  name: required(text(TEXT_BOUNDS.name)),
  description,
  stakeholders,
  security: optional(object(DEPARTMENT_SECURITY), json),
};

export const SERVER: Members = {
  key: entityKey,
  name: required(text(TEXT_BOUNDS.name)),
  provider: optional(anyText(TEXT_BOUNDS.name)),
  hosting: required(enumOf(HOSTING_TYPES)),
  country: required(country),
  region: optional(anyText(TEXT_BOUNDS.name)),
  certifications,
  description,
  /** The provider's parent company and the country whose law governs it (extraterritorial reach). */
  providerParent: optional(
    object({ name: required(text(TEXT_BOUNDS.name)), country: required(country) }),
    flattened('providerParent'),
  ),
  accessCountries,
  /** The recipient (processor) that operates the server. */
  operator: optional(localKey),
  /** Security facts (issue 12, docs/risks.md): absent means "not declared", never "no". */
  security: optional(object(SERVER_SECURITY), json),
};

/** The six steps of EDPB Recommendations 01/2020, as recorded for one transfer. */
export const TIA: Members = {
  reference: optional(anyText(TEXT_BOUNDS.name)),
  assessedOn: optional(date),
  reevaluateBy: optional(date),
  stepsDone: optional(list(enumOf(TIA_STEPS), LIST_BOUNDS.tiaSteps)),
  conclusion: optional(enumOf(TIA_CONCLUSIONS)),
  supplementaryMeasures: optional(list(text(TEXT_BOUNDS.statement), LIST_BOUNDS.supplementaryMeasures)),
};

/** The details of the Chapter V tool recorded for a recipient. */
export const TRANSFER_TOOL: Members = {
  sccModule: optional({ kind: 'integer', min: SCC_MODULES[0], max: SCC_MODULES[SCC_MODULES.length - 1] }),
  bcrReference: optional(anyText(TEXT_BOUNDS.name)),
  derogation: optional(enumOf(DEROGATION_GROUNDS)),
  documentation: optional(anyText(TEXT_BOUNDS.description)),
  tia: optional(object(TIA)),
};

export const RECIPIENT: Members = {
  key: entityKey,
  name: required(text(TEXT_BOUNDS.name)),
  role: required(enumOf(RECIPIENT_ROLES)),
  country: required(country),
  safeguard: required(enumOf(SAFEGUARDS)),
  certifications,
  description,
  /** Where the recipient is established, when it differs from where it processes the data. */
  establishmentCountry: optional(country),
  accessCountries,
  /** Decides partial adequacy (Canada PIPEDA, Japan APPI). */
  sector: optional(enumOf(RECIPIENT_SECTORS)),
  /** The importer's processing is itself subject to the GDPR (Art. 3(2)). */
  subjectToGdpr: optional(boolean),
  transferTool: optional(object(TRANSFER_TOOL), json),
};

/** A dataset's fields are the hot path of an import: the compiler writes them by hand (see its test). */
export const FIELD: Members = {
  name: required(text(TEXT_BOUNDS.name)),
  dataType: optional(anyText(TEXT_BOUNDS.code)),
  description,
  nullable: optional(boolean),
};

/** Stored on the REFERENCES relationship; `dataset` is its end. */
export const REFERENCE: Members = {
  name: optional(anyText(TEXT_BOUNDS.name)),
  columns: required(list(text(TEXT_BOUNDS.name), LIST_BOUNDS.columns, 1)),
  dataset: required(localKey, related),
  referencedColumns: required(list(text(TEXT_BOUNDS.name), LIST_BOUNDS.columns, 1)),
};

export const DATASET: Members = {
  key: entityKey,
  name: required(text(TEXT_BOUNDS.datasetName)),
  kind: required(enumOf(DATASET_KINDS)),
  description,
  volume: optional(object(VOLUME), flattened('volume')),
  fields: optional(list(object(FIELD), LIST_BOUNDS.fields), related),
  references: optional(list(object(REFERENCE), LIST_BOUNDS.references), related),
};

export const SOURCE: Members = {
  key: entityKey,
  name: required(text(TEXT_BOUNDS.name)),
  department: required(localKey),
  kind: required(enumOf(SOURCE_KINDS)),
  structure: required(enumOf(STRUCTURES)),
  description,
  servers: optional(list(localKey, LIST_BOUNDS.sourceServers), related),
  volume: optional(object(VOLUME), flattened('volume')),
  velocity: optional(object(VELOCITY), flattened('velocity')),
  accessMethods: optional(list(enumOf(ACCESS_METHODS), LIST_BOUNDS.accessMethods)),
  connectionRef: optional(pattern(CONNECTION_REF_PATTERN)),
  stakeholders,
  datasets: optional(list(object(DATASET), LIST_BOUNDS.datasets), related),
};

/** Stored on the TRANSFERS_TO relationship; `recipient` is its end. */
export const TRANSFER: Members = {
  recipient: required(localKey, related),
  country: required(country),
  safeguard: required(enumOf(SAFEGUARDS)),
  documentation: optional(anyText(TEXT_BOUNDS.description)),
};

const categories = (min: number) => list(text(TEXT_BOUNDS.name), LIST_BOUNDS.categories, min);

export const ACTIVITY: Members = {
  key: entityKey,
  name: required(text(TEXT_BOUNDS.name)),
  department: required(localKey),
  description,
  controller: required(object(PARTY), flattened('controller')),
  jointControllers: optional(list(object(PARTY), LIST_BOUNDS.jointControllers), { as: 'json' }),
  representative: optional(object(PARTY), flattened('representative')),
  dpo: optional(object(PARTY), flattened('dpo')),
  purposes: required(list(text(TEXT_BOUNDS.statement), LIST_BOUNDS.purposes, 1)),
  legalBases: required(list(enumOf(LEGAL_BASES), LIST_BOUNDS.legalBases, 1)),
  legalBasisDetails: optional(anyText(TEXT_BOUNDS.description)),
  dataSubjectCategories: required(categories(1)),
  personalDataCategories: required(categories(1)),
  specialCategories: optional(list(text(TEXT_BOUNDS.name), LIST_BOUNDS.specialCategories)),
  recipients: optional(list(localKey, LIST_BOUNDS.activityRecipients), related),
  transfers: optional(list(object(TRANSFER), LIST_BOUNDS.transfers), related),
  retention: required(text(TEXT_BOUNDS.retention)),
  securityMeasures: required(list(text(TEXT_BOUNDS.statement), LIST_BOUNDS.securityMeasures, 1)),
  datasets: optional(list(localKey, LIST_BOUNDS.activityDatasets), related),
  fields: optional(list(fieldRef, LIST_BOUNDS.activityFields), related),
  // Compliance facts (issue 11 item 5): absent means "not declared", never "no".
  organisationRole: optional(enumOf(ORGANISATION_ROLES)),
  dataSubjectCount: optional(count),
  automatedDecisions: optional(
    object({ exists: required(boolean), legalOrSimilarEffect: optional(boolean) }),
    flattened('automatedDecisions'),
  ),
  evaluationScoring: optional(boolean),
  monitoring: optional(
    object({ systematic: required(boolean), publiclyAccessibleArea: optional(boolean) }),
    flattened('monitoring'),
  ),
  innovativeTechnology: optional(boolean),
  preventsRightOrService: optional(boolean),
  retentionByCategory: optional(
    list(
      object({ category: required(text(TEXT_BOUNDS.name)), retention: required(text(TEXT_BOUNDS.retention)) }),
      LIST_BOUNDS.retentionByCategory,
    ),
    json,
  ),
  security: optional(object(ACTIVITY_SECURITY), json),
};

const FLOW_FIELD: Members = { from: required(fieldRef), to: required(fieldRef) };

export const FLOW: Members = {
  key: entityKey,
  name: optional(anyText(TEXT_BOUNDS.name)),
  from: required(localKey),
  to: required(localKey),
  fields: optional(
    list({ kind: 'oneOf', options: [text(TEXT_BOUNDS.name), object(FLOW_FIELD)] }, LIST_BOUNDS.flowFields),
    related,
  ),
  frequency: optional(enumOf(FREQUENCIES)),
  mechanism: optional(enumOf(FLOW_MECHANISMS)),
  description,
};

// ---------------------------------------------------------------- feasibility (issue 14)
/*
 * The project plan and the declared needs of a feasibility study. Both are stored as one JSON
 * property each on the organisation node (read whole by `carto plan` and the feasibility report;
 * a plan is never queried task by task). The plan's schema here and libs/feasibility's
 * PLAN_SCHEMA (which `parsePlan` checks a plan file against) are kept equal by a test.
 */
const whole = (min: number, max: number): Spec => ({ kind: 'integer', min, max });
const decimal = (min: number, max: number): Spec => ({ kind: 'number', min, max });
const currency = pattern('[A-Z]{3}');
const uniqueList = (item: Spec, max: number): Spec => ({ kind: 'list', item, max, min: 0, unique: true });

export const PLAN_DEPENDENCY: Members = {
  predecessor: required(localKey),
  type: optional(enumOf(DEPENDENCY_TYPES)),
  lag: optional(whole(-MAX_LAG_DAYS, MAX_LAG_DAYS)),
};

export const PLAN_TASK: Members = {
  id: required(localKey),
  name: required(text(TEXT_BOUNDS.datasetName)),
  duration: required(whole(0, MAX_DURATION_DAYS)),
  dependencies: optional(list(object(PLAN_DEPENDENCY), MAX_TASK_DEPENDENCIES)),
  owner: optional(text(TEXT_BOUNDS.name)),
  deadline: optional(date),
  baselineStart: optional(date),
  baselineFinish: optional(date),
  actualStart: optional(date),
  actualFinish: optional(date),
  percentComplete: optional(decimal(0, 100)),
};

export const PLAN_CALENDAR: Members = {
  weekend: optional(uniqueList(whole(1, 7), 7)),
  frenchHolidays: optional(boolean),
  alsaceMoselle: optional(boolean),
  nonWorkingDays: optional(list(date, 5000)),
  workingDays: optional(list(date, 5000)),
};

export const BUDGET_LINE: Members = {
  item: required(text(TEXT_BOUNDS.datasetName)),
  amount: required(decimal(0, 1e12)),
  currency: required(currency),
  category: required(enumOf(BUDGET_CATEGORIES)),
};

export const PLAN: Members = {
  name: optional(text(TEXT_BOUNDS.datasetName)),
  start: required(date),
  deadline: optional(date),
  statusDate: optional(date),
  calendar: optional(object(PLAN_CALENDAR)),
  tasks: required(list(object(PLAN_TASK), MAX_PLAN_TASKS, 1)),
  budget: optional(list(object(BUDGET_LINE), 1000)),
};

export const SERVER_NEEDS: Members = {
  server: required(localKey),
  medium: optional(enumOf(STORAGE_MEDIA)),
  replication: optional(whole(1, MAX_REPLICATION)),
  pue: optional(decimal(1, MAX_PUE)),
  averageWatts: optional(decimal(0, MAX_WATTS)),
};

export const NEEDS: Members = {
  budget: optional(object({ amount: required(decimal(0, 1e12)), currency: required(currency) })),
  teamSkills: optional(uniqueList(enumOf(TEAM_SKILLS), TEAM_SKILLS.length)),
  availabilityTarget: optional(decimal(0, 100)),
  growthPercentPerYear: optional(decimal(0, 10_000)),
  horizonYears: optional(whole(1, MAX_HORIZON_YEARS)),
  servers: optional(list(object(SERVER_NEEDS), LIST_BOUNDS.servers)),
  scanMachineWatts: optional(decimal(0, MAX_WATTS)),
};

/** Document members held as JSON properties of the organisation node. */
export const FEASIBILITY: Members = {
  plan: optional(object(PLAN), json),
  needs: optional(object(NEEDS), json),
};
// ---------------------------------------------------------------- end of feasibility

/** The document: an organisation header and one list per entity. */
export const DOCUMENT: Members = {
  version: required({ kind: 'const', value: 1 }),
  organisation: required(object(ORGANISATION)),
  departments: optional(list(object(DEPARTMENT), LIST_BOUNDS.departments)),
  servers: optional(list(object(SERVER), LIST_BOUNDS.servers)),
  recipients: optional(list(object(RECIPIENT), LIST_BOUNDS.recipients)),
  sources: optional(list(object(SOURCE), LIST_BOUNDS.sources)),
  processingActivities: optional(list(object(ACTIVITY), LIST_BOUNDS.processingActivities)),
  flows: optional(list(object(FLOW), LIST_BOUNDS.flows)),
  ...FEASIBILITY,
};

function memberSpec(members: Members, name: string): Spec {
  const member = members[name];
  if (!member) throw new Error(`no member ${name} in this declaration`);
  return member.spec;
}

/** The length bound of a text member, or of each text of a list member (for the API's inputs). */
export function maxLengthOf(members: Members, name: string): number {
  const spec = memberSpec(members, name);
  const text = spec.kind === 'list' ? spec.item : spec;
  if (text.kind !== 'text') throw new Error(`member ${name} is not text`);
  return text.max;
}

/** The most items of a list member (for the API's inputs). */
export function maxItemsOf(members: Members, name: string): number {
  const spec = memberSpec(members, name);
  if (spec.kind !== 'list') throw new Error(`member ${name} is not a list`);
  return spec.max;
}

/**
 * Every date member found in `value` under `members`, with its path (`servers[0].security.backup.
 * lastRestoreTest`): the schema checks the YYYY-MM-DD shape, the compiler that the date exists.
 */
export function datesIn(members: Members, value: unknown, path: string): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  const walk = (spec: Spec, v: unknown, at: string) => {
    if (v === undefined || v === null) return;
    if (spec.kind === 'date' && typeof v === 'string') out.push({ path: at, value: v });
    else if (spec.kind === 'list' && Array.isArray(v)) v.forEach((item, i) => walk(spec.item, item, `${at}[${i}]`));
    else if (spec.kind === 'object' && typeof v === 'object')
      for (const [name, member] of Object.entries(spec.members))
        walk(member.spec, (v as Record<string, unknown>)[name], `${at}.${name}`);
  };
  walk(object(members), value, path);
  return out;
}
