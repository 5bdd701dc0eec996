import type {
  ComplianceFacts,
  ActivityFacts,
  FindingFacts,
  FindingOriginFact,
  FindingStatusFact,
  IdentifierTier,
  SourceFacts,
} from '@cartographer/compliance';
import { IDENTIFIER_TIERS } from '@cartographer/compliance';
import type { Neo4jService } from '@cartographer/graph';
import {
  type DatasetDoc,
  type InventoryDocument,
  InventoryError,
  InventoryErrorCode,
  Label,
  Rel,
  countFieldsOfSources,
  readDatasetsOfSources,
  readInventoryOutline,
  type SourceDoc,
} from '@cartographer/inventory';
import type { ManagedTransaction } from 'neo4j-driver';
import { RegistersError, RegistersErrorCode, quoted } from './registers.errors.js';

/** What the caller may read: the API's access filter of ProcessingActivity reads (null = all). */
export interface ReadScope {
  organisations: readonly string[] | null;
  departments: readonly string[] | null;
}

/** For trusted callers (the CLI, benchmarks): every organisation and department. */
export const READ_ALL: ReadScope = Object.freeze({ organisations: null, departments: null });

export interface FactsQuery {
  organisation: string;
  /** Only this department's processing activities (servers, recipients and sources stay: transfers need them). */
  department?: string;
  scope: ReadScope;
  /** Called with the milliseconds each step of the read took (outline, datasets, findings…): for benchmarks. */
  profile?: (step: LoadStep, ms: number) => void;
}

export type LoadStep = 'outline' | 'subjectKinds' | 'datasets' | 'findings' | 'facts';

/*
 * Findings: summaries only (category, special category, tier, status, origin), never a masked
 * exemplar or evidence; those of one source's fields per query (a large organisation's findings
 * would not fit one result). Sorted so the facts, and every document computed from them, are the
 * same bytes for the same graph.
 */
const SOURCE_FINDINGS = `
  UNWIND $sources AS source
  MATCH (:${Label.DataSource} {key: source})-[:${Rel.CONTAINS}]->(:${Label.Dataset})-[:${Rel.HAS_FIELD}]->(f:${Label.Field})
        -[:${Rel.HAS_FINDING}]->(x:${Label.Finding})
  WHERE x.category IS NOT NULL
  RETURN f.key AS field, x.category AS category, x.specialCategoryKind AS specialCategory, x.tier AS tier,
         coalesce(x.quasiIdentifier, false) AS quasi, x.status AS status, x.origin AS origin
  ORDER BY field, origin, category`;

/** Data-subject kinds observed on datasets, when a scan recorded them. */
const SUBJECT_KINDS = `
  MATCH (d:${Label.Dataset} {organisation: $organisation})
  WHERE d.dataSubjectKinds IS NOT NULL AND size(d.dataSubjectKinds) > 0
  RETURN d.localKey AS dataset, d.dataSubjectKinds AS kinds
  ORDER BY dataset`;

const STATUS: Readonly<Record<string, FindingStatusFact>> = {
  OPEN: 'PENDING',
  PENDING: 'PENDING',
  CONFIRMED: 'CONFIRMED',
  REJECTED: 'REJECTED',
};

/**
 * The tier when the classifier stored one; else a quasi-identifier is QUASI_IDENTIFIER and any other
 * finding LINKED_ATTRIBUTE (it is never promoted to a direct identifier on a guess). The rules do not
 * read the tier yet (docs/compliance.md).
 */
function tierOf(tier: unknown, quasi: boolean): IdentifierTier {
  if ((IDENTIFIER_TIERS as readonly unknown[]).includes(tier)) return tier as IdentifierTier;
  return quasi ? 'QUASI_IDENTIFIER' : 'LINKED_ATTRIBUTE';
}

/**
 * Fields per query (datasets with their field names, then those fields' findings): large enough that
 * the per-query cost is paid a few times for 1M fields, small enough that one result stays far below
 * Neo4j's transaction memory limit (a source larger than this is read alone).
 */
