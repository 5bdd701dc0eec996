import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type FuzzFixture, startFuzzFixture } from '../testing/fuzz-fixture.js';
import { runGraphqlFuzz } from '../testing/graphql-fuzz-runner.js';
import { rootFields } from '../testing/graphql-fuzzer.js';

// The short run of the schema-driven fuzzer (the long one is `npm run fuzz`): every query and
// mutation of schema.gql, three generated operations each, sent as the matrix's callers in turn.
const SEED = 20261203;
const PER_FIELD = 3;

describe('GraphQL fuzzing (booted API, every root field, every role)', () => {
  let fixture: FuzzFixture;

  beforeAll(async () => {
    fixture = await startFuzzFixture(process.cwd());
  }, 120_000);

  afterAll(async () => {
    await fixture.close();
  });

  it('answers every generated operation with data or a documented refusal, and keeps serving', async () => {
    const fields = rootFields(fixture.schema).length;
    const report = await runGraphqlFuzz({
      baseUrl: fixture.matrix.api.baseUrl,
      schema: fixture.schema,
      values: fixture.values,
      callers: fixture.matrix.headers,
      operations: 0,
      perField: PER_FIELD,
      seed: SEED,
    });
    console.log(
      `graphql fuzz: seed ${report.seed}, ${report.operations} operations, ${report.accepted} accepted, codes ${JSON.stringify(report.codes)}`,
    );
    // Compared as one line each, so a failure reads as a list of operations.
    expect(report.violations.map((v) => `${v.operation} as ${v.caller}: ${v.status} ${v.code} ${v.message}`)).toEqual(
      [],
    );
    expect(report.operations).toBe(fields * PER_FIELD);
    expect(report.fieldsCovered).toBe(fields);
    expect(await fixture.health()).toBe(200);
  }, 300_000);
});
