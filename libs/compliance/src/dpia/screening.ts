import { PersonalDataCategory } from '@cartographer/classification';
import { quoteUntrusted } from '../compliance.errors.js';
import { isIsoDate, requireIsoDate } from '../facts/as-of.js';
import type { ActivityFacts, ComplianceFacts, FieldFacts } from '../facts/compliance-facts.js';
import { ComplianceRulesError, ComplianceRulesErrorCode } from '../facts/compliance-rules.errors.js';
import { digestOf } from '../facts/digest.js';
import {
  type FactsIndex,
  type FoundData,
  type UsedData,
  activityData,
  activityNode,
  compareStrings,
  foundData,
  memoise,
  sortedUnique,
  usedParts,
} from '../facts/facts-index.js';
import { categoryList } from '../facts/labels.js';
import { type Reason, reason } from '../facts/reason.js';
import {
  MONITORING_PHRASES,
  type MonitoringSignal,
  type VulnerableGroup,
  categoriesOfLabel,
  containsPhrase,
  normaliseWords,
  vulnerableGroupsOf,
} from '../facts/vocabulary.js';
import { prepareFacts } from '../transfers/transfers.js';
import {
  CNIL_DPIA_EXEMPT_TYPES,
  CNIL_DPIA_REQUIRED_TYPES,
  CRITERION_TITLES,
  type CriterionId,
  WP248_CRITERIA,
} from './dpia-tables.js';

export const DPIA_RESULTS = ['REQUIRED', 'RECOMMENDED', 'NOT_REQUIRED', 'UNKNOWN'] as const;
export type DpiaResult = (typeof DPIA_RESULTS)[number];
/** What decided the result, in the formula's order. */
export type ResultBasis =
  | 'ART_35_3'
  | 'CNIL_LIST'
  | 'CNIL_EXEMPTION'
  | 'TWO_OR_MORE_CRITERIA'
  | 'TOO_MANY_UNKNOWNS'
  | 'ONE_CRITERION'
  | 'NO_CRITERION'
  | 'OVERRIDE';

/** How a criterion's suggestion was reached. */
export type CriterionEvidenceKind = 'DECLARED' | 'SCANNED' | 'INFERRED' | 'NONE';

export interface CriterionEvidence {
  kind: CriterionEvidenceKind;
  /** What was read: field refs, declared labels, counts, flows — sorted, never a value. */
  items: string[];
}

export interface CriterionSuggestion {
  /** true met, false not met, null unknown ⇒ to declare. */
  met: boolean | null;
  reason: Reason;
  evidence: CriterionEvidence;
}

export interface DpiaOverride {
  activity: string;
  /** A WP248 criterion id; absent for an override of the result. */
  criterion?: string;
  /** The decided value of the criterion. */
  met?: boolean;
  /** The decided result; only without `criterion`. */
  result?: string;
  justification: string;
  by?: string;
  /** YYYY-MM-DD */
  at?: string;
  /** `activityFactsDigest` of the facts the decision was made on. */
  factsDigest: string;
}

export interface AppliedOverride {
  justification: string;
  by: string | null;
  at: string | null;
  factsDigest: string;
  /** The facts changed since the decision was made: it still applies, to be confirmed. */
  outdated: boolean;
}

export interface CriterionScreening {
  id: CriterionId;
  title: { fr: string; en: string };
  /** The value the result uses: the decision when there is one, else the suggestion. */
  met: boolean | null;
  suggested: CriterionSuggestion;
  decided: (AppliedOverride & { met: boolean }) | null;
}

export interface Art353Case {
  id: 'ART_35_3_A' | 'ART_35_3_B' | 'ART_35_3_C';
  reason: Reason;
}

export interface ListMatch {
  id: string;
  fr: string;
  en: string;
  because: string[];
}

export interface ExemptionCondition {
  id: string;
  met: boolean | null;
  reason: Reason;
}

export interface ExemptionCheck {
  id: string;
  fr: string;
  en: string;
  /** True only when every condition is met. */
  applies: boolean;
  conditions: ExemptionCondition[];
}

export interface ActivityScreening {
  key: string;
  name: string;
  /** The decided result (override) or else the suggested one. */
  result: DpiaResult;
  suggestedResult: DpiaResult;
  basis: ResultBasis;
  reasons: Reason[];
  decided: (AppliedOverride & { result: DpiaResult }) | null;
  criteria: CriterionScreening[];
  metCount: number;
  unknownCount: number;
  /** Met plus unknown reach two: declaring the unknowns could make a DPIA required. */
  couldBecomeRequired: boolean;
  art35_3: Art353Case[];
  cnilList: ListMatch[];
  exemptions: ExemptionCheck[];
  factsDigest: string;
  overridden: boolean;
  /** Some override was made on facts that have changed since. */
  outdated: boolean;
}

export interface ScreeningOptions {
  /** Large scale when subjects (or, when not declared, the records of the largest dataset used) reach these. */
  largeScale?: { subjects?: number; records?: number };
  /** UNKNOWN when at least this many criteria are unknown and nothing makes a DPIA required. */
  unknownThreshold?: number;
  overrides?: readonly DpiaOverride[];
  index?: FactsIndex;
}

export const DEFAULT_SCREENING_OPTIONS = Object.freeze({
  largeScale: Object.freeze({ subjects: 10_000, records: 100_000 }),
  unknownThreshold: 3,
});

export interface ScreeningResult {
  organisation: string;
  asOf: string;
  thresholds: { largeScale: { subjects: number; records: number }; unknownThreshold: number };
  activities: ActivityScreening[];
}

const HIGHLY_PERSONAL: ReadonlySet<string> = new Set([
  PersonalDataCategory.NATIONAL_ID,
  PersonalDataCategory.FINANCIAL,
]);

interface Context {
  index: FactsIndex;
  activity: ActivityFacts;
  used: UsedData[];
  found: FoundData;
  /** Activity name, description and purposes as words. */
  words: string[];
  declaredCategories: Set<string>;
  groups: VulnerableGroup[];
  groupsFrom: string[];
  /** Some vulnerable group comes from the activity's declared data-subject categories. */
  groupsDeclared: boolean;
  signals: Map<MonitoringSignal, string[]>;
  thresholds: ScreeningResult['thresholds'];
}

/**
 * DPIA screening per activity (GDPR Art. 35): the nine WP248 rev.01 criteria pre-filled from the
 * facts, the Art. 35(3) cases, the CNIL lists (délibérations 2018-327 and 2019-118), one formula,
 * and the DPO's overrides shown beside the suggestions. See docs/compliance.md for the formula.
 */
export function screenDpia(facts: ComplianceFacts, asOf: string, options: ScreeningOptions = {}): ScreeningResult {
  requireIsoDate(asOf, 'asOf');
  const thresholds = validateThresholds(options);
  const index = options.index ?? prepareFacts(facts);
  const overrides = validateOverrides(options.overrides ?? [], index);
  const activities = index.activities.map((activity) =>
    screenActivity(
      index,
      activity,
      thresholds,
      overrides.filter((o) => o.activity === activity.key),
    ),
  );
  return { organisation: facts.organisation.key, asOf, thresholds, activities };
}

