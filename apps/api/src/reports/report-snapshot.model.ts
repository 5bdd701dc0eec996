import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ReportKindEnum {
  CARTOGRAPHY = 'CARTOGRAPHY',
  RISKS = 'RISKS',
}
registerEnumType(ReportKindEnum, { name: 'ReportKind', description: 'The reports Cartographer generates.' });

export enum ReportLanguageEnum {
  fr = 'fr',
  en = 'en',
}
registerEnumType(ReportLanguageEnum, { name: 'ReportLanguage' });

export enum ReportFormatEnum {
  pdf = 'pdf',
  html = 'html',
  json = 'json',
}
registerEnumType(ReportFormatEnum, { name: 'ReportFormat' });

@ObjectType('ReportAuditHead', { description: 'The audit chain’s last entry when the snapshot was taken.' })
export class ReportAuditHeadModel {
  @Field(() => String, { description: 'Sequence number (0: empty chain).' })
  seq!: string;

  @Field(() => String)
  hash!: string;
}

@ObjectType('ReportApproval', { description: 'The DPO’s signature of a snapshot.' })
export class ReportApprovalModel {
  @Field(() => String)
  approvedBy!: string;

  @Field(() => GraphQLISODateTime)
  approvedAt!: Date;

  @Field(() => String, { nullable: true })
  comment!: string | null;
}

@ObjectType('ReportFiles', {
  description: 'Where to download the files, served by the API with the caller’s rights (bearer token).',
})
export class ReportFilesModel {
  @Field(() => String)
  pdf!: string;

  @Field(() => String)
  html!: string;

  @Field(() => String)
  json!: string;
}

@ObjectType('ReportSnapshot', {
  description: 'An immutable generated report: its model is stored, its files re-rendered.',
})
export class ReportSnapshotModel {
  @Field(() => String)
  id!: string;

  @Field(() => ReportKindEnum)
  kind!: ReportKindEnum;

  @Field(() => String)
  organisation!: string;

  @Field(() => String, { nullable: true })
  department!: string | null;

  @Field(() => ReportLanguageEnum)
  language!: ReportLanguageEnum;

  @Field(() => String, { description: 'YYYY-MM-DD: the only date of the report.' })
  asOf!: string;

  @Field(() => String, { description: 'The generation options, as canonical JSON.' })
  options!: string;

  @Field(() => String, { description: 'SHA-256 of the report model, printed in every file.' })
  contentHash!: string;

  @Field(() => ReportAuditHeadModel)
  auditHead!: ReportAuditHeadModel;

  @Field(() => String)
  generatedBy!: string;

  @Field(() => GraphQLISODateTime)
  generatedAt!: Date;

  @Field(() => ReportApprovalModel, { nullable: true })
  approval!: ReportApprovalModel | null;

  @Field(() => ReportFilesModel)
  files!: ReportFilesModel;
}

@ObjectType('ReportSnapshotPage')
export class ReportSnapshotPageModel {
  @Field(() => [ReportSnapshotModel])
  nodes!: ReportSnapshotModel[];

  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}

@ObjectType('ReportDiffField')
export class ReportDiffFieldModel {
  @Field(() => String)
  field!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String, { nullable: true, description: 'The value shown before (numbers as text).' })
  before!: string | null;

  @Field(() => String, { nullable: true })
  after!: string | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;
}

@ObjectType('ReportDiffEntry')
export class ReportDiffEntryModel {
  @Field(() => String, { description: 'section, table, row, figure, keyFigure or statement.' })
  kind!: string;

  @Field(() => String, { description: 'Stable path: `table:KEY/row:KEY`...' })
  path!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String, { description: 'added, removed or changed.' })
  change!: string;

  @Field(() => [ReportDiffFieldModel])
  fields!: ReportDiffFieldModel[];
}

@ObjectType('ReportDiffCounts')
export class ReportDiffCountsModel {
  @Field(() => Int)
  added!: number;

  @Field(() => Int)
  removed!: number;

  @Field(() => Int)
  changed!: number;
}

@ObjectType('ReportDiff', { description: 'What changed between two snapshots of the same kind and scope.' })
export class ReportDiffModel {
  @Field(() => ReportSnapshotModel)
  older!: ReportSnapshotModel;

  @Field(() => ReportSnapshotModel)
  newer!: ReportSnapshotModel;

  @Field(() => [ReportDiffEntryModel])
  entries!: ReportDiffEntryModel[];

  @Field(() => ReportDiffCountsModel)
  counts!: ReportDiffCountsModel;
}
