import {
  type ComplianceFacts,
  type FindingStatusFact,
  type Transfer,
  type TransferStatus,
  Jurisdiction,
  computeTransfers,
  digestOf,
  prepareFacts,
  resolveJurisdiction,
} from '@cartographer/compliance';
import { CartographyError, CartographyErrorCode } from '../cartography.errors.js';

/*
 * The map model: every entity of the facts as a node with its GDPR facts, every relation as an
 * edge. Pure: built from `ComplianceFacts`, the compliance engine's transfers for an as-of date
 * and the jurisdiction table; nothing is read from a store. Views (view.ts) aggregate it.
 */

export const NODE_KINDS = ['DEPARTMENT', 'SOURCE', 'DATASET', 'FIELD', 'SERVER', 'RECIPIENT', 'ACTIVITY'] as const;
export type MapNodeKind = (typeof NODE_KINDS)[number];

/** Highest wins; special categories (GDPR Art. 9 and 10) are their own band. */
export const SENSITIVITY_BANDS = ['NONE', 'PERSONAL', 'SPECIAL_CATEGORY'] as const;
export type SensitivityBand = (typeof SENSITIVITY_BANDS)[number];

export const JURISDICTIONS: readonly Jurisdiction[] = [
  Jurisdiction.EU,
  Jurisdiction.EEA,
  Jurisdiction.ADEQUACY,
  Jurisdiction.THIRD_COUNTRY,
];

export const TRANSFER_STATUSES: readonly TransferStatus[] = ['COVERED', 'TO_VERIFY', 'MISSING_SAFEGUARD'];

/** OWNS: department → source/activity; CONTAINS: source → dataset → field; USES: activity → dataset/field. */
export const EDGE_KINDS = ['OWNS', 'CONTAINS', 'HOSTED_ON', 'FLOW', 'USES', 'DISCLOSURE', 'TRANSFER'] as const;
export type MapEdgeKind = (typeof EDGE_KINDS)[number];

export type FindingCounts = Record<FindingStatusFact, number>;

/** What a filter can match on a node; containers hold the union of their descendants'. */
export interface NodeFacets {
  departments: string[];
  jurisdictions: Jurisdiction[];
  categories: string[];
  specialCategories: string[];
  legalBases: string[];
  transferStatuses: TransferStatus[];
  findingStatuses: FindingStatusFact[];
}

export interface MapNode {
  /** `<kind>:<key>` in lower case, e.g. `source:etat-civil`, `field:naissances/nom`. */
  id: string;
  kind: MapNodeKind;
  key: string;
  name: string;
  /** The department key of data nodes and activities; null for servers and recipients. */
  department: string | null;
  /** The entity that contains this one: department of a source, source of a dataset, dataset of a field. */
  container: string | null;
  sensitivity: SensitivityBand;
  /** Fields under this node (itself for a field) and how many carry personal / special-category data. */
  fields: number;
  personalFields: number;
  specialFields: number;
  findings: FindingCounts;
  /** Records (datasets: declared volume; containers: sum of the known ones); null when none is known. */
  records: number | null;
  bytes: number | null;
  recordsPerDay: number | null;
  /** Last successful scan, ISO timestamp, when known (from the observations). */
  lastScan: string | null;
  accessMethods: string[];
  /** Servers and recipients: where they are. */
  country: string | null;
  countryName: { fr: string; en: string } | null;
  jurisdiction: Jurisdiction | null;
  /** Recipients: their role; servers: their hosting kind; sources/datasets: their kind. */
  detail: string | null;
  facets: NodeFacets;
}

export interface TransferLabel {
  country: string;
  countryName: { fr: string; en: string };
  jurisdiction: Jurisdiction;
  /** ADEQUACY, SCC, BCR, DEROGATION or NONE (no tool frames the transfer). */
  basis: 'ADEQUACY' | 'SCC' | 'BCR' | 'DEROGATION' | 'NONE';
  sccModule: number | null;
  status: TransferStatus;
  /** Compliance transfer ids merged into this edge (one per activity), sorted. */
  transfers: string[];
}

