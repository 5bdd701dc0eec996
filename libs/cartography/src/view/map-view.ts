import { type FindingStatusFact, Jurisdiction, type TransferStatus } from '@cartographer/compliance';
import { CartographyError, CartographyErrorCode } from '../cartography.errors.js';
import {
  type FindingCounts,
  JURISDICTIONS,
  type MapEdge,
  type MapEdgeKind,
  type MapModel,
  type MapNode,
  type MapNodeKind,
  type NodeFacets,
  SENSITIVITY_BANDS,
  type SensitivityBand,
  type TransferLabel,
  bandRank,
  compare,
  maxBand,
  worstStatus,
} from '../model/map-model.js';
import { type MapFilters, type MapViewState, validateViewState } from './view-state.js';

/*
 * A view: the part of the model a person looks at. It opens on a handful of groups (the roots of
 * the grouping's tree); an expanded node shows `depth` levels under it; a node shows at most
 * `limit` children then a "+N more" node (expand `more:<parent>:<offset>` for the next page);
 * the whole view never holds more than `maxNodes` nodes (what does not fit is counted in "+N more"
 * nodes). Model edges are lifted to the nearest visible node on each side and counted.
 */

export type GroupKind = 'JURISDICTION' | 'COUNTRY' | 'BAND' | 'ACTIVITIES' | 'UNLOCATED';
export type ViewNodeKind = MapNodeKind | 'GROUP' | 'MORE';

export interface Text {
  fr: string;
  en: string;
}

export interface ViewCounts {
  departments: number;
  sources: number;
  datasets: number;
  fields: number;
  servers: number;
  recipients: number;
  activities: number;
}

export interface ViewNode {
  id: string;
  kind: ViewNodeKind;
  groupKind: GroupKind | null;
  label: Text;
  /** The visible compound parent, null at the top. */
  parent: string | null;
  level: number;
  /** Children after filters (and search), shown or not. */
  childCount: number;
  /** Whether its children are shown. */
  expanded: boolean;
  /** MORE: how many children it stands for. */
  hidden: number;
  /** Entities in its subtree (after filters), by kind; itself excluded. */
  counts: ViewCounts;
  sensitivity: SensitivityBand;
  fields: number;
  personalFields: number;
  specialFields: number;
  findings: FindingCounts;
  records: number | null;
  bytes: number | null;
  recordsPerDay: number | null;
  lastScan: string | null;
  accessMethods: string[];
  country: string | null;
  jurisdiction: Jurisdiction | null;
  detail: string | null;
  facets: NodeFacets | null;
  selected: boolean;
}

export interface ViewTransfer {
  countries: string[];
  /** e.g. `SCC 2`, `ADEQUACY`, `NONE`, sorted. */
  bases: string[];
  status: TransferStatus;
  statusCounts: Record<TransferStatus, number>;
}

export interface ViewEdge {
  id: string;
  kind: MapEdgeKind;
  from: string;
  to: string;
  /** Model edges it stands for. */
  count: number;
  mechanisms: string[];
  transfer: ViewTransfer | null;
}

export interface MapView {
  organisation: { key: string; name: string };
  asOf: string;
  modelDigest: string;
  state: MapViewState;
  /** Depth-first, the tree order of the table. */
  nodes: ViewNode[];
  edges: ViewEdge[];
  /** Whether the node bound cut the view (then "+N more" nodes count what is left). */
  truncated: boolean;
  /** Ids of the state that match nothing in this model (deleted since the URL was sent). */
  unknownIds: string[];
  selectionVisible: boolean;
}

export interface ViewOptions {
  /** Bound on the nodes of one view (default 300, at most 1000). */
  maxNodes?: number;
}

export const DEFAULT_MAX_NODES = 300;
export const MAX_MAX_NODES = 1000;

const DRAWN_EDGES: readonly MapEdgeKind[] = ['HOSTED_ON', 'FLOW', 'USES', 'DISCLOSURE', 'TRANSFER'];

