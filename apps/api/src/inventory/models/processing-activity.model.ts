import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Jurisdiction } from '@cartographer/compliance';
import type { FlowMechanism, Frequency, LegalBasis, Safeguard } from '@cartographer/inventory';
import { FlowMechanismEnum, FrequencyEnum, LegalBasisEnum, SafeguardEnum } from '../inventory-enums.js';
import { Paginated, PartyModel, RevisionedModel } from './common.model.js';
import { AutomatedDecisionsModel, CategoryRetentionModel, MonitoringModel } from './compliance-facts.model.js';

@ObjectType('ProcessingActivity', { description: 'An entry of the Art. 30 record of processing activities.' })
export class ProcessingActivityModel extends RevisionedModel {
  @Field(() => ID)
  key!: string;

  @Field(() => String)
  localKey!: string;

  @Field(() => String)
  organisation!: string;

  @Field(() => String)
  departmentKey!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => PartyModel)
  controller!: PartyModel;

  @Field(() => [PartyModel])
  jointControllers!: PartyModel[];

  @Field(() => PartyModel, { nullable: true })
  representative?: PartyModel | null;

  @Field(() => PartyModel, { nullable: true })
  dpo?: PartyModel | null;

  @Field(() => [String])
  purposes!: string[];

  @Field(() => [LegalBasisEnum])
  legalBases!: LegalBasis[];

  @Field(() => String, { nullable: true })
  legalBasisDetails?: string | null;

  @Field(() => [String])
  dataSubjectCategories!: string[];

  @Field(() => [String])
  personalDataCategories!: string[];

  @Field(() => [String])
  specialCategories!: string[];

  @Field(() => String)
  retention!: string;

  @Field(() => [String])
  securityMeasures!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'The organisation’s role here: CONTROLLER, JOINT_CONTROLLER or PROCESSOR.',
  })
  organisationRole?: string | null;

  @Field(() => Float, { nullable: true, description: 'Number of data subjects concerned.' })
  dataSubjectCount?: number | null;

  @Field(() => AutomatedDecisionsModel, { nullable: true })
  automatedDecisions?: AutomatedDecisionsModel | null;

  @Field(() => Boolean, { nullable: true, description: 'Evaluation or scoring, profiling included (WP248).' })
  evaluationScoring?: boolean | null;

  @Field(() => MonitoringModel, { nullable: true })
  monitoring?: MonitoringModel | null;

  @Field(() => Boolean, { nullable: true })
  innovativeTechnology?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The processing may prevent data subjects from exercising a right or using a service.',
  })
  preventsRightOrService?: boolean | null;

  @Field(() => [CategoryRetentionModel], { nullable: true })
  retentionByCategory?: CategoryRetentionModel[] | null;
}

@ObjectType('ProcessingActivityPage')
export class ProcessingActivityPageModel extends Paginated(ProcessingActivityModel) {}

@ObjectType('Transfer', { description: 'A transfer to a recipient outside the EU/EEA (GDPR Chapter V).' })
export class TransferModel {
  @Field(() => String, { description: 'Graph key of the recipient.' })
  recipientKey!: string;

  @Field(() => String)
  country!: string;

  @Field(() => SafeguardEnum)
  safeguard!: Safeguard;

  @Field(() => String, { nullable: true })
  documentation?: string | null;

  @Field(() => Jurisdiction, { nullable: true })
  jurisdiction?: Jurisdiction | null;
}

@ObjectType('DataFlow', { description: 'Data moving from one source or dataset to another.' })
export class DataFlowModel extends RevisionedModel {
  @Field(() => ID)
  key!: string;

  @Field(() => String)
  localKey!: string;

  @Field(() => String)
  organisation!: string;

  @Field(() => String, { nullable: true, description: "Graph key of the origin's department (null when unknown)." })
  departmentKey?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { description: 'Graph key of the origin (a data source or a dataset).' })
  fromKey!: string;

  @Field(() => String, { description: 'Graph key of the destination.' })
  toKey!: string;

  @Field(() => FrequencyEnum, { nullable: true })
  frequency?: Frequency | null;

  @Field(() => FlowMechanismEnum, { nullable: true })
  mechanism?: FlowMechanism | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@ObjectType('DataFlowPage')
export class DataFlowPageModel extends Paginated(DataFlowModel) {}

@ObjectType('FlowFieldMapping', { description: 'A field carried by a flow into a downstream field (lineage).' })
export class FlowFieldMappingModel {
  @Field(() => String, { description: 'Graph key of the upstream field.' })
  from!: string;

  @Field(() => String, { description: 'Graph key of the downstream field.' })
  to!: string;
}