export interface MapEdge {
  /** `<kind>:<from>-><to>`. */
  id: string;
  kind: MapEdgeKind;
  from: string;
  to: string;
  /** FLOW: the mechanism (API, EXPORT, …) or null; HOSTED_ON/TRANSFER: the access. */
  mechanism: string | null;
  transfer: TransferLabel | null;
}

export interface MapModel {
  organisation: { key: string; name: string };
  asOf: string;
  /** Digest of the facts, observations and as-of date: the map's revision. */
  digest: string;
  nodes: MapNode[];
  edges: MapEdge[];
  /** Nodes by id. */
  index: ReadonlyMap<string, MapNode>;
}

/** What the graph knows beyond the facts: scan observations per source and dataset key. */
export interface MapObservations {
  sources?: Record<string, { lastScan?: string; bytes?: number }>;
  datasets?: Record<string, { lastScan?: string; bytes?: number }>;
}

const STATUS_RANK: Record<TransferStatus, number> = { COVERED: 0, TO_VERIFY: 1, MISSING_SAFEGUARD: 2 };
const BAND_RANK: Record<SensitivityBand, number> = { NONE: 0, PERSONAL: 1, SPECIAL_CATEGORY: 2 };

export function maxBand(a: SensitivityBand, b: SensitivityBand): SensitivityBand {
  return BAND_RANK[a] >= BAND_RANK[b] ? a : b;
}

export function bandRank(band: SensitivityBand): number {
  return BAND_RANK[band];
}

export function worstStatus(a: TransferStatus, b: TransferStatus): TransferStatus {
  return STATUS_RANK[a] >= STATUS_RANK[b] ? a : b;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedUnique<T extends string>(values: Iterable<T>): T[] {
  return [...new Set(values)].sort(compare);
}

function emptyFacets(): NodeFacets {
  return {
    departments: [],
    jurisdictions: [],
    categories: [],
    specialCategories: [],
    legalBases: [],
    transferStatuses: [],
    findingStatuses: [],
  };
}

type FacetSets = { [K in keyof NodeFacets]: Set<string> };

function facetSets(): FacetSets {
  return {
    departments: new Set(),
    jurisdictions: new Set(),
    categories: new Set(),
    specialCategories: new Set(),
    legalBases: new Set(),
    transferStatuses: new Set(),
    findingStatuses: new Set(),
  };
}

function mergeInto(target: FacetSets, source: FacetSets, keys: (keyof NodeFacets)[]): void {
  for (const key of keys) for (const value of source[key]) target[key].add(value);
}

const FACET_KEYS = Object.keys(emptyFacets()) as (keyof NodeFacets)[];

export const nodeId = {
  department: (key: string) => `department:${key}`,
  source: (key: string) => `source:${key}`,
  dataset: (key: string) => `dataset:${key}`,
  field: (datasetKey: string, name: string) => `field:${datasetKey}/${name}`,
  server: (key: string) => `server:${key}`,
  recipient: (key: string) => `recipient:${key}`,
  activity: (key: string) => `activity:${key}`,
};

function requireObservationDate(value: string | undefined, where: string): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}/.test(value))
    throw new CartographyError(
      CartographyErrorCode.INVALID_OPTION,
      `${where}: the last scan must be an ISO 8601 date or timestamp`,
      where,
    );
  return value;
}

function requireCount(value: number | undefined, where: string): number | null {
  if (value === undefined) return null;
  if (!Number.isSafeInteger(value) || value < 0)
    throw new CartographyError(CartographyErrorCode.INVALID_OPTION, `${where}: must be a whole number ≥ 0`, where);
  return value;
}

/**
 * Builds the map model of an organisation. Throws the compliance engine's errors on invalid facts
 * (validated by `prepareFacts`) and a CartographyError on invalid observations.
 */
