import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
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
  DEROGATION_GROUNDS,
  type DerogationGround,
  type SccModule,
  type TiaConclusion,
  type TiaStep,
  LIST_BOUNDS,
  SCC_MODULES,
  TEXT_BOUNDS,
  TIA_CONCLUSIONS,
  TIA_STEPS,
} from '@cartographer/inventory';
import { Nested } from './inventory-common.input.js';
import { RequiredText, OptionalText } from '../../graphql/text-field.decorators.js';

/*
 * Inputs of the inventory's compliance facts (docs/inventory-format.md, "Compliance facts"). Values
 * are checked again by the command's compile step (countries, dates that exist), which names the
 * member at fault.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType('ProviderParentInput')
export class ProviderParentInput {
  @RequiredText(TEXT_BOUNDS.name)
  name!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  @IsString()
  @MaxLength(TEXT_BOUNDS.country)
  country!: string;
}

@InputType('TransferImpactAssessmentInput')
export class TiaInput {
  @OptionalText(TEXT_BOUNDS.name)
  reference?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @Matches(DATE, { message: '$property must be a date written YYYY-MM-DD' })
  assessedOn?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @Matches(DATE, { message: '$property must be a date written YYYY-MM-DD' })
  reevaluateBy?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_BOUNDS.tiaSteps)
  @IsIn(TIA_STEPS, { each: true })
  stepsDone?: TiaStep[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(TIA_CONCLUSIONS)
  conclusion?: TiaConclusion;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_BOUNDS.supplementaryMeasures)
  @IsString({ each: true })
  @MaxLength(TEXT_BOUNDS.statement, { each: true })
  supplementaryMeasures?: string[];
}

@InputType('TransferToolInput')
export class TransferToolInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(SCC_MODULES[0])
  @Max(SCC_MODULES[SCC_MODULES.length - 1])
  sccModule?: SccModule;

  @OptionalText(TEXT_BOUNDS.name)
  bcrReference?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(DEROGATION_GROUNDS)
  derogation?: DerogationGround;

  @OptionalText(TEXT_BOUNDS.description)
  documentation?: string;

  @Field(() => TiaInput, { nullable: true })
  @IsOptional()
  @Nested(() => TiaInput)
  tia?: TiaInput;
}

@InputType('AutomatedDecisionsInput')
export class AutomatedDecisionsInput {
  @Field(() => Boolean)
  @IsBoolean()
  exists!: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  legalOrSimilarEffect?: boolean;
}

@InputType('MonitoringInput')
export class MonitoringInput {
  @Field(() => Boolean)
  @IsBoolean()
  systematic!: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  publiclyAccessibleArea?: boolean;
}

@InputType('CategoryRetentionInput')
export class CategoryRetentionInput {
  @RequiredText(TEXT_BOUNDS.name)
  category!: string;

  @RequiredText(TEXT_BOUNDS.retention)
  retention!: string;
}
