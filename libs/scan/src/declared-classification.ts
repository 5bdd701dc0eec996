import { classifyField } from '@cartographer/classification';
import type { Neo4jService } from '@cartographer/graph';
import { propagateFindings } from '@cartographer/findings';

/**
 * Classifies the declared fields of an organisation from their names, types and descriptions only
 * (no sample), for inventories typed by hand or imported. Fields a scan has classified keep their
 * scan finding; reviewed declared findings keep their review while the category is unchanged.
 * Then recomputes propagation. Returns the number of fields flagged.
 */
export async function classifyDeclaredFields(
  neo4j: Neo4jService,
  organisation: string,
): Promise<{ fields: number; flagged: number; propagated: number }> {
  const fields = await neo4j.queryRead<{
    key: string;
    name: string;
    dataType: string | null;
    description: string | null;
    dataset: string;
    department: string | null;
    datasetKey: string;
    source: string | null;
  }>(
    `MATCH (d:Dataset {organisation: $org})-[:HAS_FIELD]->(f:Field)
     WHERE NOT EXISTS { MATCH (f)-[:HAS_FINDING]->(:Finding {origin: 'SCAN'}) }
     OPTIONAL MATCH (s:DataSource)-[:CONTAINS]->(d)
     RETURN f.key AS key, f.name AS name, f.dataType AS dataType, f.description AS description, d.name AS dataset,
            f.department AS department, d.key AS datasetKey, s.key AS source`,
    { org: organisation },
  );
  const now = new Date().toISOString();
  const flagged: Record<string, unknown>[] = [];
  const cleared: string[] = [];
  for (const field of fields) {
    const result = classifyField({
      dataset: field.dataset,
      field: field.name,
      dataType: field.dataType ?? undefined,
      description: field.description ?? undefined,
    });
    if (result.personal || result.quasiIdentifier) {
      flagged.push({
        key: `${field.key}#declared`,
        field: field.key,
        props: {
          organisation,
          department: field.department,
          field: field.key,
          dataset: field.datasetKey,
          source: field.source,
          origin: 'DECLARED',
          personal: result.personal,
          category: result.category,
          specialCategory: result.specialCategory,
          specialCategoryKind: result.specialCategoryKind,
          quasiIdentifier: result.quasiIdentifier,
          treatment: result.treatment,
          treatmentReason: result.treatmentReason,
          confidence: result.confidence,
          evidence: JSON.stringify(result.evidence),
          maskedExemplar: null,
          lastDetectedAt: now,
        },
      });
    } else {
      cleared.push(field.key);
    }
  }
  await neo4j.write(async (tx) => {
    await tx.run(
      `UNWIND $rows AS row
       MATCH (f:Field {key: row.field})
       MERGE (x:Finding {key: row.key})
       ON CREATE SET x.status = 'OPEN', x.createdAt = $now
       WITH f, x, row, (x.status IN ['REJECTED', 'CONFIRMED'] AND x.category = row.props.category) AS keepReview
       SET x += row.props, x.status = CASE WHEN keepReview THEN x.status ELSE 'OPEN' END
       MERGE (f)-[:HAS_FINDING]->(x)`,
      { rows: flagged, now },
    );
    await tx.run(
      `UNWIND $keys AS key MATCH (:Field {key: key})-[:HAS_FINDING]->(x:Finding {origin: 'DECLARED', status: 'OPEN'}) DETACH DELETE x`,
      { keys: cleared },
    );
  });
  const { propagated } = await propagateFindings(neo4j, organisation);
  return { fields: fields.length, flagged: flagged.length, propagated };
}