export const FIELDS_PER_QUERY = 100_000;

/** Consecutive sources grouped so that each group holds at most `limit` fields (or one source). */
export function batchesOf(sources: readonly string[], fields: ReadonlyMap<string, number>, limit: number): string[][] {
  const out: string[][] = [];
  let batch: string[] = [];
  let size = 0;
  for (const source of sources) {
    const count = fields.get(source) ?? 0;
    if (batch.length > 0 && size + count > limit) {
      out.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(source);
    size += count;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

async function findingsByField(
  tx: ManagedTransaction,
  organisation: string,
  sources: readonly string[],
): Promise<Map<string, FindingFacts[]>> {
  const result = await tx.run(SOURCE_FINDINGS, { sources: sources.map((source) => `${organisation}:${source}`) });
  const out = new Map<string, FindingFacts[]>();
  for (const record of result.records) {
    const field = record.get('field') as string;
    const origin = record.get('origin') as string;
    const finding: FindingFacts = {
      category: record.get('category') as string,
      specialCategory: (record.get('specialCategory') as string | null) ?? null,
      tier: tierOf(record.get('tier'), record.get('quasi') as boolean),
      status: STATUS[record.get('status') as string] ?? 'PENDING',
      origin: (origin === 'SCAN' || origin === 'DECLARED' || origin === 'PROPAGATED'
        ? origin
        : 'SCAN') as FindingOriginFact,
    };
    let list = out.get(field);
    if (!list) out.set(field, (list = []));
    list.push(finding);
  }
  return out;
}

async function subjectKinds(tx: ManagedTransaction, organisation: string): Promise<Map<string, string[]>> {
  const result = await tx.run(SUBJECT_KINDS, { organisation });
  return new Map(result.records.map((r) => [r.get('dataset') as string, [...(r.get('kinds') as string[])].sort()]));
}

/** One source of the inventory document, with its datasets' fields and findings, as source facts. */
function sourceFactsOf(
  organisation: string,
  source: SourceDoc,
  datasets: readonly DatasetDoc[],
  findings: ReadonlyMap<string, FindingFacts[]>,
  kinds: ReadonlyMap<string, string[]>,
): SourceFacts {
  const { datasets: _none, ...own } = source;
  if (datasets.length === 0) return own;
  return {
    ...own,
    datasets: datasets.map((dataset) => {
      const dataSubjectKinds = kinds.get(dataset.key);
      return {
        ...dataset,
        ...(dataSubjectKinds ? { dataSubjectKinds } : {}),
        fields: dataset.fields?.map((field) => {
          const found = findings.get(`${organisation}:${dataset.key}/${field.name}`);
          return found ? { name: field.name, findings: found } : { name: field.name };
        }),
      };
    }),
  };
}

/** The facts of a whole inventory document (its sources with their datasets), e.g. a parsed file. */
export function factsOf(
  doc: InventoryDocument,
  findings: ReadonlyMap<string, FindingFacts[]>,
  kinds: ReadonlyMap<string, string[]>,
  activities: (activity: ActivityFacts) => boolean = () => true,
): ComplianceFacts {
  const org = doc.organisation.key;
  return {
    organisation: doc.organisation,
    departments: doc.departments,
    servers: doc.servers,
    recipients: doc.recipients,
    sources: doc.sources?.map((source) => sourceFactsOf(org, source, source.datasets ?? [], findings, kinds)),
    processingActivities: doc.processingActivities?.filter(activities),
    flows: doc.flows,
  };
}

/** Reads the facts in the caller's transaction (the DPIA mutations read and write in one). */
export async function readComplianceFacts(tx: ManagedTransaction, query: FactsQuery): Promise<ComplianceFacts> {
  return (await readComplianceSources(tx, query, 'names')).facts;
}

/**
 * The facts and the inventory document they were mapped from, from one read (the reports print
 * declared members the facts do not carry: field types, connection references, structures).
 */
export async function readComplianceSources(
  tx: ManagedTransaction,
  query: FactsQuery,
  /** `names`: the rules need field names only, and the document then has no datasets. */
  fields: 'names' | 'all' = 'all',
): Promise<{ document: InventoryDocument; facts: ComplianceFacts }> {
  const { organisation, department, scope } = query;
  let clock = performance.now();
  const step = (name: LoadStep) => {
    const now = performance.now();
    query.profile?.(name, now - clock);
    clock = now;
  };
  const notFound = () =>
    new RegistersError(
      RegistersErrorCode.ORGANISATION_NOT_FOUND,
      'organisation',
      `${quoted(organisation)} does not exist or is not readable by this caller`,
    );
  if (scope.organisations !== null && !scope.organisations.includes(organisation)) throw notFound();
  let doc: InventoryDocument;
  try {
    doc = await readInventoryOutline(tx, organisation);
    step('outline');
  } catch (error) {
    if (error instanceof InventoryError && error.code === InventoryErrorCode.NOT_FOUND) throw notFound();
    throw error;
  }
  if (department !== undefined && !(doc.departments ?? []).some((d) => d.key === department))
    throw new RegistersError(
      RegistersErrorCode.DEPARTMENT_NOT_FOUND,
      'department',
      `${quoted(department)} is not a department of ${quoted(organisation)}`,
    );
  const readable = scope.departments;
  const kinds = await subjectKinds(tx, organisation);
  step('subjectKinds');
  // A few sources per query, in the same transaction: each query holds at most FIELDS_PER_QUERY
  // fields (or one larger source) and their findings, and the decoded rows are dropped once turned
  // into facts (memory bounded by the batch).
  let sources: SourceFacts[] | undefined;
  const documentSources: SourceDoc[] = [];
  if (doc.sources) {
    sources = [];
    const keys = doc.sources.map((source) => source.key);
    const counts = await countFieldsOfSources(tx, organisation, keys);
    step('outline');
    const byKey = new Map(doc.sources.map((source) => [source.key, source]));
    for (const batch of batchesOf(keys, counts, FIELDS_PER_QUERY)) {
      const withFields = batch.filter((key) => (counts.get(key) ?? 0) > 0);
      const datasets = await readDatasetsOfSources(tx, organisation, batch, { fields });
      step('datasets');
      const findings = withFields.length > 0 ? await findingsByField(tx, organisation, withFields) : new Map();
      step('findings');
      for (const key of batch) {
        const source = byKey.get(key)!;
        const own = datasets.get(key) ?? [];
        sources.push(sourceFactsOf(organisation, source, own, findings, kinds));
        if (fields === 'all') documentSources.push(own.length > 0 ? { ...source, datasets: own } : source);
      }
      step('facts');
    }
  }
  const facts: ComplianceFacts = {
    organisation: doc.organisation,
    departments: doc.departments,
    servers: doc.servers,
    recipients: doc.recipients,
    sources,
    processingActivities: doc.processingActivities?.filter(
      (a) =>
        (department === undefined || a.department === department) &&
        (readable === null || readable.includes(a.department)),
    ),
    flows: doc.flows,
  };
  return { document: fields === 'all' && doc.sources ? { ...doc, sources: documentSources } : doc, facts };
}

/**
 * The ComplianceFacts of one organisation, read through the inventory read model (never raw
 * node properties) plus the findings summaries per field and the datasets' observed subject kinds.
 * An organisation the caller may not read answers NOT_FOUND, like one that does not exist.
 */
export function loadComplianceFacts(
  neo4j: Neo4jService,
  organisation: string,
  options: Omit<FactsQuery, 'organisation'>,
): Promise<ComplianceFacts> {
  return neo4j.read((tx) => readComplianceFacts(tx, { ...options, organisation }));
}
