import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DPIA_RESULTS, type DpiaResult } from '@cartographer/compliance';
import { TEXT_BOUNDS } from '@cartographer/inventory';
import { MAX_JUSTIFICATION } from '@cartographer/registers';
import { KEY_MESSAGE, LOCAL_KEY, Nested, ORGANISATION_KEY } from '../../inventory/dto/inventory-common.input.js';
import { TiaInput } from '../../inventory/dto/compliance-facts.input.js';
import { DpiaResultEnum } from '../models/compliance-common.model.js';
import { OptionalText } from '../../graphql/text-field.decorators.js';

/*
 * The criterion id, the justification and the dates are checked by the use cases, which name the
 * member at fault (`justification: an override needs a justification …`), not by patterns here.
 */

@InputType('SetDpiaOverrideInput', {
  description: 'A DPO’s decision on one WP248 criterion (criterion and met) or on the result, with its justification.',
})
export class SetDpiaOverrideInput {
  @Field(() => String, { description: 'Organisation key.' })
  @Matches(ORGANISATION_KEY, { message: '$property must be an organisation key' })
  organisation!: string;

  @Field(() => String, { description: 'Local key of the processing activity.' })
  @Matches(LOCAL_KEY, { message: KEY_MESSAGE })
  activity!: string;

  @OptionalText(TEXT_BOUNDS.code, { description: 'A WP248 criterion id; absent to decide the result.' })
  criterion?: string;

  @Field(() => Boolean, { nullable: true, description: 'The decided value of the criterion.' })
  @IsOptional()
  @IsBoolean()
  met?: boolean;

  @Field(() => DpiaResultEnum, {
    nullable: true,
    description: 'The decided result (REQUIRED, RECOMMENDED, NOT_REQUIRED).',
  })
  @IsOptional()
  @IsIn(DPIA_RESULTS)
  result?: DpiaResult;

  @Field(() => String, { description: 'Why the DPO decides otherwise (required, audited).' })
  @IsString()
  @MaxLength(MAX_JUSTIFICATION)
  justification!: string;

  @Field(() => String, { description: 'YYYY-MM-DD: the date of the decision and the as-of date of its facts.' })
  @IsString()
  @MaxLength(TEXT_BOUNDS.code)
  at!: string;
}

@InputType('RecordTransferImpactAssessmentInput', {
  description: 'The TIA (EDPB Recommendations 01/2020) of a recipient’s transfer tool; replaces the previous one.',
})
export class RecordTiaInput {
  @Field(() => String, { description: 'Organisation key.' })
  @Matches(ORGANISATION_KEY, { message: '$property must be an organisation key' })
  organisation!: string;

  @Field(() => String, { description: 'Local key of the recipient.' })
  @Matches(LOCAL_KEY, { message: KEY_MESSAGE })
  recipient!: string;

  @Field(() => TiaInput)
  @Nested(() => TiaInput)
  tia!: TiaInput;

  @Field(() => String, { description: 'YYYY-MM-DD: the date the answer’s transfers are computed as of.' })
  @IsString()
  @MaxLength(TEXT_BOUNDS.code)
  asOf!: string;
}
