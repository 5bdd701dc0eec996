import type { Neo4jService } from '@cartographer/graph';
import { type InventoryDocument, readInventoryOutline } from '@cartographer/inventory';
import type {
  AcceptanceFacts,
  ActionFacts,
  IncidentFacts,
  RiskFacts,
  ScoreOverrideFacts,
  SecurityFacts,
} from '@cartographer/risks';
import type { ManagedTransaction } from 'neo4j-driver';
import { type FactsQuery, type ReadScope, readComplianceFacts } from './compliance-facts.loader.js';
import { readDpiaOverrides } from './dpia-overrides.js';

/** The DPO's decisions and the actions stored in PostgreSQL for one organisation (risk-decisions.repository.ts). */
export interface StoredRiskDecisions {
  /** In decision order: the last per risk, dimension and state wins. */
  overrides: ScoreOverrideFacts[];
  /** In decision order: the last per risk wins. */
  acceptances: AcceptanceFacts[];
  /** Actions planned through the API; one with the key of a planned measure of the inventory replaces it. */
  actions: ActionFacts[];
}

/** Where the stored decisions come from (the PostgreSQL repository; a test may pass a fixed value). */
export interface RiskDecisionSource {
  read(organisation: string): Promise<StoredRiskDecisions>;
}

export const NO_DECISIONS: StoredRiskDecisions = Object.freeze({ overrides: [], acceptances: [], actions: [] });

/** The activity a privacy risk key names (`privacy/<activity>/<EVENT>`), null for an organisational risk. */
export function activityOfRisk(risk: string): string | null {
  if (!risk.startsWith('privacy/')) return null;
  const end = risk.lastIndexOf('/');
  return end > 'privacy/'.length ? risk.slice('privacy/'.length, end) : null;
}

/**
 * The security facts of an inventory document (its `security` members, same names as
 * `RiskFacts.security`), restricted to the activities the compliance facts kept (department and
 * read scope), plus the stored decisions. Absent stays absent: nothing is defaulted.
 */
export function securityFactsOf(
  doc: InventoryDocument,
  activities: ReadonlySet<string>,
  stored: StoredRiskDecisions = NO_DECISIONS,
): SecurityFacts {
  const inScope = (risk: string) => {
    const activity = activityOfRisk(risk);
    return activity === null || activities.has(activity);
  };
  const risksInScope = <T extends { risks?: string[] }>(item: T): T | null => {
    if (item.risks === undefined) return item;
    const risks = item.risks.filter(inScope);
    return risks.length === 0 ? null : { ...item, risks };
  };
  const org = doc.organisation.security;
  const byKey = new Map<string, ActionFacts>();
  for (const action of org?.plannedMeasures ?? []) byKey.set(action.key, action);
  for (const action of stored.actions) byKey.set(action.key, action);
  const actions = [...byKey.values()]
    .map(risksInScope)
    .filter((a): a is ActionFacts => a !== null)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const incidents = org?.incidents?.map((incident): IncidentFacts => {
    const { description: _description, ...facts } = incident;
    return facts.activities ? { ...facts, activities: facts.activities.filter((a) => activities.has(a)) } : facts;
  });
  const scopedActivities = (doc.processingActivities ?? []).filter((a) => activities.has(a.key));
  const security: SecurityFacts = {
    servers: (doc.servers ?? []).flatMap((s) => (s.security ? [{ server: s.key, ...s.security }] : [])),
    departments: (doc.departments ?? []).flatMap((d) => (d.security ? [{ department: d.key, ...d.security }] : [])),
    activities: scopedActivities.flatMap((a) => {
      if (!a.security) return [];
      const { assessment: _assessment, ...facts } = a.security;
      return [{ activity: a.key, ...facts }];
    }),
    ...(incidents ? { incidents } : {}),
    ...(org?.measuresInPlace
      ? { measuresInPlace: org.measuresInPlace.map(risksInScope).filter((m) => m !== null) }
      : {}),
    actions,
    overrides: stored.overrides.filter((o) => inScope(o.risk)),
    acceptances: stored.acceptances.filter((a) => inScope(a.risk)),
    assessments: scopedActivities.flatMap((a) =>
      a.security?.assessment ? [{ activity: a.key, ...a.security.assessment }] : [],
    ),
  };
  return security;
}

/** The compliance facts, the inventory outline and the stored DPIA overrides, in one transaction. */
export async function readRiskInputs(tx: ManagedTransaction, query: FactsQuery) {
  const compliance = await readComplianceFacts(tx, query);
  const outline = await readInventoryOutline(tx, query.organisation);
  const readable = new Set((compliance.processingActivities ?? []).map((a) => a.key));
  const dpiaOverrides = (await readDpiaOverrides(tx, query.organisation)).filter((o) => readable.has(o.activity));
  return { compliance, outline, dpiaOverrides };
}

export type RiskInputs = Awaited<ReturnType<typeof readRiskInputs>>;

export function riskFactsOf(inputs: RiskInputs, stored: StoredRiskDecisions = NO_DECISIONS): RiskFacts {
  const activities = new Set((inputs.compliance.processingActivities ?? []).map((a) => a.key));
  return { ...inputs.compliance, security: securityFactsOf(inputs.outline, activities, stored) };
}

/**
 * RiskFacts in the caller's transaction: the compliance facts (`readComplianceFacts`, unchanged) and
 * the security facts of the inventory outline (organisation, departments, servers, activities, read
 * by the inventory's own decoders), plus the stored decisions.
 */
export async function readRiskFacts(
  tx: ManagedTransaction,
  query: FactsQuery,
  stored: StoredRiskDecisions = NO_DECISIONS,
): Promise<RiskFacts> {
  return riskFactsOf(await readRiskInputs(tx, query), stored);
}

/**
 * The RiskFacts of one organisation for `computeRiskRegister`: what the inventory declares (read
 * through the read model) and, when `decisions` is given, the DPO's stored overrides, acceptances and
 * actions. Same scope rules as `loadComplianceFacts`: an organisation the caller may not read answers
 * NOT_FOUND; `department` keeps that department's activities and the decisions on their risks.
 */
export async function loadRiskFacts(
  neo4j: Neo4jService,
  organisation: string,
  options: { department?: string; scope: ReadScope; decisions?: RiskDecisionSource },
): Promise<RiskFacts> {
  const query = { organisation, department: options.department, scope: options.scope };
  // The graph read checks the scope before any decision is read.
  const inputs = await neo4j.read((tx) => readRiskInputs(tx, query));
  return riskFactsOf(inputs, options.decisions ? await options.decisions.read(organisation) : NO_DECISIONS);
}
