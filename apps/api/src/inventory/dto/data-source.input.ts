import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import {
  ACCESS_METHODS,
  type AccessMethod,
  CONNECTION_REF_REGEX,
  DATASET,
  DATASET_KINDS,
  type DatasetKind,
  FIELD,
  maxItemsOf,
  maxLengthOf,
  SOURCE,
  SOURCE_KINDS,
  type SourceKind,
  type Structure,
  STRUCTURES,
} from '@cartographer/inventory';
import { AccessMethodEnum, DatasetKindEnum, SourceKindEnum, StructureEnum } from '../inventory-enums.js';
import {
  DatasetReferenceInput,
  FieldDeclarationInput,
  GRAPH_KEY,
  GRAPH_KEY_MESSAGE,
  KEY_MESSAGE,
  LOCAL_KEY,
  Nested,
  Present,
  RevisionInput,
  StakeholderInput,
  VelocityInput,
  VolumeInput,
} from './inventory-common.input.js';
import { RequiredText, OptionalText, UpdatedText } from '../../graphql/text-field.decorators.js';

const CONNECTION_REF = CONNECTION_REF_REGEX;
const CONNECTION_REF_MESSAGE = '$property must be an environment variable name (A-Z, 0-9, _), never the secret itself';

@InputType()
export class CreateDataSourceInput {
  @Field(() => String, { description: 'Graph key of the owning department; the source belongs to its organisation.' })
  @Matches(GRAPH_KEY, { message: GRAPH_KEY_MESSAGE })
  department!: string;

  @Field(() => String, { description: 'Key within the organisation.' })
  @Matches(LOCAL_KEY, { message: KEY_MESSAGE })
  key!: string;

  @RequiredText(maxLengthOf(SOURCE, 'name'))
  name!: string;

  @Field(() => SourceKindEnum)
  @IsIn(SOURCE_KINDS)
  kind!: SourceKind;

  @Field(() => StructureEnum)
  @IsIn(STRUCTURES)
  structure!: Structure;

  @OptionalText(maxLengthOf(SOURCE, 'description'))
  description?: string;

