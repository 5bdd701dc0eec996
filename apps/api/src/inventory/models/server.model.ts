import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Jurisdiction } from '@cartographer/compliance';
import type { HostingType, RecipientRole, Safeguard } from '@cartographer/inventory';
import { HostingTypeEnum, RecipientRoleEnum, SafeguardEnum } from '../inventory-enums.js';
import { Paginated, RevisionedModel } from './common.model.js';
import { ProviderParentModel, TransferToolModel } from './compliance-facts.model.js';

@ObjectType('Server', { description: 'Where data sources are hosted; its country gives the jurisdiction.' })
export class ServerModel extends RevisionedModel {
  @Field(() => ID)
  key!: string;

  @Field(() => String)
  localKey!: string;

  @Field(() => String)
  organisation!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  provider?: string | null;

  @Field(() => HostingTypeEnum)
  hosting!: HostingType;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => [String])
  certifications!: string[];

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ProviderParentModel, { nullable: true })
  providerParent?: ProviderParentModel | null;

  @Field(() => [String], { nullable: true, description: 'Countries from which staff or support access the data.' })
  accessCountries?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Local key of the recipient (processor) operating the server.' })
  operator?: string | null;

  @Field(() => Jurisdiction, {
    nullable: true,
    description: 'Derived from the country (and certifications) at import.',
  })
  jurisdiction?: Jurisdiction | null;

  @Field(() => String, { nullable: true, description: 'Why the server has its jurisdiction.' })
  jurisdictionNote?: string | null;
}

@ObjectType('ServerPage')
export class ServerPageModel extends Paginated(ServerModel) {}

@ObjectType('Recipient', {
  description: 'A processor, joint controller or authority data is disclosed or transferred to.',
})
export class RecipientModel extends RevisionedModel {
  @Field(() => ID)
  key!: string;

  @Field(() => String)
  localKey!: string;

  @Field(() => String)
  organisation!: string;

  @Field(() => String)
  name!: string;

  @Field(() => RecipientRoleEnum)
  role!: RecipientRole;

  @Field(() => String)
  country!: string;

  @Field(() => SafeguardEnum)
  safeguard!: Safeguard;

  @Field(() => [String])
  certifications!: string[];

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the recipient is established (ISO 3166-1 alpha-2).' })
  establishmentCountry?: string | null;

  @Field(() => [String], { nullable: true, description: 'Countries from which its staff or support access the data.' })
  accessCountries?: string[] | null;

  @Field(() => String, { nullable: true, description: 'COMMERCIAL, PUBLIC, NON_PROFIT or UNKNOWN (partial adequacy).' })
  sector?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The importer’s processing is itself subject to the GDPR (Art. 3(2)).',
  })
  subjectToGdpr?: boolean | null;

  @Field(() => TransferToolModel, { nullable: true })
  transferTool?: TransferToolModel | null;

  @Field(() => Jurisdiction, { nullable: true })
  jurisdiction?: Jurisdiction | null;

  @Field(() => String, { nullable: true })
  jurisdictionNote?: string | null;
}

@ObjectType('RecipientPage')
export class RecipientPageModel extends Paginated(RecipientModel) {}
