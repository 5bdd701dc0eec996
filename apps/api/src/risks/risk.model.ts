import { Field, Int, ObjectType } from '@nestjs/graphql';

/*
 * GraphQL views of the risk register (libs/risks): the register is computed per request from the graph
 * and the stored decisions; these types only carry it.
 */

@ObjectType('RiskStates', { description: 'A score (1-4) in the three states: inherent, current, residual.' })
export class RiskStatesModel {
  @Field(() => Int) inherent!: number;
  @Field(() => Int) current!: number;
  @Field(() => Int) residual!: number;
}

@ObjectType('RiskZones')
export class RiskZonesModel {
  @Field() inherent!: string;
  @Field() current!: string;
  @Field() residual!: string;
}

@ObjectType('RiskInput', { description: 'A rule that fired, a fact missing, or a measure declared absent.' })
export class RiskInputModel {
  @Field() rule!: string;
  @Field() dimension!: string;
  @Field() state!: string;
  @Field(() => [String]) facts!: string[];
  @Field() fr!: string;
  @Field() en!: string;
}

@ObjectType('RiskMeasures')
export class RiskMeasuresModel {
  @Field(() => [String]) inPlace!: string[];
  @Field(() => [String]) planned!: string[];
  @Field(() => [String]) suggested!: string[];
}

@ObjectType('RiskScoreDecision', { description: 'A DPO override applied to the register, with the suggestion.' })
export class RiskScoreDecisionModel {
  @Field() dimension!: string;
  @Field() state!: string;
  @Field(() => Int) suggested!: number;
  @Field(() => Int) decided!: number;
  @Field() justification!: string;
  @Field(() => String, { nullable: true }) by!: string | null;
  @Field(() => String, { nullable: true }) at!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'The facts changed since the decision.' })
  suggestionChanged!: boolean | null;
}

@ObjectType('RiskAcceptance')
export class RiskAcceptanceModel {
  @Field(() => String, { nullable: true }) justification!: string | null;
  @Field(() => String, { nullable: true }) by!: string | null;
  @Field(() => String, { nullable: true }) at!: string | null;
}

@ObjectType('Risk')
export class RiskModel {
  @Field() key!: string;
  @Field({ description: 'PRIVACY or ORGANISATIONAL.' }) kind!: string;
  @Field(() => String, { nullable: true }) family!: string | null;
  @Field(() => String, { nullable: true }) activity!: string | null;
  @Field(() => String, { nullable: true }) fearedEvent!: string | null;
  @Field(() => [String]) assets!: string[];
  @Field() evidence!: string;
  @Field(() => RiskStatesModel) severity!: RiskStatesModel;
  @Field(() => RiskStatesModel) likelihood!: RiskStatesModel;
  @Field(() => RiskStatesModel) suggestedSeverity!: RiskStatesModel;
  @Field(() => RiskStatesModel) suggestedLikelihood!: RiskStatesModel;
  @Field(() => RiskZonesModel) zone!: RiskZonesModel;
  @Field(() => [RiskInputModel]) inputs!: RiskInputModel[];
  @Field(() => RiskMeasuresModel) measures!: RiskMeasuresModel;
  @Field(() => [RiskScoreDecisionModel]) decisions!: RiskScoreDecisionModel[];
  @Field(() => RiskAcceptanceModel, { nullable: true }) acceptance!: RiskAcceptanceModel | null;
  @Field() overridden!: boolean;
  @Field() factsDigest!: string;
}

@ObjectType('RiskCheck')
export class RiskCheckModel {
  @Field() code!: string;
  @Field() subject!: string;
  @Field() fr!: string;
  @Field() en!: string;
}

@ObjectType('RiskPage')
export class RiskPageModel {
  @Field() organisation!: string;
  @Field() asOf!: string;
  @Field(() => [RiskModel]) nodes!: RiskModel[];
  @Field(() => Int) totalCount!: number;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
  @Field(() => [RiskCheckModel], { description: 'The quality checks of the whole register.' })
  checks!: RiskCheckModel[];
}

@ObjectType('RiskMapCell')
export class RiskMapCellModel {
  @Field(() => Int) severity!: number;
  @Field(() => Int) likelihood!: number;
  @Field() zone!: string;
  @Field(() => [String]) inherent!: string[];
  @Field(() => [String]) current!: string[];
  @Field(() => [String]) residual!: string[];
}

@ObjectType('RiskMap')
export class RiskMapModel {
  @Field() organisation!: string;
  @Field() asOf!: string;
  @Field() matrix!: string;
  @Field(() => [RiskMapCellModel]) cells!: RiskMapCellModel[];
}

@ObjectType('Measure', { description: 'A measure of the catalogue (CNIL security guide 2024, in our words).' })
export class MeasureModel {
  @Field() id!: string;
  @Field() fr!: string;
  @Field() en!: string;
  @Field(() => [Int]) fiches!: number[];
  @Field(() => [String]) reduces!: string[];
  @Field() acts!: string;
  @Field(() => Int) strength!: number;
}

@ObjectType('RiskAction')
export class RiskActionModel {
  @Field() key!: string;
  @Field() measure!: string;
  @Field() owner!: string;
  @Field() dueDate!: string;
  @Field() status!: string;
  @Field(() => [String]) risks!: string[];
  @Field() overdue!: boolean;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('RiskActionPage')
export class RiskActionPageModel {
  @Field(() => [RiskActionModel]) nodes!: RiskActionModel[];
  @Field(() => Int) totalCount!: number;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}
