import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { type AuditActor, AuditOutbox } from '@cartographer/access';
import { DomainError, ErrorKind } from '@cartographer/common';
import type { Neo4jService } from '@cartographer/graph';
import { InventoryError, parseInventory } from '@cartographer/inventory';
import { inventoryMutant } from '@cartographer/testing';
import { ALLOW_EVERY_IMPORT, importInventory } from './import-inventory.js';

/**
 * The import fuzzer (short run in `npm test`, long run in `npm run fuzz`): mutants of a valid
 * document go through the import use case `carto import` and the API share (parse, validate,
 * write). Each one is either imported, or refused with an INVALID_INPUT-kind error whose issues
 * name a path, and a refused one leaves the graph exactly as it was (compared by a digest of every
 * node and relationship of the organisation).
 */
export interface ImportFuzzReport {
  seed: number;
  documents: number;
  imported: number;
  refused: number;
  /** Refusals by error code. */
  codes: Record<string, number>;
  violations: { mutation: string; problem: string }[];
}

export async function runImportFuzz(options: {
  neo4j: Neo4jService;
  /** A valid document of `organisation`. */
  base: unknown;
  organisation: string;
  documents: number;
  seed: number;
}): Promise<ImportFuzzReport> {
  const { neo4j, organisation } = options;
  const report: ImportFuzzReport = {
    seed: options.seed,
    documents: 0,
    imported: 0,
    refused: 0,
    codes: {},
    violations: [],
  };
  const deps = { neo4j, outbox: new AuditOutbox() };
  const mutants = fc.sample(inventoryMutant(options.base), { numRuns: options.documents, seed: options.seed });
  let state = await graphDigest(neo4j, organisation);
  for (const mutant of mutants) {
    report.documents++;
    const problem = (text: string) =>
      report.violations.push({ mutation: mutant.mutation, problem: text.slice(0, 300) });
    let error: unknown;
    try {
      const document = parseInventory(mutant.bytes.toString('utf8'), {
        format: mutant.format,
        file: `mutant.${mutant.format}`,
      });
      await importInventory(deps, {
        document,
        file: `mutant.${mutant.format}`,
        authorize: ALLOW_EVERY_IMPORT,
        actor: FUZZ_ACTOR,
      });
    } catch (caught) {
      error = caught;
    }
    if (error === undefined) {
      report.imported++;
      state = await graphDigest(neo4j, organisation);
      continue;
    }
    report.refused++;
    const named = refusalProblem(error);
    if (named) problem(named);
    else {
      const code = (error as DomainError<string>).code;
      report.codes[code] = (report.codes[code] ?? 0) + 1;
    }
    if ((await graphDigest(neo4j, organisation)) !== state) problem('a refused import changed the graph');
  }
  report.codes = Object.fromEntries(Object.entries(report.codes).sort(([a], [b]) => a.localeCompare(b)));
  return report;
}

const FUZZ_ACTOR: AuditActor = { type: 'system', label: 'import-fuzz' };

/** Why a refusal is not a proper one, or undefined when it is. */
function refusalProblem(error: unknown): string | undefined {
  if (!(error instanceof DomainError)) return `not a domain error: ${String((error as Error)?.stack ?? error)}`;
  if (error.kind === ErrorKind.INTERNAL) return `internal error: ${error.message}`;
  if (!(error instanceof InventoryError)) return `not an inventory error (${error.code}): ${error.message}`;
  if (error.issues.length === 0) return `no issue named (${error.code}): ${error.message}`;
  const unnamed = error.issues.filter((issue) => typeof issue.path !== 'string' || !issue.reason);
  if (unnamed.length > 0) return `an issue without path or reason: ${JSON.stringify(unnamed[0])}`;
  return undefined;
}

/** A digest of every node and relationship of the organisation (labels, properties, ends). */
export async function graphDigest(neo4j: Neo4jService, organisation: string): Promise<string> {
  const rows = await neo4j.queryRead<{ labels: string[]; props: unknown; rels: unknown[] }>(
    `MATCH (n {organisation: $organisation})
     OPTIONAL MATCH (n)-[r]->(m)
     WITH n, r, m ORDER BY type(r), m.key
     RETURN labels(n) AS labels, properties(n) AS props,
            collect(CASE WHEN r IS NULL THEN null ELSE [type(r), m.key, properties(r)] END) AS rels`,
    { organisation },
  );
  const hash = createHash('sha256');
  for (const row of rows.map((r) => stableJson(r)).sort()) hash.update(row).update('\n');
  return hash.digest('hex');
}

/** JSON with object keys sorted, so equal graphs give equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