function validateThresholds(options: ScreeningOptions): ScreeningResult['thresholds'] {
  const subjects = options.largeScale?.subjects ?? DEFAULT_SCREENING_OPTIONS.largeScale.subjects;
  const records = options.largeScale?.records ?? DEFAULT_SCREENING_OPTIONS.largeScale.records;
  const unknownThreshold = options.unknownThreshold ?? DEFAULT_SCREENING_OPTIONS.unknownThreshold;
  const positive = (value: number, member: string, integer: boolean) => {
    if (Number.isFinite(value) && value > 0 && (!integer || Number.isInteger(value))) return;
    throw new ComplianceRulesError(
      ComplianceRulesErrorCode.INVALID_OPTION,
      member,
      `${String(value)} is not a positive ${integer ? 'integer' : 'number'}`,
    );
  };
  positive(subjects, 'options.largeScale.subjects', false);
  positive(records, 'options.largeScale.records', false);
  positive(unknownThreshold, 'options.unknownThreshold', true);
  if (unknownThreshold > WP248_CRITERIA.length)
    throw new ComplianceRulesError(
      ComplianceRulesErrorCode.INVALID_OPTION,
      'options.unknownThreshold',
      `${unknownThreshold} is more than the ${WP248_CRITERIA.length} criteria`,
    );
  return { largeScale: { subjects, records }, unknownThreshold };
}

function validateOverrides(overrides: readonly DpiaOverride[], index: FactsIndex): DpiaOverride[] {
  const keys = new Set(index.activities.map((a) => a.key));
  overrides.forEach((o, i) => {
    const at = `overrides[${i}]`;
    const fail = (code: ComplianceRulesErrorCode, member: string, message: string): never => {
      throw new ComplianceRulesError(code, `${at}.${member}`, message);
    };
    if (typeof o.activity !== 'string' || !keys.has(o.activity))
      fail(
        ComplianceRulesErrorCode.UNKNOWN_ACTIVITY,
        'activity',
        `${quoteUntrusted(o.activity)} is not an activity of organisation ${quoteUntrusted(index.facts.organisation.key)}`,
      );
    if (typeof o.justification !== 'string' || o.justification.trim().length === 0)
      fail(
        ComplianceRulesErrorCode.MISSING_JUSTIFICATION,
        'justification',
        'an override needs a justification (why the DPO decides otherwise)',
      );
    if (typeof o.factsDigest !== 'string' || o.factsDigest.length === 0)
      fail(
        ComplianceRulesErrorCode.INVALID_OPTION,
        'factsDigest',
        'an override records the digest of the facts it was made on',
      );
    if (o.at !== undefined && !isIsoDate(o.at)) requireIsoDate(o.at, `${at}.at`);
    if (o.criterion !== undefined) {
      if (!(WP248_CRITERIA as readonly string[]).includes(o.criterion))
        fail(
          ComplianceRulesErrorCode.UNKNOWN_CRITERION,
          'criterion',
          `${quoteUntrusted(o.criterion)} is not a WP248 criterion id (expected one of ${WP248_CRITERIA.join(', ')})`,
        );
      if (o.result !== undefined)
        fail(
          ComplianceRulesErrorCode.INVALID_OPTION,
          'result',
          'an override sets either a criterion or the result, not both',
        );
      if (typeof o.met !== 'boolean')
        fail(ComplianceRulesErrorCode.INVALID_OPTION, 'met', 'a criterion override decides met: true or false');
    } else {
      const decidable = DPIA_RESULTS.filter((r) => r !== 'UNKNOWN');
      if (o.result === undefined)
        fail(ComplianceRulesErrorCode.INVALID_OPTION, 'result', 'an override sets a criterion or the result');
      if (!(decidable as readonly unknown[]).includes(o.result))
        fail(
          ComplianceRulesErrorCode.INVALID_VALUE,
          'result',
          `${quoteUntrusted(o.result)} is not one of ${decidable.join(', ')}`,
        );
    }
  });
  return [...overrides];
}

/**
 * The digest of what the screening of one activity reads: the activity, the datasets it uses with
 * their fields and findings, the flows into and out of them with the purposes of the activities
 * at their other end, the organisation's country, sector and head count.
 */
export function activityFactsDigest(index: FactsIndex, activity: ActivityFacts): string {
  const { used } = activityData(index, activity);
  const keys = new Set(used.flatMap((u) => [u.dataset.key, u.source.key]));
  const flows = sortedUnique(
    [...keys].flatMap((k) => [...(index.flowsTo.get(k) ?? []), ...(index.flowsFrom.get(k) ?? [])].map((f) => f.key)),
  );
  const flowFacts = flows.map((key) => {
    const flow = index.flows.get(key);
    const ends = [flow?.from ?? '', flow?.to ?? ''];
    return {
      flow,
      endPurposes: ends.map((e) =>
        (index.activitiesByDataset.get(e) ?? []).map((a) => ({ key: a.key, purposes: a.purposes ?? [] })),
      ),
      endSources: ends.map((e) => index.datasets.get(e)?.source.key ?? e),
    };
  });
  const org = index.facts.organisation;
  return digestOf({
    activity,
    // A dataset's digest is computed once per index: its fields and findings dominate the size.
    used: used.map((u) => ({
      source: u.source.key,
      sourceAccess: u.source.accessMethods ?? [],
      sourceName: u.source.name,
      dataset: memoise(index, `digest:${u.dataset.key}`, () => digestOf(u.dataset)),
      fields: u.whole ? 'ALL' : digestOf(u.fields),
    })),
    flows: flowFacts,
    organisation: { country: org.country, sector: org.sector, staffCount: org.staffCount },
  });
}

