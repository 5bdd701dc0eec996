import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { type MatrixFixture, startMatrixFixture } from './authorization-fixture.js';
import { type FuzzValues, fuzzSchema } from './graphql-fuzzer.js';

export interface FuzzFixture {
  matrix: MatrixFixture;
  schema: GraphQLSchema;
  values: FuzzValues;
  /** Health of the API after the run: `/health` status. */
  health(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The authorization matrix's fixture (two organisations, every role, findings, scan runs) as the
 * fuzzer's ground: its keys, ids and emails are the valid-shaped values, its role headers the
 * callers. Whatever the fuzzer created under the run's prefix is removed on close.
 */
export async function startFuzzFixture(root: string): Promise<FuzzFixture> {
  const matrix = await startMatrixFixture();
  const schema = fuzzSchema(await readFile(join(root, 'apps/api/schema.gql'), 'utf8'));
  const keys = await matrix.neo4j.queryRead<{ key: string }>(
    'MATCH (n) WHERE n.organisation IN $organisations AND n.key IS NOT NULL RETURN n.key AS key ORDER BY key',
    { organisations: [matrix.main, matrix.other] },
  );
  const graphKeys = keys.map((row) => String(row.key));
  const locals = graphKeys.map((key) => key.slice(key.indexOf(':') + 1));
  const known = [
    matrix.main,
    matrix.other,
    matrix.spareOrganisation,
    ...graphKeys,
    ...locals,
    ...Object.values(matrix.accounts).flatMap((account) => [account.id, account.email]),
    ...Object.values(matrix.scanRuns).map((scanRun) => scanRun.id),
    matrix.scanRef,
  ];
  return {
    matrix,
    schema,
    values: {
      known: [...new Set(known)].sort(),
      freshPrefix: matrix.run,
      hints: [
        { name: /^organisations?$/i, values: [matrix.main, matrix.other] },
        { name: /email/i, values: Object.values(matrix.accounts).map((account) => account.email) },
        { name: /^(userId|accountId)$/i, values: Object.values(matrix.accounts).map((account) => account.id) },
        { name: /^(runId|scanRunId)$/i, values: Object.values(matrix.scanRuns).map((scanRun) => scanRun.id) },
        { name: /^(key|keys|source|dataset|field|department|activity|server|recipient|from|to)$/i, values: graphKeys },
      ],
    },
    async health() {
      return (await fetch(`${matrix.api.baseUrl}/health`)).status;
    },
    async close() {
      await matrix.neo4j.queryWrite('MATCH (n) WHERE n.organisation STARTS WITH $run DETACH DELETE n', {
        run: matrix.run,
      });
      await matrix.db.query('DELETE FROM users WHERE email LIKE $1', [`${matrix.run}%`]);
      await matrix.close();
    },
  };
}
