import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, type DocumentNode, validate } from 'graphql';
import { loadConfig, projectRoot } from '@cartographer/config';
import * as generated from '../../../web/src/gql/graphql.js';
import { complexityLimitPlugin, depthLimitRule } from '../graphql/graphql-limits.js';

/*
 * Every operation of the dashboard, as generated from the committed schema, is valid against that
 * schema and within the API's default depth and complexity limits (checked with the server's own
 * estimator), with the variables that make it most expensive.
 */
const schema = buildSchema(readFileSync(join(projectRoot(), 'apps', 'api', 'schema.gql'), 'utf8'));
const limits = loadConfig({ NODE_ENV: 'test' }).graphqlLimits;
const operations = Object.entries(generated).filter(([name]) => name.endsWith('Document')) as [string, DocumentNode][];
// Required arguments given, every @include on: the most a dashboard request can cost.
const widest = {
  withConnection: true,
  withEvidence: true,
  withSource: true,
  withDataset: true,
  ...Object.fromEntries(
    ['email', 'password', 'organisation', 'department', 'source', 'dataset', 'key', 'comment', 'query'].map((n) => [
      n,
      'x',
    ]),
  ),
  decision: 'CONFIRM',
};

async function cost(document: DocumentNode): Promise<string | undefined> {
  const listener = (await complexityLimitPlugin(limits.maxComplexity).requestDidStart!({} as never))!;
  try {
    await listener.didResolveOperation!({ request: { variables: widest }, document, schema } as never);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the dashboard operations', () => {
  it('are the seventeen generated documents', () => {
    expect(operations.map(([name]) => name).sort()).toEqual([
      'DataMapDocument',
      'DataSourcesDocument',
      'DatasetsDocument',
      'DepartmentsDocument',
      'EntityNamesDocument',
      'FieldsDocument',
      'FindingFlagsDocument',
      'FindingsDocument',
      'IndicatorsDocument',
      'LoginDocument',
      'MeDocument',
      'OrganisationsDocument',
      'ReviewDatasetFindingsDocument',
      'ReviewFindingDocument',
      'ScanRunsDocument',
      'ScanSourcesDocument',
      'StartScanDocument',
    ]);
  });

  it('validate against the schema within the default depth limit', () => {
    for (const [name, document] of operations)
      expect([name, validate(schema, document, [depthLimitRule(limits.maxDepth)]).map((e) => e.message)]).toEqual([
        name,
        [],
      ]);
    expect(validate(schema, operations[0][1]).length).toBe(0);
  });

  it('stay under the default complexity limit', async () => {
    expect(limits.maxComplexity).toBe(5000);
    for (const [name, document] of operations) expect([name, await cost(document)]).toEqual([name, undefined]);
  });
});
