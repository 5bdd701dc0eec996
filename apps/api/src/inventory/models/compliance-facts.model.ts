import { Field, Int, ObjectType } from '@nestjs/graphql';

/*
 * The compliance facts of the inventory format (issue 11 item 5, docs/inventory-format.md,
 * "Compliance facts"), as GraphQL outputs. Every member is nullable: absent means "not declared".
 */

@ObjectType('ProviderParent', {
  description: 'The hosting provider’s parent company and the country whose law governs it.',
})
export class ProviderParentModel {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  country!: string;
}

@ObjectType('TransferImpactAssessment', { description: 'A transfer impact assessment (EDPB Recommendations 01/2020).' })
export class TiaModel {
  @Field(() => String, { nullable: true })
  reference?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  assessedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: next re-evaluation (step 6).' })
  reevaluateBy?: string | null;

  @Field(() => [String], { nullable: true, description: 'Steps done, of the six.' })
  stepsDone?: string[] | null;

  @Field(() => String, { nullable: true, description: 'EFFECTIVE or NOT_EFFECTIVE.' })
  conclusion?: string | null;

  @Field(() => [String], { nullable: true })
  supplementaryMeasures?: string[] | null;
}

@ObjectType('TransferTool', { description: 'Details of the Chapter V tool recorded for a recipient.' })
export class TransferToolModel {
  @Field(() => Int, { nullable: true, description: 'SCC 2021/914 module written in the contract (1-4).' })
  sccModule?: number | null;

  @Field(() => String, { nullable: true })
  bcrReference?: string | null;

  @Field(() => String, { nullable: true, description: 'GDPR Art. 49(1) ground.' })
  derogation?: string | null;

  @Field(() => String, { nullable: true })
  documentation?: string | null;

  @Field(() => TiaModel, { nullable: true })
  tia?: TiaModel | null;
}

@ObjectType('AutomatedDecisions', { description: 'Automated decisions (GDPR Art. 22).' })
export class AutomatedDecisionsModel {
  @Field(() => Boolean)
  exists!: boolean;

  @Field(() => Boolean, { nullable: true })
  legalOrSimilarEffect?: boolean | null;
}

@ObjectType('Monitoring', { description: 'Systematic monitoring of the data subjects (Art. 35(3)(c)).' })
export class MonitoringModel {
  @Field(() => Boolean)
  systematic!: boolean;

  @Field(() => Boolean, { nullable: true })
  publiclyAccessibleArea?: boolean | null;
}

@ObjectType('CategoryRetention', { description: 'Retention of one data category (Art. 30(1)(f)).' })
export class CategoryRetentionModel {
  @Field(() => String)
  category!: string;

  @Field(() => String)
  retention!: string;
}
