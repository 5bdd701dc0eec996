import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Jurisdiction } from '@cartographer/compliance';
import { TiaModel } from '../../inventory/models/compliance-facts.model.js';
import '../../inventory/inventory-enums.js';
import { ComplianceReasonModel, ComputedPage, TransferStatusEnum } from './compliance-common.model.js';

@ObjectType('TransferOrigin')
export class TransferOriginModel {
  @Field(() => String, { description: 'SOURCE (hosting) or ORGANISATION (disclosure).' })
  kind!: string;

  @Field(() => String, { description: 'Local key of the source, or the organisation key.' })
  key!: string;
}

@ObjectType('TransferDestination')
export class TransferDestinationModel {
  @Field(() => String, { description: 'SERVER or RECIPIENT.' })
  kind!: string;

  @Field(() => String, { description: 'Local key of the server or recipient.' })
  key!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 of the importer (or of the access).' })
  country!: string;

  @Field(() => String)
  countryNameEn!: string;

  @Field(() => String)
  countryNameFr!: string;

  @Field(() => Jurisdiction, { description: 'As of the date asked.' })
  jurisdiction!: Jurisdiction;

  @Field(() => String, { description: 'Why: a stable code of the jurisdiction table.' })
  basis!: string;
}

@ObjectType('AdequacyReference')
export class AdequacyReferenceModel {
  @Field(() => String)
  decision!: string;

  @Field(() => String)
  date!: string;

  @Field(() => String)
  celex!: string;

  @Field(() => String)
  url!: string;

  @Field(() => String, { description: 'FULL or PARTIAL.' })
  scope!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Partial decisions: whether its condition is met (null: unknown).',
  })
  conditionMet!: boolean | null;
}

@ObjectType('TransferMechanism')
export class TransferMechanismModel {
  @Field(() => String, { description: 'ADEQUACY, ADEQUACY_OR_ART46 or ART46_OR_ART49.' })
  required!: string;

  @Field(() => String, { description: 'The tool recorded (a Safeguard value).' })
  recorded!: string;

  @Field(() => String, { nullable: true, description: 'ADEQUACY, SCC, BCR or DEROGATION: the tool that frames it.' })
  applied!: string | null;

  @Field(() => AdequacyReferenceModel, { nullable: true })
  adequacy!: AdequacyReferenceModel | null;

  @Field(() => Int, { description: 'SCC 2021/914 module the roles call for (C→C 1, C→P 2, P→P 3, P→C 4).' })
  sccModule!: number;

  @Field(() => Int, { nullable: true })
  recordedSccModule!: number | null;

  @Field(() => String, { nullable: true })
  bcrReference!: string | null;

  @Field(() => String, { nullable: true })
  derogation!: string | null;

  @Field(() => Boolean, { description: 'An Art. 49 derogation: for occasional, non-repetitive transfers only.' })
  exceptional!: boolean;

  @Field(() => String, { nullable: true })
  documentation!: string | null;
}

@ObjectType('TiaStepState')
export class TiaStepStateModel {
  @Field(() => String, { description: 'One of the six steps of EDPB Recommendations 01/2020.' })
  step!: string;

  @Field(() => Boolean, { description: 'Declared done.' })
  done!: boolean;

  @Field(() => Boolean, { description: 'The graph already answers it (steps 1 and 2).' })
  prefilled!: boolean;
}

@ObjectType('ComputedTia', { description: 'The transfer impact assessment of a transfer, as computed.' })
export class ComputedTiaModel {
  @Field(() => Boolean, { description: 'Art. 46 tools only (SCCs, BCRs).' })
  required!: boolean;

  @Field(() => String, { description: 'NOT_REQUIRED, MISSING, IN_PROGRESS, COMPLETED or OUTDATED (as of the date).' })
  status!: string;

  @Field(() => String, { nullable: true })
  reference!: string | null;

  @Field(() => String, { nullable: true })
  assessedOn!: string | null;

  @Field(() => String, { nullable: true })
  reevaluateBy!: string | null;

  @Field(() => String, { nullable: true })
  conclusion!: string | null;

  @Field(() => [String])
  supplementaryMeasures!: string[];

  @Field(() => [TiaStepStateModel])
  steps!: TiaStepStateModel[];
}

@ObjectType('ComputedTransfer', {
  description:
    'A transfer outside the EEA computed per edge from the graph (EDPB Guidelines 05/2021); the declared one is `Transfer`.',
})
export class ComputedTransferModel {
  @Field(() => String, { description: 'Stable id: activity, origin, destination and country.' })
  id!: string;

  @Field(() => String, { description: 'Local key of the processing activity.' })
  activity!: string;

  @Field(() => TransferOriginModel)
  from!: TransferOriginModel;

  @Field(() => TransferDestinationModel)
  to!: TransferDestinationModel;

  @Field(() => String, { description: 'HOSTING, DISCLOSURE or REMOTE_ACCESS.' })
  access!: string;

  @Field(() => [String], { description: 'Graph paths the data takes (at most 20, then a count).' })
  paths!: string[];

  @Field(() => [String], { description: 'Categories found on the data that travels.' })
  dataCategories!: string[];

  @Field(() => [String])
  specialCategories!: string[];

  @Field(() => [String], { description: 'Declared categories, when no finding describes the data.' })
  declaredCategories!: string[];

  @Field(() => String, { description: 'CONTROLLER or PROCESSOR.' })
  exporterRole!: string;

  @Field(() => String, { description: 'CONTROLLER or PROCESSOR.' })
  importerRole!: string;

  @Field(() => TransferMechanismModel)
  mechanism!: TransferMechanismModel;

  @Field(() => Int, {
    nullable: true,
    description: 'As in `carto transfers`: null when adequacy or a derogation frames it.',
  })
  sccModule!: number | null;

  @Field(() => ComputedTiaModel)
  tia!: ComputedTiaModel;

  @Field(() => TransferStatusEnum)
  status!: string;

  @Field(() => [ComplianceReasonModel])
  reasons!: ComplianceReasonModel[];
}

@ObjectType('ComputedTransferPage')
export class ComputedTransferPageModel extends ComputedPage {
  @Field(() => [ComputedTransferModel])
  items!: ComputedTransferModel[];

  @Field(() => [ComplianceReasonModel], { description: 'Dangling references met on the way (ignored).' })
  notes!: ComplianceReasonModel[];
}

@ObjectType('TransferImpactAssessmentRecord', {
  description: 'A TIA recorded for a recipient, and the transfers it frames.',
})
export class TiaRecordModel {
  @Field(() => String, { description: 'Graph key of the recipient.' })
  recipient!: string;

  @Field(() => TiaModel, { description: 'As stored.' })
  tia!: TiaModel;

  @Field(() => [ComputedTransferModel], { description: 'The transfers to this recipient, as of the date given.' })
  transfers!: ComputedTransferModel[];
}
