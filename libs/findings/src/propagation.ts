import type { ManagedTransaction } from 'neo4j-driver';
import type { Neo4jService } from '@cartographer/graph';
import { Label, Rel } from '@cartographer/inventory';

/** Lineage hops followed from a flagged field. */
export const MAX_LINEAGE_DEPTH = 10;

/** The strongest treatment wins when a field is fed by several flagged fields. */
const TREATMENT_STRENGTH = ['KEEP', 'AGGREGATE', 'GENERALISE', 'PSEUDONYMISE', 'ENCRYPT', 'DELETE'];

/**
 * Recomputes the propagated findings of one organisation from scratch, in one transaction: every
 * field reachable from a flagged field (a scan or declared finding that is not rejected) through
 * unblocked lineage (flows' field mappings and foreign keys, `FEEDS`) gets a PROPAGATED finding
 * naming its upstream fields; a field fed by several takes the union of their categories. Starting
 * from scratch is what makes a flag removed upstream disappear downstream.
 */
export async function propagateFindings(neo4j: Neo4jService, organisation: string): Promise<{ propagated: number }> {
  return neo4j.write((tx) => propagateFindingsIn(tx, organisation));
}

/** propagateFindings inside the caller's transaction (a review, a scan, an import). */
export async function propagateFindingsIn(
  tx: ManagedTransaction,
  organisation: string,
): Promise<{ propagated: number }> {
  await tx.run(`MATCH (x:${Label.Finding} {organisation: $org, origin: 'PROPAGATED'}) DETACH DELETE x`, {
    org: organisation,
  });
  const result = await tx.run(
    `MATCH (root:${Label.Field} {organisation: $org})-[:${Rel.HAS_FINDING}]->(f:${Label.Finding})
     WHERE f.origin <> 'PROPAGATED' AND f.status <> 'REJECTED' AND (f.personal OR f.specialCategory)
     MATCH p = (root)-[:${Rel.FEEDS}*1..${MAX_LINEAGE_DEPTH}]->(down:${Label.Field})
     WHERE down <> root AND all(r IN relationships(p) WHERE coalesce(r.blocked, false) = false)
       AND NOT EXISTS {
         MATCH (down)-[:${Rel.HAS_FINDING}]->(own:${Label.Finding})
         WHERE own.origin <> 'PROPAGATED' AND own.status <> 'REJECTED' AND (own.personal OR own.specialCategory)
       }
     // Sorted before collecting: provenance and the head category do not depend on match order.
     WITH root, f, down ORDER BY root.key, f.category
     WITH down, collect(DISTINCT root.key) AS roots, collect(DISTINCT f.category) AS categories,
          collect(DISTINCT f.specialCategoryKind) AS kinds, max(toInteger(f.specialCategory)) AS special,
          max(toInteger(f.quasiIdentifier)) AS quasi, collect(DISTINCT f.treatment) AS treatments
     OPTIONAL MATCH (d:${Label.Dataset})-[:${Rel.HAS_FIELD}]->(down)
     OPTIONAL MATCH (s:${Label.DataSource})-[:${Rel.CONTAINS}]->(d)
     WITH down, d, s, roots, categories, kinds, special, quasi,
          [t IN $strength WHERE t IN treatments] AS ranked
     MERGE (x:${Label.Finding} {key: down.key + '#propagated'})
     SET x.organisation = $org, x.department = down.department, x.field = down.key,
         x.dataset = d.key, x.source = s.key, x.origin = 'PROPAGATED', x.status = 'OPEN',
         x.personal = true, x.category = head([c IN categories WHERE c IS NOT NULL]),
         x.categories = [c IN categories WHERE c IS NOT NULL],
         x.specialCategory = special = 1, x.specialCategoryKind = head([k IN kinds WHERE k IS NOT NULL]),
         x.quasiIdentifier = quasi = 1,
         x.treatment = coalesce(last(ranked), 'PSEUDONYMISE'),
         x.treatmentReason = 'Fed by personal data through lineage (' + reduce(s = '', r IN roots | s + CASE WHEN s = '' THEN '' ELSE ', ' END + r) + '): the copy needs the same protection as its origin.',
         x.provenance = [r IN roots | 'propagated from ' + r],
         x.confidence = null, x.evidence = null, x.maskedExemplar = null
     MERGE (down)-[:${Rel.HAS_FINDING}]->(x)
     RETURN count(x) AS propagated`,
    { org: organisation, strength: TREATMENT_STRENGTH },
  );
  const propagated = result.records[0]?.get('propagated') as { toNumber(): number } | undefined;
  return { propagated: propagated?.toNumber() ?? 0 };
}
