import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditActor')
export class AuditActorModel {
  @Field(() => String, { description: 'user, system or cli.' })
  type!: string;

  @Field(() => String, { nullable: true })
  id!: string | null;

  @Field(() => String, { nullable: true })
  label!: string | null;
}

@ObjectType('AuditLogEntry', { description: 'One row of the append-only, hash-chained audit log.' })
export class AuditLogEntryModel {
  @Field(() => String, { description: 'Position in the chain (a 64-bit integer, as text).' })
  seq!: string;

  @Field(() => GraphQLISODateTime)
  occurredAt!: Date;

  @Field(() => String, { nullable: true })
  requestId!: string | null;

  @Field(() => AuditActorModel)
  actor!: AuditActorModel;

  @Field(() => String)
  action!: string;

  @Field(() => String)
  entityType!: string;

  @Field(() => String, { nullable: true })
  entityKey!: string | null;

  @Field(() => String, { nullable: true })
  organisation!: string | null;

  @Field(() => String, { nullable: true, description: 'State before the change, as JSON.' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'State after the change, as JSON.' })
  after!: string | null;

  @Field(() => String)
  prevHash!: string;

  @Field(() => String)
  hash!: string;
}

@ObjectType('AuditLogPage')
export class AuditLogPageModel {
  @Field(() => [AuditLogEntryModel], { description: 'Newest first.' })
  nodes!: AuditLogEntryModel[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next (older) page.' })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}