export function buildMapModel(facts: ComplianceFacts, asOf: string, observations: MapObservations = {}): MapModel {
  const index = prepareFacts(facts);
  const { transfers } = computeTransfers(facts, asOf, { index });
  const at = new Date(`${asOf}T00:00:00Z`);
  const nodes = new Map<string, MapNode>();
  const sets = new Map<string, FacetSets>();
  const edges = new Map<string, MapEdge>();

  const addNode = (node: Omit<MapNode, 'facets'>): MapNode => {
    if (nodes.has(node.id)) return nodes.get(node.id) as MapNode;
    const full: MapNode = { ...node, facets: emptyFacets() };
    nodes.set(node.id, full);
    sets.set(node.id, facetSets());
    return full;
  };
  const addEdge = (kind: MapEdgeKind, from: string, to: string, mechanism: string | null = null): MapEdge | null => {
    if (!nodes.has(from) || !nodes.has(to)) return null;
    const id = `${kind.toLowerCase()}:${from}->${to}`;
    if (!edges.has(id)) edges.set(id, { id, kind, from, to, mechanism, transfer: null });
    return edges.get(id) as MapEdge;
  };
  const base = {
    department: null,
    container: null,
    sensitivity: 'NONE' as SensitivityBand,
    fields: 0,
    personalFields: 0,
    specialFields: 0,
    records: null,
    bytes: null,
    recordsPerDay: null,
    lastScan: null,
    accessMethods: [],
    country: null,
    countryName: null,
    jurisdiction: null,
    detail: null,
  };
  const findings = (): FindingCounts => ({ PENDING: 0, CONFIRMED: 0, REJECTED: 0 });

  for (const d of facts.departments ?? [])
    addNode({
      ...base,
      id: nodeId.department(d.key),
      kind: 'DEPARTMENT',
      key: d.key,
      name: d.name,
      department: d.key,
      findings: findings(),
    });

  for (const [i, s] of (facts.servers ?? []).entries()) {
    const j = resolveJurisdiction({
      country: s.country,
      field: `servers[${i}].country`,
      certifications: s.certifications,
      at,
    });
    const node = addNode({
      ...base,
      id: nodeId.server(s.key),
      kind: 'SERVER',
      key: s.key,
      name: s.name,
      findings: findings(),
      country: j.country,
      countryName: { fr: j.countryNameFr, en: j.countryName },
      jurisdiction: j.jurisdiction,
      detail: s.provider ? `${s.hosting} · ${s.provider}` : s.hosting,
    });
    sets.get(node.id)?.jurisdictions.add(j.jurisdiction);
  }
  for (const [i, r] of (facts.recipients ?? []).entries()) {
    const j = resolveJurisdiction({
      country: r.country,
      field: `recipients[${i}].country`,
      certifications: r.certifications,
      sector: r.sector,
      at,
    });
    const node = addNode({
      ...base,
      id: nodeId.recipient(r.key),
      kind: 'RECIPIENT',
      key: r.key,
      name: r.name,
      findings: findings(),
      country: j.country,
      countryName: { fr: j.countryNameFr, en: j.countryName },
      jurisdiction: j.jurisdiction,
      detail: r.role,
    });
    sets.get(node.id)?.jurisdictions.add(j.jurisdiction);
  }

  for (const source of facts.sources ?? []) {
    const sourceObs = observations.sources?.[source.key] ?? {};
    const src = addNode({
      ...base,
      id: nodeId.source(source.key),
      kind: 'SOURCE',
      key: source.key,
      name: source.name,
      department: source.department,
      container: nodes.has(nodeId.department(source.department)) ? nodeId.department(source.department) : null,
      findings: findings(),
      recordsPerDay: requireCount(source.velocity?.recordsPerDay, `sources.${source.key}.velocity.recordsPerDay`),
      lastScan: requireObservationDate(sourceObs.lastScan, `observations.sources.${source.key}.lastScan`),
      bytes: requireCount(sourceObs.bytes, `observations.sources.${source.key}.bytes`),
      accessMethods: sortedUnique(source.accessMethods ?? []),
      detail: source.kind ?? null,
    });
    sets.get(src.id)?.departments.add(source.department);
    if (src.container) addEdge('OWNS', src.container, src.id);
    for (const serverKey of source.servers ?? []) addEdge('HOSTED_ON', src.id, nodeId.server(serverKey));
    for (const dataset of source.datasets ?? []) {
      const dsObs = observations.datasets?.[dataset.key] ?? {};
      const ds = addNode({
        ...base,
        id: nodeId.dataset(dataset.key),
        kind: 'DATASET',
        key: dataset.key,
        name: dataset.name,
        department: source.department,
        container: src.id,
        findings: findings(),
        records: requireCount(dataset.volume?.records, `datasets.${dataset.key}.volume.records`),
        bytes: requireCount(dsObs.bytes, `observations.datasets.${dataset.key}.bytes`),
        lastScan:
          requireObservationDate(dsObs.lastScan, `observations.datasets.${dataset.key}.lastScan`) ?? src.lastScan,
        accessMethods: src.accessMethods,
        detail: dataset.kind ?? null,
      });
      sets.get(ds.id)?.departments.add(source.department);
      addEdge('CONTAINS', src.id, ds.id);
      for (const field of dataset.fields ?? []) {
        const counts = findings();
        let band: SensitivityBand = 'NONE';
        const fs = facetSets();
        fs.departments.add(source.department);
        for (const f of field.findings ?? []) {
          counts[f.status] += 1;
          fs.findingStatuses.add(f.status);
          if (f.status === 'REJECTED') continue;
          fs.categories.add(f.category);
          band = maxBand(band, 'PERSONAL');
          if (f.specialCategory !== null) {
            fs.specialCategories.add(f.specialCategory);
            band = 'SPECIAL_CATEGORY';
          }
        }
        const fieldNode = addNode({
          ...base,
          id: nodeId.field(dataset.key, field.name),
          kind: 'FIELD',
          key: `${dataset.key}/${field.name}`,
          name: field.name,
          department: source.department,
          container: ds.id,
          sensitivity: band,
          fields: 1,
          personalFields: band === 'NONE' ? 0 : 1,
          specialFields: band === 'SPECIAL_CATEGORY' ? 1 : 0,
          findings: counts,
          lastScan: ds.lastScan,
          accessMethods: src.accessMethods,
        });
        sets.set(fieldNode.id, fs);
        addEdge('CONTAINS', ds.id, fieldNode.id);
      }
    }
  }

  for (const a of facts.processingActivities ?? []) {
    const node = addNode({
      ...base,
      id: nodeId.activity(a.key),
      kind: 'ACTIVITY',
      key: a.key,
      name: a.name,
      department: a.department,
      container: nodes.has(nodeId.department(a.department)) ? nodeId.department(a.department) : null,
      findings: findings(),
    });
    const fs = sets.get(node.id) as FacetSets;
    fs.departments.add(a.department);
    for (const basis of a.legalBases ?? []) fs.legalBases.add(basis);
    for (const c of a.specialCategories ?? []) fs.specialCategories.add(c);
    if (node.container) addEdge('OWNS', node.container, node.id);
    for (const d of a.datasets ?? []) addEdge('USES', node.id, nodeId.dataset(d));
    for (const f of a.fields ?? []) {
      const slash = f.indexOf('/');
      if (slash > 0) addEdge('USES', node.id, nodeId.field(f.slice(0, slash), f.slice(slash + 1)));
    }
    for (const r of a.recipients ?? []) addEdge('DISCLOSURE', node.id, nodeId.recipient(r));
  }

  for (const flow of facts.flows ?? []) {
    const end = (key: string) => (nodes.has(nodeId.dataset(key)) ? nodeId.dataset(key) : nodeId.source(key));
    addEdge('FLOW', end(flow.from), end(flow.to), flow.mechanism ?? null);
  }

  addTransfers(transfers, sets, addEdge);
  rollUp(nodes, sets, edges);

  for (const [id, node] of nodes) {
    const s = sets.get(id) as FacetSets;
    for (const key of FACET_KEYS) (node.facets[key] as string[]) = sortedUnique(s[key]);
  }
  const nodeList = [...nodes.values()];
  const edgeList = [...edges.values()].sort((a, b) => compare(a.id, b.id));
  return {
    organisation: { key: facts.organisation.key, name: facts.organisation.name },
    asOf,
    digest: mapModelDigest(facts, asOf, observations),
    nodes: nodeList,
    edges: edgeList,
    index: nodes,
  };
}