function screenActivity(
  index: FactsIndex,
  activity: ActivityFacts,
  thresholds: ScreeningResult['thresholds'],
  overrides: DpiaOverride[],
): ActivityScreening {
  const { used } = activityData(index, activity);
  const found = foundData(usedParts(used), index);
  const groupsFrom = [
    ...(activity.dataSubjectCategories ?? []),
    ...used.flatMap((u) => u.dataset.dataSubjectKinds ?? []),
  ];
  const ctx: Context = {
    index,
    activity,
    used,
    found,
    words: normaliseWords([activity.name, activity.description ?? '', ...(activity.purposes ?? [])].join(' ')),
    declaredCategories: new Set(
      [...(activity.personalDataCategories ?? []), ...(activity.specialCategories ?? [])].flatMap(categoriesOfLabel),
    ),
    groups: sortedUnique(groupsFrom.flatMap(vulnerableGroupsOf)) as VulnerableGroup[],
    groupsFrom: sortedUnique(groupsFrom.filter((g) => vulnerableGroupsOf(g).length > 0)),
    groupsDeclared: (activity.dataSubjectCategories ?? []).some((g) => vulnerableGroupsOf(g).length > 0),
    signals: monitoringSignals(index, activity, used),
    thresholds,
  };
  const digest = activityFactsDigest(index, activity);
  const suggestions: Record<CriterionId, CriterionSuggestion> = {
    evaluation_scoring: declaredOnly(
      activity.evaluationScoring,
      'evaluation_scoring',
      `${activityNode(activity.key)}.evaluationScoring`,
    ),
    automated_decision_legal_effect: automatedDecision(activity),
    systematic_monitoring: monitoring(ctx),
    sensitive_data: sensitive(ctx),
    large_scale: largeScale(ctx),
    matching_combining: combining(ctx),
    vulnerable_subjects: vulnerable(ctx),
    innovative_technology: declaredOnly(
      activity.innovativeTechnology,
      'innovative_technology',
      `${activityNode(activity.key)}.innovativeTechnology`,
    ),
    prevents_right_or_service: declaredOnly(
      activity.preventsRightOrService,
      'prevents_right_or_service',
      `${activityNode(activity.key)}.preventsRightOrService`,
    ),
  };
  const applied = (o: DpiaOverride): AppliedOverride => ({
    justification: o.justification.trim(),
    by: o.by ?? null,
    at: o.at ?? null,
    factsDigest: o.factsDigest,
    outdated: o.factsDigest !== digest,
  });
  // The last override of a criterion (or of the result) wins: the caller passes them in decision order.
  const lastFor = (criterion: string | undefined) => [...overrides].reverse().find((o) => o.criterion === criterion);
  const criteria: CriterionScreening[] = WP248_CRITERIA.map((id) => {
    const o = lastFor(id);
    const decided = o ? { ...applied(o), met: o.met as boolean } : null;
    return {
      id,
      title: CRITERION_TITLES[id],
      met: decided ? decided.met : suggestions[id].met,
      suggested: suggestions[id],
      decided,
    };
  });
  const metOf = (id: CriterionId) => criteria.find((c) => c.id === id)?.met ?? null;

  const art35_3 = art353Cases(ctx, metOf);
  const cnilList = cnilMatches(ctx, metOf);
  const exemptions = exemptionChecks(ctx, metOf);
  const metCount = criteria.filter((c) => c.met === true).length;
  const unknownCount = criteria.filter((c) => c.met === null).length;
  const {
    result: suggestedResult,
    basis,
    reasons,
  } = dpiaResultFormula({ art35_3, cnilList, exemptions, metCount, unknownCount, thresholds });
  const resultOverride = lastFor(undefined);
  const decided = resultOverride ? { ...applied(resultOverride), result: resultOverride.result as DpiaResult } : null;
  const overridden = decided !== null || criteria.some((c) => c.decided !== null);
  return {
    key: activity.key,
    name: activity.name,
    result: decided ? decided.result : suggestedResult,
    suggestedResult,
    basis: decided ? 'OVERRIDE' : basis,
    reasons: activity.organisationRole === 'PROCESSOR' ? [...reasons, PROCESSOR_ASSISTS] : reasons,
    decided,
    criteria,
    metCount,
    unknownCount,
    couldBecomeRequired: metCount < 2 && metCount + unknownCount >= 2,
    art35_3,
    cnilList,
    exemptions,
    factsDigest: digest,
    overridden,
    outdated: (decided?.outdated ?? false) || criteria.some((c) => c.decided?.outdated === true),
  };
}

/** For a processor activity the DPIA is the controller's; the processor helps (Art. 28(3)(f)). */
const PROCESSOR_ASSISTS = reason(
  'PROCESSOR_ASSISTS',
  'L’organisme agit ici en sous-traitant : l’AIPD incombe au responsable du traitement, que l’organisme assiste (art. 28, paragraphe 3, point f), du RGPD).',
  'The organisation acts as a processor here: the DPIA is the controller’s duty, which the organisation assists (GDPR Art. 28(3)(f)).',
);

/** The one formula (docs/compliance.md): first rule that applies wins. */
export function dpiaResultFormula(input: {
  art35_3: readonly Art353Case[];
  cnilList: readonly ListMatch[];
  exemptions: readonly ExemptionCheck[];
  metCount: number;
  unknownCount: number;
  thresholds: ScreeningResult['thresholds'];
}): { result: DpiaResult; basis: ResultBasis; reasons: Reason[] } {
  if (input.art35_3.length > 0)
    return {
      result: 'REQUIRED',
      basis: 'ART_35_3',
      reasons: [
        reason(
          'ART_35_3',
          'Cas prévu par l’article 35, paragraphe 3, du RGPD : l’AIPD est obligatoire.',
          'A case of GDPR Art. 35(3): a DPIA is mandatory.',
        ),
        ...input.art35_3.map((c) => c.reason),
      ],
    };
  if (input.cnilList.length > 0)
    return {
      result: 'REQUIRED',
      basis: 'CNIL_LIST',
      reasons: input.cnilList.map((m) =>
        reason(
          'CNIL_LIST',
          `Type de traitement de la liste de la CNIL (délibération n° 2018-327) : « ${m.fr} ». L’AIPD est obligatoire.`,
          `A processing type on the CNIL list (délibération n° 2018-327): "${m.en}". A DPIA is mandatory.`,
        ),
      ),
    };
  const exemption = input.exemptions.find((e) => e.applies);
  if (exemption)
    return {
      result: 'NOT_REQUIRED',
      basis: 'CNIL_EXEMPTION',
      reasons: [
        reason(
          'CNIL_EXEMPTION',
          `Type de traitement dispensé d’AIPD par la CNIL (délibération n° 2019-118), conditions vérifiées : « ${exemption.fr} ». Les autres obligations, dont la sécurité (art. 32), demeurent.`,
          `A processing type the CNIL exempts from a DPIA (délibération n° 2019-118), conditions checked: "${exemption.en}". Other duties, including security (Art. 32), remain.`,
        ),
      ],
    };
  if (input.metCount >= 2)
    return {
      result: 'REQUIRED',
      basis: 'TWO_OR_MORE_CRITERIA',
      reasons: [
        reason(
          'TWO_OR_MORE_CRITERIA',
          `${input.metCount} critères des lignes directrices WP248 sont remplis : en principe, une AIPD doit être menée.`,
          `${input.metCount} WP248 criteria are met: as a rule, a DPIA must be carried out.`,
        ),
      ],
    };
  if (input.unknownCount >= input.thresholds.unknownThreshold)
    return {
      result: 'UNKNOWN',
      basis: 'TOO_MANY_UNKNOWNS',
      reasons: [
        reason(
          'TOO_MANY_UNKNOWNS',
          `${input.unknownCount} critères sur 9 restent à renseigner (seuil : ${input.thresholds.unknownThreshold}) : le résultat ne peut pas être établi ; compléter l’inventaire.`,
          `${input.unknownCount} of 9 criteria are still to declare (threshold: ${input.thresholds.unknownThreshold}): no result can be established; complete the inventory.`,
        ),
      ],
    };
  if (input.metCount === 1)
    return {
      result: 'RECOMMENDED',
      basis: 'ONE_CRITERION',
      reasons: [
        reason(
          'ONE_CRITERION',
          'Un seul critère WP248 est rempli : une AIPD est recommandée ; documenter la décision si elle n’est pas menée.',
          'One WP248 criterion is met: a DPIA is recommended; document the decision if none is carried out.',
        ),
      ],
    };
  return {
    result: 'NOT_REQUIRED',
    basis: 'NO_CRITERION',
    reasons: [
      reason(
        'NO_CRITERION',
        'Aucun critère WP248 n’est rempli : une AIPD n’est pas requise.',
        'No WP248 criterion is met: no DPIA is required.',
      ),
    ],
  };
}

