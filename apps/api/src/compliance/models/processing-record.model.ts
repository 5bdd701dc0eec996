import { Field, ObjectType } from '@nestjs/graphql';
import { ComplianceReasonModel, CompletenessModel, ComputedPage } from './compliance-common.model.js';

@ObjectType('RecordCell', { description: 'One Art. 30 item of an activity: its value and where it comes from.' })
export class RecordCellModel {
  @Field(() => String, { description: 'a_controller, b_purposes, … (docs/compliance.md, "The record of processing").' })
  item!: string;

  @Field(() => String, {
    description: 'The value as JSON text (a string, a list or an object), as in `carto register`.',
  })
  value!: string;

  @Field(() => String, { description: 'DECLARED, SCANNED, INFERRED or MISSING.' })
  evidence!: string;

  @Field(() => String, { description: 'The graph path(s) it came from, `; `-separated.' })
  path!: string;

  @Field(() => Boolean, { description: 'An Art. 30 item (counts in completeness).' })
  required!: boolean;
}

@ObjectType('RecordDiscrepancy')
export class RecordDiscrepancyModel extends ComplianceReasonModel {
  @Field(() => [String])
  paths!: string[];
}

@ObjectType('ActivityRecord', { description: 'The computed Art. 30 record of one processing activity.' })
export class ActivityRecordModel {
  @Field(() => String, { description: 'Local key of the activity.' })
  key!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'CONTROLLER (Art. 30(1)) or PROCESSOR (Art. 30(2)).' })
  kind!: string;

  @Field(() => Boolean, { description: 'The kind comes from a declared organisation role.' })
  kindDeclared!: boolean;

  @Field(() => CompletenessModel)
  completeness!: CompletenessModel;

  @Field(() => [RecordCellModel], { description: 'In the order of Art. 30.' })
  cells!: RecordCellModel[];

  @Field(() => [RecordDiscrepancyModel])
  discrepancies!: RecordDiscrepancyModel[];
}

@ObjectType('ProcessingRecordPage')
export class ProcessingRecordPageModel extends ComputedPage {
  @Field(() => CompletenessModel, {
    description: 'Of every activity read (all pages, before the completeness filter).',
  })
  completeness!: CompletenessModel;

  @Field(() => [ActivityRecordModel])
  items!: ActivityRecordModel[];
}
