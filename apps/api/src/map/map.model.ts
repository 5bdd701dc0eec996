import { Jurisdiction } from '@cartographer/compliance';
import {
  EDGE_KINDS,
  GROUPINGS,
  NODE_KINDS,
  SENSITIVITY_BANDS,
  TRANSFER_STATUSES,
  VIEW_DISPLAYS,
} from '@cartographer/cartography';
import { applyDecorators } from '@nestjs/common';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';

/*
 * The GraphQL shape of a placed map view (libs/cartography): nodes with their server-side
 * positions, edges, and the same view as the rows of an accessible table. Names start with `Map`
 * so that they never collide with the compliance engine's own types.
 */

function vocabulary<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T[number]]: K };
}

export const MapNodeKindEnum = vocabulary([...NODE_KINDS, 'GROUP', 'MORE'] as const);
export const MapGroupKindEnum = vocabulary(['JURISDICTION', 'COUNTRY', 'BAND', 'ACTIVITIES', 'UNLOCATED'] as const);
export const MapEdgeKindEnum = vocabulary(EDGE_KINDS);
export const MapSensitivityEnum = vocabulary(SENSITIVITY_BANDS);
export const MapTransferStatusEnum = vocabulary(TRANSFER_STATUSES);
export const MapGroupingEnum = vocabulary(GROUPINGS);
export const MapDisplayEnum = vocabulary(VIEW_DISPLAYS);
export const MapLinkDirectionEnum = vocabulary(['OUT', 'IN'] as const);

registerEnumType(MapNodeKindEnum, { name: 'MapNodeKind' });
registerEnumType(MapGroupKindEnum, { name: 'MapGroupKind' });
registerEnumType(MapEdgeKindEnum, { name: 'MapEdgeKind' });
registerEnumType(MapSensitivityEnum, {
  name: 'MapSensitivity',
  description: 'Highest sensitivity of the non-rejected findings below a node; special categories are their own band.',
});
registerEnumType(MapTransferStatusEnum, { name: 'MapTransferStatus' });
registerEnumType(MapGroupingEnum, { name: 'MapGrouping', description: 'The tree the map opens on.' });
registerEnumType(MapDisplayEnum, { name: 'MapDisplay', description: 'Map or table (one view, two displays).' });
registerEnumType(MapLinkDirectionEnum, { name: 'MapLinkDirection' });

@ObjectType('MapText', { description: 'A text in French and English.' })
export class MapTextModel {
  @Field(() => String)
  fr!: string;

  @Field(() => String)
  en!: string;
}

@ObjectType('MapCounts', { description: 'Entities in the subtree of a node, after filters, itself excluded.' })
export class MapCountsModel {
  @Field(() => Int)
  departments!: number;

  @Field(() => Int)
  sources!: number;

  @Field(() => Int)
  datasets!: number;

  @Field(() => Int)
  fields!: number;

  @Field(() => Int)
  servers!: number;

  @Field(() => Int)
  recipients!: number;

  @Field(() => Int)
  activities!: number;
}

@ObjectType('MapFindingCounts')
export class MapFindingCountsModel {
  @Field(() => Int)
  PENDING!: number;

  @Field(() => Int)
  CONFIRMED!: number;

  @Field(() => Int)
  REJECTED!: number;
}

@ObjectType('MapFacets', { description: 'What the filters match on a node (containers: union of their content).' })
export class MapFacetsModel {
  @Field(() => [String])
  departments!: string[];

  @Field(() => [Jurisdiction])
  jurisdictions!: Jurisdiction[];

  @Field(() => [String])
  categories!: string[];

  @Field(() => [String])
  specialCategories!: string[];

  @Field(() => [String])
  legalBases!: string[];

  @Field(() => [MapTransferStatusEnum])
  transferStatuses!: string[];

  @Field(() => [String])
  findingStatuses!: string[];
}

/** What a node and its table row both say. */
@ObjectType({ isAbstract: true })
export abstract class MapItemFacts {
  @Field(() => String, { description: '`<kind>:<key>` (e.g. `source:sirh`), `group:…` or `more:<parent>:<offset>`.' })
  id!: string;

  @Field(() => MapNodeKindEnum)
  kind!: string;

  @Field(() => MapTextModel)
  label!: MapTextModel;

  @Field(() => String, { nullable: true, description: 'The visible parent (compound), null at the top.' })
  parent!: string | null;

  @Field(() => MapSensitivityEnum)
  sensitivity!: string;

  @Field(() => Boolean)
  expanded!: boolean;

  @Field(() => Int, { description: 'Children after filters, shown or not.' })
  childCount!: number;

  @Field(() => Int, { description: 'MORE: how many children it stands for.' })
  hidden!: number;

  @Field(() => MapCountsModel)
  counts!: MapCountsModel;

