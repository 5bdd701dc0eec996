import { Field, Float, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  ACTIVITY,
  FLOW,
  FLOW_MECHANISMS,
  type FlowMechanism,
  FREQUENCIES,
  type Frequency,
  LEGAL_BASES,
  type LegalBasis,
  maxItemsOf,
  maxLengthOf,
} from '@cartographer/inventory';
import { FlowMechanismEnum, FrequencyEnum, LegalBasisEnum } from '../inventory-enums.js';
import {
  FIELD_KEY,
  FlowFieldInput,
  GRAPH_KEY,
  GRAPH_KEY_MESSAGE,
  KEY_MESSAGE,
  LOCAL_KEY,
  Nested,
  PartyInput,
  Present,
  RevisionInput,
  TransferInput,
} from './inventory-common.input.js';
import { AutomatedDecisionsInput, CategoryRetentionInput, MonitoringInput } from './compliance-facts.input.js';
import {
  COUNT_MAX as FACT_COUNT_MAX,
  LIST_BOUNDS,
  ORGANISATION_ROLES,
  type OrganisationRole,
} from '@cartographer/inventory';
import { RequiredText, OptionalText, UpdatedText } from '../../graphql/text-field.decorators.js';

const FIELD_KEY_MESSAGE = '$property must hold field keys <organisation>:<dataset>/<field>';

@InputType()
export class CreateProcessingActivityInput {
  @Field(() => String, { description: 'Graph key of the department running it.' })
  @Matches(GRAPH_KEY, { message: GRAPH_KEY_MESSAGE })
  department!: string;

  @Field(() => String)
  @Matches(LOCAL_KEY, { message: KEY_MESSAGE })
  key!: string;

  @RequiredText(maxLengthOf(ACTIVITY, 'name'))
  name!: string;

  @OptionalText(maxLengthOf(ACTIVITY, 'description'))
  description?: string;

  @Field(() => PartyInput)
  @Nested(() => PartyInput)
  controller!: PartyInput;

  @Field(() => [PartyInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'jointControllers'))
  @Nested(() => PartyInput)
  jointControllers?: PartyInput[];

  @Field(() => PartyInput, { nullable: true })
  @IsOptional()
  @Nested(() => PartyInput)
  representative?: PartyInput;

