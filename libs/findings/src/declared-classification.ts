import type { ManagedTransaction } from 'neo4j-driver';
import { classifyField, classifySchema } from '@cartographer/classification';
import type { Neo4jService } from '@cartographer/graph';
import { Label, Rel } from '@cartographer/inventory';
import { type DeclaredLink, declaredLinksIn, schemaLinksOf } from './declared-links.js';
import { type ClassifiedField, type FindingClassification, upsertFindings } from './finding-upsert.js';
import { propagateFindingsIn } from './propagation.js';

const DECLARED_DATASETS = `MATCH (d:${Label.Dataset} {organisation: $org})
  OPTIONAL MATCH (s:${Label.DataSource})-[:${Rel.CONTAINS}]->(d)
  OPTIONAL MATCH (d)-[:${Rel.HAS_FIELD}]->(f:${Label.Field})
  WITH d, s, f ORDER BY f.key
  RETURN d.key AS key, d.name AS name, d.description AS description, s.key AS source,
         collect(CASE WHEN f IS NULL THEN null ELSE {
           key: f.key, name: f.name, dataType: f.dataType, description: f.description, department: f.department,
           scanned: EXISTS { MATCH (f)-[:${Rel.HAS_FINDING}]->(:${Label.Finding} {origin: 'SCAN'}) }
         } END) AS fields
  ORDER BY key`;

/** A declared dataset and its fields, as the graph holds them (graph keys). */
export interface DeclaredDataset {
  key: string;
  name: string;
  description: string | null;
  source: string | null;
  fields: {
    key: string;
    name: string;
    dataType: string | null;
    description: string | null;
    department: string | null;
    /** Classified by a scan: keeps its scan finding, but still takes part in the linkage pass. */
    scanned: boolean;
  }[];
}

/**
 * Classifies declared datasets from names, types and descriptions only (no sample): `classifyField`
 * per field, then the dataset-level linkage pass (`classifySchema`) over all of them, with the
 * declared references and dataset-to-dataset flows as links, so linked attributes are flagged
 * (tier, `linkedTo`, linked category) as a scan would. Pure. Returns one classification per field
 * key, in dataset then field order. Datasets are named by their name, or by their key when two
 * datasets share a name.
 */
export function classifyDeclaredSchema(
  datasets: readonly DeclaredDataset[],
  links: readonly DeclaredLink[],
): Map<string, FindingClassification> {
  const count = new Map<string, number>();
  for (const d of datasets) count.set(d.name, (count.get(d.name) ?? 0) + 1);
  const nameOf = new Map(datasets.map((d) => [d.key, count.get(d.name) === 1 ? d.name : d.key]));
  const perField = new Map(
    datasets.flatMap((d) =>
      d.fields.map((f) => [
        f.key,
        classifyField({
          dataset: d.name,
          field: f.name,
          dataType: f.dataType ?? undefined,
          description: f.description ?? undefined,
        }),
      ]),
    ),
  );
  const fieldNames = new Map(datasets.map((d) => [nameOf.get(d.key)!, new Set(d.fields.map((f) => f.name))]));
  const result = classifySchema({
    datasets: datasets.map((d) => ({
      name: nameOf.get(d.key)!,
      ...(d.description ? { description: d.description } : {}),
      fields: d.fields.map((f) => ({
        name: f.name,
        ...(f.dataType ? { dataType: f.dataType } : {}),
        classification: perField.get(f.key)!,
      })),
    })),
    links: schemaLinksOf(links, nameOf, (dataset, field) => (fieldNames.get(dataset)?.has(field) ? field : undefined)),
  });
  const out = new Map<string, FindingClassification>();
  datasets.forEach((d, i) => {
    const linkage = new Map(result.datasets[i].fields.map((l) => [l.field, l]));
    for (const f of d.fields) {
      const c = perField.get(f.key)!;
      const l = linkage.get(f.name)!;
      out.set(f.key, {
        personal: l.personal,
        category: l.category,
        specialCategory: l.specialCategory,
        specialCategoryKind: l.specialCategoryKind,
        quasiIdentifier: l.quasiIdentifier,
        treatment: l.treatment,
        treatmentReason: l.treatmentReason,
        confidence: c.confidence,
        evidence: [...c.evidence, ...l.evidence],
        tier: l.tier,
        linkedTo: l.linkedTo.map((p) => p.explanation),
        linkedCategory: l.linkedCategory,
      });
    }
  });
  return out;
}

/**
 * Classifies the declared fields of an organisation from their names, types and descriptions only
 * (no sample), inside the caller's transaction, for inventories typed by hand or imported: the
 * per-field rules, then the linkage pass over every dataset of the organisation (declared
 * references and flows give the links; see classifyDeclaredSchema). Fields a scan has classified
 * keep their scan finding; the others get DECLARED findings through upsertFindings (reviews kept
 * while the category is unchanged). Does not propagate.
 */
export async function classifyDeclaredFieldsIn(
  tx: ManagedTransaction,
  organisation: string,
  at = new Date().toISOString(),
): Promise<{ fields: number; flagged: number }> {
  const result = await tx.run(DECLARED_DATASETS, { org: organisation });
  const datasets: DeclaredDataset[] = result.records.map((record) => ({
    key: record.get('key') as string,
    name: record.get('name') as string,
    description: record.get('description') as string | null,
    source: record.get('source') as string | null,
    fields: record.get('fields') as DeclaredDataset['fields'],
  }));
  const classified = classifyDeclaredSchema(datasets, await declaredLinksIn(tx, organisation));
  const fields: ClassifiedField[] = datasets.flatMap((d) =>
    d.fields
      .filter((f) => !f.scanned)
      .map((f) => ({
        field: f.key,
        dataset: d.key,
        source: d.source,
        department: f.department,
        classification: classified.get(f.key)!,
      })),
  );
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
