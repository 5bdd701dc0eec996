import { applyDecorators } from '@nestjs/common';
import { Field, type FieldOptions } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';

/**
 * The three shapes every text member of the GraphQL inputs takes, as one decorator each (the field
 * in the schema and its validation together, so the two cannot drift apart):
 * - `RequiredText(max)`: a non-null `String!`, 1 to `max` characters;
 * - `OptionalText(max)`: a nullable `String`, absent or null allowed, at most `max` characters;
 * - `UpdatedText(max)`: in an update input, a member that may be left out (unchanged) but, when
 *   present, must be a non-empty text of at most `max` characters (null is refused).
 */
type TextFieldOptions = Omit<FieldOptions, 'nullable'>;

export const RequiredText = (max: number, options: TextFieldOptions = {}) =>
  applyDecorators(
    Field(() => String, options),
    IsString(),
    MinLength(1),
    MaxLength(max),
  );

export const OptionalText = (max: number, options: TextFieldOptions = {}) =>
  applyDecorators(
    Field(() => String, { ...options, nullable: true }),
    IsOptional(),
    IsString(),
    MaxLength(max),
  );

/** Absent leaves the member as it is; null is refused (the member cannot be empty). */
export const Present = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

export const UpdatedText = (max: number, options: TextFieldOptions = {}) =>
  applyDecorators(
    Field(() => String, { ...options, nullable: true }),
    Present(),
    IsString(),
    MinLength(1),
    MaxLength(max),
  );
