import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { ApiErrorCode } from '../errors/api-error-codes.js';
import { type FuzzOperation, type FuzzValues, anyOperation, operationArbitrary, rootFields } from './graphql-fuzzer.js';

/** The codes docs/api.md documents, except INTERNAL_SERVER_ERROR: any other code is a finding. */
export const DOCUMENTED_REFUSALS: ReadonlySet<string> = new Set([
  ...Object.values(ApiErrorCode).filter((c) => c !== ApiErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
]);

export interface FuzzRun {
  baseUrl: string;
  schema: GraphQLSchema;
  values: FuzzValues;
  /** Request headers per caller (an empty record for an anonymous caller). */
  callers: Readonly<Record<string, Record<string, string>>>;
  /** Operations drawn at random over all root fields. */
  operations: number;
  /** Or, instead, exactly this many operations per root field (each caller in turn). */
  perField?: number;
  seed: number;
  /** Requests in flight at once. */
  concurrency?: number;
}

export interface FuzzViolation {
  operation: string;
  caller: string;
  status: number;
  code: string;
  message: string;
}

export interface FuzzReport {
  seed: number;
  operations: number;
  /** Operations answered without any error. */
  accepted: number;
  /** Error codes seen, with counts (an operation may carry several errors). */
  codes: Record<string, number>;
  /** Root fields sent at least once. */
  fieldsCovered: number;
  violations: FuzzViolation[];
}

/**
 * Sends `operations` generated operations (deterministic for a seed), each as a caller drawn from
 * `callers`, and classifies every answer: an INTERNAL_SERVER_ERROR, an HTTP status of 500 or more,
 * a code outside DOCUMENTED_REFUSALS or an answer that is not GraphQL JSON is a violation. The one
 * non-GraphQL answer allowed is the body-size refusal (413).
 */
export async function runGraphqlFuzz(run: FuzzRun): Promise<FuzzReport> {
  const callerNames = Object.keys(run.callers).sort();
  const cases: [FuzzOperation, string][] = run.perField
    ? rootFields(run.schema).flatMap(({ kind, field }, index) =>
        fc
          .sample(operationArbitrary(kind, field, run.values), { numRuns: run.perField!, seed: run.seed + index })
          .map((operation, i): [FuzzOperation, string] => [operation, callerNames[(index + i) % callerNames.length]!]),
      )
    : fc.sample(fc.tuple(anyOperation(run.schema, run.values), fc.constantFrom(...callerNames)), {
        numRuns: run.operations,
        seed: run.seed,
      });
  const report: FuzzReport = {
    seed: run.seed,
    operations: cases.length,
    accepted: 0,
    codes: {},
    fieldsCovered: 0,
    violations: [],
  };
  const covered = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const [operation, caller] = cases[next++]!;
      covered.add(operation.name);
      await sendOne(run, operation, caller, report);
    }
  };
  await Promise.all(Array.from({ length: run.concurrency ?? 4 }, worker));
  report.fieldsCovered = covered.size;
  report.codes = Object.fromEntries(Object.entries(report.codes).sort(([a], [b]) => a.localeCompare(b)));
  return report;
}

async function sendOne(run: FuzzRun, operation: FuzzOperation, caller: string, report: FuzzReport): Promise<void> {
  const response = await fetch(`${run.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...run.callers[caller] },
    body: JSON.stringify({ query: operation.query, variables: operation.variables }),
  });
  const text = await response.text();
  const violation = (code: string, message: string) =>
    report.violations.push({
      operation: operation.name,
      caller,
      status: response.status,
      code,
      message: message.slice(0, 300),
    });
  if (response.status === 413) {
    report.codes.PAYLOAD_TOO_LARGE = (report.codes.PAYLOAD_TOO_LARGE ?? 0) + 1;
    return;
  }
  let body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    violation('NOT_JSON', text);
    return;
  }
  if (response.status >= 500) violation(`HTTP_${response.status}`, JSON.stringify(body.errors ?? body));
  const errors = body.errors ?? [];
  if (errors.length === 0) {
    report.accepted++;
    return;
  }
  for (const error of errors) {
    const code = error.extensions?.code ?? 'NO_CODE';
    report.codes[code] = (report.codes[code] ?? 0) + 1;
    if (!DOCUMENTED_REFUSALS.has(code)) violation(code, error.message);
  }
}
