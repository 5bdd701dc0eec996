import { ORGANISATION_KEY_PATTERN } from '@cartographer/common';
import { Args, ArgsType, Field, Query, Resolver } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { accessFilterFor, type AppAbility } from '@cartographer/access';
import {
  CartographyError,
  CartographyErrorCode,
  type MapFilters,
  MapLayoutCache,
  type MapViewState,
  type PlacedMap,
  type PlacedNode,
  decodeViewState,
  defaultViewState,
  encodeViewState,
  mapTable,
  validateViewState,
} from '@cartographer/cartography';
import { Neo4jService } from '@cartographer/graph';
import { Label } from '@cartographer/inventory';
import { loadComplianceFacts, requireAsOf } from '@cartographer/registers';
import { CurrentAbility } from '../auth/current-principal.decorator.js';
import { RequirePolicy } from '../auth/policy.decorators.js';
import { readFilter } from '../inventory/inventory-access.js';
import { type DataMapModel, DataMapModel as DataMapType, type MapNodeModel, MapViewInput } from './map.model.js';
import { OptionalText } from '../graphql/text-field.decorators.js';

@ArgsType()
export class MapArgs {
  @Field(() => String)
  @Matches(ORGANISATION_KEY_PATTERN)
  organisation!: string;

  @Field(() => MapViewInput, { nullable: true, description: 'The view state as an object (or give `query`).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MapViewInput)
  view?: MapViewInput;

  @Field(() => String, {
    nullable: true,
    description: 'The view state as a URL query string (`group=location&expand=…`), as the dashboard shares it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  query?: string;

  @OptionalText(10, { description: 'YYYY-MM-DD (default: today, UTC).' })
  asOf?: string;
}

/** The view state of the arguments: the object, the query string, or the default; never both. */
export function stateOf(args: Pick<MapArgs, 'view' | 'query'>): MapViewState {
  if (args.view !== undefined && args.view !== null && args.query !== undefined && args.query !== null)
    throw new CartographyError(
      CartographyErrorCode.INVALID_VIEW_STATE,
      'query: give either view or query, not both',
      'query',
    );
  if (args.query !== undefined && args.query !== null) return decodeViewState(args.query);
  const d = defaultViewState();
  const v = args.view;
  if (!v) return d;
  const f = v.filters ?? {};
  const filters: MapFilters = {
    departments: f.departments ?? [],
    jurisdictions: (f.jurisdictions ?? []) as MapFilters['jurisdictions'],
    categories: f.categories ?? [],
    specialCategories: f.specialCategories ?? [],
    legalBases: f.legalBases ?? [],
    transferStatuses: (f.transferStatuses ?? []) as MapFilters['transferStatuses'],
    findingStatuses: (f.findingStatuses ?? []) as MapFilters['findingStatuses'],
  };
  return validateViewState({
    view: (v.view ?? d.view) as MapViewState['view'],
    grouping: (v.grouping ?? d.grouping) as MapViewState['grouping'],
    depth: v.depth ?? d.depth,
    limit: v.limit ?? d.limit,
    expanded: v.expanded ?? [],
    filters,
    search: v.search ? { group: v.search.group, text: v.search.text } : null,
    selection: v.selection ?? null,
  });
}

const ENTITY_KINDS = new Set(['DEPARTMENT', 'SOURCE', 'DATASET', 'FIELD', 'SERVER', 'RECIPIENT', 'ACTIVITY']);

function nodeOf(organisation: string, n: PlacedNode): MapNodeModel {
  return {
    id: n.id,
    kind: n.kind,
    groupKind: n.groupKind,
    label: n.label,
    parent: n.parent,
    level: n.level,
    entityKey: ENTITY_KINDS.has(n.kind) ? `${organisation}:${n.id.slice(n.id.indexOf(':') + 1)}` : null,
    sensitivity: n.sensitivity,
    expanded: n.expanded,
    childCount: n.childCount,
    hidden: n.hidden,
    counts: n.counts,
    fields: n.fields,
    personalFields: n.personalFields,
    specialFields: n.specialFields,
    findings: n.findings,
    records: n.records,
    bytes: n.bytes,
    recordsPerDay: n.recordsPerDay,
    lastScan: n.lastScan,
    accessMethods: n.accessMethods,
    country: n.country,
    jurisdiction: n.jurisdiction,
    detail: n.detail,
    facets: n.facets,
    selected: n.selected,
    x: n.x,
    y: n.y,
    width: n.width,
    height: n.height,
    compound: n.compound,
  };
}

/** The GraphQL answer of a placed view (the table is computed from the same placement). */
export function dataMapOf(organisation: string, placed: PlacedMap, cached: boolean): DataMapModel {
  const { view } = placed;
  const table = mapTable(placed);
  return {
    key: placed.key,
    organisation,
    organisationName: view.organisation.name,
    asOf: view.asOf,
    revision: view.modelDigest,
    state: view.state,
    query: encodeViewState(view.state),
    truncated: view.truncated,
    unknownIds: view.unknownIds,
    selectionVisible: view.selectionVisible,
    width: placed.width,
    height: placed.height,
    nodes: placed.nodes.map((n) => nodeOf(organisation, n)),
    edges: placed.edges,
    table: { columns: table.columns, rows: table.rows },
    cached,
  };
}

/**
 * The data map (libs/cartography) of one organisation: the view is built and laid out on the
 * server (headless cytoscape + fcose), the browser only draws the given positions.
 *
 * Cache: one MapLayoutCache per API process, **per process by design**. Its key is a digest of the
 * content (the facts read for this request, the as-of date, the normalised state), so a new graph
 * revision gives a new key: a stale placement is never served, only evicted, and there is nothing
 * to invalidate nor to share between processes (each computes the same positions for the same key).
 * Each request still reads the facts (one read transaction), which is what tells the revision.
 */
@Resolver(() => DataMapType)
export class MapResolver {
  private readonly cache = new MapLayoutCache({ maxEntries: 256 });

  constructor(private readonly neo4j: Neo4jService) {}

  @RequirePolicy('read', 'Organisation')
  @Query(() => DataMapType, {
    description:
      'The data map of an organisation for a view state: placed nodes and edges (server-side layout, ' +
      'cached per graph revision) and the same view as an accessible table. Carries no connection detail.',
  })
  async map(@Args() args: MapArgs, @CurrentAbility() ability: AppAbility): Promise<DataMapModel> {
    const asOf = requireAsOf(args.asOf ?? new Date().toISOString().slice(0, 10));
    const state = stateOf(args);
    const scope = {
      organisations: readFilter(ability, [Label.Organisation]).organisations,
      departments: accessFilterFor(ability, 'read', 'ProcessingActivity').departments,
    };
    const facts = await loadComplianceFacts(this.neo4j, args.organisation, { scope });
    const hits = this.cache.hits;
    const placed = this.cache.placeFacts(facts, asOf, {}, state);
    return dataMapOf(args.organisation, placed, this.cache.hits > hits);
  }
}
