import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { PageArgs } from '../../graphql/page.args.js';
import { OptionalText } from '../../graphql/text-field.decorators.js';

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @OptionalText(100)
  entityType?: string;

  @OptionalText(300)
  entityKey?: string;

  @Field(() => String, { nullable: true, description: 'Only rows of this organisation.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/)
  organisation?: string;
}
