import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { StakeholderRole } from '@cartographer/inventory';
import { StakeholderRoleEnum } from '../inventory-enums.js';
import { Paginated, RevisionedModel } from './common.model.js';

@ObjectType('Department', {
  description: 'A department of an organisation: owns data sources, runs processing activities.',
})
export class DepartmentModel extends RevisionedModel {
  @Field(() => ID)
  key!: string;

  @Field(() => String, { description: 'Key within the organisation.' })
  localKey!: string;

  @Field(() => String)
  organisation!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@ObjectType('DepartmentPage')
export class DepartmentPageModel extends Paginated(DepartmentModel) {}

@ObjectType('Stakeholder', { description: 'An owner, steward or DPO contact of a department or a data source.' })
export class StakeholderModel extends RevisionedModel {
  @Field(() => ID)
  key!: string;

  @Field(() => String)
  organisation!: string;

  @Field(() => String, { nullable: true, description: 'Graph key of the department concerned.' })
  departmentKey?: string | null;

  @Field(() => StakeholderRoleEnum)
  role!: StakeholderRole;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  contact?: string | null;
}

@ObjectType('StakeholderPage')
export class StakeholderPageModel extends Paginated(StakeholderModel) {}
