import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum StoreStatus {
  OK = 'ok',
  DOWN = 'down',
}
registerEnumType(StoreStatus, { name: 'StoreStatus' });

@ObjectType({ description: 'Reachability of one backing store.' })
export class StoreHealthModel {
  @Field(() => StoreStatus)
  status!: StoreStatus;

  @Field(() => Int)
  latencyMs!: number;

  @Field(() => String, { nullable: true })
  error?: string;
}

@ObjectType('Health', { description: 'Service health: ok when both Neo4j and PostgreSQL answer.' })
export class HealthModel {
  @Field(() => String)
  status!: string;

  @Field(() => StoreHealthModel)
  neo4j!: StoreHealthModel;

  @Field(() => StoreHealthModel)
  postgres!: StoreHealthModel;
}
