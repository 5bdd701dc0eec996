import { registerEnumType } from '@nestjs/graphql';
import { Jurisdiction } from '@cartographer/compliance';
import {
  ACCESS_METHODS,
  DATASET_KINDS,
  FLOW_MECHANISMS,
  FREQUENCIES,
  HOSTING_TYPES,
  Label,
  LEGAL_BASES,
  ORGANISATION_SECTORS,
  RECIPIENT_ROLES,
  SAFEGUARDS,
  SOURCE_KINDS,
  STAKEHOLDER_ROLES,
  STRUCTURES,
} from '@cartographer/inventory';

/** A GraphQL enum object from one of the inventory's closed vocabularies (values as stored). */
function vocabulary<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T[number]]: K };
}

export const SourceKindEnum = vocabulary(SOURCE_KINDS);
export const StructureEnum = vocabulary(STRUCTURES);
export const AccessMethodEnum = vocabulary(ACCESS_METHODS);
export const HostingTypeEnum = vocabulary(HOSTING_TYPES);
export const DatasetKindEnum = vocabulary(DATASET_KINDS);
export const StakeholderRoleEnum = vocabulary(STAKEHOLDER_ROLES);
export const LegalBasisEnum = vocabulary(LEGAL_BASES);
export const SafeguardEnum = vocabulary(SAFEGUARDS);
export const RecipientRoleEnum = vocabulary(RECIPIENT_ROLES);
export const FrequencyEnum = vocabulary(FREQUENCIES);
export const FlowMechanismEnum = vocabulary(FLOW_MECHANISMS);
export const OrganisationSectorEnum = vocabulary(ORGANISATION_SECTORS);
export const InventoryFormatEnum = { YAML: 'YAML', JSON: 'JSON' } as const;
export type InventoryFormatValue = keyof typeof InventoryFormatEnum;

registerEnumType(SourceKindEnum, { name: 'SourceKind' });
registerEnumType(StructureEnum, { name: 'Structure' });
registerEnumType(AccessMethodEnum, { name: 'AccessMethod' });
registerEnumType(HostingTypeEnum, { name: 'HostingType' });
registerEnumType(DatasetKindEnum, { name: 'DatasetKind' });
registerEnumType(StakeholderRoleEnum, { name: 'StakeholderRole' });
registerEnumType(LegalBasisEnum, { name: 'LegalBasis', description: 'GDPR Art. 6(1)(a)-(f).' });
registerEnumType(SafeguardEnum, { name: 'Safeguard', description: 'Chapter V transfer tool.' });
registerEnumType(RecipientRoleEnum, { name: 'RecipientRole' });
registerEnumType(FrequencyEnum, { name: 'Frequency' });
registerEnumType(FlowMechanismEnum, { name: 'FlowMechanism' });
registerEnumType(OrganisationSectorEnum, { name: 'OrganisationSector' });
registerEnumType(Jurisdiction, {
  name: 'Jurisdiction',
  description: 'Where data hosted in or sent to a country stands under GDPR Chapter V.',
});
registerEnumType(Label, { name: 'InventoryLabel', description: 'Node labels of the inventory graph.' });
registerEnumType(InventoryFormatEnum, { name: 'InventoryFormat' });