  @Field(() => Int)
  fields!: number;

  @Field(() => Int)
  personalFields!: number;

  @Field(() => Int)
  specialFields!: number;

  @Field(() => MapFindingCountsModel)
  findings!: MapFindingCountsModel;

  @Field(() => Float, { nullable: true })
  records!: number | null;

  @Field(() => Float, { nullable: true })
  bytes!: number | null;

  @Field(() => Float, { nullable: true })
  recordsPerDay!: number | null;

  @Field(() => String, { nullable: true })
  lastScan!: string | null;

  @Field(() => [String], { description: 'Means of access (SQL, API, …): never a connection reference.' })
  accessMethods!: string[];

  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => Jurisdiction, { nullable: true })
  jurisdiction!: string | null;

  @Field(() => String, { nullable: true, description: 'Recipient role, hosting kind or source kind.' })
  detail!: string | null;

  @Field(() => Boolean)
  selected!: boolean;
}

@ObjectType('MapNode', { description: 'A placed node: centre, size, and whether it is drawn as a compound.' })
export class MapNodeModel extends MapItemFacts {
  @Field(() => MapGroupKindEnum, { nullable: true })
  groupKind!: string | null;

  @Field(() => Int, { description: '0 at the top.' })
  level!: number;

  @Field(() => String, { nullable: true, description: 'Inventory key of the entity (`<org>:<key>`), null for groups.' })
  entityKey!: string | null;

  @Field(() => MapFacetsModel, { nullable: true })
  facets!: MapFacetsModel | null;

  @Field(() => Int)
  x!: number;

  @Field(() => Int)
  y!: number;

  @Field(() => Int)
  width!: number;

  @Field(() => Int)
  height!: number;

  @Field(() => Boolean)
  compound!: boolean;
}

@ObjectType('MapTransferStatusCounts')
export class MapTransferStatusCountsModel {
  @Field(() => Int)
  COVERED!: number;

  @Field(() => Int)
  TO_VERIFY!: number;

  @Field(() => Int)
  MISSING_SAFEGUARD!: number;
}

@ObjectType('MapTransfer', { description: 'A transfer leaving the EEA: destinations, bases, worst status.' })
export class MapTransferModel {
  @Field(() => [String])
  countries!: string[];

  @Field(() => [String], { description: 'e.g. `SCC 2`, `ADEQUACY`, `NONE`, sorted.' })
  bases!: string[];

  @Field(() => MapTransferStatusEnum)
  status!: string;

  @Field(() => MapTransferStatusCountsModel)
  statusCounts!: MapTransferStatusCountsModel;
}

@ObjectType('MapEdge', { description: 'Model edges lifted to the nearest visible nodes, counted.' })
export class MapEdgeModel {
  @Field(() => String)
  id!: string;

  @Field(() => MapEdgeKindEnum)
  kind!: string;

  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => [String])
  mechanisms!: string[];

  @Field(() => MapTransferModel, { nullable: true })
  transfer!: MapTransferModel | null;
}

@ObjectType('MapTableLink', { description: 'A drawn edge, on the rows of both its ends.' })
export class MapTableLinkModel {
  @Field(() => MapLinkDirectionEnum)
  direction!: string;

  @Field(() => MapEdgeKindEnum)
  kind!: string;

  @Field(() => String)
  other!: string;

  @Field(() => MapTextModel)
  otherLabel!: MapTextModel;

  @Field(() => Int)
  count!: number;

  @Field(() => [String])
  mechanisms!: string[];

  @Field(() => MapTransferModel, { nullable: true })
  transfer!: MapTransferModel | null;
}

@ObjectType('MapTableRow', { description: 'One row per drawn node, in tree order (treegrid).' })
export class MapTableRowModel extends MapItemFacts {
  @Field(() => Int, { description: '1 at the top (aria-level).' })
  level!: number;

  @Field(() => [MapTableLinkModel])
  links!: MapTableLinkModel[];
}

@ObjectType('MapTableColumn')
export class MapTableColumnModel {
  @Field(() => String)
  key!: string;

  @Field(() => MapTextModel)
  label!: MapTextModel;
}

@ObjectType('MapTable', { description: 'The same view as the map, as an accessible table.' })
export class MapTableModel {
  @Field(() => [MapTableColumnModel])
  columns!: MapTableColumnModel[];

  @Field(() => [MapTableRowModel])
  rows!: MapTableRowModel[];
}

@ObjectType('MapFilters')
export class MapFiltersModel {
  @Field(() => [String], { description: 'Department local keys.' })
  departments!: string[];

  @Field(() => [Jurisdiction])
  jurisdictions!: string[];

  @Field(() => [String])
  categories!: string[];

  @Field(() => [String])
  specialCategories!: string[];

  @Field(() => [String])
  legalBases!: string[];