  @Field(() => [String], { nullable: true, description: 'Graph keys of the servers hosting it.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(SOURCE, 'servers'))
  @Matches(GRAPH_KEY, { each: true, message: GRAPH_KEY_MESSAGE })
  servers?: string[];

  @Field(() => VolumeInput, { nullable: true })
  @IsOptional()
  @Nested(() => VolumeInput)
  volume?: VolumeInput;

  @Field(() => VelocityInput, { nullable: true })
  @IsOptional()
  @Nested(() => VelocityInput)
  velocity?: VelocityInput;

  @Field(() => [AccessMethodEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(SOURCE, 'accessMethods'))
  @IsIn(ACCESS_METHODS, { each: true })
  accessMethods?: AccessMethod[];

  @Field(() => String, {
    nullable: true,
    description: 'Environment variable holding the credentials (never the secret).',
  })
  @IsOptional()
  @Matches(CONNECTION_REF, { message: CONNECTION_REF_MESSAGE })
  connectionRef?: string;

  @Field(() => [StakeholderInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(SOURCE, 'stakeholders'))
  @Nested(() => StakeholderInput)
  stakeholders?: StakeholderInput[];
}

@InputType({ description: 'Members left out are unchanged; null clears an optional member.' })
export class UpdateDataSourceInput extends RevisionInput {
  @Field(() => String, {
    nullable: true,
    description: 'Moves the source (with its datasets and fields) to another department.',
  })
  @Present()
  @Matches(GRAPH_KEY, { message: GRAPH_KEY_MESSAGE })
  department?: string;

  @UpdatedText(maxLengthOf(SOURCE, 'name'))
  name?: string;

  @Field(() => SourceKindEnum, { nullable: true })
  @Present()
  @IsIn(SOURCE_KINDS)
  kind?: SourceKind;

  @Field(() => StructureEnum, { nullable: true })
  @Present()
  @IsIn(STRUCTURES)
  structure?: Structure;

  @OptionalText(maxLengthOf(SOURCE, 'description'))
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the whole list.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(SOURCE, 'servers'))
  @Matches(GRAPH_KEY, { each: true, message: GRAPH_KEY_MESSAGE })
  servers?: string[] | null;

  @Field(() => VolumeInput, { nullable: true })
  @IsOptional()
  @Nested(() => VolumeInput)
  volume?: VolumeInput | null;

  @Field(() => VelocityInput, { nullable: true })
  @IsOptional()
  @Nested(() => VelocityInput)
  velocity?: VelocityInput | null;

  @Field(() => [AccessMethodEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(SOURCE, 'accessMethods'))
  @IsIn(ACCESS_METHODS, { each: true })
  accessMethods?: AccessMethod[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CONNECTION_REF, { message: CONNECTION_REF_MESSAGE })
  connectionRef?: string | null;

  @Field(() => [StakeholderInput], { nullable: true, description: 'Replaces the whole list.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(SOURCE, 'stakeholders'))
  @Nested(() => StakeholderInput)
  stakeholders?: StakeholderInput[] | null;
}

@InputType()
export class CreateDatasetInput {
  @Field(() => String, { description: 'Graph key of the data source containing it.' })
  @Matches(GRAPH_KEY, { message: GRAPH_KEY_MESSAGE })
  source!: string;

  @Field(() => String, { description: 'Key within the organisation (shared with data sources).' })
  @Matches(LOCAL_KEY, { message: KEY_MESSAGE })
  key!: string;

  @RequiredText(maxLengthOf(DATASET, 'name'))
  name!: string;

  @Field(() => DatasetKindEnum)
  @IsIn(DATASET_KINDS)
  kind!: DatasetKind;

  @OptionalText(maxLengthOf(DATASET, 'description'))
  description?: string;

  @Field(() => VolumeInput, { nullable: true })
  @IsOptional()
  @Nested(() => VolumeInput)
  volume?: VolumeInput;

  @Field(() => [FieldDeclarationInput], { nullable: true, description: 'Fields created with the dataset.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(DATASET, 'fields'))
  @Nested(() => FieldDeclarationInput)
  fields?: FieldDeclarationInput[];

  @Field(() => [DatasetReferenceInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(DATASET, 'references'))
  @Nested(() => DatasetReferenceInput)
  references?: DatasetReferenceInput[];
}

@InputType({ description: 'Members left out are unchanged; null clears an optional member.' })
export class UpdateDatasetInput extends RevisionInput {
  @Field(() => String, { nullable: true, description: 'Moves the dataset (with its fields) to another data source.' })
  @Present()
  @Matches(GRAPH_KEY, { message: GRAPH_KEY_MESSAGE })
  source?: string;

  @UpdatedText(maxLengthOf(DATASET, 'name'))
  name?: string;

  @Field(() => DatasetKindEnum, { nullable: true })
  @Present()
  @IsIn(DATASET_KINDS)
  kind?: DatasetKind;

  @OptionalText(maxLengthOf(DATASET, 'description'))
  description?: string | null;

  @Field(() => VolumeInput, { nullable: true })
  @IsOptional()
  @Nested(() => VolumeInput)
  volume?: VolumeInput | null;

  @Field(() => [DatasetReferenceInput], { nullable: true, description: 'Replaces the whole list.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(DATASET, 'references'))
  @Nested(() => DatasetReferenceInput)
  references?: DatasetReferenceInput[] | null;
}

@InputType()
export class CreateFieldInput {
  @Field(() => String, { description: 'Graph key of the dataset.' })
  @Matches(GRAPH_KEY, { message: GRAPH_KEY_MESSAGE })
  dataset!: string;

  @RequiredText(maxLengthOf(FIELD, 'name'), {
    description: 'Unique within the dataset; the field key is <organisation>:<dataset>/<name>.',
  })
  name!: string;

  @OptionalText(maxLengthOf(FIELD, 'dataType'))
  dataType?: string;

  @OptionalText(maxLengthOf(FIELD, 'description'))
  description?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  nullable?: boolean;
}

@InputType({
  description: 'Members left out are unchanged; null clears. The name is part of the key and cannot change.',
})
export class UpdateFieldInput extends RevisionInput {
  @OptionalText(maxLengthOf(FIELD, 'dataType'))
  dataType?: string | null;

  @OptionalText(maxLengthOf(FIELD, 'description'))
  description?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  nullable?: boolean | null;
}