const JURISDICTION_LABELS: Record<Jurisdiction, Text> = {
  [Jurisdiction.EU]: { fr: 'Union européenne', en: 'European Union' },
  [Jurisdiction.EEA]: { fr: 'EEE hors UE', en: 'EEA outside the EU' },
  [Jurisdiction.ADEQUACY]: { fr: 'Pays adéquats', en: 'Adequate countries' },
  [Jurisdiction.THIRD_COUNTRY]: { fr: 'Pays tiers', en: 'Third countries' },
};

export const BAND_LABELS: Record<SensitivityBand, Text> = {
  NONE: { fr: 'Sans donnée personnelle', en: 'No personal data' },
  PERSONAL: { fr: 'Données personnelles', en: 'Personal data' },
  SPECIAL_CATEGORY: { fr: 'Catégories particulières', en: 'Special categories' },
};

export { JURISDICTION_LABELS };

interface TreeNode {
  id: string;
  kind: ViewNodeKind;
  groupKind: GroupKind | null;
  label: Text;
  entity: MapNode | null;
  children: TreeNode[];
  parent: TreeNode | null;
}

function matches(facets: NodeFacets, filters: MapFilters, keys: readonly (keyof MapFilters)[]): boolean {
  for (const key of keys) {
    const wanted = filters[key] as string[];
    if (wanted.length === 0) continue;
    const have = facets[key] as string[];
    if (!wanted.some((w) => have.includes(w))) return false;
  }
  return true;
}

const DATA_FILTERS: readonly (keyof MapFilters)[] = [
  'departments',
  'jurisdictions',
  'categories',
  'specialCategories',
  'legalBases',
  'transferStatuses',
  'findingStatuses',
];
const PLACE_FILTERS: readonly (keyof MapFilters)[] = [
  'departments',
  'jurisdictions',
  'categories',
  'specialCategories',
  'legalBases',
  'transferStatuses',
];

function kept(model: MapModel, filters: MapFilters): Set<string> {
  const out = new Set<string>();
  for (const n of model.nodes) {
    const keys = n.kind === 'SERVER' || n.kind === 'RECIPIENT' ? PLACE_FILTERS : DATA_FILTERS;
    if (matches(n.facets, filters, keys)) out.add(n.id);
  }
  return out;
}

function entityOrder(a: TreeNode, b: TreeNode): number {
  const ka = KIND_ORDER[a.kind];
  const kb = KIND_ORDER[b.kind];
  if (ka !== kb) return ka - kb;
  const ba = a.entity ? bandRank(a.entity.sensitivity) : 0;
  const bb = b.entity ? bandRank(b.entity.sensitivity) : 0;
  if (ba !== bb) return bb - ba;
  return compare(fold(a.label.en), fold(b.label.en)) || compare(a.id, b.id);
}

const KIND_ORDER: Record<ViewNodeKind, number> = {
  GROUP: 0,
  DEPARTMENT: 1,
  SOURCE: 2,
  DATASET: 3,
  FIELD: 4,
  SERVER: 5,
  RECIPIENT: 6,
  ACTIVITY: 7,
  MORE: 8,
};

