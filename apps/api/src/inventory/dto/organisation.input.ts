import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import {
  HOSTING_TYPES,
  type HostingType,
  ORGANISATION_SECTORS,
  type OrganisationSector,
  RECIPIENT_ROLES,
  type RecipientRole,
  SAFEGUARDS,
  type Safeguard,
} from '@cartographer/inventory';
import { HostingTypeEnum, OrganisationSectorEnum, RecipientRoleEnum, SafeguardEnum } from '../inventory-enums.js';
import {
  COUNTRY,
  KEY_MESSAGE,
  LOCAL_KEY,
  Nested,
  ORGANISATION_KEY,
  PartyInput,
  Present,
  RevisionInput,
  StakeholderInput,
} from './inventory-common.input.js';

@InputType()
export class CreateOrganisationInput {
  @Field(() => String, {
    description: 'Lower case letters, digits, ".", "_" and "-"; prefixes every key of the inventory.',
  })
  @Matches(ORGANISATION_KEY, { message: '$property must be lower case letters, digits, ".", "_" and "-" (at most 64)' })
  key!: string;

  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(COUNTRY.maxLength)
  country?: string;

  @Field(() => OrganisationSectorEnum, { nullable: true })
  @IsOptional()
  @IsIn(ORGANISATION_SECTORS)
  sector?: OrganisationSector;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @Field(() => PartyInput, { nullable: true })
  @IsOptional()
  @Nested(() => PartyInput)
  dpo?: PartyInput;
}

@InputType({ description: 'Members left out are unchanged; null clears an optional member.' })
export class UpdateOrganisationInput extends RevisionInput {
  @Field(() => String, { nullable: true })
  @Present()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(COUNTRY.maxLength)
  country?: string | null;

  @Field(() => OrganisationSectorEnum, { nullable: true })
  @IsOptional()
  @IsIn(ORGANISATION_SECTORS)
  sector?: OrganisationSector | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @Field(() => PartyInput, { nullable: true })
  @IsOptional()
  @Nested(() => PartyInput)
  dpo?: PartyInput | null;
}

@InputType()
export class CreateDepartmentInput {
  @Field(() => String, { description: 'Key of the organisation.' })
  @Matches(ORGANISATION_KEY, { message: '$property must be an organisation key' })
  organisation!: string;

  @Field(() => String, { description: 'Key within the organisation.' })
  @Matches(LOCAL_KEY, { message: KEY_MESSAGE })
  key!: string;

  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @Field(() => [StakeholderInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Nested(() => StakeholderInput)
  stakeholders?: StakeholderInput[];
}

@InputType({ description: 'Members left out are unchanged; null clears an optional member.' })
export class UpdateDepartmentInput extends RevisionInput {
  @Field(() => String, { nullable: true })
  @Present()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @Field(() => [StakeholderInput], { nullable: true, description: 'Replaces the whole list.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
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

  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  provider?: string;

  @Field(() => HostingTypeEnum)
  @IsIn(HOSTING_TYPES)
  hosting!: HostingType;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2; the jurisdiction is derived from it.' })
  @IsString()
  @MaxLength(COUNTRY.maxLength)
  country!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  region?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  certifications?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;
}

@InputType({ description: 'Members left out are unchanged; null clears an optional member.' })
export class UpdateServerInput extends RevisionInput {
  @Field(() => String, { nullable: true })
  @Present()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  provider?: string | null;

  @Field(() => HostingTypeEnum, { nullable: true })
  @Present()
  @IsIn(HOSTING_TYPES)
  hosting?: HostingType;

  @Field(() => String, { nullable: true })
  @Present()
  @IsString()
  @MaxLength(COUNTRY.maxLength)
  country?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  region?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  certifications?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;
}

@InputType()
export class CreateRecipientInput {
  @Field(() => String)
  @Matches(ORGANISATION_KEY, { message: '$property must be an organisation key' })
  organisation!: string;

  @Field(() => String)
  @Matches(LOCAL_KEY, { message: KEY_MESSAGE })
  key!: string;

  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  name!: string;

  @Field(() => RecipientRoleEnum)
  @IsIn(RECIPIENT_ROLES)
  role!: RecipientRole;

  @Field(() => String)
  @IsString()
  @MaxLength(COUNTRY.maxLength)
  country!: string;

  @Field(() => SafeguardEnum)
  @IsIn(SAFEGUARDS)
  safeguard!: Safeguard;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  certifications?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;
}

@InputType({ description: 'Members left out are unchanged; null clears an optional member.' })
export class UpdateRecipientInput extends RevisionInput {
  @Field(() => String, { nullable: true })
  @Present()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  name?: string;

  @Field(() => RecipientRoleEnum, { nullable: true })
  @Present()
  @IsIn(RECIPIENT_ROLES)
  role?: RecipientRole;

  @Field(() => String, { nullable: true })
  @Present()
  @IsString()
  @MaxLength(COUNTRY.maxLength)
  country?: string;

  @Field(() => SafeguardEnum, { nullable: true })
  @Present()
  @IsIn(SAFEGUARDS)
  safeguard?: Safeguard;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  certifications?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;
}