const T = CRITERION_TITLES;

function declaredOnly(value: boolean | undefined, id: CriterionId, path: string): CriterionSuggestion {
  if (value === undefined)
    return {
      met: null,
      reason: reason(
        'TO_DECLARE',
        `« ${T[id].fr} » : l’inventaire ne le renseigne pas ; à déclarer.`,
        `"${T[id].en}": the inventory does not record it; to declare.`,
      ),
      evidence: { kind: 'NONE', items: [] },
    };
  return {
    met: value,
    reason: value
      ? reason(
          'DECLARED_MET',
          `« ${T[id].fr} » : déclaré dans l’inventaire.`,
          `"${T[id].en}": declared in the inventory.`,
        )
      : reason(
          'DECLARED_NOT_MET',
          `« ${T[id].fr} » : déclaré absent dans l’inventaire.`,
          `"${T[id].en}": declared absent in the inventory.`,
        ),
    evidence: { kind: 'DECLARED', items: [path] },
  };
}

function automatedDecision(activity: ActivityFacts): CriterionSuggestion {
  const path = `${activityNode(activity.key)}.automatedDecisions`;
  const ad = activity.automatedDecisions;
  if (!ad || (ad.exists && ad.legalOrSimilarEffect === undefined))
    return {
      met: null,
      reason: ad
        ? reason(
            'TO_DECLARE',
            'Décisions automatisées déclarées, sans préciser si elles produisent des effets juridiques ou similaires (art. 22) : à déclarer.',
            'Automated decisions are declared without saying whether they have legal or similar effects (Art. 22): to declare.',
          )
        : reason(
            'TO_DECLARE',
            '« Décision automatisée avec effet juridique » : l’inventaire ne le renseigne pas ; à déclarer.',
            '"Automated decision with legal effect": the inventory does not record it; to declare.',
          ),
      evidence: { kind: ad ? 'DECLARED' : 'NONE', items: ad ? [path] : [] },
    };
  const met = ad.exists && ad.legalOrSimilarEffect === true;
  return {
    met,
    reason: met
      ? reason(
          'DECLARED_MET',
          'Des décisions automatisées produisant des effets juridiques ou similaires sont déclarées (art. 22).',
          'Automated decisions with legal or similar effects are declared (Art. 22).',
        )
      : reason(
          'DECLARED_NOT_MET',
          ad.exists
            ? 'Des décisions automatisées sont déclarées, sans effet juridique ni effet similaire significatif.'
            : 'Aucune décision automatisée n’est déclarée.',
          ad.exists
            ? 'Automated decisions are declared, without legal or similar significant effect.'
            : 'No automated decision is declared.',
        ),
    evidence: { kind: 'DECLARED', items: [path] },
  };
}

/** Evidence lists at most this many items; the rest is counted in a last item. */
export const MAX_EVIDENCE_ITEMS = 20;

function capped(items: string[]): string[] {
  if (items.length <= MAX_EVIDENCE_ITEMS) return items;
  return [...items.slice(0, MAX_EVIDENCE_ITEMS), `… ${items.length - MAX_EVIDENCE_ITEMS} more`];
}

const SIGNAL_PHRASES = Object.entries(MONITORING_PHRASES) as [MonitoringSignal, readonly string[]][];

function signalsIn(text: string): MonitoringSignal[] {
  const words = normaliseWords(text);
  return SIGNAL_PHRASES.filter(([, phrases]) => phrases.some((p) => containsPhrase(words, p))).map(([s]) => s);
}

/** Monitoring signals in field names (`gps_lat` reads as geolocation). */
function fieldNameSignals(datasetKey: string, fields: readonly FieldFacts[]): [MonitoringSignal, string][] {
  const out: [MonitoringSignal, string][] = [];
  for (const f of fields)
    for (const signal of signalsIn(f.name.replace(/_/g, ' '))) out.push([signal, `field:${datasetKey}/${f.name}`]);
  return out;
}

function monitoringSignals(
  index: FactsIndex,
  activity: ActivityFacts,
  used: UsedData[],
): Map<MonitoringSignal, string[]> {
  const signals = new Map<MonitoringSignal, string[]>();
  const note = (signal: MonitoringSignal, where: string) => {
    const list = signals.get(signal) ?? [];
    list.push(where);
    signals.set(signal, list);
  };
  const named: { text: string; where: string }[] = [
    {
      text: [activity.name, activity.description ?? '', ...(activity.purposes ?? [])].join(' '),
      where: activityNode(activity.key),
    },
  ];
  for (const u of used) {
    named.push({ text: u.source.name, where: `source:${u.source.key}` });
    named.push({ text: `${u.dataset.key} ${u.dataset.name}`, where: `dataset:${u.dataset.key}` });
    const fieldSignals = u.whole
      ? memoise(index, `signals:${u.dataset.key}`, () => fieldNameSignals(u.dataset.key, u.fields))
      : fieldNameSignals(u.dataset.key, u.fields);
    for (const [signal, where] of fieldSignals) note(signal, where);
    if ((u.source.accessMethods ?? []).includes('STREAMING'))
      note('CONTINUOUS_COLLECTION', `source:${u.source.key}.accessMethods`);
    for (const flow of [...(index.flowsTo.get(u.dataset.key) ?? []), ...(index.flowsFrom.get(u.dataset.key) ?? [])])
      if (flow.frequency === 'REAL_TIME') note('CONTINUOUS_COLLECTION', `flow:${flow.key}.frequency`);
  }
  for (const { text, where } of named) for (const signal of signalsIn(text)) note(signal, where);
  return new Map([...signals.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([k, v]) => [k, sortedUnique(v)]));
}

const SIGNAL_FR: Record<MonitoringSignal, string> = {
  CCTV: 'vidéoprotection',
  GEOLOCATION: 'géolocalisation',
  LOGS: 'journaux d’activité',
  CONTINUOUS_COLLECTION: 'collecte continue',
};
const SIGNAL_EN: Record<MonitoringSignal, string> = {
  CCTV: 'CCTV',
  GEOLOCATION: 'geolocation',
  LOGS: 'activity logs',
  CONTINUOUS_COLLECTION: 'continuous collection',
};