/** The grouping's tree over the kept nodes; roots in their fixed order, children sorted. */
function buildTree(
  model: MapModel,
  state: MapViewState,
  keep: Set<string>,
): { roots: TreeNode[]; byId: Map<string, TreeNode> } {
  const byId = new Map<string, TreeNode>();
  const entity = (n: MapNode): TreeNode => {
    let t = byId.get(n.id);
    if (!t) {
      t = {
        id: n.id,
        kind: n.kind,
        groupKind: null,
        label: { fr: n.name, en: n.name },
        entity: n,
        children: [],
        parent: null,
      };
      byId.set(n.id, t);
    }
    return t;
  };
  const group = (id: string, groupKind: GroupKind, label: Text): TreeNode => {
    let t = byId.get(id);
    if (!t) {
      t = { id, kind: 'GROUP', groupKind, label, entity: null, children: [], parent: null };
      byId.set(id, t);
    }
    return t;
  };
  const attach = (parent: TreeNode, child: TreeNode) => {
    if (child.parent) return;
    child.parent = parent;
    parent.children.push(child);
  };
  const roots: TreeNode[] = [];
  const nodes = model.nodes.filter((n) => keep.has(n.id));
  const placeGroups = (placed: MapNode[]) => {
    const jurisdictionGroups = new Map<Jurisdiction, TreeNode>();
    for (const n of placed) {
      const j = n.jurisdiction as Jurisdiction;
      const jg = group(`group:jurisdiction:${j}`, 'JURISDICTION', JURISDICTION_LABELS[j]);
      jurisdictionGroups.set(j, jg);
      const country = n.country as string;
      const names = n.countryName as Text;
      const cg = group(`group:country:${country}`, 'COUNTRY', {
        fr: `${names.fr} (${country})`,
        en: `${names.en} (${country})`,
      });
      attach(jg, cg);
      attach(cg, entity(n));
    }
    for (const j of JURISDICTIONS) {
      const g = jurisdictionGroups.get(j);
      if (g) roots.push(g);
    }
  };
  // The data hierarchy: source → dataset → field.
  for (const n of nodes)
    if ((n.kind === 'DATASET' || n.kind === 'FIELD') && n.container && keep.has(n.container))
      attach(entity(model.index.get(n.container) as MapNode), entity(n));
  const places = nodes.filter((n) => n.kind === 'SERVER' || n.kind === 'RECIPIENT');
  const sources = nodes.filter((n) => n.kind === 'SOURCE');
  const activities = nodes.filter((n) => n.kind === 'ACTIVITY');

  if (state.grouping === 'DEPARTMENT') {
    const departments = nodes
      .filter((n) => n.kind === 'DEPARTMENT')
      .sort((a, b) => compare(fold(a.name), fold(b.name)) || compare(a.id, b.id));
    for (const d of departments) roots.push(entity(d));
    for (const n of [...sources, ...activities])
      if (n.container && keep.has(n.container)) attach(entity(model.index.get(n.container) as MapNode), entity(n));
    placeGroups(places);
  } else if (state.grouping === 'LOCATION') {
    placeGroups(places);
    const hosting = new Map<string, string>();
    for (const e of model.edges)
      if (e.kind === 'HOSTED_ON' && !hosting.has(e.from) && keep.has(e.to)) hosting.set(e.from, e.to);
    const unlocated = group('group:unlocated', 'UNLOCATED', {
      fr: 'Hébergement non renseigné',
      en: 'Hosting not recorded',
    });
    for (const s of sources) {
      const server = hosting.get(s.id);
      attach(server ? (byId.get(server) as TreeNode) : unlocated, entity(s));
    }
    if (unlocated.children.length > 0) roots.push(unlocated);
    const g = group('group:activities', 'ACTIVITIES', { fr: 'Traitements', en: 'Processing activities' });
    for (const a of activities) attach(g, entity(a));
    if (g.children.length > 0) roots.push(g);
  } else {
    for (const band of [...SENSITIVITY_BANDS].reverse()) {
      const g = group(`group:band:${band}`, 'BAND', BAND_LABELS[band]);
      for (const n of [...sources, ...activities]) if (n.sensitivity === band) attach(g, entity(n));
      if (g.children.length > 0) roots.push(g);
    }
    placeGroups(places);
  }
  for (const t of byId.values()) t.children.sort(entityOrder);
  return { roots, byId };
}

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function subtreeMatches(t: TreeNode, needle: string): boolean {
  if (fold(t.label.en).includes(needle) || fold(t.label.fr).includes(needle)) return true;
  return t.children.some((c) => subtreeMatches(c, needle));
}

interface Stats {
  counts: ViewCounts;
  sensitivity: SensitivityBand;
  fields: number;
  personalFields: number;
  specialFields: number;
  findings: FindingCounts;
  records: number | null;
  bytes: number | null;
}

const COUNT_OF: Partial<Record<ViewNodeKind, keyof ViewCounts>> = {
  DEPARTMENT: 'departments',
  SOURCE: 'sources',
  DATASET: 'datasets',
  FIELD: 'fields',
  SERVER: 'servers',
  RECIPIENT: 'recipients',
  ACTIVITY: 'activities',
};

