import type { Type } from '@nestjs/common';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Label } from '@cartographer/inventory';
import '../inventory-enums.js';

/** Every inventory entity: its optimistic-concurrency token, passed back with an update. */
@ObjectType({ isAbstract: true })
export abstract class RevisionedModel {
  @Field(() => String, {
    description:
      'Digest of the declaration as read; pass it as `revision` with an update to refuse it (CONFLICT) if the entity changed since.',
  })
  revision!: string;
}

@ObjectType('Party', { description: 'A controller, representative, DPO or joint controller.' })
export class PartyModel {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  contact?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;
}

@ObjectType('Volume', { description: 'Declared or measured size. Floats: counts may exceed 32 bits.' })
export class VolumeModel {
  @Field(() => Float, { nullable: true })
  records?: number | null;

  @Field(() => Float, { nullable: true })
  bytes?: number | null;
}

@ObjectType('Velocity', { description: 'Speed of acquisition.' })
export class VelocityModel {
  @Field(() => Float, { nullable: true })
  recordsPerDay?: number | null;

  @Field(() => Float, { nullable: true })
  bytesPerDay?: number | null;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on an empty page.' })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}

export interface PageShape<T> {
  items: T[];
  totalCount: number;
  pageInfo: PageInfoModel;
}

/** A page of a list ordered by key: `@ObjectType('XPage') class XPage extends Paginated(XModel) {}`. */
export function Paginated<T>(item: Type<T>): Type<PageShape<T>> {
  @ObjectType({ isAbstract: true })
  abstract class Page implements PageShape<T> {
    @Field(() => [item])
    items!: T[];

    @Field(() => Int, { description: 'Items matching the filter that the caller may read, all pages together.' })
    totalCount!: number;

    @Field(() => PageInfoModel)
    pageInfo!: PageInfoModel;
  }
  return Page as unknown as Type<PageShape<T>>;
}

@ObjectType('DeletedItem')
export class DeletedItemModel {
  @Field(() => Label)
  label!: Label;

  @Field(() => String)
  key!: string;
}

@ObjectType('Deletion', { description: 'What a delete removed: the entity, what it owned, flows left without an end.' })
export class DeletionModel {
  @Field(() => String)
  key!: string;

  @Field(() => [DeletedItemModel])
  deleted!: DeletedItemModel[];
}

@ObjectType('LabelCount')
export class LabelCountModel {
  @Field(() => Label)
  label!: Label;

  @Field(() => Int)
  count!: number;
}

@ObjectType('InventoryImport', { description: 'What an import wrote (MERGEs: an unchanged entity counts too).' })
export class InventoryImportModel {
  @Field(() => String)
  organisation!: string;

  @Field(() => Int, { description: 'Node and relationship writes.' })
  writes!: number;

  @Field(() => [LabelCountModel], { description: 'Nodes declared, per label.' })
  nodes!: LabelCountModel[];
}

@ObjectType('GraphNode')
export class GraphNodeModel {
  @Field(() => Label)
  label!: Label;

  @Field(() => String)
  key!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Int, { description: 'Hops from the start node.' })
  depth!: number;
}

@ObjectType('GraphEdge')
export class GraphEdgeModel {
  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;

  @Field(() => String, { description: 'Relationship type, e.g. CONTAINS, USES, FLOWS_TO.' })
  type!: string;
}

@ObjectType('Neighbourhood', {
  description: 'Nodes within some hops of one node, and every relationship between them.',
})
export class NeighbourhoodModel {
  @Field(() => [GraphNodeModel])
  nodes!: GraphNodeModel[];

  @Field(() => [GraphEdgeModel])
  edges!: GraphEdgeModel[];

  @Field(() => Boolean, { description: 'True when the limit cut the answer short.' })
  truncated!: boolean;
}