function monitoring(ctx: Context): CriterionSuggestion {
  const declared = ctx.activity.monitoring;
  const path = `${activityNode(ctx.activity.key)}.monitoring`;
  const kinds = [...ctx.signals.keys()];
  const items = capped([...ctx.signals.entries()].flatMap(([s, where]) => where.map((w) => `${s}: ${w}`)));
  if (declared)
    return {
      met: declared.systematic,
      reason: declared.systematic
        ? reason(
            'DECLARED_MET',
            'Une surveillance systématique des personnes est déclarée.',
            'Systematic monitoring of the data subjects is declared.',
          )
        : reason(
            'DECLARED_NOT_MET',
            `Déclaré sans surveillance systématique${kinds.length > 0 ? ` ; signaux relevés malgré tout (${kinds.map((k) => SIGNAL_FR[k]).join(', ')}) : confirmer la déclaration` : ''}.`,
            `Declared without systematic monitoring${kinds.length > 0 ? `; signals found all the same (${kinds.map((k) => SIGNAL_EN[k]).join(', ')}): confirm the declaration` : ''}.`,
          ),
      evidence: { kind: 'DECLARED', items: [path, ...items] },
    };
  if (kinds.length > 0)
    return {
      met: true,
      reason: reason(
        'MONITORING_SIGNALS',
        `Signaux de surveillance relevés dans l’inventaire : ${kinds.map((k) => SIGNAL_FR[k]).join(', ')}.`,
        `Monitoring signals found in the inventory: ${kinds.map((k) => SIGNAL_EN[k]).join(', ')}.`,
      ),
      evidence: { kind: 'INFERRED', items },
    };
  return {
    met: null,
    reason: reason(
      'TO_DECLARE',
      'Aucun signal de surveillance (vidéo, géolocalisation, journaux, collecte continue) et rien de déclaré : à déclarer.',
      'No monitoring signal (CCTV, geolocation, logs, continuous collection) and nothing declared: to declare.',
    ),
    evidence: { kind: 'NONE', items: [] },
  };
}

function sensitive(ctx: Context): CriterionSuggestion {
  const node = activityNode(ctx.activity.key);
  const fieldPath = (f: string) => `field:${f}`;
  const special = ctx.found.specialCategories;
  if (special.length > 0)
    return {
      met: true,
      reason: reason(
        'SENSITIVE_FOUND',
        `Données sensibles (art. 9 ou 10) trouvées : ${categoryList(
          special.map((s) => s.category),
          'fr',
        )}.`,
        `Special-category data (Art. 9 or 10) found: ${categoryList(
          special.map((s) => s.category),
          'en',
        )}.`,
      ),
      evidence: {
        kind: special.some((s) => s.scanned) ? 'SCANNED' : 'DECLARED',
        items: capped(sortedUnique(special.flatMap((s) => s.fields.map(fieldPath)))),
      },
    };
  const declaredSpecial = [...ctx.declaredCategories].filter((c) => SPECIAL.has(c)).sort();
  if (declaredSpecial.length > 0)
    return {
      met: true,
      reason: reason(
        'SENSITIVE_DECLARED',
        `Données sensibles déclarées : ${categoryList(declaredSpecial, 'fr')}.`,
        `Special-category data declared: ${categoryList(declaredSpecial, 'en')}.`,
      ),
      evidence: { kind: 'DECLARED', items: [`${node}.specialCategories`, `${node}.personalDataCategories`] },
    };
  const highly = ctx.found.categories.filter((c) => HIGHLY_PERSONAL.has(c.category));
  const geo = ctx.signals.get('GEOLOCATION') ?? [];
  if (highly.length > 0 || geo.length > 0) {
    const names = [...highly.map((h) => h.category), ...(geo.length > 0 ? ['LOCATION'] : [])];
    return {
      met: true,
      reason: reason(
        'HIGHLY_PERSONAL_FOUND',
        `Données à caractère hautement personnel trouvées : ${categoryList(names, 'fr')}.`,
        `Data of a highly personal nature found: ${categoryList(names, 'en')}.`,
      ),
      evidence: {
        kind: 'SCANNED',
        items: capped(sortedUnique([...highly.flatMap((h) => h.fields.map(fieldPath)), ...geo])),
      },
    };
  }
  const declaredHighly = [...ctx.declaredCategories].filter((c) => HIGHLY_PERSONAL.has(c)).sort();
  if (declaredHighly.length > 0)
    return {
      met: true,
      reason: reason(
        'HIGHLY_PERSONAL_DECLARED',
        `Données à caractère hautement personnel déclarées : ${categoryList(declaredHighly, 'fr')}.`,
        `Data of a highly personal nature declared: ${categoryList(declaredHighly, 'en')}.`,
      ),
      evidence: { kind: 'DECLARED', items: [`${node}.personalDataCategories`] },
    };
  const scanned = ctx.used.some((u) => u.fields.some((f) => (f.findings ?? []).length > 0));
  if (scanned || ctx.declaredCategories.size > 0)
    return {
      met: false,
      reason: reason(
        'NOT_SENSITIVE',
        'Ni donnée sensible ni donnée hautement personnelle, déclarée ou trouvée par les analyses.',
        'No sensitive or highly personal data, declared or found by scans.',
      ),
      evidence: {
        kind: scanned ? 'SCANNED' : 'DECLARED',
        items: scanned ? ctx.used.map((u) => `dataset:${u.dataset.key}`) : [`${node}.personalDataCategories`],
      },
    };
  return {
    met: null,
    reason: reason(
      'TO_DECLARE',
      'Aucune catégorie déclarée et aucune analyse des données utilisées : à déclarer.',
      'No declared category and no scan of the data used: to declare.',
    ),
    evidence: { kind: 'NONE', items: [] },
  };
}

