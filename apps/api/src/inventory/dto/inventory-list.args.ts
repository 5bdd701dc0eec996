import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Jurisdiction } from '@cartographer/compliance';
import {
  DATASET_KINDS,
  type DatasetKind,
  HOSTING_TYPES,
  type HostingType,
  Label,
  LEGAL_BASES,
  type LegalBasis,
  NEIGHBOURHOOD_MAX_DEPTH,
  NEIGHBOURHOOD_MAX_LIMIT,
  RECIPIENT_ROLES,
  type RecipientRole,
  SAFEGUARDS,
  type Safeguard,
  SOURCE_KINDS,
  type SourceKind,
  STAKEHOLDER_ROLES,
  type StakeholderRole,
  STRUCTURES,
  type Structure,
} from '@cartographer/inventory';
import { PageArgs } from '../../graphql/page.args.js';
import {
  DatasetKindEnum,
  HostingTypeEnum,
  InventoryFormatEnum,
  type InventoryFormatValue,
  LegalBasisEnum,
  RecipientRoleEnum,
  SafeguardEnum,
  SourceKindEnum,
  StakeholderRoleEnum,
  StructureEnum,
} from '../inventory-enums.js';
import { COUNTRY, GRAPH_KEY, GRAPH_KEY_MESSAGE, ORGANISATION_KEY } from './inventory-common.input.js';
import { OptionalText } from '../../graphql/text-field.decorators.js';

const JURISDICTIONS = Object.values(Jurisdiction);

/** Filters every list takes. */
@InputType({ isAbstract: true })
abstract class InventoryFilter {
  @Field(() => String, { nullable: true, description: 'Organisation key.' })
  @IsOptional()
  @Matches(ORGANISATION_KEY, { message: '$property must be an organisation key' })
  organisation?: string;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  search?: string;
}

@InputType({ isAbstract: true })
abstract class DepartmentalFilter extends InventoryFilter {
  @Field(() => String, { nullable: true, description: 'Graph key of the department.' })
  @IsOptional()
  @Matches(GRAPH_KEY, { message: GRAPH_KEY_MESSAGE })
  department?: string;
}

@InputType()
export class OrganisationFilter extends InventoryFilter {
  @OptionalText(COUNTRY.maxLength)
  country?: string;
}

@InputType()
export class DepartmentFilter extends InventoryFilter {}

@InputType()
export class StakeholderFilter extends DepartmentalFilter {
  @Field(() => StakeholderRoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(STAKEHOLDER_ROLES)
  role?: StakeholderRole;
}

@InputType()
export class ServerFilter extends InventoryFilter {
  @Field(() => HostingTypeEnum, { nullable: true })
  @IsOptional()
  @IsIn(HOSTING_TYPES)
  hosting?: HostingType;

  @OptionalText(COUNTRY.maxLength)
  country?: string;

