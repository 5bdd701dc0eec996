import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { API_TOKEN_MAX_DAYS, Role } from '@cartographer/access';
import { MIN_PASSWORD_LENGTH } from '@cartographer/config';
import { RequiredText } from '../../graphql/text-field.decorators.js';

const KEY = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

@InputType()
export class CreateUserInput {
  @Field(() => String)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @RequiredText(200)
  displayName!: string;

  @Field(() => Role)
  @IsEnum(Role)
  role!: Role;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(200)
  @Matches(KEY, { each: true })
  organisations!: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(500)
  @Matches(KEY, { each: true })
  departments!: string[];

  @Field(() => String, { description: `At least ${MIN_PASSWORD_LENGTH} characters.` })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  password!: string;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @Matches(KEY, { each: true })
  organisations?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @Matches(KEY, { each: true })
  departments?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  password?: string;

  @Field(() => Boolean, { nullable: true, description: 'false re-enables a disabled account.' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

@InputType()
export class CreateApiTokenInput {
  @RequiredText(100)
  name!: string;

  @Field(() => Int, { nullable: true, description: `Days until it expires, 1 to ${API_TOKEN_MAX_DAYS} (default 90).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(API_TOKEN_MAX_DAYS)
  expiresInDays?: number;
}