function largeScale(ctx: Context): CriterionSuggestion {
  const { subjects, records } = ctx.thresholds.largeScale;
  const node = activityNode(ctx.activity.key);
  const fr = (n: number) => n.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');
  const count = ctx.activity.dataSubjectCount;
  if (count !== undefined) {
    const met = count >= subjects;
    return {
      met,
      reason: reason(
        met ? 'LARGE_SCALE_SUBJECTS' : 'NOT_LARGE_SCALE_SUBJECTS',
        `${fr(count)} personnes concernées déclarées, ${met ? 'au-delà du' : 'en deçà du'} seuil de ${fr(subjects)} (seuil paramétrable, non fixé par les textes).`,
        `${count} data subjects declared, ${met ? 'at or above' : 'below'} the threshold of ${subjects} (a configurable threshold, not set by law).`,
      ),
      evidence: { kind: 'DECLARED', items: [`${node}.dataSubjectCount`] },
    };
  }
  const sized = ctx.used.filter((u) => u.dataset.volume?.records !== undefined);
  if (sized.length > 0) {
    const largest = sized.reduce((a, b) =>
      (b.dataset.volume?.records ?? 0) > (a.dataset.volume?.records ?? 0) ? b : a,
    );
    const n = largest.dataset.volume?.records ?? 0;
    const met = n >= records;
    return {
      met,
      reason: reason(
        met ? 'LARGE_SCALE_RECORDS' : 'NOT_LARGE_SCALE_RECORDS',
        `Nombre de personnes non déclaré ; le plus grand jeu de données utilisé (${largest.dataset.key}) compte ${fr(n)} enregistrements, ${met ? 'au-delà du' : 'en deçà du'} seuil de ${fr(records)} (seuil paramétrable).`,
        `Number of data subjects not declared; the largest dataset used (${largest.dataset.key}) has ${n} records, ${met ? 'at or above' : 'below'} the threshold of ${records} (configurable).`,
      ),
      evidence: { kind: 'INFERRED', items: [`dataset:${largest.dataset.key}.volume.records`] },
    };
  }
  return {
    met: null,
    reason: reason(
      'TO_DECLARE',
      `Ni nombre de personnes concernées ni volume des jeux de données : à déclarer (seuils : ${fr(subjects)} personnes, ${fr(records)} enregistrements).`,
      `Neither a number of data subjects nor dataset volumes: to declare (thresholds: ${subjects} subjects, ${records} records).`,
    ),
    evidence: { kind: 'NONE', items: [] },
  };
}

function combining(ctx: Context): CriterionSuggestion {
  const { index, activity, used } = ctx;
  if (used.length === 0)
    return {
      met: null,
      reason: reason(
        'TO_DECLARE',
        'L’activité ne référence aucun jeu de données : le croisement ne peut pas être évalué ; à déclarer.',
        'The activity references no dataset: combining cannot be assessed; to declare.',
      ),
      evidence: { kind: 'NONE', items: [] },
    };
  const sources = sortedUnique(used.map((u) => u.source.key));
  const items: string[] = [];
  if (sources.length >= 2) items.push(...sources.map((s) => `source:${s}`));
  const purposes = sortedUnique(activity.purposes ?? []).join('\u0000');
  for (const u of used) {
    for (const flow of index.flowsTo.get(u.dataset.key) ?? []) {
      const from = index.datasets.get(flow.from);
      const fromSource = from?.source.key ?? (index.sources.has(flow.from) ? flow.from : null);
      const otherSource = fromSource !== null && fromSource !== u.source.key;
      const others = (index.activitiesByDataset.get(flow.from) ?? []).filter(
        (a) => a.key !== activity.key && sortedUnique(a.purposes ?? []).join('\u0000') !== purposes,
      );
      if (otherSource || others.length > 0) items.push(`flow:${flow.key}`);
    }
  }
  if (items.length > 0)
    return {
      met: true,
      reason: reason(
        'COMBINING_LINEAGE',
        'Le lignage réunit des données de sources différentes ou collectées pour d’autres finalités (croisement au sens des lignes directrices WP248).',
        'The lineage joins data from different sources or collected for other purposes (matching or combining in the WP248 sense).',
      ),
      evidence: { kind: 'INFERRED', items: sortedUnique(items) },
    };
  return {
    met: false,
    reason: reason(
      'NO_COMBINING',
      `Toutes les données utilisées viennent d’une seule source (${sources[0]}) sans flux entrant d’une autre source ou finalité.`,
      `All the data used comes from one source (${sources[0]}) with no incoming flow from another source or purpose.`,
    ),
    evidence: { kind: 'INFERRED', items: used.map((u) => `dataset:${u.dataset.key}`) },
  };
}

const GROUP_FR: Record<VulnerableGroup, string> = {
  CHILDREN: 'mineurs',
  PUPILS: 'élèves',
  PATIENTS: 'patients',
  EMPLOYEES: 'salariés et agents',
  ELDERLY: 'personnes âgées',
  ASYLUM_SEEKERS: 'demandeurs d’asile',
  PROTECTED_ADULTS: 'personnes protégées ou en situation de handicap',
};

function vulnerable(ctx: Context): CriterionSuggestion {
  const node = activityNode(ctx.activity.key);
  if (ctx.groups.length > 0)
    return {
      met: true,
      reason: reason(
        'VULNERABLE_SUBJECTS',
        `Personnes vulnérables parmi les personnes concernées : ${ctx.groups.map((g) => GROUP_FR[g]).join(', ')} (d’après : ${ctx.groupsFrom.join(' ; ')}).`,
        `Vulnerable data subjects: ${ctx.groups.join(', ').toLowerCase().replace(/_/g, ' ')} (from: ${ctx.groupsFrom.join('; ')}).`,
      ),
      evidence: ctx.groupsDeclared
        ? { kind: 'DECLARED', items: [...ctx.groups.map((g) => `group:${g}`), `${node}.dataSubjectCategories`] }
        : {
            kind: 'INFERRED',
            items: [
              ...ctx.groups.map((g) => `group:${g}`),
              ...ctx.used
                .filter((u) => (u.dataset.dataSubjectKinds ?? []).length > 0)
                .map((u) => `dataset:${u.dataset.key}.dataSubjectKinds`),
            ],
          },
    };
  const declared = ctx.activity.dataSubjectCategories ?? [];
  if (declared.length > 0)
    return {
      met: false,
      reason: reason(
        'NOT_VULNERABLE',
        `Aucune catégorie de personnes déclarée ne désigne des personnes vulnérables (${declared.join(' ; ')}).`,
        `No declared category of data subjects names vulnerable persons (${declared.join('; ')}).`,
      ),
      evidence: { kind: 'DECLARED', items: [`${node}.dataSubjectCategories`] },
    };
  return {
    met: null,
    reason: reason(
      'TO_DECLARE',
      'Catégories de personnes concernées non déclarées : à déclarer.',
      'Categories of data subjects not declared: to declare.',
    ),
    evidence: { kind: 'NONE', items: [] },
  };
}

type MetOf = (id: CriterionId) => boolean | null;

const SPECIAL = new Set([
  'HEALTH',
  'GENETIC',
  'BIOMETRIC',
  'RACIAL_ETHNIC_ORIGIN',
  'POLITICAL_OPINION',
  'RELIGIOUS_BELIEF',
  'TRADE_UNION',
  'SEX_LIFE_ORIENTATION',
  'CRIMINAL_OFFENCE',
]);

function specialPresent(ctx: Context): string[] {
  return sortedUnique([
    ...ctx.found.specialCategories.map((c) => c.category),
    ...[...ctx.declaredCategories].filter((c) => SPECIAL.has(c)),
  ]);
}

