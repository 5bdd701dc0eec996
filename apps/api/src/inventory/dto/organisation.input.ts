import { Field, Float, InputType } from '@nestjs/graphql';
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
  DEPARTMENT,
  HOSTING_TYPES,
  type HostingType,
  maxItemsOf,
  maxLengthOf,
  ORGANISATION,
  ORGANISATION_SECTORS,
  type OrganisationSector,
  RECIPIENT,
  RECIPIENT_ROLES,
  type RecipientRole,
  type Safeguard,
  SAFEGUARDS,
  SERVER,
} from '@cartographer/inventory';
import { HostingTypeEnum, OrganisationSectorEnum, RecipientRoleEnum, SafeguardEnum } from '../inventory-enums.js';
import {
  KEY_MESSAGE,
  LOCAL_KEY,
  Nested,
  ORGANISATION_KEY,
  PartyInput,
  Present,
  RevisionInput,
  StakeholderInput,
} from './inventory-common.input.js';
import { ProviderParentInput, TransferToolInput } from './compliance-facts.input.js';
import {
  COUNT_MAX as FACT_COUNT_MAX,
  LIST_BOUNDS,
  RECIPIENT_SECTORS,
  type RecipientSector,
  TEXT_BOUNDS as FACT_TEXT_BOUNDS,
} from '@cartographer/inventory';
import { RequiredText, OptionalText, UpdatedText } from '../../graphql/text-field.decorators.js';

@InputType()
export class CreateOrganisationInput {
  @Field(() => String, {
    description: 'Lower case letters, digits, ".", "_" and "-"; prefixes every key of the inventory.',
  })
  @Matches(ORGANISATION_KEY, { message: '$property must be lower case letters, digits, ".", "_" and "-" (at most 64)' })
  key!: string;

  @RequiredText(maxLengthOf(ORGANISATION, 'name'))
  name!: string;

  @OptionalText(maxLengthOf(ORGANISATION, 'country'))
  country?: string;

  @Field(() => OrganisationSectorEnum, { nullable: true })
  @IsOptional()
  @IsIn(ORGANISATION_SECTORS)
  sector?: OrganisationSector;

  @OptionalText(maxLengthOf(ORGANISATION, 'description'))
  description?: string;

  @Field(() => PartyInput, { nullable: true })
  @IsOptional()
  @Nested(() => PartyInput)
  dpo?: PartyInput;

  @Field(() => PartyInput, { nullable: true })
  @IsOptional()
  @Nested(() => PartyInput)
  representative?: PartyInput;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(FACT_COUNT_MAX)
  staffCount?: number;
}

@InputType({ description: 'Members left out are unchanged; null clears an optional member.' })
export class UpdateOrganisationInput extends RevisionInput {
  @UpdatedText(maxLengthOf(ORGANISATION, 'name'))
  name?: string;

  @OptionalText(maxLengthOf(ORGANISATION, 'country'))
  country?: string | null;

  @Field(() => OrganisationSectorEnum, { nullable: true })
  @IsOptional()
  @IsIn(ORGANISATION_SECTORS)
  sector?: OrganisationSector | null;

  @OptionalText(maxLengthOf(ORGANISATION, 'description'))
  description?: string | null;

  @Field(() => PartyInput, { nullable: true })
  @IsOptional()
  @Nested(() => PartyInput)
  dpo?: PartyInput | null;

  @Field(() => PartyInput, { nullable: true })
  @IsOptional()
  @Nested(() => PartyInput)
  representative?: PartyInput | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(FACT_COUNT_MAX)
  staffCount?: number | null;
}

@InputType()
export class CreateDepartmentInput {
  @Field(() => String, { description: 'Key of the organisation.' })
  @Matches(ORGANISATION_KEY, { message: '$property must be an organisation key' })
  organisation!: string;

  @Field(() => String, { description: 'Key within the organisation.' })
  @Matches(LOCAL_KEY, { message: KEY_MESSAGE })
  key!: string;

  @RequiredText(maxLengthOf(DEPARTMENT, 'name'))
  name!: string;

  @OptionalText(maxLengthOf(DEPARTMENT, 'description'))
  description?: string;

  @Field(() => [StakeholderInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(DEPARTMENT, 'stakeholders'))
  @Nested(() => StakeholderInput)
  stakeholders?: StakeholderInput[];
}

@InputType({ description: 'Members left out are unchanged; null clears an optional member.' })
export class UpdateDepartmentInput extends RevisionInput {
  @UpdatedText(maxLengthOf(DEPARTMENT, 'name'))
  name?: string;

  @OptionalText(maxLengthOf(DEPARTMENT, 'description'))
  description?: string | null;

