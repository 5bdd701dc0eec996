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
  return [...new Set(values)].sort(compareStrings);
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
  };
}

/** The part of a dataset an activity uses, with the graph path it was reached by. */
export interface UsedData {
  dataset: DatasetFacts;
  source: SourceFacts;
  /** The fields used: all the dataset's fields when the activity uses the dataset. */
  fields: FieldFacts[];
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
      used.push({ ...entry, fields: [...(entry.dataset.fields ?? [])], path: base });
      continue;
    }
    const names = partial.get(key) ?? new Set<string>();
    const fields = (entry.dataset.fields ?? []).filter((f) => names.has(f.name));
    for (const name of [...names].sort(compareStrings))
      if (!fields.some((f) => f.name === name)) dangling.push(`field ${key}/${name}`);
    const listed = fields.map((f) => f.name).sort(compareStrings);
    used.push({ ...entry, fields, path: `${activityNode(activity.key)} -USES-> ${fieldNode(key, listed.join(','))}` });
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
export function foundData(parts: readonly { datasetKey: string; fields: readonly FieldFacts[] }[]): FoundData {
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

export function usedParts(used: readonly UsedData[]): { datasetKey: string; fields: FieldFacts[] }[] {
  return used.map((u) => ({ datasetKey: u.dataset.key, fields: u.fields }));
}
