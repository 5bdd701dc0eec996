import { Field, Float, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  COUNT_MAX,
  FIELD,
  FIELD_KEY_REGEX,
  GRAPH_KEY_REGEX,
  KEY_REGEX,
  maxItemsOf,
  maxLengthOf,
  ORGANISATION_KEY_REGEX,
  PARTY,
  RATE_MAX,
  REFERENCE,
  type Safeguard,
  SAFEGUARDS,
  STAKEHOLDER,
  STAKEHOLDER_ROLES,
  type StakeholderRole,
  TEXT_BOUNDS,
  TRANSFER,
} from '@cartographer/inventory';
import { SafeguardEnum, StakeholderRoleEnum } from '../inventory-enums.js';
import { RequiredText, OptionalText } from '../../graphql/text-field.decorators.js';

/** Keys as the import format takes them (patterns from the entity declarations). */
export const LOCAL_KEY = KEY_REGEX;
export const ORGANISATION_KEY = ORGANISATION_KEY_REGEX;
/** `<organisation>:<key>`: how the API names an existing entity. */
export const GRAPH_KEY = GRAPH_KEY_REGEX;
/** `<organisation>:<dataset>/<field name>`. */
export const FIELD_KEY = FIELD_KEY_REGEX;
export const COUNTRY = { maxLength: TEXT_BOUNDS.country };
export const KEY_MESSAGE = '$property must be a key of letters, digits, ".", "_" and "-"';
export const GRAPH_KEY_MESSAGE = '$property must be a key of the form <organisation>:<key>';

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
  @RequiredText(maxLengthOf(PARTY, 'name'))
  name!: string;

  @OptionalText(maxLengthOf(PARTY, 'contact'))
  contact?: string;

  @OptionalText(maxLengthOf(PARTY, 'country'), { description: 'ISO 3166-1 alpha-2.' })
  country?: string;
}

@InputType('StakeholderInput')
export class StakeholderInput {
  @Field(() => StakeholderRoleEnum)
  @IsIn(STAKEHOLDER_ROLES)
  role!: StakeholderRole;

  @RequiredText(maxLengthOf(STAKEHOLDER, 'name'))
  name!: string;

  @OptionalText(maxLengthOf(STAKEHOLDER, 'contact'))
  contact?: string;
}

@InputType('VolumeInput')
export class VolumeInput {
  @Field(() => Float, { nullable: true })
  @IsOptional()
  // Not IsNumber({ maxDecimalPlaces: 0 }): class-validator throws on 1e-7 (no '.' in its text).
  @IsInt()
  @Min(0)
  @Max(COUNT_MAX)
  records?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(COUNT_MAX)
  bytes?: number;
}

@InputType('VelocityInput')
export class VelocityInput {
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(RATE_MAX)
  recordsPerDay?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(RATE_MAX)
  bytesPerDay?: number;
}

@InputType('FieldDeclarationInput', { description: 'A field declared with its dataset.' })
export class FieldDeclarationInput {
  @RequiredText(maxLengthOf(FIELD, 'name'))
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

@InputType('DatasetReferenceInput', {
  description: 'A foreign key: columns of this dataset referencing columns of another.',
})
export class DatasetReferenceInput {
  @OptionalText(maxLengthOf(REFERENCE, 'name'))
  name?: string;

  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxItemsOf(REFERENCE, 'columns'))
  @IsString({ each: true })
  @MaxLength(maxLengthOf(REFERENCE, 'columns'), { each: true })
  columns!: string[];

  @Field(() => String, { description: 'Graph key of the referenced dataset.' })
  @Matches(GRAPH_KEY, { message: GRAPH_KEY_MESSAGE })
  dataset!: string;

  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxItemsOf(REFERENCE, 'referencedColumns'))
  @IsString({ each: true })
  @MaxLength(maxLengthOf(REFERENCE, 'referencedColumns'), { each: true })
  referencedColumns!: string[];
}

@InputType('TransferInput')
export class TransferInput {
  @Field(() => String, { description: 'Graph key of the recipient.' })
  @Matches(GRAPH_KEY, { message: GRAPH_KEY_MESSAGE })
  recipient!: string;

  @Field(() => String)
  @IsString()
  @MaxLength(maxLengthOf(TRANSFER, 'country'))
  country!: string;

  @Field(() => SafeguardEnum)
  @IsIn(SAFEGUARDS)
  safeguard!: Safeguard;

  @OptionalText(maxLengthOf(TRANSFER, 'documentation'))
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
export { Present } from '../../graphql/text-field.decorators.js';