function art353Cases(ctx: Context, met: MetOf): Art353Case[] {
  const cases: Art353Case[] = [];
  if (met('evaluation_scoring') === true && met('automated_decision_legal_effect') === true)
    cases.push({
      id: 'ART_35_3_A',
      reason: reason(
        'ART_35_3_A',
        'Évaluation systématique et approfondie, fondée sur un traitement automatisé, sur la base de laquelle sont prises des décisions produisant des effets juridiques (art. 35, paragraphe 3, point a)).',
        'Systematic and extensive evaluation based on automated processing, with decisions producing legal effects (Art. 35(3)(a)).',
      ),
    });
  const special = specialPresent(ctx);
  if (met('large_scale') === true && special.length > 0)
    cases.push({
      id: 'ART_35_3_B',
      reason: reason(
        'ART_35_3_B',
        `Traitement à grande échelle de données des articles 9 ou 10 (${categoryList(special, 'fr')}) (art. 35, paragraphe 3, point b)).`,
        `Large-scale processing of Art. 9 or 10 data (${categoryList(special, 'en')}) (Art. 35(3)(b)).`,
      ),
    });
  if (
    met('large_scale') === true &&
    met('systematic_monitoring') === true &&
    ctx.activity.monitoring?.publiclyAccessibleArea === true
  )
    cases.push({
      id: 'ART_35_3_C',
      reason: reason(
        'ART_35_3_C',
        'Surveillance systématique à grande échelle d’une zone accessible au public (art. 35, paragraphe 3, point c)).',
        'Large-scale systematic monitoring of a publicly accessible area (Art. 35(3)(c)).',
      ),
    });
  return cases;
}

const has = (ctx: Context, phrases: readonly string[]) => phrases.find((p) => containsPhrase(ctx.words, p)) ?? null;

const CARE = [
  'soins',
  'prise en charge',
  'hopital',
  'etablissement de sante',
  'medico social',
  'dossier patient',
  'care',
  'hospital',
];
const WHISTLE = [
  'alerte',
  'alertes',
  'lanceur d alerte',
  'lanceurs d alerte',
  'signalement',
  'whistleblowing',
  'whistleblower',
];
const SOCIAL_HEALTH = ['sociale', 'social', 'sanitaire', 'medico social', 'sante', 'health'];
const WAREHOUSE = ['entrepot', 'registre', 'cohorte', 'warehouse', 'registry', 'register'];
const BREACHES = [
  'manquements',
  'manquement',
  'impayes',
  'fichier mutualise',
  'liste noire',
  'contractual breaches',
  'blacklist',
];
const HOUSING = ['logement social', 'logements sociaux', 'hlm', 'social housing'];
const SOCIAL_SUPPORT = [
  'accompagnement social',
  'accompagnement medico social',
  'aide sociale',
  'action sociale',
  'insertion',
  'social support',
  'social care',
];

function cnilMatches(ctx: Context, met: MetOf): ListMatch[] {
  const special = new Set(specialPresent(ctx));
  const groups = new Set(ctx.groups);
  const employees = groups.has('EMPLOYEES');
  const vulnerable = met('vulnerable_subjects') === true;
  const rules: Record<string, () => string[] | null> = {
    CNIL_2018_327_01: () => {
      const care = has(ctx, CARE);
      return special.has('HEALTH') && groups.has('PATIENTS') && care
        ? ['HEALTH', 'group:PATIENTS', `purpose:${care}`]
        : null;
    },
    CNIL_2018_327_02: () => (special.has('GENETIC') && vulnerable ? ['GENETIC', 'vulnerable_subjects'] : null),
    CNIL_2018_327_03: () =>
      employees && met('evaluation_scoring') === true ? ['group:EMPLOYEES', 'evaluation_scoring'] : null,
    CNIL_2018_327_04: () =>
      employees && met('systematic_monitoring') === true ? ['group:EMPLOYEES', 'systematic_monitoring'] : null,
    CNIL_2018_327_05: () => {
      const w = has(ctx, WHISTLE);
      const s = has(ctx, SOCIAL_HEALTH);
      return w && s ? [`purpose:${w}`, `purpose:${s}`] : null;
    },
    CNIL_2018_327_06: () => {
      const w = has(ctx, WHISTLE);
      return w && !has(ctx, SOCIAL_HEALTH) ? [`purpose:${w}`] : null;
    },
    CNIL_2018_327_07: () => {
      const w = has(ctx, WAREHOUSE);
      return special.has('HEALTH') && w ? ['HEALTH', `purpose:${w}`] : null;
    },
    CNIL_2018_327_08: () =>
      met('evaluation_scoring') === true && met('prevents_right_or_service') === true
        ? ['evaluation_scoring', 'prevents_right_or_service']
        : null,
    CNIL_2018_327_09: () => {
      const b = has(ctx, BREACHES);
      return b && met('prevents_right_or_service') === true ? [`purpose:${b}`, 'prevents_right_or_service'] : null;
    },
    CNIL_2018_327_10: () =>
      met('evaluation_scoring') === true && met('matching_combining') === true
        ? ['evaluation_scoring', 'matching_combining']
        : null,
    CNIL_2018_327_11: () => (special.has('BIOMETRIC') && vulnerable ? ['BIOMETRIC', 'vulnerable_subjects'] : null),
    CNIL_2018_327_12: () => {
      const h = has(ctx, HOUSING);
      return h ? [`purpose:${h}`] : null;
    },
    CNIL_2018_327_13: () => {
      const s = has(ctx, SOCIAL_SUPPORT);
      return s ? [`purpose:${s}`] : null;
    },
    CNIL_2018_327_14: () =>
      (ctx.signals.get('GEOLOCATION') ?? []).length > 0 && met('large_scale') === true
        ? ['GEOLOCATION', 'large_scale']
        : null,
  };
  const matches: ListMatch[] = [];
  for (const entry of CNIL_DPIA_REQUIRED_TYPES) {
    const because = rules[entry.id]?.();
    if (because) matches.push({ id: entry.id, fr: entry.fr, en: entry.en, because });
  }
  return matches;
}

const HR = [
  'gestion du personnel',
  'ressources humaines',
  'paie',
  'carriere',
  'carrieres',
  'human resources',
  'payroll',
  'personnel management',
];
const SUPPLIERS = ['fournisseur', 'fournisseurs', 'supplier', 'suppliers'];
const ELECTORAL = [
  'liste electorale',
  'listes electorales',
  'fichier electoral',
  'electoral roll',
  'electoral register',
];
const WORKS_COUNCIL = ['comite d entreprise', 'comite social et economique', 'cse', 'works council'];
const MEMBERS = ['adherent', 'adherents', 'membres', 'donateur', 'donateurs', 'members', 'donors'];
const HEALTH_PRACTICE = [
  'cabinet medical',
  'officine',
  'pharmacie',
  'laboratoire de biologie',
  'medical practice',
  'pharmacy',
];
const LAWYERS = ['avocat', 'avocats', 'lawyer', 'lawyers'];
const CLERKS = ['greffe du tribunal de commerce', 'greffier', 'greffiers', 'commercial court clerk'];
const NOTARIES = ['notaire', 'notaires', 'notarial', 'notariale', 'notary'];
const SCHOOL = [
  'scolaire',
  'scolaires',
  'periscolaire',
  'periscolaires',
  'petite enfance',
  'creche',
  'cantine',
  'restauration scolaire',
  'school',
  'early childhood',
  'extracurricular',
];
const ACCESS = [
  'controle d acces',
  'controles d acces',
  'badgeage',
  'pointage',
  'temps de travail',
  'horaires',
  'access control',
  'working time',
  'time tracking',
];
const BREATH = ['ethylotest', 'ethylotests', 'breathalyser', 'breathalyzer'];