  @Field(() => Jurisdiction, { nullable: true })
  @IsOptional()
  @IsIn(JURISDICTIONS)
  jurisdiction?: Jurisdiction;
}

@InputType()
export class RecipientFilter extends InventoryFilter {
  @Field(() => RecipientRoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(RECIPIENT_ROLES)
  role?: RecipientRole;

  @OptionalText(COUNTRY.maxLength)
  country?: string;

  @Field(() => Jurisdiction, { nullable: true })
  @IsOptional()
  @IsIn(JURISDICTIONS)
  jurisdiction?: Jurisdiction;

  @Field(() => SafeguardEnum, { nullable: true })
  @IsOptional()
  @IsIn(SAFEGUARDS)
  safeguard?: Safeguard;
}

@InputType()
export class DataSourceFilter extends DepartmentalFilter {
  @Field(() => SourceKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(SOURCE_KINDS)
  kind?: SourceKind;

  @Field(() => StructureEnum, { nullable: true })
  @IsOptional()
  @IsIn(STRUCTURES)
  structure?: Structure;
}

@InputType()
export class DatasetFilter extends DepartmentalFilter {
  @Field(() => DatasetKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(DATASET_KINDS)
  kind?: DatasetKind;

  @Field(() => String, { nullable: true, description: 'Datasets of this data source (graph key).' })
  @IsOptional()
  @Matches(GRAPH_KEY, { message: GRAPH_KEY_MESSAGE })
  source?: string;
}

@InputType()
export class FieldFilter extends DepartmentalFilter {
  @Field(() => String, { nullable: true, description: 'Fields of this dataset (graph key).' })
  @IsOptional()
  @Matches(GRAPH_KEY, { message: GRAPH_KEY_MESSAGE })
  dataset?: string;
}

@InputType()
export class ProcessingActivityFilter extends DepartmentalFilter {
  @Field(() => LegalBasisEnum, { nullable: true, description: 'Activities with this legal basis among theirs.' })
  @IsOptional()
  @IsIn(LEGAL_BASES)
  legalBasis?: LegalBasis;
}

@InputType()
export class DataFlowFilter extends DepartmentalFilter {}

/** `(filter, first, after)` for one entity's list. */
function ListArgs<F extends object>(filter: new () => F) {
  @ArgsType()
  abstract class Args extends PageArgs {
    @Field(() => filter, { nullable: true })
    @IsOptional()
    @ValidateNested()
    @Type(() => filter)
    filter?: F;
  }
  return Args;
}

@ArgsType()
export class OrganisationListArgs extends ListArgs(OrganisationFilter) {}
@ArgsType()
export class DepartmentListArgs extends ListArgs(DepartmentFilter) {}
@ArgsType()
export class StakeholderListArgs extends ListArgs(StakeholderFilter) {}
@ArgsType()
export class ServerListArgs extends ListArgs(ServerFilter) {}
@ArgsType()
export class RecipientListArgs extends ListArgs(RecipientFilter) {}
@ArgsType()
export class DataSourceListArgs extends ListArgs(DataSourceFilter) {}
@ArgsType()
export class DatasetListArgs extends ListArgs(DatasetFilter) {}
@ArgsType()
export class FieldListArgs extends ListArgs(FieldFilter) {}
@ArgsType()
export class ProcessingActivityListArgs extends ListArgs(ProcessingActivityFilter) {}
@ArgsType()
export class DataFlowListArgs extends ListArgs(DataFlowFilter) {}

@ArgsType()
export class NeighbourhoodArgs {
  @Field(() => ID, { description: 'Graph key of the start node.' })
  @IsString()
  @MaxLength(600)
  key!: string;

  @Field(() => Label, { nullable: true, description: 'Start from this label only (keys are unique per label).' })
  @IsOptional()
  @IsIn(Object.values(Label))
  label?: Label;

  @Field(() => Int, { defaultValue: 1, description: `Hops, 1 to ${NEIGHBOURHOOD_MAX_DEPTH}.` })
  @IsInt()
  @Min(1)
  @Max(NEIGHBOURHOOD_MAX_DEPTH)
  depth!: number;

  @Field(() => Int, { defaultValue: 100, description: `Most nodes returned, 1 to ${NEIGHBOURHOOD_MAX_LIMIT}.` })
  @IsInt()
  @Min(1)
  @Max(NEIGHBOURHOOD_MAX_LIMIT)
  limit!: number;
}

@ArgsType()
export class ImportInventoryArgs {
  @Field(() => String, { description: 'The inventory file content (YAML or JSON, format version 1).' })
  @IsString()
  document!: string;

  @Field(() => InventoryFormatEnum, { defaultValue: 'YAML' })
  @IsIn(Object.keys(InventoryFormatEnum))
  format!: InventoryFormatValue;
}

@ArgsType()
export class ExportInventoryArgs {
  @Field(() => String, { description: 'Organisation key.' })
  @Matches(ORGANISATION_KEY, { message: '$property must be an organisation key' })
  organisation!: string;

  @Field(() => InventoryFormatEnum, { defaultValue: 'YAML' })
  @IsIn(Object.keys(InventoryFormatEnum))
  format!: InventoryFormatValue;
}