/** The revision of a map: a digest of everything the model is built from (no need to build it). */
export function mapModelDigest(facts: ComplianceFacts, asOf: string, observations: MapObservations = {}): string {
  return digestOf({ facts, asOf, observations });
}

function basisOf(t: Transfer): TransferLabel['basis'] {
  return t.mechanism.applied ?? 'NONE';
}

/** One TRANSFER edge per origin, destination and country; merged transfers keep the worst status. */
function addTransfers(
  transfers: Transfer[],
  sets: Map<string, FacetSets>,
  addEdge: (kind: MapEdgeKind, from: string, to: string, mechanism?: string | null) => MapEdge | null,
): void {
  for (const t of [...transfers].sort((a, b) => compare(a.id, b.id))) {
    if (t.to.jurisdiction === Jurisdiction.EU || t.to.jurisdiction === Jurisdiction.EEA) continue;
    const from = t.from.kind === 'SOURCE' ? nodeId.source(t.from.key) : nodeId.activity(t.activity);
    const to = t.to.kind === 'SERVER' ? nodeId.server(t.to.key) : nodeId.recipient(t.to.key);
    const edge = addEdge('TRANSFER', from, to, t.access);
    if (!edge) continue;
    const label: TransferLabel = {
      country: t.to.country,
      countryName: t.to.countryName,
      jurisdiction: t.to.jurisdiction,
      basis: basisOf(t),
      sccModule: t.mechanism.applied === 'SCC' ? (t.mechanism.recordedSccModule ?? t.mechanism.sccModule) : null,
      status: t.status,
      transfers: [t.id],
    };
    if (edge.transfer === null) edge.transfer = label;
    else {
      edge.transfer.transfers = sortedUnique([...edge.transfer.transfers, t.id]);
      if (STATUS_RANK[label.status] > STATUS_RANK[edge.transfer.status]) {
        edge.transfer.status = label.status;
        edge.transfer.basis = label.basis;
        edge.transfer.sccModule = label.sccModule;
      }
    }
    const activity = nodeId.activity(t.activity);
    for (const id of [from, to, activity]) {
      sets.get(id)?.transferStatuses.add(t.status);
      sets.get(id)?.jurisdictions.add(t.to.jurisdiction);
    }
  }
}

