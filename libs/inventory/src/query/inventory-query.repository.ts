import { Injectable } from '@nestjs/common';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@cartographer/access';
import { Neo4jService, plainProps, toNumber } from '@cartographer/graph';
import { InventoryError, InventoryErrorCode, quote } from '../inventory.errors.js';
import { Label, Rel } from '../model/labels.js';
import { ownRevisionOf, readDeclarations } from './inventory-declarations.js';
import {
  DATASET_KINDS,
  HOSTING_TYPES,
  LEGAL_BASES,
  RECIPIENT_ROLES,
  SAFEGUARDS,
  SOURCE_KINDS,
  STAKEHOLDER_ROLES,
  STRUCTURES,
} from '../model/vocabulary.js';
import {
  accessPredicate,
  checkedLabel,
  decodeCursor,
  encodeCursor,
  INVENTORY_LABELS,
  inventoryLabelOf,
  labelTest,
  splitGraphKey,
  toItem,
} from './inventory-cypher.js';
import {
  DEPARTMENT_LABELS,
  type InventoryAccessFilter,
  type InventoryItem,
  type InventoryListFilter,
  type InventoryListOptions,
  type InventoryPage,
  type InventoryRelation,
  type Neighbourhood,
  NEIGHBOURHOOD_DEFAULT_LIMIT,
  NEIGHBOURHOOD_MAX_DEPTH,
  NEIGHBOURHOOD_MAX_LIMIT,
  type NeighbourhoodEdge,
  type NeighbourhoodNode,
  type NeighbourhoodOptions,
  type RelatedItem,
} from './inventory-query.types.js';

type Params = Record<string, unknown>;

interface FilterSpec {
  labels: readonly Label[];
  /** Allowed values per label, when the filter takes a closed vocabulary. */
  values?: Partial<Record<Label, readonly string[]>>;
  /** Adds the predicate on `n` and its parameters. */
  where(value: string, params: Params): string;
}

const ALL: readonly Label[] = INVENTORY_LABELS;
const JURISDICTIONS = ['EU', 'EEA', 'ADEQUACY', 'THIRD_COUNTRY'] as const;
const MAX_FILTER_LENGTH = 300;

/** The whitelist of list filters: which labels take each one, and its Cypher. */
export const LIST_FILTERS: Readonly<Record<keyof InventoryListFilter, FilterSpec>> = {
  organisation: {
    labels: ALL,
    where: (value, params) => {
      params.filterOrganisation = value;
      return 'n.organisation = $filterOrganisation';
    },
  },
  department: {
    labels: [...DEPARTMENT_LABELS],
    where: (value, params) => {
      const { organisation, local } = splitGraphKey(value, 'filter.department');
      params.filterDepartmentOrganisation = organisation;
      params.filterDepartment = local;
      return 'n.organisation = $filterDepartmentOrganisation AND n.department = $filterDepartment';
    },
  },
  kind: {
    labels: [Label.DataSource, Label.Dataset],
    values: { [Label.DataSource]: SOURCE_KINDS, [Label.Dataset]: DATASET_KINDS },
    where: (value, params) => {
      params.filterKind = value;
      return 'n.kind = $filterKind';
    },
  },
  structure: {
    labels: [Label.DataSource],
    values: { [Label.DataSource]: STRUCTURES },
    where: (value, params) => {
      params.filterStructure = value;
      return 'n.structure = $filterStructure';
    },
  },
  hosting: {
    labels: [Label.Server],
    values: { [Label.Server]: HOSTING_TYPES },
    where: (value, params) => {
      params.filterHosting = value;
      return 'n.hosting = $filterHosting';
    },
  },
  country: {
    labels: [Label.Organisation, Label.Server, Label.Recipient],
    where: (value, params) => {
      params.filterCountry = value.toUpperCase();
      return 'n.country = $filterCountry';
    },
  },
  jurisdiction: {
    labels: [Label.Server, Label.Recipient],
    values: { [Label.Server]: JURISDICTIONS, [Label.Recipient]: JURISDICTIONS },
    where: (value, params) => {
      params.filterJurisdiction = value;
      return 'n.jurisdiction = $filterJurisdiction';
    },
  },
  role: {
    labels: [Label.Recipient, Label.Stakeholder],
    values: { [Label.Recipient]: RECIPIENT_ROLES, [Label.Stakeholder]: STAKEHOLDER_ROLES },
    where: (value, params) => {
      params.filterRole = value;
      return 'n.role = $filterRole';
    },
  },
  safeguard: {
    labels: [Label.Recipient],
    values: { [Label.Recipient]: SAFEGUARDS },
    where: (value, params) => {
      params.filterSafeguard = value;
      return 'n.safeguard = $filterSafeguard';
    },
  },
  legalBasis: {
    labels: [Label.ProcessingActivity],
    values: { [Label.ProcessingActivity]: LEGAL_BASES },
    where: (value, params) => {
      params.filterLegalBasis = value;
      return '$filterLegalBasis IN n.legalBases';
    },
  },
  dataset: {
    labels: [Label.Field],
    where: (value, params) => {
      params.filterDataset = value;
      return `EXISTS { MATCH (:${Label.Dataset} {key: $filterDataset})-[:${Rel.HAS_FIELD}]->(n) }`;
    },
  },
  source: {
    labels: [Label.Dataset],
    where: (value, params) => {
      params.filterSource = value;
      return `EXISTS { MATCH (:${Label.DataSource} {key: $filterSource})-[:${Rel.CONTAINS}]->(n) }`;
    },
  },
  search: {
    labels: ALL,
    where: (value, params) => {
      params.filterSearch = value.toLowerCase();
      return "toLower(coalesce(n.name, '')) CONTAINS $filterSearch";
    },
  },
};

