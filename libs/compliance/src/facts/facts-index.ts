import type {
  ActivityFacts,
  ComplianceFacts,
  DatasetFacts,
  FieldFacts,
  FindingFacts,
  FlowFacts,
  RecipientFacts,
  ServerFacts,
  SourceFacts,
} from './compliance-facts.js';

/** Lookups over the facts, built once per computation. Later duplicates of a key are ignored. */
export interface FactsIndex {
  readonly facts: ComplianceFacts;
  readonly servers: ReadonlyMap<string, ServerFacts>;
  readonly recipients: ReadonlyMap<string, RecipientFacts>;
  readonly sources: ReadonlyMap<string, SourceFacts>;
  readonly datasets: ReadonlyMap<string, { dataset: DatasetFacts; source: SourceFacts }>;
  /** Activities sorted by key. */
  readonly activities: readonly ActivityFacts[];
  readonly flows: ReadonlyMap<string, FlowFacts>;
  readonly flowsFrom: ReadonlyMap<string, readonly FlowFacts[]>;
  readonly flowsTo: ReadonlyMap<string, readonly FlowFacts[]>;
  /** Activities using each dataset (through `datasets` or one of its `fields`). */
  readonly activitiesByDataset: ReadonlyMap<string, readonly ActivityFacts[]>;
  /** Results computed once per index (per-dataset summaries, per-activity transfers): see `memoise`. */
  readonly memo: Map<string, unknown>;
}

/** The value cached under `key` in the index, computed on first use. */
export function memoise<T>(index: FactsIndex, key: string, compute: () => T): T {
  if (index.memo.has(key)) return index.memo.get(key) as T;
  const value = compute();
  index.memo.set(key, value);
  return value;
}

function byKey<T extends { key: string }>(items: readonly T[] | undefined): Map<string, T> {
  const map = new Map<string, T>();
  for (const entry of items ?? []) if (!map.has(entry.key)) map.set(entry.key, entry);
  return map;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedUnique(values: Iterable<string>): string[] {
  const sorted = [...values].sort(compareStrings);
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
}

export function buildFactsIndex(facts: ComplianceFacts): FactsIndex {
  const sources = byKey(facts.sources);
  const datasets = new Map<string, { dataset: DatasetFacts; source: SourceFacts }>();
  for (const source of sources.values())
    for (const dataset of source.datasets ?? [])
      if (!datasets.has(dataset.key)) datasets.set(dataset.key, { dataset, source });
  const activities = [...byKey(facts.processingActivities).values()].sort((a, b) => compareStrings(a.key, b.key));
  const flowsFrom = new Map<string, FlowFacts[]>();
  const flowsTo = new Map<string, FlowFacts[]>();
  const flows = byKey(facts.flows);
  for (const flow of [...flows.values()].sort((a, b) => compareStrings(a.key, b.key))) {
    push(flowsFrom, flow.from, flow);
    push(flowsTo, flow.to, flow);
  }
  const activitiesByDataset = new Map<string, ActivityFacts[]>();
  for (const activity of activities) {
    const keys = new Set([...(activity.datasets ?? []), ...(activity.fields ?? []).map((f) => f.split('/')[0] ?? f)]);
    for (const key of keys) push(activitiesByDataset, key, activity);
  }
  return {
    facts,
    servers: byKey(facts.servers),
    recipients: byKey(facts.recipients),
    sources,
    datasets,
    activities,
    flows,
    flowsFrom,
    flowsTo,
    activitiesByDataset,
    memo: new Map(),
  };
}

/** The part of a dataset an activity uses, with the graph path it was reached by. */
export interface UsedData {
  dataset: DatasetFacts;
  source: SourceFacts;
  /** The fields used: all the dataset's fields when the activity uses the dataset. */
  fields: FieldFacts[];
  /** The whole dataset is used (its summaries can be cached per dataset). */
  whole: boolean;
  path: string;
}

export interface ActivityData {
  used: UsedData[];
  /** References that resolve to nothing, stated for the report (never an exception). */
  dangling: string[];
}

export const activityNode = (key: string): string => `activity:${key}`;
export const datasetNode = (key: string): string => `dataset:${key}`;
export const fieldNode = (dataset: string, field: string): string => `field:${dataset}/${field}`;

/** Datasets and fields the activity uses, sorted by dataset key. */
export function activityData(index: FactsIndex, activity: ActivityFacts): ActivityData {
  const dangling: string[] = [];
  const whole = new Set(activity.datasets ?? []);
  const partial = new Map<string, Set<string>>();
  for (const ref of activity.fields ?? []) {
    const slash = ref.indexOf('/');
    if (slash <= 0) {
      dangling.push(`field ${ref}`);
      continue;
    }
    const ds = ref.slice(0, slash);
    if (!partial.has(ds)) partial.set(ds, new Set());
    partial.get(ds)?.add(ref.slice(slash + 1));
  }
  const used: UsedData[] = [];
  for (const key of sortedUnique([...whole, ...partial.keys()])) {
    const entry = index.datasets.get(key);
    if (!entry) {
      dangling.push(`dataset ${key}`);
      continue;
    }
    const base = `${activityNode(activity.key)} -USES-> ${datasetNode(key)}`;
    if (whole.has(key)) {
      used.push({ ...entry, fields: [...(entry.dataset.fields ?? [])], whole: true, path: base });
      continue;
    }
    const names = partial.get(key) ?? new Set<string>();
    const fields = (entry.dataset.fields ?? []).filter((f) => names.has(f.name));
    const present = new Set(fields.map((f) => f.name));
    for (const name of [...names].sort(compareStrings)) if (!present.has(name)) dangling.push(`field ${key}/${name}`);
    const listed = [...present].sort(compareStrings);
    used.push({
      ...entry,
      fields,
      whole: false,
      path: `${activityNode(activity.key)} -USES-> ${fieldNode(key, listed.join(','))}`,
    });
  }
  return { used, dangling: dangling.sort(compareStrings) };
}

/** Findings that count: a rejected finding is a reviewer's "this is not personal data". */
export function liveFindings(field: FieldFacts): FindingFacts[] {
  return (field.findings ?? []).filter((f) => f.status !== 'REJECTED');
}

/** One category found (or declared through a finding) on fields, with where. */
export interface FoundCategory {
  category: string;
  /** `<dataset>/<field>`, sorted. */
  fields: string[];
  /** True when at least one finding came from a scan or propagation (else only DECLARED findings). */
  scanned: boolean;
}

export interface FoundData {
  categories: FoundCategory[];
  specialCategories: FoundCategory[];
  /** Fields carrying at least one live finding. */
  personalFields: string[];
}

/** Categories and special categories on the given fields, sorted; rejected findings ignored. */
/** A part of a dataset that data comes from or travels with. */
export interface DataPart {
  datasetKey: string;
  fields: readonly FieldFacts[];
  /** All the dataset's fields: its summary is computed once per index. */
  whole?: boolean;
}

/**
 * Categories and special categories on the given parts, sorted; rejected findings ignored. With an
 * index, whole datasets are summarised once and the summaries merged.
 */
export function foundData(parts: readonly DataPart[], index?: FactsIndex): FoundData {
  if (!index) return foundDataOf(parts);
  // The same activity's data is summarised by the transfers, the record, the screening and the register.
  if (parts.length > 1 && parts.every((p) => p.whole))
    return memoise(index, `found:${parts.map((p) => p.datasetKey).join('\u0000')}`, () => mergedFound(parts, index));
  return mergedFound(parts, index);
}

function mergedFound(parts: readonly DataPart[], index: FactsIndex): FoundData {
  const summaries = parts.map((p) =>
    p.whole ? memoise(index, `found:${p.datasetKey}`, () => foundDataOf([p])) : foundDataOf([p]),
  );
  return summaries.length === 1 ? (summaries[0] as FoundData) : mergeFound(summaries);
}

function mergeFound(summaries: readonly FoundData[]): FoundData {
  const merge = (lists: FoundCategory[][]): FoundCategory[] => {
    const byCategory = new Map<string, { fields: string[]; scanned: boolean }>();
    for (const list of lists)
      for (const c of list) {
        const entry = byCategory.get(c.category) ?? { fields: [], scanned: false };
        entry.fields.push(...c.fields);
        entry.scanned ||= c.scanned;
        byCategory.set(c.category, entry);
      }
    return [...byCategory.entries()]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([category, e]) => ({ category, fields: sortedUnique(e.fields), scanned: e.scanned }));
  };
  return {
    categories: merge(summaries.map((s) => s.categories)),
    specialCategories: merge(summaries.map((s) => s.specialCategories)),
    personalFields: sortedUnique(summaries.flatMap((s) => s.personalFields)),
  };
}

