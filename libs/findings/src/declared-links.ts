import type { ManagedTransaction } from 'neo4j-driver';
import type { SchemaLinkInput } from '@cartographer/classification';
import { Label, Rel } from '@cartographer/inventory';

/** A reference or data flow between two datasets of an organisation, as the graph holds it (graph keys). */
export interface DeclaredLink {
  kind: 'REFERENCE' | 'FLOW';
  name: string | null;
  from: string;
  fromFields: string[];
  to: string;
  toFields: string[];
}

const DECLARED_LINKS = `MATCH (a:${Label.Dataset} {organisation: $org})-[r:${Rel.REFERENCES}]->(b:${Label.Dataset})
  RETURN 'REFERENCE' AS kind, r.name AS name, a.key AS from, coalesce(r.columns, []) AS fromFields,
         b.key AS to, coalesce(r.referencedColumns, []) AS toFields
  UNION ALL
  MATCH (a:${Label.Dataset} {organisation: $org})<-[:${Rel.FLOWS_FROM}]-(f:${Label.DataFlow})-[:${Rel.FLOWS_TO}]->(b:${Label.Dataset})
  RETURN 'FLOW' AS kind, coalesce(f.name, f.key) AS name, a.key AS from, [] AS fromFields, b.key AS to, [] AS toFields`;

/**
 * The references (foreign keys, declared or written by a scan) and dataset-to-dataset data flows of
 * an organisation, for the dataset-level linkage pass. Flows between whole sources are not links
 * between datasets and are left out.
 */
export async function declaredLinksIn(tx: ManagedTransaction, organisation: string): Promise<DeclaredLink[]> {
  const result = await tx.run(DECLARED_LINKS, { org: organisation });
  return result.records.map((record) => ({
    kind: record.get('kind') as DeclaredLink['kind'],
    name: record.get('name') as string | null,
    from: record.get('from') as string,
    fromFields: record.get('fromFields') as string[],
    to: record.get('to') as string,
    toFields: record.get('toFields') as string[],
  }));
}

/**
 * The links of `links` the pass can follow between the datasets `names` maps (graph key → the
 * name the pass knows the dataset by), with their field names mapped the same way (`fieldsOf`: the
 * pass's field name of a graph field name, or undefined). A link naming a dataset or field the pass
 * does not know, and a reference already given as a foreign key (`known`), is left out.
 */
export function schemaLinksOf(
  links: readonly DeclaredLink[],
  names: ReadonlyMap<string, string>,
  fieldsOf: (dataset: string, field: string) => string | undefined,
  known: (from: string, fromFields: readonly string[], to: string) => boolean = () => false,
): SchemaLinkInput[] {
  const out: SchemaLinkInput[] = [];
  const seen = new Set<string>();
  for (const link of links) {
    const from = names.get(link.from);
    const to = names.get(link.to);
    if (from === undefined || to === undefined) continue;
    const fromFields = link.fromFields.map((f) => fieldsOf(from, f));
    const toFields = link.toFields.map((f) => fieldsOf(to, f));
    if ([...fromFields, ...toFields].some((f) => f === undefined)) continue;
    if (link.kind === 'REFERENCE' && (fromFields.length === 0 || fromFields.length !== toFields.length)) continue;
    if (link.kind === 'REFERENCE' && known(from, fromFields as string[], to)) continue;
    const id = JSON.stringify([link.kind, from, fromFields, to, toFields]);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({
      kind: link.kind,
      ...(link.name !== null ? { name: link.name } : {}),
      from: { dataset: from, ...(fromFields.length > 0 ? { fields: fromFields as string[] } : {}) },
      to: { dataset: to, ...(toFields.length > 0 ? { fields: toFields as string[] } : {}) },
    });
  }
  return out;
}