/**
 * The items with their `revision`, in the read's own transaction. An entity whose declaration is its
 * node's properties alone gets it from those; the others (sources, datasets, departments, activities,
 * flows: their declarations include relationships) through the declarations reader.
 */
async function withRevisions(
  tx: ManagedTransaction,
  rows: ItemRow[],
  items: InventoryItem[],
): Promise<InventoryItem[]> {
  const revisions = new Map<string, string>();
  const byLabel = new Map<Label, string[]>();
  rows.forEach((row, index) => {
    const own = ownRevisionOf(row.label, row.props);
    if (own !== undefined) revisions.set(`${row.label}|${items[index].key}`, own);
    else byLabel.set(row.label, [...(byLabel.get(row.label) ?? []), items[index].key]);
  });
  for (const [label, keys] of byLabel) {
    for (const declared of await readDeclarations(tx, label, { keys })) {
      revisions.set(`${label}|${declared.key}`, declared.revision);
    }
  }
  return items.map((item) => ({ ...item, revision: revisions.get(`${item.label}|${item.key}`) }));
}

interface ItemRow {
  label: Label;
  props: Record<string, unknown>;
}

/**
 * Items from their nodes' properties; with their revisions when asked (`revisions`, default true).
 * A revision costs a digest per item and, for most labels, another query: the API asks for it only
 * when the GraphQL selection contains `revision`.
 */
async function itemsOf(tx: ManagedTransaction, rows: ItemRow[], revisions: boolean): Promise<InventoryItem[]> {
  const items = rows.map((row) => toItem(row.label, row.props));
  return revisions ? withRevisions(tx, rows, items) : items;
}

/** Whether the items read come with their `revision` (true when not said). */
export interface ReadOptions {
  revisions?: boolean;
}

function invalid(message: string): InventoryError {
  return new InventoryError(InventoryErrorCode.INVALID_INPUT, message);
}

