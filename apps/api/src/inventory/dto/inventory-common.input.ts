import { Field, Float, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SAFEGUARDS, type Safeguard, STAKEHOLDER_ROLES, type StakeholderRole } from '@cartographer/inventory';
import { SafeguardEnum, StakeholderRoleEnum } from '../inventory-enums.js';

/** Keys as the import format takes them. */
export const LOCAL_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
export const ORGANISATION_KEY = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** `<organisation>:<key>`: how the API names an existing entity. */
export const GRAPH_KEY = /^[a-z0-9][a-z0-9._-]{0,63}:[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** `<organisation>:<dataset>/<field name>`. */
export const FIELD_KEY = /^[a-z0-9][a-z0-9._-]{0,63}:[A-Za-z0-9][A-Za-z0-9._-]{0,127}\/.{1,256}$/;
export const KEY_MESSAGE = '$property must be a key of letters, digits, ".", "_" and "-"';
export const GRAPH_KEY_MESSAGE = '$property must be a key of the form <organisation>:<key>';
export const COUNTRY = { maxLength: 8 };

/**
 * What every update input may carry: the revision the caller read. A stale one is refused with
 * CONFLICT and changes nothing; without it the update applies to whatever is current.
 */
@InputType({ isAbstract: true })
export abstract class RevisionInput {
  @Field(() => String, {
    nullable: true,
    description: 'The `revision` read with the entity; a stale one is refused with CONFLICT, changing nothing.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  revision?: string | null;
}

@InputType('PartyInput')
export class PartyInput {
  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  contact?: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  @IsOptional()
  @IsString()
  @MaxLength(COUNTRY.maxLength)
  country?: string;
}

@InputType('StakeholderInput')
export class StakeholderInput {
  @Field(() => StakeholderRoleEnum)
  @IsIn(STAKEHOLDER_ROLES)
  role!: StakeholderRole;

  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  contact?: string;
}

@InputType('VolumeInput')
export class VolumeInput {
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 0 })
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  records?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 0 })
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  bytes?: number;
}

@InputType('VelocityInput')
export class VelocityInput {
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1e15)
  recordsPerDay?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1e15)
  bytesPerDay?: number;
}

@InputType('FieldDeclarationInput', { description: 'A field declared with its dataset.' })
export class FieldDeclarationInput {
  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  dataType?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  nullable?: boolean;
}

@InputType('DatasetReferenceInput', {
  description: 'A foreign key: columns of this dataset referencing columns of another.',
})
export class DatasetReferenceInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  name?: string;

  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(64)
  @IsString({ each: true })
  @MaxLength(256, { each: true })
  columns!: string[];

  @Field(() => String, { description: 'Graph key of the referenced dataset.' })
  @Matches(GRAPH_KEY, { message: GRAPH_KEY_MESSAGE })
  dataset!: string;

  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(64)
  @IsString({ each: true })
  @MaxLength(256, { each: true })
  referencedColumns!: string[];
}

@InputType('TransferInput')
export class TransferInput {
  @Field(() => String, { description: 'Graph key of the recipient.' })
  @Matches(GRAPH_KEY, { message: GRAPH_KEY_MESSAGE })
  recipient!: string;

  @Field(() => String)
  @IsString()
  @MaxLength(COUNTRY.maxLength)
  country!: string;

  @Field(() => SafeguardEnum)
  @IsIn(SAFEGUARDS)
  safeguard!: Safeguard;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  documentation?: string;
}

@InputType('FlowFieldInput')
export class FlowFieldInput {
  @Field(() => String, { description: 'Graph key of the upstream field (<organisation>:<dataset>/<field>).' })
  @Matches(FIELD_KEY, { message: '$property must be a field key <organisation>:<dataset>/<field>' })
  from!: string;

  @Field(() => String, { description: 'Graph key of the downstream field.' })
  @Matches(FIELD_KEY, { message: '$property must be a field key <organisation>:<dataset>/<field>' })
  to!: string;
}

/** Nested input objects and lists of them, validated and typed by the global ValidationPipe. */
export const Nested = (type: () => new () => object) => (target: object, property: string) => {
  ValidateNested({ each: true })(target, property);
  Type(type)(target, property);
};

/** In update inputs: absent leaves the member as it is; null is refused for members that cannot be empty. */
export const Present = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
