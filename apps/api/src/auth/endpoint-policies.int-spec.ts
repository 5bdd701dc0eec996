import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { projectRoot } from '@cartographer/config';
import { type ApiHarness, startApi } from '../testing/api-harness.js';
import { listEndpointPolicies } from './endpoint-policies.js';

const SNAPSHOT = join(projectRoot(), 'apps', 'api', 'src', 'auth', 'endpoint-policies.json');

describe('declared access policy of every endpoint (default deny)', () => {
  let api: ApiHarness;
  let policies: Record<string, string>;

  beforeAll(async () => {
    api = await startApi();
    policies = listEndpointPolicies(api.app);
  });

  afterAll(async () => {
    await api.close();
  });

  it('matches the committed, reviewed list (edit endpoint-policies.json with every new endpoint)', async () => {
    const committed = JSON.parse(await readFile(SNAPSHOT, 'utf8')) as Record<string, string>;
    expect(policies).toEqual(committed);
  });

  it('covers every query and mutation the schema serves', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const served = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((name) => `Query.${name}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `Mutation.${name}`),
    ].sort();
    const listed = Object.keys(policies).filter((key) => key.startsWith('Query.') || key.startsWith('Mutation.'));
    expect(listed).toEqual(served);
  });

  it('leaves no endpoint without a declared policy', () => {
    expect(Object.entries(policies).filter(([, policy]) => policy.startsWith('NONE'))).toEqual([]);
  });

  it('refuses an anonymous call of every non-public query with UNAUTHENTICATED', async () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const closed = Object.entries(policies)
      .filter(([key, policy]) => key.startsWith('Query.') && policy !== 'public')
      .map(([key]) => key.slice('Query.'.length));
    const codes: Record<string, string | undefined> = {};
    for (const name of closed) {
      const field = schema.getQueryType()!.getFields()[name];
      // Required arguments would fail validation before the guard; list queries here take none.
      if (field.args.some((arg) => arg.type.toString().endsWith('!'))) continue;
      const result = await api.graphql(`{ ${name} { __typename } }`);
      codes[name] = result.errors?.[0]?.extensions?.code;
    }
    expect(Object.values(codes).length).toBeGreaterThan(0);
    expect(codes).toEqual(Object.fromEntries(Object.keys(codes).map((name) => [name, 'UNAUTHENTICATED'])));
  });
});
