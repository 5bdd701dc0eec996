/**
 * The long fuzzing run (the short ones are in `npm test`): starts local stores in a temporary folder,
 * boots the API on the authorization matrix's fixture and sends generated GraphQL operations over
 * every query and mutation of schema.gql as every role, then imports mutants of the demo inventory
 * through the import use case. Any internal error, crash, undocumented code, unnamed refusal or
 * refused import that wrote something is printed and fails the run (exit 1).
 *
 *   npm run fuzz -- [--operations 100000] [--documents 10000] [--seed 20261203] [--concurrency 4]
 *
 * Prints progress per phase; the last line is one JSON object.
 */
import 'reflect-metadata';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { loadConfig, projectRoot } from '@cartographer/config';
import { preflight, startStores } from '@cartographer/runtime';
import { startFuzzFixture } from '../apps/api/src/testing/fuzz-fixture.js';
import { runGraphqlFuzz } from '../apps/api/src/testing/graphql-fuzz-runner.js';
import { runImportFuzz } from '../libs/findings/src/import-fuzz.js';

const { values } = parseArgs({
  options: {
    operations: { type: 'string', default: '100000' },
    documents: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20261203' },
    concurrency: { type: 'string', default: '4' },
  },
});

async function main(): Promise<number> {
  const root = projectRoot();
  const dataDir = await mkdtemp(join(tmpdir(), 'carto-fuzz-'));
  // Under root, PostgreSQL runs as the postgres user, which must be able to enter this folder.
  await chmod(dataDir, 0o755);
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', CARTO_DATA_DIR: dataDir, LOG_LEVEL: 'error' });
  const stores = await startStores(config, () => undefined);
  // The fixture boots the API the way the integration tests do: on the stores named here.
  process.env.NEO4J_URI = stores.neo4j.uri;
  process.env.NEO4J_USER = stores.neo4j.user;
  process.env.NEO4J_PASSWORD = stores.neo4j.password;
  process.env.DATABASE_URL = stores.databaseUrl;
  process.env.LOG_LEVEL = 'error';
  try {
    await preflight(stores);
    const fixture = await startFuzzFixture(root);
    const seed = Number(values.seed);
    let started = performance.now();
    const graphql = await runGraphqlFuzz({
      baseUrl: fixture.matrix.api.baseUrl,
      schema: fixture.schema,
      values: fixture.values,
      callers: fixture.matrix.headers,
      operations: Number(values.operations),
      seed,
      concurrency: Number(values.concurrency),
    });
    const graphqlSeconds = (performance.now() - started) / 1000;
    const health = await fixture.health();
    console.log(
      `graphql: ${graphql.operations} operations in ${graphqlSeconds.toFixed(1)} s, ${graphql.accepted} accepted, ` +
        `${graphql.fieldsCovered} root fields, codes ${JSON.stringify(graphql.codes)}, /health ${health}`,
    );
    for (const violation of graphql.violations.slice(0, 50)) console.log(`  VIOLATION ${JSON.stringify(violation)}`);

    const organisation = `${fixture.matrix.run}-fuzzdoc`;
    const base = parse(await readFile(join(root, 'examples/demo/ville-de-lormont-sur-loire.yaml'), 'utf8')) as {
      organisation: { key: string };
    };
    base.organisation.key = organisation;
    started = performance.now();
    const imports = await runImportFuzz({
      neo4j: fixture.matrix.neo4j,
      base,
      organisation,
      documents: Number(values.documents),
      seed,
    });
    const importSeconds = (performance.now() - started) / 1000;
    console.log(
      `import: ${imports.documents} documents in ${importSeconds.toFixed(1)} s, ${imports.imported} imported, ` +
        `${imports.refused} refused, codes ${JSON.stringify(imports.codes)}`,
    );
    for (const violation of imports.violations.slice(0, 50)) console.log(`  VIOLATION ${JSON.stringify(violation)}`);
    await fixture.matrix.neo4j.queryWrite('MATCH (n {organisation: $organisation}) DETACH DELETE n', { organisation });
    await fixture.close();
    const failed = graphql.violations.length + imports.violations.length > 0 || health !== 200;
    console.log(
      JSON.stringify({
        benchmark: 'fuzz',
        seed,
        graphql: {
          ...graphql,
          violations: graphql.violations.length,
          seconds: Number(graphqlSeconds.toFixed(1)),
          health,
        },
        imports: { ...imports, violations: imports.violations.length, seconds: Number(importSeconds.toFixed(1)) },
        passed: !failed,
      }),
    );
    return failed ? 1 : 0;
  } finally {
    await stores.stop();
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

process.exitCode = await main();