  @Field(() => PartyInput, { nullable: true })
  @IsOptional()
  @Nested(() => PartyInput)
  dpo?: PartyInput;

  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'purposes'))
  @IsString({ each: true })
  @MaxLength(maxLengthOf(ACTIVITY, 'purposes'), { each: true })
  purposes!: string[];

  @Field(() => [LegalBasisEnum])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'legalBases'))
  @IsIn(LEGAL_BASES, { each: true })
  legalBases!: LegalBasis[];

  @OptionalText(maxLengthOf(ACTIVITY, 'legalBasisDetails'))
  legalBasisDetails?: string;

  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'dataSubjectCategories'))
  @IsString({ each: true })
  @MaxLength(maxLengthOf(ACTIVITY, 'dataSubjectCategories'), { each: true })
  dataSubjectCategories!: string[];

  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'personalDataCategories'))
  @IsString({ each: true })
  @MaxLength(maxLengthOf(ACTIVITY, 'personalDataCategories'), { each: true })
  personalDataCategories!: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'specialCategories'))
  @IsString({ each: true })
  @MaxLength(maxLengthOf(ACTIVITY, 'specialCategories'), { each: true })
  specialCategories?: string[];

  @Field(() => [String], { nullable: true, description: 'Graph keys of recipients data is disclosed to.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'recipients'))
  @Matches(GRAPH_KEY, { each: true, message: GRAPH_KEY_MESSAGE })
  recipients?: string[];

  @Field(() => [TransferInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'transfers'))
  @Nested(() => TransferInput)
  transfers?: TransferInput[];

  @RequiredText(maxLengthOf(ACTIVITY, 'retention'))
  retention!: string;

  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'securityMeasures'))
  @IsString({ each: true })
  @MaxLength(maxLengthOf(ACTIVITY, 'securityMeasures'), { each: true })
  securityMeasures!: string[];

  @Field(() => [String], { nullable: true, description: 'Graph keys of datasets used.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'datasets'))
  @Matches(GRAPH_KEY, { each: true, message: GRAPH_KEY_MESSAGE })
  datasets?: string[];

  @Field(() => [String], { nullable: true, description: 'Graph keys of fields used.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'fields'))
  @Matches(FIELD_KEY, { each: true, message: FIELD_KEY_MESSAGE })
  fields?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(ORGANISATION_ROLES)
  organisationRole?: OrganisationRole;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(FACT_COUNT_MAX)
  dataSubjectCount?: number;

  @Field(() => AutomatedDecisionsInput, { nullable: true })
  @IsOptional()
  @Nested(() => AutomatedDecisionsInput)
  automatedDecisions?: AutomatedDecisionsInput;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  evaluationScoring?: boolean;

  @Field(() => MonitoringInput, { nullable: true })
  @IsOptional()
  @Nested(() => MonitoringInput)
  monitoring?: MonitoringInput;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  innovativeTechnology?: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  preventsRightOrService?: boolean;

  @Field(() => [CategoryRetentionInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_BOUNDS.retentionByCategory)
  @Nested(() => CategoryRetentionInput)
  retentionByCategory?: CategoryRetentionInput[];
}

@InputType({ description: 'Members left out are unchanged; null clears an optional member; lists are replaced.' })
export class UpdateProcessingActivityInput extends RevisionInput {
  @Field(() => String, { nullable: true })
  @Present()
  @Matches(GRAPH_KEY, { message: GRAPH_KEY_MESSAGE })
  department?: string;

  @UpdatedText(maxLengthOf(ACTIVITY, 'name'))
  name?: string;

  @OptionalText(maxLengthOf(ACTIVITY, 'description'))
  description?: string | null;

  @Field(() => PartyInput, { nullable: true })
  @Present()
  @Nested(() => PartyInput)
  controller?: PartyInput;

  @Field(() => [PartyInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'jointControllers'))
  @Nested(() => PartyInput)
  jointControllers?: PartyInput[] | null;

  @Field(() => PartyInput, { nullable: true })
  @IsOptional()
  @Nested(() => PartyInput)
  representative?: PartyInput | null;

  @Field(() => PartyInput, { nullable: true })
  @IsOptional()
  @Nested(() => PartyInput)
  dpo?: PartyInput | null;

  @Field(() => [String], { nullable: true })
  @Present()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'purposes'))
  @IsString({ each: true })
  @MaxLength(maxLengthOf(ACTIVITY, 'purposes'), { each: true })
  purposes?: string[];

  @Field(() => [LegalBasisEnum], { nullable: true })
  @Present()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'legalBases'))
  @IsIn(LEGAL_BASES, { each: true })
  legalBases?: LegalBasis[];

  @OptionalText(maxLengthOf(ACTIVITY, 'legalBasisDetails'))
  legalBasisDetails?: string | null;

  @Field(() => [String], { nullable: true })
  @Present()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'dataSubjectCategories'))
  @IsString({ each: true })
  @MaxLength(maxLengthOf(ACTIVITY, 'dataSubjectCategories'), { each: true })
  dataSubjectCategories?: string[];

  @Field(() => [String], { nullable: true })
  @Present()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'personalDataCategories'))
  @IsString({ each: true })
  @MaxLength(maxLengthOf(ACTIVITY, 'personalDataCategories'), { each: true })
  personalDataCategories?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'specialCategories'))
  @IsString({ each: true })
  @MaxLength(maxLengthOf(ACTIVITY, 'specialCategories'), { each: true })
  specialCategories?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'recipients'))
  @Matches(GRAPH_KEY, { each: true, message: GRAPH_KEY_MESSAGE })
  recipients?: string[] | null;

  @Field(() => [TransferInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'transfers'))
  @Nested(() => TransferInput)
  transfers?: TransferInput[] | null;

  @UpdatedText(maxLengthOf(ACTIVITY, 'retention'))
  retention?: string;

  @Field(() => [String], { nullable: true })
  @Present()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'securityMeasures'))
  @IsString({ each: true })
  @MaxLength(maxLengthOf(ACTIVITY, 'securityMeasures'), { each: true })
  securityMeasures?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'datasets'))
  @Matches(GRAPH_KEY, { each: true, message: GRAPH_KEY_MESSAGE })
  datasets?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(ACTIVITY, 'fields'))
  @Matches(FIELD_KEY, { each: true, message: FIELD_KEY_MESSAGE })
  fields?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(ORGANISATION_ROLES)
  organisationRole?: OrganisationRole | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(FACT_COUNT_MAX)
  dataSubjectCount?: number | null;

  @Field(() => AutomatedDecisionsInput, { nullable: true })
  @IsOptional()
  @Nested(() => AutomatedDecisionsInput)
  automatedDecisions?: AutomatedDecisionsInput | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  evaluationScoring?: boolean | null;

  @Field(() => MonitoringInput, { nullable: true })
  @IsOptional()
  @Nested(() => MonitoringInput)
  monitoring?: MonitoringInput | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  innovativeTechnology?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  preventsRightOrService?: boolean | null;

  @Field(() => [CategoryRetentionInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_BOUNDS.retentionByCategory)
  @Nested(() => CategoryRetentionInput)
  retentionByCategory?: CategoryRetentionInput[] | null;
}

