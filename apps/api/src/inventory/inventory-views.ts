import { type InventoryItem, Label } from '@cartographer/inventory';

/**
 * Read-model items to the GraphQL models' shape: graph keys of what an item refers to, and empty
 * lists or objects where a model member is not nullable. Items are already decoded declarations;
 * views keep every member (organisation and department included, which the restricted-field
 * middleware reads).
 */
export type View = Record<string, unknown> & { label: Label; key: string; organisation: string };

const graphKeyOf = (organisation: string, local: unknown) =>
  typeof local === 'string' ? `${organisation}:${local}` : null;

const ACTIVITY_LISTS = [
  'jointControllers',
  'purposes',
  'legalBases',
  'dataSubjectCategories',
  'personalDataCategories',
  'specialCategories',
  'securityMeasures',
] as const;

export function viewOf(item: Partial<InventoryItem> & Pick<InventoryItem, 'label' | 'key' | 'organisation'>): View {
  const organisation = item.organisation;
  const base: View = { ...item, departmentKey: graphKeyOf(organisation, item.department) };
  switch (item.label) {
    case Label.Server:
    case Label.Recipient:
      return { ...base, certifications: item.certifications ?? [] };
    case Label.DataSource:
      return {
        ...base,
        volume: item.volume ?? {},
        velocity: item.velocity ?? {},
        accessMethods: item.accessMethods ?? [],
      };
    case Label.Dataset:
      return { ...base, sourceKey: graphKeyOf(organisation, item.source), volume: item.volume ?? {} };
    case Label.Field:
      return { ...base, datasetKey: graphKeyOf(organisation, item.dataset) };
    case Label.ProcessingActivity:
      return { ...base, ...Object.fromEntries(ACTIVITY_LISTS.map((name) => [name, item[name] ?? []])) };
    case Label.DataFlow:
      return { ...base, fromKey: graphKeyOf(organisation, item.from), toKey: graphKeyOf(organisation, item.to) };
    default:
      return base;
  }
}
