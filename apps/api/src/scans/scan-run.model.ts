import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ScanProgress')
export class ScanProgressModel {
  @Field(() => Int)
  done!: number;

  @Field(() => Int)
  total!: number;
}

@ObjectType('ScanCounts')
export class ScanCountsModel {
  @Field(() => Int)
  datasets!: number;

  @Field(() => Int)
  fields!: number;

  @Field(() => Int)
  personalFields!: number;

  @Field(() => Int)
  specialCategoryFields!: number;

  @Field(() => Number)
  rows!: number;

  @Field(() => Number)
  bytes!: number;

  @Field(() => Int)
  errors!: number;
}

@ObjectType('ScanError', { description: 'What failed during a scan: never a sampled value nor a credential.' })
export class ScanErrorModel {
  @Field(() => String, { nullable: true })
  dataset!: string | null;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType('ScanRun', { description: 'One scan of a source: who asked, when, progress, outcome.' })
export class ScanRunModel {
  @Field(() => String)
  id!: string;

  @Field(() => String, { nullable: true })
  organisation!: string | null;

  @Field(() => String, { nullable: true })
  sourceKey!: string | null;

  @Field(() => String, { description: 'The scanned target, credentials removed.' })
  target!: string;

  @Field(() => String)
  requestedBy!: string;

  @Field(() => String, { description: 'QUEUED, RUNNING, SUCCEEDED, PARTIAL (some datasets failed) or FAILED.' })
  status!: string;

  @Field(() => String)
  createdAt!: string;

  @Field(() => String, { nullable: true })
  startedAt!: string | null;

  @Field(() => String, { nullable: true })
  finishedAt!: string | null;

  @Field(() => Int, { nullable: true })
  durationMs!: number | null;

  @Field(() => ScanProgressModel)
  progress!: ScanProgressModel;

  @Field(() => ScanCountsModel, { nullable: true })
  counts!: ScanCountsModel | null;

  @Field(() => [ScanErrorModel])
  errors!: ScanErrorModel[];

  @Field(() => String, { nullable: true })
  failure!: string | null;
}