const addNullable = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

/**
 * Stats of a subtree after filters. Field counts and records add up along the data hierarchy;
 * activities and recipients (which hold copies or uses of that data) are counted, not summed.
 */
function statsOf(t: TreeNode, memo: Map<string, Stats>): Stats {
  const known = memo.get(t.id);
  if (known) return known;
  const counts: ViewCounts = {
    departments: 0,
    sources: 0,
    datasets: 0,
    fields: 0,
    servers: 0,
    recipients: 0,
    activities: 0,
  };
  const e = t.entity;
  let s: Stats;
  if (t.children.length === 0 && e) {
    s = {
      counts,
      sensitivity: e.sensitivity,
      fields: e.fields,
      personalFields: e.personalFields,
      specialFields: e.specialFields,
      findings: { ...e.findings },
      records: e.records,
      bytes: e.bytes,
    };
  } else {
    s = {
      counts,
      sensitivity: 'NONE',
      fields: 0,
      personalFields: 0,
      specialFields: 0,
      findings: { PENDING: 0, CONFIRMED: 0, REJECTED: 0 },
      records: null,
      bytes: null,
    };
    for (const c of t.children) {
      const cs = statsOf(c, memo);
      const k = COUNT_OF[c.kind];
      if (k) counts[k] += 1;
      for (const key of Object.keys(counts) as (keyof ViewCounts)[]) counts[key] += cs.counts[key];
      s.sensitivity = maxBand(s.sensitivity, cs.sensitivity);
      if (c.kind === 'ACTIVITY' || c.kind === 'RECIPIENT') continue;
      s.fields += cs.fields;
      s.personalFields += cs.personalFields;
      s.specialFields += cs.specialFields;
      for (const f of ['PENDING', 'CONFIRMED', 'REJECTED'] as FindingStatusFact[]) s.findings[f] += cs.findings[f];
      s.records = addNullable(s.records, cs.records);
      s.bytes = addNullable(s.bytes, cs.bytes);
    }
    if (e && e.kind === 'DATASET') {
      s.records = e.records;
      s.bytes = e.bytes;
    }
  }
  memo.set(t.id, s);
  return s;
}

