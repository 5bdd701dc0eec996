import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AccessMethod, DatasetKind, SourceKind, Structure } from '@cartographer/inventory';
import { AccessMethodEnum, DatasetKindEnum, SourceKindEnum, StructureEnum } from '../inventory-enums.js';
import { Paginated, RevisionedModel, VelocityModel, VolumeModel } from './common.model.js';

@ObjectType('DataSource', { description: 'A database, file share, SaaS application... owned by a department.' })
export class DataSourceModel extends RevisionedModel {
  @Field(() => ID)
  key!: string;

  @Field(() => String)
  localKey!: string;

  @Field(() => String)
  organisation!: string;

  @Field(() => String, { description: 'Graph key of the owning department.' })
  departmentKey!: string;

  @Field(() => String)
  name!: string;

  @Field(() => SourceKindEnum)
  kind!: SourceKind;

  @Field(() => StructureEnum)
  structure!: Structure;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => VolumeModel)
  volume!: VolumeModel;

  @Field(() => VelocityModel)
  velocity!: VelocityModel;

  @Field(() => [AccessMethodEnum])
  accessMethods!: AccessMethod[];

  @Field(() => String, {
    nullable: true,
    description:
      'Where the scanner finds credentials (an environment variable name). Null for roles that may not see it.',
  })
  connectionRef?: string | null;
}

@ObjectType('DataSourcePage')
export class DataSourcePageModel extends Paginated(DataSourceModel) {}

@ObjectType('Dataset', { description: 'A table, collection, file... of a data source.' })
export class DatasetModel extends RevisionedModel {
  @Field(() => ID)
  key!: string;

  @Field(() => String)
  localKey!: string;

  @Field(() => String)
  organisation!: string;

  @Field(() => String)
  departmentKey!: string;

  @Field(() => String, { description: 'Graph key of the data source.' })
  sourceKey!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DatasetKindEnum)
  kind!: DatasetKind;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => VolumeModel)
  volume!: VolumeModel;
}

@ObjectType('DatasetPage')
export class DatasetPageModel extends Paginated(DatasetModel) {}

@ObjectType('DatasetReference', { description: 'A foreign key from this dataset to another.' })
export class DatasetReferenceModel {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [String])
  columns!: string[];

  @Field(() => String, { description: 'Graph key of the referenced dataset.' })
  datasetKey!: string;

  @Field(() => [String])
  referencedColumns!: string[];
}

@ObjectType('Field', { description: 'A column or attribute of a dataset.' })
export class FieldModel extends RevisionedModel {
  @Field(() => ID, { description: '<organisation>:<dataset>/<name>' })
  key!: string;

  @Field(() => String)
  organisation!: string;

  @Field(() => String)
  departmentKey!: string;

  @Field(() => String, { description: 'Graph key of the dataset.' })
  datasetKey!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  dataType?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Boolean, { nullable: true })
  nullable?: boolean | null;
}

@ObjectType('FieldPage')
export class FieldPageModel extends Paginated(FieldModel) {}
