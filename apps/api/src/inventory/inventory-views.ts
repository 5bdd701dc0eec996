import { type InventoryItem, Label } from '@cartographer/inventory';

/**
 * Stored properties to the GraphQL models' shape. Views keep every stored property (organisation
 * and department included, which the restricted-field middleware reads) and add the composed ones.
 */
export type View = Record<string, unknown> & { label: Label; key: string; organisation: string };

const graphKeyOf = (organisation: string, local: unknown) =>
  typeof local === 'string' ? `${organisation}:${local}` : null;

function party(item: Record<string, unknown>, prefix: string) {
  const name = item[`${prefix}Name`];
  if (typeof name !== 'string') return null;
  return { name, contact: item[`${prefix}Contact`] ?? null, country: item[`${prefix}Country`] ?? null };
}

const list = (value: unknown) => (Array.isArray(value) ? value : []);
const volume = (item: Record<string, unknown>) => ({
  records: item.volumeRecords ?? null,
  bytes: item.volumeBytes ?? null,
});

export function viewOf(item: Partial<InventoryItem> & Pick<InventoryItem, 'label' | 'key' | 'organisation'>): View {
  const organisation = item.organisation;
  const base: View = { ...item, departmentKey: graphKeyOf(organisation, item.department) };
  switch (item.label) {
    case Label.Organisation:
      return { ...base, dpo: party(item, 'dpo') };
    case Label.Server:
    case Label.Recipient:
      return { ...base, certifications: list(item.certifications) };
    case Label.DataSource:
      return {
        ...base,
        volume: volume(item),
        velocity: { recordsPerDay: item.velocityRecordsPerDay ?? null, bytesPerDay: item.velocityBytesPerDay ?? null },
        accessMethods: list(item.accessMethods),
      };
    case Label.Dataset:
      return { ...base, sourceKey: graphKeyOf(organisation, item.source), volume: volume(item) };
    case Label.Field:
      return { ...base, datasetKey: graphKeyOf(organisation, item.dataset) };
    case Label.ProcessingActivity:
      return {
        ...base,
        controller: party(item, 'controller'),
        representative: party(item, 'representative'),
        dpo: party(item, 'dpo'),
        jointControllers: list(item.jointControllers).map((json) => JSON.parse(json as string) as unknown),
        purposes: list(item.purposes),
        legalBases: list(item.legalBases),
        dataSubjectCategories: list(item.dataSubjectCategories),
        personalDataCategories: list(item.personalDataCategories),
        specialCategories: list(item.specialCategories),
        securityMeasures: list(item.securityMeasures),
      };
    case Label.DataFlow:
      return { ...base, fromKey: graphKeyOf(organisation, item.from), toKey: graphKeyOf(organisation, item.to) };
    default:
      return base;
  }
}
