import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import type { OrganisationSector } from '@cartographer/inventory';
import { OrganisationSectorEnum } from '../inventory-enums.js';
import { Paginated, PartyModel, RevisionedModel } from './common.model.js';

@ObjectType('Organisation', {
  description: 'An organisation whose data is mapped; its key prefixes every key of its inventory.',
})
export class OrganisationModel extends RevisionedModel {
  @Field(() => ID)
  key!: string;

  @Field(() => String)
  organisation!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  country?: string | null;

  @Field(() => OrganisationSectorEnum, { nullable: true })
  sector?: OrganisationSector | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => PartyModel, { nullable: true })
  dpo?: PartyModel | null;

  @Field(() => PartyModel, { nullable: true, description: 'Representative in the Union (Art. 27).' })
  representative?: PartyModel | null;

  @Field(() => Float, { nullable: true, description: 'Head count (CNIL HR exemption below 250).' })
  staffCount?: number | null;
}

@ObjectType('OrganisationPage')
export class OrganisationPageModel extends Paginated(OrganisationModel) {}