/** Builds the view of a model for a state. Throws CartographyError on an invalid state or option. */
export function buildView(model: MapModel, viewState: MapViewState, options: ViewOptions = {}): MapView {
  const state = validateViewState(viewState);
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  if (!Number.isInteger(maxNodes) || maxNodes < 10 || maxNodes > MAX_MAX_NODES)
    throw new CartographyError(
      CartographyErrorCode.INVALID_OPTION,
      `maxNodes: must be a whole number from 10 to ${MAX_MAX_NODES} (got ${String(maxNodes)})`,
      'maxNodes',
    );
  const keep = kept(model, state.filters);
  const { roots, byId } = buildTree(model, state, keep);
  const expanded = new Set(state.expanded);
  const needle = state.search ? fold(state.search.text) : null;
  const memo = new Map<string, Stats>();

  const childrenOf = (t: TreeNode): TreeNode[] =>
    needle !== null && state.search?.group === t.id ? t.children.filter((c) => subtreeMatches(c, needle)) : t.children;
  const pages = (id: string): number => {
    let k = 0;
    while (expanded.has(`more:${id}:${state.limit * (k + 1)}`)) k += 1;
    return k;
  };

  const out: ViewNode[] = [];
  const kidsOf = new Map<string | null, ViewNode[]>();
  const visible = new Set<string>();
  let truncated = false;
  const emit = (node: ViewNode) => {
    out.push(node);
    visible.add(node.id);
    (kidsOf.get(node.parent) ?? kidsOf.set(node.parent, []).get(node.parent))?.push(node);
  };
  const toView = (t: TreeNode, parent: string | null, level: number): ViewNode => {
    const s = statsOf(t, memo);
    const e = t.entity;
    return {
      id: t.id,
      kind: t.kind,
      groupKind: t.groupKind,
      label: t.label,
      parent,
      level,
      childCount: childrenOf(t).length,
      expanded: false,
      hidden: 0,
      counts: s.counts,
      sensitivity: s.sensitivity,
      fields: s.fields,
      personalFields: s.personalFields,
      specialFields: s.specialFields,
      findings: s.findings,
      records: s.records,
      bytes: s.bytes,
      recordsPerDay: e?.recordsPerDay ?? null,
      lastScan: e?.lastScan ?? null,
      accessMethods: e?.accessMethods ?? [],
      country: e?.country ?? (t.groupKind === 'COUNTRY' ? t.id.slice('group:country:'.length) : null),
      jurisdiction:
        e?.jurisdiction ??
        (t.groupKind === 'JURISDICTION'
          ? (t.id.slice('group:jurisdiction:'.length) as Jurisdiction)
          : t.groupKind === 'COUNTRY'
            ? (t.children[0]?.entity?.jurisdiction ?? null)
            : null),
      detail: e?.detail ?? null,
      facets: e?.facets ?? null,
      selected: state.selection === t.id,
    };
  };

  // Breadth first, so that the node bound is shared fairly between the groups of one level.
  let queue: { t: TreeNode; view: ViewNode; levels: number }[] = [];
  for (const r of roots) {
    const v = toView(r, null, 0);
    emit(v);
    const opened = expanded.has(r.id) || state.search?.group === r.id;
    queue.push({ t: r, view: v, levels: opened ? state.depth : 0 });
  }
  while (queue.length > 0) {
    const next: typeof queue = [];
    for (const { t, view, levels } of queue) {
      if (levels <= 0) continue;
      const kids = childrenOf(t);
      if (kids.length === 0) continue;
      if (out.length >= maxNodes) {
        // No room left: the node stays collapsed (its childCount tells what it holds).
        truncated = true;
        continue;
      }
      const window = state.limit * (1 + pages(t.id));
      // Keep one place for the "+N more" node that counts what is not shown.
      const room = Math.max(0, maxNodes - out.length - 1);
      const shown = Math.min(kids.length, window, room);
      if (shown < Math.min(kids.length, window)) truncated = true;
      view.expanded = true;
      for (const c of kids.slice(0, shown)) {
        const v = toView(c, t.id, view.level + 1);
        emit(v);
        const opened = expanded.has(c.id) || state.search?.group === c.id;
        next.push({ t: c, view: v, levels: opened ? state.depth : levels - 1 });
      }
      if (kids.length > shown) {
        const hidden = kids.slice(shown);
        const id = `more:${t.id}:${shown}`;
        const more = moreNode(id, t.id, view.level + 1, hidden, memo);
        emit(more);
      }
    }
    queue = next;
  }

  // Depth-first order for the table (and stable element order for the layout).
  const ordered: ViewNode[] = [];
  const walk = (parent: string | null) => {
    for (const v of kidsOf.get(parent) ?? []) {
      ordered.push(v);
      walk(v.id);
    }
  };
  walk(null);

  const representative = (id: string): string | null => {
    let t = byId.get(id) ?? null;
    while (t && !visible.has(t.id)) t = t.parent;
    return t ? t.id : null;
  };
  const isAncestor = (a: string, b: string): boolean => {
    let t = byId.get(b)?.parent ?? null;
    while (t) {
      if (t.id === a) return true;
      t = t.parent;
    }
    return false;
  };
  const edges = liftEdges(model.edges, keep, representative, isAncestor);

  const known = (id: string) => byId.has(id) || isKnownMore(id, byId);
  const unknownIds = [
    ...new Set([
      ...state.expanded,
      ...(state.selection ? [state.selection] : []),
      ...(state.search ? [state.search.group] : []),
    ]),
  ]
    .filter((id) => !known(id) && !model.index.has(id))
    .sort(compare);

  return {
    organisation: model.organisation,
    asOf: model.asOf,
    modelDigest: model.digest,
    state,
    nodes: ordered,
    edges,
    truncated,
    unknownIds,
    selectionVisible: state.selection !== null && visible.has(state.selection),
  };
}

function isKnownMore(id: string, byId: Map<string, TreeNode>): boolean {
  const m = /^more:(.+):(\d+)$/.exec(id);
  return m !== null && byId.has(m[1]);
}

