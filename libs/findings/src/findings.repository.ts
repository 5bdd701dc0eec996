import type { Neo4jService } from '@cartographer/graph';
import { isInt } from 'neo4j-driver';
import { Label } from '@cartographer/inventory';
import { FindingsError, FindingsErrorCode } from './findings.errors.js';
import type { Finding, FindingAccess, FindingFilter } from './findings.types.js';

const MAX_PAGE = 100;

/** A finding from its node's properties. */
export function toFinding(props: Record<string, unknown>): Finding {
  const value = (name: string) => {
    const v = props[name];
    return isInt(v) ? (v as { toNumber(): number }).toNumber() : (v ?? null);
  };
  return {
    key: value('key') as string,
    organisation: value('organisation') as string,
    department: value('department') as string | null,
    field: value('field') as string,
    dataset: value('dataset') as string | null,
    source: value('source') as string | null,
    origin: value('origin') as Finding['origin'],
    status: value('status') as Finding['status'],
    personal: Boolean(value('personal')),
    category: value('category') as string | null,
    specialCategory: Boolean(value('specialCategory')),
    specialCategoryKind: value('specialCategoryKind') as string | null,
    quasiIdentifier: Boolean(value('quasiIdentifier')),
    tier: value('tier') as Finding['tier'],
    linkedTo: (value('linkedTo') as string[] | null) ?? [],
    linkedCategory: value('linkedCategory') as string | null,
    treatment: value('treatment') as string | null,
    treatmentReason: value('treatmentReason') as string | null,
    confidence: value('confidence') as number | null,
    evidence: value('evidence') as string | null,
    maskedExemplar: value('maskedExemplar') as string | null,
    provenance: (value('provenance') as string[] | null) ?? [],
    reviewedBy: value('reviewedBy') as string | null,
    reviewedAt: value('reviewedAt') as string | null,
    reviewComment: value('reviewComment') as string | null,
  };
}

const ACCESS_WHERE = `($organisations IS NULL OR x.organisation IN $organisations)
  AND ($departments IS NULL OR x.department IN $departments)`;

/** Findings in the graph: listing by status, category, source and department (reviews: finding-review.ts). */
export class FindingsRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  async list(
    filter: FindingFilter,
    page: { first?: number; after?: string },
    access: FindingAccess,
  ): Promise<{ items: Finding[]; totalCount: number; endCursor: string | null; hasNextPage: boolean }> {
    const first = page.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
      throw new FindingsError(FindingsErrorCode.INVALID_INPUT, `first must be between 1 and ${MAX_PAGE}, got ${first}`);
    }
    const after = page.after ? Buffer.from(page.after, 'base64url').toString('utf8') : null;
    const where = `${ACCESS_WHERE}
      AND ($organisation IS NULL OR x.organisation = $organisation)
      AND ($status IS NULL OR x.status = $status)
      AND ($category IS NULL OR x.category = $category)
      AND ($source IS NULL OR x.source = $source)
      AND ($department IS NULL OR x.department = $department)
      AND ($origin IS NULL OR x.origin = $origin)`;
    const params = {
      organisations: access.organisations,
      departments: access.departments,
      organisation: filter.organisation ?? null,
      status: filter.status ?? null,
      category: filter.category ?? null,
      source: filter.source ?? null,
      department: filter.department ?? null,
      origin: filter.origin ?? null,
    };
    const [rows, count] = await Promise.all([
      this.neo4j.queryRead<{ x: Record<string, unknown> }>(
        `MATCH (x:${Label.Finding}) WHERE ${where} AND ($after IS NULL OR x.key > $after)
         RETURN properties(x) AS x ORDER BY x.key LIMIT toInteger($limit)`,
        { ...params, after, limit: first + 1 },
      ),
      this.neo4j.queryRead<{ n: { toNumber(): number } }>(
        `MATCH (x:${Label.Finding}) WHERE ${where} RETURN count(x) AS n`,
        params,
      ),
    ]);
    const items = rows.slice(0, first).map((row) => toFinding(row.x));
    return {
      items,
      totalCount: count[0].n.toNumber(),
      endCursor: items.length ? Buffer.from(items[items.length - 1].key, 'utf8').toString('base64url') : null,
      hasNextPage: rows.length > first,
    };
  }

  async get(key: string, access: FindingAccess): Promise<Finding | null> {
    const rows = await this.neo4j.queryRead<{ x: Record<string, unknown> }>(
      `MATCH (x:${Label.Finding} {key: $key}) WHERE ${ACCESS_WHERE} RETURN properties(x) AS x`,
      { key, organisations: access.organisations, departments: access.departments },
    );
    return rows[0] ? toFinding(rows[0].x) : null;
  }
}