/** Only the category names and whether anything personal is there: cheap to merge. */
export interface CategoryNames {
  categories: string[];
  specialCategories: string[];
  personal: boolean;
}

export function categoryNames(parts: readonly DataPart[], index: FactsIndex): CategoryNames {
  const categories = new Set<string>();
  const special = new Set<string>();
  let personal = false;
  for (const p of parts) {
    const names = p.whole
      ? memoise(index, `names:${p.datasetKey}`, () => namesOf(foundData([p], index)))
      : namesOf(foundDataOf([p]));
    for (const c of names.categories) categories.add(c);
    for (const c of names.specialCategories) special.add(c);
    personal ||= names.personal;
  }
  return { categories: sortedUnique(categories), specialCategories: sortedUnique(special), personal };
}

function namesOf(found: FoundData): CategoryNames {
  return {
    categories: found.categories.map((c) => c.category),
    specialCategories: found.specialCategories.map((c) => c.category),
    personal: found.personalFields.length > 0,
  };
}

function foundDataOf(parts: readonly DataPart[]): FoundData {
  const categories = new Map<string, { fields: Set<string>; scanned: boolean }>();
  const special = new Map<string, { fields: Set<string>; scanned: boolean }>();
  const personal = new Set<string>();
  const note = (map: typeof categories, key: string, field: string, scanned: boolean) => {
    const entry = map.get(key) ?? { fields: new Set<string>(), scanned: false };
    entry.fields.add(field);
    entry.scanned ||= scanned;
    map.set(key, entry);
  };
  for (const part of parts) {
    for (const field of part.fields) {
      const ref = `${part.datasetKey}/${field.name}`;
      for (const finding of liveFindings(field)) {
        personal.add(ref);
        const scanned = finding.origin !== 'DECLARED';
        note(categories, finding.category, ref, scanned);
        if (finding.specialCategory) note(special, finding.specialCategory, ref, scanned);
      }
    }
  }
  const list = (map: typeof categories): FoundCategory[] =>
    [...map.entries()]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([category, e]) => ({ category, fields: sortedUnique(e.fields), scanned: e.scanned }));
  return { categories: list(categories), specialCategories: list(special), personalFields: sortedUnique(personal) };
}

export function usedParts(used: readonly UsedData[]): DataPart[] {
  return used.map((u) => ({ datasetKey: u.dataset.key, fields: u.fields, whole: u.whole }));
}