/** A page size from 1 to MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE when absent. */
export function pageSize(first: number | null | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw invalid(`first: expected an integer from 1 to ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return first;
}

/** The WHERE clauses of a list: the filters (checked against the whitelist) and the access filter. */
export function listPredicates(
  label: Label,
  filter: InventoryListFilter | null | undefined,
  access: InventoryAccessFilter,
  params: Params,
): string[] {
  const clauses: string[] = [];
  for (const [name, value] of Object.entries(filter ?? {})) {
    if (value === undefined || value === null) continue;
    const spec = Object.hasOwn(LIST_FILTERS, name) ? LIST_FILTERS[name as keyof InventoryListFilter] : undefined;
    if (!spec) throw invalid(`filter.${name.slice(0, 40)}: unknown filter`);
    if (!spec.labels.includes(label)) throw invalid(`filter.${name}: not available for ${label}`);
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_FILTER_LENGTH) {
      throw invalid(`filter.${name}: expected a string of 1 to ${MAX_FILTER_LENGTH} characters`);
    }
    const allowed = spec.values?.[label];
    if (allowed && !allowed.includes(value))
      throw invalid(`filter.${name}: ${quote(value)} is not one of ${allowed.join(', ')}`);
    clauses.push(spec.where(value, params));
  }
  const access_ = accessPredicate('n', [label], access, params);
  if (access_ !== 'true') clauses.push(access_);
  return clauses;
}

const where = (clauses: string[]) => (clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '');

function checkLimit(value: number | undefined, fallback: number, max: number, name: string): number {
  if (value === undefined || value === null) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw invalid(`${name}: expected an integer from 1 to ${max}, got ${value}`);
  return value;
}

/**
 * Read side of the inventory graph, for the API: single items, filtered pages, batched related
 * items for nested fields, neighbourhoods. Every query takes the caller's access filter and applies
 * it in Cypher. Labels and relationship types only come from the Label and Rel enums.
 */
@Injectable()
export class InventoryQueryRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /** The item, or null when it does not exist or the access filter hides it. */
  async get(
    label: Label,
    key: string,
    access: InventoryAccessFilter,
    options: ReadOptions = {},
  ): Promise<InventoryItem | null> {
    const [item] = await this.getMany(label, [key], access, options);
    return item;
  }

  /** Items in the order of `keys` (null where missing or hidden): one query, for DataLoader. */
  async getMany(
    label: Label,
    keys: readonly string[],
    access: InventoryAccessFilter,
    options: ReadOptions = {},
  ): Promise<(InventoryItem | null)[]> {
    checkedLabel(label);
    if (keys.length === 0) return [];
    const params: Params = { keys: [...new Set(keys)] };
    const allowed = accessPredicate('n', [label], access, params);
    const items = await this.neo4j.read(async (tx) => {
      const result = await tx.run(
        `UNWIND $keys AS key MATCH (n:${label} {key: key}) WHERE ${allowed} RETURN properties(n) AS props`,
        params,
      );
      return itemsOf(
        tx,
        result.records.map((record) => ({ label, props: record.get('props') as Record<string, unknown> })),
        options.revisions ?? true,
      );
    });
    const byKey = new Map(items.map((item) => [item.key, item]));
    return keys.map((key) => byKey.get(key) ?? null);
  }

  /** One page ordered by key, with the total count; both in one read transaction. */
  async list(
    label: Label,
    options: InventoryListOptions & ReadOptions,
    access: InventoryAccessFilter,
  ): Promise<InventoryPage> {
    checkedLabel(label);
    const first = pageSize(options.first);
    const params: Params = {};
    const clauses = listPredicates(label, options.filter, access, params);
    const after = options.after ? decodeCursor(options.after) : undefined;
    const pageClauses = after === undefined ? clauses : [...clauses, 'n.key > $after'];
    return this.neo4j.read(async (tx) => {
      const page = await tx.run(
        `MATCH (n:${label}) ${where(pageClauses)} RETURN properties(n) AS props ORDER BY n.key LIMIT $limit`,
        { ...params, after, limit: neo4j.int(first + 1) },
      );
      const total = await tx.run(`MATCH (n:${label}) ${where(clauses)} RETURN count(n) AS total`, params);
      const rows = page.records.map((record) => ({ label, props: record.get('props') as Record<string, unknown> }));
      const items = await itemsOf(tx, rows.slice(0, first), options.revisions ?? true);
      return {
        items,
        totalCount: toNumber(total.records[0].get('total')),
        pageInfo: {
          endCursor: items.length > 0 ? encodeCursor(items.at(-1)!.key) : null,
          hasNextPage: rows.length > first,
        },
      };
    });
  }

  /**
   * For each parent key (in order), its related items ordered by key, at most `first` each, those
   * the access filter hides left out. One query whatever the number of parents.
   */
  async children(
    relation: InventoryRelation,
    parentKeys: readonly string[],
    access: InventoryAccessFilter,
    options: { first?: number } & ReadOptions = {},
  ): Promise<RelatedItem[][]> {
    if (parentKeys.length === 0) return [];
    const first = pageSize(options.first);
    const from = checkedLabel(relation.from);
    const type = Object.values(Rel).includes(relation.type) ? relation.type : undefined;
    if (!type) throw invalid(`unknown relationship type '${String(relation.type).slice(0, 40)}'`);
    const to = relation.to.map(checkedLabel);
    const params: Params = { keys: [...new Set(parentKeys)], first: neo4j.int(first) };
    const allowed = accessPredicate('c', to, access, params);
    const pattern = relation.direction === 'out' ? `-[r:${type}]->` : `<-[r:${type}]-`;
    const entry = relation.withRelProps
      ? 'collect({labels: labels(c), props: properties(c), rel: properties(r)})'
      : 'collect(DISTINCT {labels: labels(c), props: properties(c), rel: {}})';
    type Row = {
      parentKey: string;
      related: { labels: string[]; props: Record<string, unknown>; rel: Record<string, unknown> }[];
    };
    const byParent = await this.neo4j.read(async (tx) => {
      const rows = (
        await tx.run(
          `UNWIND $keys AS parentKey
           MATCH (p:${from} {key: parentKey})${pattern}(c:${to.join('|')})
           WHERE ${allowed}
           WITH parentKey, c, r ORDER BY c.key, elementId(r)
           RETURN parentKey, ${entry}[0..$first] AS related`,
          params,
        )
      ).records.map((record) => record.toObject() as Row);
      const items = await itemsOf(
        tx,
        rows.flatMap((row) =>
          row.related.map((related) => ({ label: inventoryLabelOf(related.labels), props: related.props })),
        ),
        options.revisions ?? true,
      );
      let next = 0;
      return new Map(
        rows.map((row) => [
          row.parentKey,
          row.related.map((related) => ({ item: items[next++], rel: plainProps(related.rel) })),
        ]),
      );
    });
    return parentKeys.map((key) => byParent.get(key) ?? []);
  }

  /**
   * Field-to-field lineage of flows: for each flow key (in order), the FEEDS relationships it
   * created, as field keys, both ends passing the access filter.
   */
  async flowFieldMappings(
    flowKeys: readonly string[],
    access: InventoryAccessFilter,
  ): Promise<{ from: string; to: string }[][]> {
    if (flowKeys.length === 0) return [];
    const params: Params = { keys: [...new Set(flowKeys)] };
    const allowed = [
      accessPredicate('a', [Label.Field], access, params),
      accessPredicate('b', [Label.Field], access, params),
    ].join(' AND ');
    const rows = await this.neo4j.queryRead<{ flow: string; mappings: { from: string; to: string }[] }>(
      `UNWIND $keys AS flow
       MATCH (a:${Label.Field})-[r:${Rel.FEEDS} {flow: flow}]->(b:${Label.Field})
       WHERE ${allowed}
       WITH flow, a, b ORDER BY a.key, b.key
       RETURN flow, collect({from: a.key, to: b.key}) AS mappings`,
      params,
    );
    const byFlow = new Map(rows.map((row) => [row.flow, row.mappings]));
    return flowKeys.map((key) => byFlow.get(key) ?? []);
  }

  /**
   * The nodes within `depth` hops of the start (breadth first, through allowed nodes only), at most
   * `limit`, and every relationship between them. A hidden node is neither returned nor crossed,
   * so nothing of another organisation or department leaks through a neighbour.
   */
  async neighbourhood(
    key: string,
    options: NeighbourhoodOptions,
    access: InventoryAccessFilter,
  ): Promise<Neighbourhood> {
    const depth = checkLimit(options.depth, 1, NEIGHBOURHOOD_MAX_DEPTH, 'depth');
    const limit = checkLimit(options.limit, NEIGHBOURHOOD_DEFAULT_LIMIT, NEIGHBOURHOOD_MAX_LIMIT, 'limit');
    const startLabels = options.label ? [checkedLabel(options.label)] : INVENTORY_LABELS;
    return this.neo4j.read(async (tx) => {
      type Row = {
        id: string;
        labels: string[];
        key: string;
        name: string | null;
        organisation: string;
        department: string | null;
      };
      const node = (row: Row, level: number): NeighbourhoodNode => ({
        label: inventoryLabelOf(row.labels),
        key: row.key,
        name: row.name,
        depth: level,
        organisation: row.organisation,
        department: row.department ?? null,
      });
      const columns =
        'elementId(n) AS id, labels(n) AS labels, n.key AS key, coalesce(n.name, n.localKey) AS name, n.organisation AS organisation, n.department AS department';
      const startParams: Params = { key };
      const startQuery = startLabels
        .map(
          (label) =>
            `MATCH (n:${label} {key: $key}) WHERE ${accessPredicate('n', [label], { ...access }, startParams)} RETURN ${columns}`,
        )
        .join(' UNION ');
      const start = (await tx.run(startQuery, startParams)).records.map((record) => record.toObject() as Row);
      if (start.length === 0) {
        throw new InventoryError(
          InventoryErrorCode.NOT_FOUND,
          `no ${options.label ?? 'inventory item'} with key ${quote(key, 140)}`,
        );
      }
      const nodes = start.map((row) => node(row, 0));
      const ids = start.map((row) => row.id);
      let frontier = [...ids];
      let truncated = false;
      for (let level = 1; level <= depth && frontier.length > 0 && !truncated; level += 1) {
        const remaining = limit - ids.length;
        if (remaining <= 0) {
          truncated = await this.hasUnvisitedNeighbour(tx, frontier, ids, access);
          break;
        }
        const params: Params = { frontier, visited: ids, limit: neo4j.int(remaining + 1) };
        const allowed = accessPredicate('n', INVENTORY_LABELS, access, params);
        const rows = (
          await tx.run(
            `MATCH (a) WHERE elementId(a) IN $frontier
             MATCH (a)--(n)
             WHERE ${labelTest('n', INVENTORY_LABELS)} AND NOT elementId(n) IN $visited AND ${allowed}
             WITH DISTINCT n
             RETURN ${columns} ORDER BY key, id LIMIT $limit`,
            params,
          )
        ).records.map((record) => record.toObject() as Row);
        if (rows.length > remaining) truncated = true;
        const kept = rows.slice(0, remaining);
        nodes.push(...kept.map((row) => node(row, level)));
        ids.push(...kept.map((row) => row.id));
        frontier = kept.map((row) => row.id);
      }
      const edges = (
        await tx.run(
          `MATCH (a)-[r]->(b) WHERE elementId(a) IN $ids AND elementId(b) IN $ids
           RETURN DISTINCT a.key AS from, b.key AS to, type(r) AS type ORDER BY from, type, to`,
          { ids },
        )
      ).records.map((record) => record.toObject() as unknown as NeighbourhoodEdge);
      return { nodes, edges, truncated };
    });
  }

  private async hasUnvisitedNeighbour(
    tx: ManagedTransaction,
    frontier: string[],
    visited: string[],
    access: InventoryAccessFilter,
  ): Promise<boolean> {
    const params: Params = { frontier, visited };
    const allowed = accessPredicate('n', INVENTORY_LABELS, access, params);
    const result = await tx.run(
      `MATCH (a) WHERE elementId(a) IN $frontier
       MATCH (a)--(n) WHERE ${labelTest('n', INVENTORY_LABELS)} AND NOT elementId(n) IN $visited AND ${allowed}
       RETURN n LIMIT 1`,
      params,
    );
    return result.records.length > 0;
  }
}