  @Field(() => [StakeholderInput], { nullable: true, description: 'Replaces the whole list.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(DEPARTMENT, 'stakeholders'))
  @Nested(() => StakeholderInput)
  stakeholders?: StakeholderInput[] | null;
}

@InputType()
export class CreateServerInput {
  @Field(() => String)
  @Matches(ORGANISATION_KEY, { message: '$property must be an organisation key' })
  organisation!: string;

  @Field(() => String)
  @Matches(LOCAL_KEY, { message: KEY_MESSAGE })
  key!: string;

  @RequiredText(maxLengthOf(SERVER, 'name'))
  name!: string;

  @OptionalText(maxLengthOf(SERVER, 'provider'))
  provider?: string;

  @Field(() => HostingTypeEnum)
  @IsIn(HOSTING_TYPES)
  hosting!: HostingType;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2; the jurisdiction is derived from it.' })
  @IsString()
  @MaxLength(maxLengthOf(SERVER, 'country'))
  country!: string;

  @OptionalText(maxLengthOf(SERVER, 'region'))
  region?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(SERVER, 'certifications'))
  @IsString({ each: true })
  @MaxLength(maxLengthOf(SERVER, 'certifications'), { each: true })
  certifications?: string[];

  @OptionalText(maxLengthOf(SERVER, 'description'))
  description?: string;

  @Field(() => ProviderParentInput, { nullable: true })
  @IsOptional()
  @Nested(() => ProviderParentInput)
  providerParent?: ProviderParentInput;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_BOUNDS.accessCountries)
  @IsString({ each: true })
  @MaxLength(FACT_TEXT_BOUNDS.country, { each: true })
  accessCountries?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(LOCAL_KEY, { message: KEY_MESSAGE })
  operator?: string;
}

@InputType({ description: 'Members left out are unchanged; null clears an optional member.' })
export class UpdateServerInput extends RevisionInput {
  @UpdatedText(maxLengthOf(SERVER, 'name'))
  name?: string;

  @OptionalText(maxLengthOf(SERVER, 'provider'))
  provider?: string | null;

  @Field(() => HostingTypeEnum, { nullable: true })
  @Present()
  @IsIn(HOSTING_TYPES)
  hosting?: HostingType;

  @Field(() => String, { nullable: true })
  @Present()
  @IsString()
  @MaxLength(maxLengthOf(SERVER, 'country'))
  country?: string;

  @OptionalText(maxLengthOf(SERVER, 'region'))
  region?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(SERVER, 'certifications'))
  @IsString({ each: true })
  @MaxLength(maxLengthOf(SERVER, 'certifications'), { each: true })
  certifications?: string[] | null;

  @OptionalText(maxLengthOf(SERVER, 'description'))
  description?: string | null;

  @Field(() => ProviderParentInput, { nullable: true })
  @IsOptional()
  @Nested(() => ProviderParentInput)
  providerParent?: ProviderParentInput | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_BOUNDS.accessCountries)
  @IsString({ each: true })
  @MaxLength(FACT_TEXT_BOUNDS.country, { each: true })
  accessCountries?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(LOCAL_KEY, { message: KEY_MESSAGE })
  operator?: string | null;
}

@InputType()
export class CreateRecipientInput {
  @Field(() => String)
  @Matches(ORGANISATION_KEY, { message: '$property must be an organisation key' })
  organisation!: string;

  @Field(() => String)
  @Matches(LOCAL_KEY, { message: KEY_MESSAGE })
  key!: string;

  @RequiredText(maxLengthOf(RECIPIENT, 'name'))
  name!: string;

  @Field(() => RecipientRoleEnum)
  @IsIn(RECIPIENT_ROLES)
  role!: RecipientRole;

  @Field(() => String)
  @IsString()
  @MaxLength(maxLengthOf(RECIPIENT, 'country'))
  country!: string;

  @Field(() => SafeguardEnum)
  @IsIn(SAFEGUARDS)
  safeguard!: Safeguard;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(RECIPIENT, 'certifications'))
  @IsString({ each: true })
  @MaxLength(maxLengthOf(RECIPIENT, 'certifications'), { each: true })
  certifications?: string[];

  @OptionalText(maxLengthOf(RECIPIENT, 'description'))
  description?: string;

  @OptionalText(FACT_TEXT_BOUNDS.country)
  establishmentCountry?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_BOUNDS.accessCountries)
  @IsString({ each: true })
  @MaxLength(FACT_TEXT_BOUNDS.country, { each: true })
  accessCountries?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(RECIPIENT_SECTORS)
  sector?: RecipientSector;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  subjectToGdpr?: boolean;

  @Field(() => TransferToolInput, { nullable: true })
  @IsOptional()
  @Nested(() => TransferToolInput)
  transferTool?: TransferToolInput;
}

@InputType({ description: 'Members left out are unchanged; null clears an optional member.' })
export class UpdateRecipientInput extends RevisionInput {
  @UpdatedText(maxLengthOf(RECIPIENT, 'name'))
  name?: string;

  @Field(() => RecipientRoleEnum, { nullable: true })
  @Present()
  @IsIn(RECIPIENT_ROLES)
  role?: RecipientRole;

  @Field(() => String, { nullable: true })
  @Present()
  @IsString()
  @MaxLength(maxLengthOf(RECIPIENT, 'country'))
  country?: string;

  @Field(() => SafeguardEnum, { nullable: true })
  @Present()
  @IsIn(SAFEGUARDS)
  safeguard?: Safeguard;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItemsOf(RECIPIENT, 'certifications'))
  @IsString({ each: true })
  @MaxLength(maxLengthOf(RECIPIENT, 'certifications'), { each: true })
  certifications?: string[] | null;

  @OptionalText(maxLengthOf(RECIPIENT, 'description'))
  description?: string | null;

  @OptionalText(FACT_TEXT_BOUNDS.country)
  establishmentCountry?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_BOUNDS.accessCountries)
  @IsString({ each: true })
  @MaxLength(FACT_TEXT_BOUNDS.country, { each: true })
  accessCountries?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(RECIPIENT_SECTORS)
  sector?: RecipientSector | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  subjectToGdpr?: boolean | null;

  @Field(() => TransferToolInput, { nullable: true })
  @IsOptional()
  @Nested(() => TransferToolInput)
  transferTool?: TransferToolInput | null;
}