  @Field(() => [MapTransferStatusEnum])
  transferStatuses!: string[];

  @Field(() => [String], { description: 'PENDING, CONFIRMED, REJECTED.' })
  findingStatuses!: string[];
}

@ObjectType('MapSearch')
export class MapSearchModel {
  @Field(() => String)
  group!: string;

  @Field(() => String)
  text!: string;
}

@ObjectType('MapViewState', { description: 'The normalised state of the view.' })
export class MapViewStateModel {
  @Field(() => MapDisplayEnum)
  view!: string;

  @Field(() => MapGroupingEnum)
  grouping!: string;

  @Field(() => Int)
  depth!: number;

  @Field(() => Int)
  limit!: number;

  @Field(() => [String])
  expanded!: string[];

  @Field(() => MapFiltersModel)
  filters!: MapFiltersModel;

  @Field(() => MapSearchModel, { nullable: true })
  search!: MapSearchModel | null;

  @Field(() => String, { nullable: true })
  selection!: string | null;
}

@ObjectType('DataMap', { description: 'A placed view of the data map of one organisation.' })
export class DataMapModel {
  @Field(() => String, { description: 'Layout cache key: digest of the graph content, the state and the options.' })
  key!: string;

  @Field(() => String)
  organisation!: string;

  @Field(() => String)
  organisationName!: string;

  @Field(() => String)
  asOf!: string;

  @Field(() => String, { description: 'Digest of the facts the map was built from (its revision).' })
  revision!: string;

  @Field(() => MapViewStateModel)
  state!: MapViewStateModel;

  @Field(() => String, { description: 'The state as a URL query string (libs/cartography encoding; default: empty).' })
  query!: string;

  @Field(() => Boolean, { description: 'Whether the node bound cut the view ("+N more" nodes count the rest).' })
  truncated!: boolean;

  @Field(() => [String], { description: 'Ids of the state that match nothing (deleted since the URL was sent).' })
  unknownIds!: string[];

  @Field(() => Boolean)
  selectionVisible!: boolean;

  @Field(() => Int)
  width!: number;

  @Field(() => Int)
  height!: number;

  @Field(() => [MapNodeModel])
  nodes!: MapNodeModel[];

  @Field(() => [MapEdgeModel])
  edges!: MapEdgeModel[];

  @Field(() => MapTableModel)
  table!: MapTableModel;

  @Field(() => Boolean, { description: 'Whether the layout came from this process cache.' })
  cached!: boolean;
}

/** An optional list of at most 200 texts: the shape of every filter and of the expanded ids. */
const OptionalTextList = () => applyDecorators(IsOptional(), IsArray(), ArrayMaxSize(200), IsString({ each: true }));

@InputType('MapFiltersInput')
export class MapFiltersInput {
  @Field(() => [String], { nullable: true })
  @OptionalTextList()
  departments?: string[];

  @Field(() => [Jurisdiction], { nullable: true })
  @OptionalTextList()
  jurisdictions?: string[];

  @Field(() => [String], { nullable: true })
  @OptionalTextList()
  categories?: string[];

  @Field(() => [String], { nullable: true })
  @OptionalTextList()
  specialCategories?: string[];

  @Field(() => [String], { nullable: true })
  @OptionalTextList()
  legalBases?: string[];

  @Field(() => [MapTransferStatusEnum], { nullable: true })
  @OptionalTextList()
  transferStatuses?: string[];

  @Field(() => [String], { nullable: true })
  @OptionalTextList()
  findingStatuses?: string[];
}

@InputType('MapSearchInput')
export class MapSearchInput {
  @Field(() => String)
  @IsString()
  group!: string;

  @Field(() => String)
  @IsString()
  text!: string;
}

@InputType('MapViewInput', { description: 'A view state; omitted members take their defaults.' })
export class MapViewInput {
  @Field(() => MapDisplayEnum, { nullable: true })
  @IsOptional()
  @IsString()
  view?: string;

  @Field(() => MapGroupingEnum, { nullable: true })
  @IsOptional()
  @IsString()
  grouping?: string;

  @Field(() => Int, { nullable: true, description: 'Levels shown under an expanded node (1-4).' })
  @IsOptional()
  @IsInt()
  depth?: number;

  @Field(() => Int, { nullable: true, description: 'Children shown per node before "+N more" (1-100).' })
  @IsOptional()
  @IsInt()
  limit?: number;

  @Field(() => [String], { nullable: true, description: 'Ids of expanded nodes (and `more:` pages).' })
  @OptionalTextList()
  expanded?: string[];

  @Field(() => MapFiltersInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MapFiltersInput)
  filters?: MapFiltersInput;

  @Field(() => MapSearchInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MapSearchInput)
  search?: MapSearchInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  selection?: string;
}
