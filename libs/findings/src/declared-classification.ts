import type { ManagedTransaction } from 'neo4j-driver';
import { classifyField } from '@cartographer/classification';
import type { Neo4jService } from '@cartographer/graph';
import { Label, Rel } from '@cartographer/inventory';
import { type ClassifiedField, upsertFindings } from './finding-upsert.js';
import { propagateFindingsIn } from './propagation.js';

const DECLARED_FIELDS = `MATCH (d:${Label.Dataset} {organisation: $org})-[:${Rel.HAS_FIELD}]->(f:${Label.Field})
  WHERE NOT EXISTS { MATCH (f)-[:${Rel.HAS_FINDING}]->(:${Label.Finding} {origin: 'SCAN'}) }
  OPTIONAL MATCH (s:${Label.DataSource})-[:${Rel.CONTAINS}]->(d)
  RETURN f.key AS key, f.name AS name, f.dataType AS dataType, f.description AS description, d.name AS dataset,
         f.department AS department, d.key AS datasetKey, s.key AS source
  ORDER BY key`;

/**
 * Classifies the declared fields of an organisation from their names, types and descriptions only
 * (no sample), inside the caller's transaction, for inventories typed by hand or imported. Fields a
 * scan has classified keep their scan finding; the others get DECLARED findings through
 * upsertFindings (reviews kept while the category is unchanged). Does not propagate.
 */
export async function classifyDeclaredFieldsIn(
  tx: ManagedTransaction,
  organisation: string,
  at = new Date().toISOString(),
): Promise<{ fields: number; flagged: number }> {
  const result = await tx.run(DECLARED_FIELDS, { org: organisation });
  const fields: ClassifiedField[] = result.records.map((record) => {
    const value = <T>(name: string) => record.get(name) as T;
    return {
      field: value<string>('key'),
      dataset: value<string>('datasetKey'),
      source: value<string | null>('source'),
      department: value<string | null>('department'),
      classification: classifyField({
        dataset: value<string>('dataset'),
        field: value<string>('name'),
        dataType: value<string | null>('dataType') ?? undefined,
        description: value<string | null>('description') ?? undefined,
      }),
    };
  });
  const { flagged } = await upsertFindings(tx, { origin: 'DECLARED', organisation, at, fields });
  return { fields: fields.length, flagged };
}

/** Declared-field classification then propagation, in one transaction (the demo load at boot). */
export async function classifyDeclaredFields(
  neo4j: Neo4jService,
  organisation: string,
): Promise<{ fields: number; flagged: number; propagated: number }> {
  return neo4j.write(async (tx) => {
    const classified = await classifyDeclaredFieldsIn(tx, organisation);
    const { propagated } = await propagateFindingsIn(tx, organisation);
    return { ...classified, propagated };
  });
}
