import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageArgs } from '../../graphql/page.args.js';

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityType?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  entityKey?: string;

  @Field(() => String, { nullable: true, description: 'Only rows of this organisation.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/)
  organisation?: string;
}