function condition(id: string, met: boolean | null, fr: string, en: string): ExemptionCondition {
  return { id, met, reason: reason(id, fr, en) };
}

function exemptionChecks(ctx: Context, met: MetOf): ExemptionCheck[] {
  const org = ctx.index.facts.organisation;
  const purpose = (phrases: readonly string[]): ExemptionCondition | null => {
    const p = has(ctx, phrases);
    return p
      ? condition(
          'PURPOSE',
          true,
          `La finalité correspond au type de traitement (« ${p} »).`,
          `The purpose matches the processing type ("${p}").`,
        )
      : null;
  };
  const noSensitive = (): ExemptionCondition => {
    const m = met('sensitive_data');
    return condition(
      'NO_SENSITIVE_DATA',
      m === null ? null : !m,
      m === null
        ? 'Présence de données sensibles non établie.'
        : m
          ? 'Des données sensibles ou hautement personnelles sont présentes.'
          : 'Aucune donnée sensible ni hautement personnelle.',
      m === null
        ? 'Whether sensitive data is present is not established.'
        : m
          ? 'Sensitive or highly personal data is present.'
          : 'No sensitive or highly personal data.',
    );
  };
  const individual = (): ExemptionCondition =>
    condition(
      'INDIVIDUAL_PRACTICE',
      org.staffCount === undefined ? null : org.staffCount <= 1,
      org.staffCount === undefined
        ? 'Exercice à titre individuel non établi (effectif non renseigné).'
        : org.staffCount <= 1
          ? 'Exercice à titre individuel (effectif : 1).'
          : `Effectif de ${org.staffCount} personnes : pas un exercice individuel.`,
      org.staffCount === undefined
        ? 'Individual practice not established (head count not recorded).'
        : org.staffCount <= 1
          ? 'Individual practice (head count 1).'
          : `Head count ${org.staffCount}: not an individual practice.`,
    );
  const specs: Record<string, () => ExemptionCondition[] | null> = {
    CNIL_2019_118_01: () => {
      const p = purpose(HR);
      if (!p) return null;
      const staff = org.staffCount;
      const scoring = met('evaluation_scoring');
      return [
        p,
        condition(
          'EMPLOYEES',
          ctx.groups.includes('EMPLOYEES'),
          ctx.groups.includes('EMPLOYEES')
            ? 'Les personnes concernées sont le personnel.'
            : 'Les personnes concernées déclarées ne sont pas (seulement) le personnel.',
          ctx.groups.includes('EMPLOYEES')
            ? 'The data subjects are staff.'
            : 'The declared data subjects are not (only) staff.',
        ),
        condition(
          'FEWER_THAN_250',
          staff === undefined ? null : staff < 250,
          staff === undefined
            ? 'Effectif de l’organisme non renseigné.'
            : `Effectif : ${staff} personnes (seuil : moins de 250).`,
          staff === undefined ? 'Head count not recorded.' : `Head count: ${staff} (threshold: fewer than 250).`,
        ),
        condition(
          'NO_PROFILING',
          scoring === null ? null : !scoring,
          scoring === null
            ? 'Recours au profilage non renseigné.'
            : scoring
              ? 'Le traitement recourt au profilage.'
              : 'Pas de profilage.',
          scoring === null
            ? 'Use of profiling not recorded.'
            : scoring
              ? 'The processing uses profiling.'
              : 'No profiling.',
        ),
      ];
    },
    CNIL_2019_118_02: () => wrap(purpose(SUPPLIERS)),
    CNIL_2019_118_03: () => {
      const p = purpose(ELECTORAL);
      if (!p) return null;
      return [
        p,
        condition(
          'MUNICIPALITY',
          org.sector === undefined ? null : org.sector === 'PUBLIC',
          org.sector === 'PUBLIC'
            ? 'Organisme public (commune).'
            : org.sector === undefined
              ? 'Secteur de l’organisme non renseigné.'
              : 'L’organisme n’est pas une personne publique.',
          org.sector === 'PUBLIC'
            ? 'Public body (municipality).'
            : org.sector === undefined
              ? 'Sector of the organisation not recorded.'
              : 'The organisation is not a public body.',
        ),
      ];
    },
    CNIL_2019_118_04: () => wrap(purpose(WORKS_COUNCIL)),
    CNIL_2019_118_05: () => {
      const p = purpose(MEMBERS);
      if (!p) return null;
      return [
        p,
        condition(
          'NON_PROFIT',
          org.sector === undefined ? null : org.sector === 'NON_PROFIT',
          org.sector === 'NON_PROFIT'
            ? 'Organisme sans but lucratif.'
            : org.sector === undefined
              ? 'Secteur de l’organisme non renseigné.'
              : 'L’organisme n’est pas sans but lucratif.',
          org.sector === 'NON_PROFIT'
            ? 'Non-profit body.'
            : org.sector === undefined
              ? 'Sector not recorded.'
              : 'Not a non-profit body.',
        ),
        noSensitive(),
      ];
    },
    CNIL_2019_118_06: () => {
      const p = purpose(HEALTH_PRACTICE);
      return p ? [p, individual()] : null;
    },
    CNIL_2019_118_07: () => {
      const p = purpose(LAWYERS);
      return p ? [p, individual()] : null;
    },
    CNIL_2019_118_08: () => wrap(purpose(CLERKS)),
    CNIL_2019_118_09: () => wrap(purpose(NOTARIES)),
    CNIL_2019_118_10: () => wrap(purpose(SCHOOL)),
    CNIL_2019_118_11: () => {
      const p = purpose(ACCESS);
      if (!p) return null;
      const biometric = specialPresent(ctx).includes('BIOMETRIC');
      return [
        p,
        condition(
          'NO_BIOMETRICS',
          !biometric,
          biometric ? 'Un dispositif biométrique est utilisé.' : 'Aucune donnée biométrique déclarée ni trouvée.',
          biometric ? 'A biometric device is used.' : 'No biometric data declared or found.',
        ),
        noSensitive(),
      ];
    },
    CNIL_2019_118_12: () => wrap(purpose(BREATH)),
  };
  const checks: ExemptionCheck[] = [];
  for (const entry of CNIL_DPIA_EXEMPT_TYPES) {
    const conditions = specs[entry.id]?.();
    if (conditions)
      checks.push({
        id: entry.id,
        fr: entry.fr,
        en: entry.en,
        applies: conditions.every((c) => c.met === true),
        conditions,
      });
  }
  return checks;
}

function wrap(c: ExemptionCondition | null): ExemptionCondition[] | null {
  return c ? [c] : null;
}
