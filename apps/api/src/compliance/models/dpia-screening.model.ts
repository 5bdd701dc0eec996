import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ComplianceReasonModel, ComputedPage, DpiaResultEnum } from './compliance-common.model.js';

@ObjectType('DpiaDecision', { description: 'A DPO’s override, audited; outdated when the facts changed since.' })
export class DpiaDecisionModel {
  @Field(() => String)
  justification!: string;

  @Field(() => String, { nullable: true })
  by!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  at!: string | null;

  @Field(() => String)
  factsDigest!: string;

  @Field(() => Boolean)
  outdated!: boolean;
}

@ObjectType('DpiaCriterionDecision')
export class DpiaCriterionDecisionModel extends DpiaDecisionModel {
  @Field(() => Boolean)
  met!: boolean;
}

@ObjectType('DpiaResultDecision')
export class DpiaResultDecisionModel extends DpiaDecisionModel {
  @Field(() => DpiaResultEnum)
  result!: string;
}

@ObjectType('DpiaCriterionEvidence')
export class DpiaCriterionEvidenceModel {
  @Field(() => String, { description: 'DECLARED, SCANNED, INFERRED or NONE.' })
  kind!: string;

  @Field(() => [String], { description: 'What was read (field refs, labels, counts), never a value.' })
  items!: string[];
}

@ObjectType('DpiaCriterion', { description: 'One WP248 rev.01 criterion: tri-state, suggested and decided.' })
export class DpiaCriterionModel {
  @Field(() => String, { description: 'evaluation_scoring, automated_decision_legal_effect, …' })
  id!: string;

  @Field(() => String)
  titleFr!: string;

  @Field(() => String)
  titleEn!: string;

  @Field(() => Boolean, { nullable: true, description: 'The value the result uses; null: unknown, to declare.' })
  met!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'What the graph suggests.' })
  suggestedMet!: boolean | null;

  @Field(() => ComplianceReasonModel)
  reason!: ComplianceReasonModel;

  @Field(() => DpiaCriterionEvidenceModel)
  evidence!: DpiaCriterionEvidenceModel;

  @Field(() => DpiaCriterionDecisionModel, { nullable: true })
  decided!: DpiaCriterionDecisionModel | null;
}

@ObjectType('DpiaArt35Case')
export class DpiaArt35CaseModel {
  @Field(() => String, { description: 'ART_35_3_A, ART_35_3_B or ART_35_3_C.' })
  id!: string;

  @Field(() => ComplianceReasonModel)
  reason!: ComplianceReasonModel;
}

@ObjectType('DpiaListMatch', { description: 'A type of the CNIL list of délibération 2018-327 that matches.' })
export class DpiaListMatchModel {
  @Field(() => String)
  id!: string;

  @Field(() => String)
  fr!: string;

  @Field(() => String)
  en!: string;

  @Field(() => [String])
  because!: string[];
}

@ObjectType('DpiaExemptionCondition')
export class DpiaExemptionConditionModel {
  @Field(() => String)
  id!: string;

  @Field(() => Boolean, { nullable: true })
  met!: boolean | null;

  @Field(() => ComplianceReasonModel)
  reason!: ComplianceReasonModel;
}

@ObjectType('DpiaExemption', { description: 'A type of délibération 2019-118; applies when every condition is met.' })
export class DpiaExemptionModel {
  @Field(() => String)
  id!: string;

  @Field(() => String)
  fr!: string;

  @Field(() => String)
  en!: string;

  @Field(() => Boolean)
  applies!: boolean;

  @Field(() => [DpiaExemptionConditionModel])
  conditions!: DpiaExemptionConditionModel[];
}

@ObjectType('DpiaActivityScreening', { description: 'The DPIA screening of one processing activity.' })
export class DpiaActivityScreeningModel {
  @Field(() => String, { description: 'Local key of the activity.' })
  key!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DpiaResultEnum, { description: 'The decided result, or else the suggested one.' })
  result!: string;

  @Field(() => DpiaResultEnum)
  suggestedResult!: string;

  @Field(() => String, { description: 'The rule of the formula that decided, or OVERRIDE.' })
  basis!: string;

  @Field(() => [ComplianceReasonModel])
  reasons!: ComplianceReasonModel[];

  @Field(() => DpiaResultDecisionModel, { nullable: true })
  decided!: DpiaResultDecisionModel | null;

  @Field(() => [DpiaCriterionModel])
  criteria!: DpiaCriterionModel[];

  @Field(() => Int)
  metCount!: number;

  @Field(() => Int)
  unknownCount!: number;

  @Field(() => Boolean, { description: 'Met plus unknown reach two: declaring the unknowns could require a DPIA.' })
  couldBecomeRequired!: boolean;

  @Field(() => [DpiaArt35CaseModel])
  art35_3!: DpiaArt35CaseModel[];

  @Field(() => [DpiaListMatchModel])
  cnilList!: DpiaListMatchModel[];

  @Field(() => [DpiaExemptionModel])
  exemptions!: DpiaExemptionModel[];

  @Field(() => String)
  factsDigest!: string;

  @Field(() => Boolean)
  overridden!: boolean;

  @Field(() => Boolean, { description: 'Some override was made on facts that have changed since.' })
  outdated!: boolean;
}

@ObjectType('DpiaThresholds')
export class DpiaThresholdsModel {
  @Field(() => Int)
  largeScaleSubjects!: number;

  @Field(() => Int)
  largeScaleRecords!: number;

  @Field(() => Int)
  unknownThreshold!: number;
}

@ObjectType('DpiaScreeningPage')
export class DpiaScreeningPageModel extends ComputedPage {
  @Field(() => DpiaThresholdsModel)
  thresholds!: DpiaThresholdsModel;

  @Field(() => [DpiaActivityScreeningModel])
  items!: DpiaActivityScreeningModel[];
}
