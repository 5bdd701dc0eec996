import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DPIA_RESULTS } from '@cartographer/compliance';
import { PageInfoModel } from '../../inventory/models/common.model.js';

/*
 * Outputs of the compliance engine (docs/compliance.md): computed, never stored. Every list is
 * paged with the inventory's bounded page arguments and ordered by a stable key.
 */

export const TransferStatusEnum = {
  COVERED: 'COVERED',
  MISSING_SAFEGUARD: 'MISSING_SAFEGUARD',
  TO_VERIFY: 'TO_VERIFY',
};
registerEnumType(TransferStatusEnum, {
  name: 'TransferStatus',
  description: 'Chapter V status of a computed transfer (docs/compliance.md, "Status").',
});

export const DpiaResultEnum = Object.fromEntries(DPIA_RESULTS.map((r) => [r, r])) as {
  [K in (typeof DPIA_RESULTS)[number]]: K;
};
registerEnumType(DpiaResultEnum, { name: 'DpiaResult', description: 'Outcome of the DPIA screening (Art. 35).' });

@ObjectType('ComplianceReason', { description: 'A reason a DPO reads, in French and English, with a stable code.' })
export class ComplianceReasonModel {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  fr!: string;

  @Field(() => String)
  en!: string;
}

@ObjectType('Completeness', { description: 'Required Art. 30 items not MISSING, of the required ones.' })
export class CompletenessModel {
  @Field(() => Int)
  filled!: number;

  @Field(() => Int)
  required!: number;

  @Field(() => Float, { description: 'filled / required × 100, two decimals; exactly 100 when nothing is missing.' })
  percent!: number;
}

/** The members every computed page shares. */
@ObjectType({ isAbstract: true })
export abstract class ComputedPage {
  @Field(() => String, { description: 'Organisation key.' })
  organisation!: string;

  @Field(() => String, { description: 'YYYY-MM-DD: the only date the results depend on.' })
  asOf!: string;

  @Field(() => Int, { description: 'Items matching the filters, all pages together.' })
  totalCount!: number;

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}
