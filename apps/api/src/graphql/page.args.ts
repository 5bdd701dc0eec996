import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '@cartographer/access';
import { OptionalText } from './text-field.decorators.js';

/** Bounded pagination for every list: extend it (`@ArgsType() class XArgs extends PageArgs`). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default 50).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @OptionalText(300, { description: 'The endCursor of the previous page.' })
  after?: string;
}
