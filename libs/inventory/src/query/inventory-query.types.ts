import type { AccessFilter } from '@cartographer/access';
import { Label, Rel } from '../model/labels.js';

/**
 * What a caller may see, from `accessFilterFor(ability, action, subject)`: `null` means no
 * restriction on that property, an empty list means nothing. Applied inside the Cypher, so pages
 * and counts never include or count a forbidden item.
 */
export type InventoryAccessFilter = AccessFilter;

/** Labels whose nodes carry a `department` property (the owning department's local key). */
export const DEPARTMENT_LABELS: ReadonlySet<Label> = new Set([
  Label.Department,
  Label.Stakeholder,
  Label.DataSource,
  Label.Dataset,
  Label.Field,
  Label.ProcessingActivity,
  Label.DataFlow,
]);

/** Organisation-level labels: the departments part of an access filter does not apply to them. */
export const ORGANISATION_LABELS: ReadonlySet<Label> = new Set([Label.Organisation, Label.Server, Label.Recipient]);

/**
 * One inventory entity as the read model gives it: its own declaration members decoded to the
 * import format (a source's `volume`, an activity's `controller`...; never storage property
 * names), its place and computed members. `key` is the graph key (`<organisation>:<local key>`,
 * the organisation's own key for an Organisation, `<organisation>:<dataset>/<field>` for a Field),
 * `localKey` the declared key. Servers and recipients carry `jurisdiction` and `jurisdictionNote`,
 * datasets their `source` and fields their `dataset` (local keys).
 */
export interface InventoryItem {
  label: Label;
  key: string;
  localKey?: string;
  organisation: string;
  /** Local key of the owning department (a department's own key), null for organisation-level entities. */
  department: string | null;
  name?: string | null;
  /** The entity's revision (see revisionOf), from the declarations reader. */
  revision?: string;
  [member: string]: unknown;
}

/** The filters a list accepts; each is available only for some labels (see LIST_FILTERS). */
export interface InventoryListFilter {
  organisation?: string;
  /** Graph key of the department (`<organisation>:<department>`). */
  department?: string;
  kind?: string;
  structure?: string;
  hosting?: string;
  country?: string;
  jurisdiction?: string;
  role?: string;
  safeguard?: string;
  /** Processing activities having this legal basis among theirs. */
  legalBasis?: string;
  /** Fields of this dataset (graph key). */
  dataset?: string;
  /** Datasets of this data source (graph key). */
  source?: string;
  /** Case-insensitive substring of the name. */
  search?: string;
}

export interface InventoryListOptions {
  filter?: InventoryListFilter | null;
  /** Page size, 1 to MAX_PAGE_SIZE; DEFAULT_PAGE_SIZE when absent. */
  first?: number | null;
  /** The `endCursor` of the previous page. */
  after?: string | null;
}

export interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface InventoryPage<T = InventoryItem> {
  items: T[];
  /** Every item matching the filter and the access filter, all pages together. */
  totalCount: number;
  pageInfo: PageInfo;
}

/**
 * A relationship followed from parent nodes to their related nodes, for batched nested fields:
 * `(parent:from)-[:type]->(child:to)` when direction is 'out', `(parent:from)<-[:type]-(child:to)`
 * when 'in'. Only built from the Label and Rel enums.
 */
export interface InventoryRelation {
  from: Label;
  type: Rel;
  direction: 'out' | 'in';
  to: readonly Label[];
  /** Keep one entry per relationship (with its properties) rather than one per related node. */
  withRelProps?: boolean;
}

export interface RelatedItem {
  item: InventoryItem;
  /** Properties of the relationship (only with `withRelProps`). */
  rel: Record<string, unknown>;
}

export interface NeighbourhoodOptions {
  /** Hops from the start node, 1 to 3. */
  depth?: number;
  /** Most nodes returned, start included, 1 to 500. */
  limit?: number;
  /** When several labels share the key (a department and a source may), start from this one only. */
  label?: Label;
}

export interface NeighbourhoodNode {
  label: Label;
  key: string;
  name: string | null;
  /** Hops from the start node (0 for the start). */
  depth: number;
  organisation: string;
  department: string | null;
}

export interface NeighbourhoodEdge {
  from: string;
  to: string;
  type: string;
}

export interface Neighbourhood {
  nodes: NeighbourhoodNode[];
  edges: NeighbourhoodEdge[];
  /** True when `limit` cut the answer short. */
  truncated: boolean;
}

export const NEIGHBOURHOOD_MAX_DEPTH = 3;
export const NEIGHBOURHOOD_MAX_LIMIT = 500;
export const NEIGHBOURHOOD_DEFAULT_LIMIT = 100;