@InputType()
export class CreateDataFlowInput {
  @Field(() => String, { description: 'Key within the organisation.' })
  @Matches(LOCAL_KEY, { message: KEY_MESSAGE })
  key!: string;

  @OptionalText(maxLengthOf(FLOW, 'name'))
  name?: string;

  @Field(() => String, { description: 'Graph key of the origin (a data source or a dataset); gives the organisation.' })
  @Matches(GRAPH_KEY, { message: GRAPH_KEY_MESSAGE })
  from!: string;

  @Field(() => String, { description: 'Graph key of the destination (a data source or a dataset).' })
  @Matches(GRAPH_KEY, { message: GRAPH_KEY_MESSAGE })
  to!: string;

  @Field(() => [FlowFieldInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(FLOW, 'fields'))
  @Nested(() => FlowFieldInput)
  fields?: FlowFieldInput[];

  @Field(() => FrequencyEnum, { nullable: true })
  @IsOptional()
  @IsIn(FREQUENCIES)
  frequency?: Frequency;

  @Field(() => FlowMechanismEnum, { nullable: true })
  @IsOptional()
  @IsIn(FLOW_MECHANISMS)
  mechanism?: FlowMechanism;

  @OptionalText(maxLengthOf(FLOW, 'description'))
  description?: string;
}

@InputType({ description: 'Members left out are unchanged; null clears an optional member; lists are replaced.' })
export class UpdateDataFlowInput extends RevisionInput {
  @OptionalText(maxLengthOf(FLOW, 'name'))
  name?: string | null;

  @Field(() => String, { nullable: true })
  @Present()
  @Matches(GRAPH_KEY, { message: GRAPH_KEY_MESSAGE })
  from?: string;

  @Field(() => String, { nullable: true })
  @Present()
  @Matches(GRAPH_KEY, { message: GRAPH_KEY_MESSAGE })
  to?: string;

  @Field(() => [FlowFieldInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(FLOW, 'fields'))
  @Nested(() => FlowFieldInput)
  fields?: FlowFieldInput[] | null;

  @Field(() => FrequencyEnum, { nullable: true })
  @IsOptional()
  @IsIn(FREQUENCIES)
  frequency?: Frequency | null;

  @Field(() => FlowMechanismEnum, { nullable: true })
  @IsOptional()
  @IsIn(FLOW_MECHANISMS)
  mechanism?: FlowMechanism | null;

  @OptionalText(maxLengthOf(FLOW, 'description'))
  description?: string | null;
}