function moreNode(id: string, parent: string, level: number, hidden: TreeNode[], memo: Map<string, Stats>): ViewNode {
  const counts: ViewCounts = {
    departments: 0,
    sources: 0,
    datasets: 0,
    fields: 0,
    servers: 0,
    recipients: 0,
    activities: 0,
  };
  let sensitivity: SensitivityBand = 'NONE';
  let fields = 0;
  let personalFields = 0;
  let specialFields = 0;
  let records: number | null = null;
  const findings: FindingCounts = { PENDING: 0, CONFIRMED: 0, REJECTED: 0 };
  for (const t of hidden) {
    const s = memo.get(t.id) ?? statsOf(t, memo);
    const k = COUNT_OF[t.kind];
    if (k) counts[k] += 1;
    sensitivity = maxBand(sensitivity, s.sensitivity);
    if (t.kind === 'ACTIVITY' || t.kind === 'RECIPIENT') continue;
    fields += s.fields;
    personalFields += s.personalFields;
    specialFields += s.specialFields;
    records = addNullable(records, s.records);
    for (const f of ['PENDING', 'CONFIRMED', 'REJECTED'] as FindingStatusFact[]) findings[f] += s.findings[f];
  }
  const n = hidden.length;
  return {
    id,
    kind: 'MORE',
    groupKind: null,
    label: { fr: `+${n} de plus`, en: `+${n} more` },
    parent,
    level,
    childCount: 0,
    expanded: false,
    hidden: n,
    counts,
    sensitivity,
    fields,
    personalFields,
    specialFields,
    findings,
    records,
    bytes: null,
    recordsPerDay: null,
    lastScan: null,
    accessMethods: [],
    country: null,
    jurisdiction: null,
    detail: null,
    facets: null,
    selected: false,
  };
}

function liftEdges(
  modelEdges: readonly MapEdge[],
  keep: Set<string>,
  representative: (id: string) => string | null,
  isAncestor: (a: string, b: string) => boolean,
): ViewEdge[] {
  const lifted = new Map<string, ViewEdge>();
  for (const e of modelEdges) {
    if (!DRAWN_EDGES.includes(e.kind) || !keep.has(e.from) || !keep.has(e.to)) continue;
    const from = representative(e.from);
    const to = representative(e.to);
    if (from === null || to === null || from === to || isAncestor(from, to) || isAncestor(to, from)) continue;
    const id = `${e.kind.toLowerCase()}:${from}->${to}`;
    let v = lifted.get(id);
    if (!v) {
      v = { id, kind: e.kind, from, to, count: 0, mechanisms: [], transfer: null };
      lifted.set(id, v);
    }
    v.count += 1;
    if (e.mechanism !== null && !v.mechanisms.includes(e.mechanism))
      v.mechanisms = [...v.mechanisms, e.mechanism].sort(compare);
    if (e.transfer) v.transfer = mergeTransfer(v.transfer, e.transfer);
  }
  return [...lifted.values()].sort((a, b) => compare(a.id, b.id));
}

export function basisLabel(t: Pick<TransferLabel, 'basis' | 'sccModule'>): string {
  return t.basis === 'SCC' && t.sccModule !== null ? `SCC ${t.sccModule}` : t.basis;
}

function mergeTransfer(into: ViewTransfer | null, t: TransferLabel): ViewTransfer {
  const base: ViewTransfer = into ?? {
    countries: [],
    bases: [],
    status: 'COVERED',
    statusCounts: { COVERED: 0, TO_VERIFY: 0, MISSING_SAFEGUARD: 0 },
  };
  const basis = basisLabel(t);
  return {
    countries: base.countries.includes(t.country) ? base.countries : [...base.countries, t.country].sort(compare),
    bases: base.bases.includes(basis) ? base.bases : [...base.bases, basis].sort(compare),
    status: into ? worstStatus(base.status, t.status) : t.status,
    statusCounts: { ...base.statusCounts, [t.status]: base.statusCounts[t.status] + 1 },
  };
}
