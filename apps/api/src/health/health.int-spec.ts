import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchemaSdl, printSortedSchema } from '../schema.js';
import { type ApiHarness, startApi } from '../testing/api-harness.js';

describe('health (real Neo4j and PostgreSQL)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('GET /health answers ok for both stores', async () => {
    const response = await fetch(`${api.baseUrl}/health`);
    const body = (await response.json()) as { status: string; neo4j: { status: string }; postgres: { status: string } };
    expect(response.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.neo4j.status).toBe('ok');
    expect(body.postgres.status).toBe('ok');
  });

  it('serves exactly the schema printed from the resolver registry', async () => {
    expect(printSortedSchema(api.app.get(GraphQLSchemaHost).schema)).toBe(await buildSchemaSdl());
  });

  it('answers the GraphQL health query', async () => {
    const result = await api.graphql<{
      health: { status: string; neo4j: { status: string }; postgres: { status: string } };
    }>('{ health { status neo4j { status } postgres { status } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ health: { status: 'ok', neo4j: { status: 'OK' }, postgres: { status: 'OK' } } });
  });
});
