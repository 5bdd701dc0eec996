import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum FindingStatusEnum {
  OPEN = 'OPEN',
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
}
export enum FindingOriginEnum {
  SCAN = 'SCAN',
  DECLARED = 'DECLARED',
  PROPAGATED = 'PROPAGATED',
}
export enum ReviewDecisionEnum {
  CONFIRM = 'CONFIRM',
  REJECT = 'REJECT',
}
export enum FindingTierEnum {
  DIRECT_IDENTIFIER = 'DIRECT_IDENTIFIER',
  QUASI_IDENTIFIER = 'QUASI_IDENTIFIER',
  LINKED_ATTRIBUTE = 'LINKED_ATTRIBUTE',
  NONE = 'NONE',
}
registerEnumType(FindingTierEnum, {
  name: 'FindingTier',
  description:
    'Which reading flags the field: direct and quasi-identifiers (the strict reading), linked attributes (information relating to a person through its row, the GDPR reading).',
});
registerEnumType(FindingStatusEnum, { name: 'FindingStatus' });
registerEnumType(FindingOriginEnum, { name: 'FindingOrigin' });
registerEnumType(ReviewDecisionEnum, { name: 'ReviewDecision' });

@ObjectType('Finding', { description: 'Why a field is personal data and how to treat it. Never a sampled value.' })
export class FindingModel {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  organisation!: string;

  @Field(() => String, { nullable: true })
  department!: string | null;

  @Field(() => String, { description: 'Key of the field.' })
  field!: string;

  @Field(() => String, { nullable: true })
  dataset!: string | null;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => FindingOriginEnum)
  origin!: FindingOriginEnum;

  @Field(() => FindingStatusEnum)
  status!: FindingStatusEnum;

  @Field(() => Boolean)
  personal!: boolean;

  @Field(() => String, { nullable: true })
  category!: string | null;

  @Field(() => Boolean)
  specialCategory!: boolean;

  @Field(() => String, { nullable: true })
  specialCategoryKind!: string | null;

  @Field(() => Boolean)
  quasiIdentifier!: boolean;

  @Field(() => FindingTierEnum, { nullable: true, description: 'Null for propagated findings and older findings.' })
  tier!: FindingTierEnum | null;

  @Field(() => [String], {
    description:
      'Paths to the persons the field relates to, e.g. "linked to public.customer through rental.customer_id".',
  })
  linkedTo!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Category of a linked attribute: BEHAVIOUR, FINANCIAL, LOCATION, PROFESSIONAL, METADATA.',
  })
  linkedCategory!: string | null;

  @Field(() => String, { nullable: true })
  treatment!: string | null;

  @Field(() => String, { nullable: true })
  treatmentReason!: string | null;

  @Field(() => Float, { nullable: true })
  confidence!: number | null;

  @Field(() => String, { nullable: true, description: 'Detectors, rules and hit ratios, as JSON.' })
  evidence!: string | null;

  @Field(() => String, { nullable: true, description: 'A masked exemplar (e.g. j***@e***.fr); hidden from auditors.' })
  maskedExemplar?: string | null;

  @Field(() => [String])
  provenance!: string[];

  @Field(() => String, { nullable: true })
  reviewedBy!: string | null;

  @Field(() => String, { nullable: true })
  reviewedAt!: string | null;

  @Field(() => String, { nullable: true })
  reviewComment!: string | null;
}

@ObjectType('FindingPage')
export class FindingPageModel {
  @Field(() => [FindingModel])
  nodes!: FindingModel[];

  @Field(() => Int)
  totalCount!: number;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}

@ObjectType('PropagationResult')
export class PropagationResultModel {
  @Field(() => Int)
  propagated!: number;
}

@ObjectType('DatasetReview', { description: 'What a bulk review of a dataset changed.' })
export class DatasetReviewModel {
  @Field(() => Int, { description: 'Pending findings reviewed.' })
  reviewed!: number;

  @Field(() => [FindingModel])
  findings!: FindingModel[];
}