/**
 * Fills containers from their content (fields → datasets → sources → departments: counts, band,
 * records, facets), then data nodes from the activities that use them (legal bases), the sources'
 * places down to their datasets and fields (jurisdictions, transfer statuses), and servers,
 * recipients and activities from the data they host, receive or use.
 */
function rollUp(nodes: Map<string, MapNode>, sets: Map<string, FacetSets>, edges: Map<string, MapEdge>): void {
  const byKind = (kind: MapNodeKind) => [...nodes.values()].filter((n) => n.kind === kind);
  const edgeList = [...edges.values()];
  const outgoing = new Map<string, MapEdge[]>();
  const incoming = new Map<string, MapEdge[]>();
  for (const e of edgeList) {
    (outgoing.get(e.from) ?? outgoing.set(e.from, []).get(e.from))?.push(e);
    (incoming.get(e.to) ?? incoming.set(e.to, []).get(e.to))?.push(e);
  }
  const set = (id: string) => sets.get(id) as FacetSets;
  const absorb = (parent: MapNode, child: MapNode, keys: (keyof NodeFacets)[] = FACET_KEYS) => {
    parent.fields += child.fields;
    parent.personalFields += child.personalFields;
    parent.specialFields += child.specialFields;
    parent.sensitivity = maxBand(parent.sensitivity, child.sensitivity);
    for (const s of ['PENDING', 'CONFIRMED', 'REJECTED'] as const) parent.findings[s] += child.findings[s];
    mergeInto(set(parent.id), set(child.id), keys);
  };

  // Legal bases of the activities that use a dataset or a field, before the roll-up.
  for (const activity of byKind('ACTIVITY'))
    for (const e of outgoing.get(activity.id) ?? []) {
      if (e.kind !== 'USES') continue;
      const target = nodes.get(e.to) as MapNode;
      const targets =
        target.kind === 'DATASET'
          ? [target, ...(outgoing.get(target.id) ?? []).map((c) => nodes.get(c.to) as MapNode)]
          : [target];
      for (const t of targets) for (const b of set(activity.id).legalBases) set(t.id).legalBases.add(b);
    }
  // Places and transfer statuses of a source hold for its datasets and fields.
  for (const source of byKind('SOURCE')) {
    const s = set(source.id);
    for (const e of outgoing.get(source.id) ?? [])
      if (e.kind === 'HOSTED_ON') {
        const server = nodes.get(e.to) as MapNode;
        if (server.jurisdiction) s.jurisdictions.add(server.jurisdiction);
      }
    for (const d of outgoing.get(source.id) ?? []) {
      if (d.kind !== 'CONTAINS') continue;
      mergeInto(set(d.to), s, ['jurisdictions', 'transferStatuses']);
      for (const f of outgoing.get(d.to) ?? [])
        if (f.kind === 'CONTAINS') mergeInto(set(f.to), s, ['jurisdictions', 'transferStatuses']);
    }
  }
  for (const dataset of byKind('DATASET'))
    for (const e of outgoing.get(dataset.id) ?? [])
      if (e.kind === 'CONTAINS') absorb(dataset, nodes.get(e.to) as MapNode);
  for (const source of byKind('SOURCE'))
    for (const e of outgoing.get(source.id) ?? [])
      if (e.kind === 'CONTAINS') {
        const ds = nodes.get(e.to) as MapNode;
        absorb(source, ds);
        if (ds.records !== null) source.records = (source.records ?? 0) + ds.records;
        if (ds.bytes !== null && source.bytes === null) source.bytes = 0;
        if (ds.bytes !== null && source.bytes !== null) source.bytes += ds.bytes;
        if (ds.lastScan !== null && (source.lastScan === null || ds.lastScan > source.lastScan))
          source.lastScan = ds.lastScan;
      }
  // Activities: what they use (fields counted once).
  for (const activity of byKind('ACTIVITY')) {
    const used = new Map<string, MapNode>();
    for (const e of outgoing.get(activity.id) ?? []) {
      if (e.kind !== 'USES') continue;
      const target = nodes.get(e.to) as MapNode;
      if (target.kind === 'FIELD') used.set(target.id, target);
      else
        for (const f of outgoing.get(target.id) ?? [])
          if (f.kind === 'CONTAINS') used.set(f.to, nodes.get(f.to) as MapNode);
    }
    for (const f of used.values()) absorb(activity, f, ['categories', 'specialCategories', 'findingStatuses']);
  }
  for (const dept of byKind('DEPARTMENT')) {
    for (const e of outgoing.get(dept.id) ?? []) {
      const child = nodes.get(e.to) as MapNode;
      if (child.kind === 'SOURCE') {
        absorb(dept, child);
        if (child.records !== null) dept.records = (dept.records ?? 0) + child.records;
        if (child.bytes !== null) dept.bytes = (dept.bytes ?? 0) + child.bytes;
        if (child.recordsPerDay !== null) dept.recordsPerDay = (dept.recordsPerDay ?? 0) + child.recordsPerDay;
      } else mergeInto(set(dept.id), set(child.id), ['legalBases', 'transferStatuses', 'jurisdictions']);
    }
  }
  // Servers and recipients: the data they host or receive.
  for (const e of edgeList) {
    const to = nodes.get(e.to) as MapNode;
    const from = nodes.get(e.from) as MapNode;
    if (e.kind === 'HOSTED_ON' || e.kind === 'DISCLOSURE') {
      to.sensitivity = maxBand(to.sensitivity, from.sensitivity);
      to.fields += from.fields;
      to.personalFields += from.personalFields;
      to.specialFields += from.specialFields;
      mergeInto(set(to.id), set(from.id), ['departments', 'categories', 'specialCategories', 'legalBases']);
    }
  }
}
