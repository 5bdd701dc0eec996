import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { testStores, uniqueId } from '@cartographer/testing';
import { GraphError, GraphErrorCode } from './graph.errors.js';
import { GraphMigrationService, loadGraphMigrations, splitStatements } from './graph-migrations.js';
import { createDriver, Neo4jService } from './neo4j.service.js';
import { toNumber } from './neo4j-values.js';

describe('graph migrations (real Neo4j)', () => {
  let neo4j: Neo4jService;
  let dir: string;
  const label = uniqueId('MigrationProbe');
  // Versions far above the project's own, unique per run, so the test owns its ledger entries.
  const base = 900000 + Math.floor(Math.random() * 90000);

  beforeAll(async () => {
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    dir = await mkdtemp(join(tmpdir(), 'graph-migrations-'));
  });

  afterAll(async () => {
    await neo4j.queryWrite(
      'MATCH (m:GraphMigration) WHERE toInteger(m.version) >= $base AND toInteger(m.version) < $top DETACH DELETE m',
      {
        base,
        top: base + 10,
      },
    );
    await neo4j.queryWrite(`DROP CONSTRAINT ${label}_key IF EXISTS`);
    await neo4j.queryWrite(`MATCH (n:${label}) DELETE n`);
    await neo4j.driver.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('splits statements on line-ending semicolons and drops comment lines', () => {
    expect(splitStatements('// note\nCREATE (a);\nMATCH (n)\nRETURN n;\n')).toEqual([
      'CREATE (a)',
      'MATCH (n)\nRETURN n',
    ]);
  });

  it('applies each migration once, in order, and records it in the graph', async () => {
    await writeFile(
      join(dir, `V${base}__constraint.cypher`),
      `CREATE CONSTRAINT ${label}_key IF NOT EXISTS FOR (n:${label}) REQUIRE n.key IS UNIQUE;\n`,
    );
    await writeFile(join(dir, `V${base + 1}__seed.cypher`), `MERGE (:${label} {key: 'seed'});\n`);
    const service = new GraphMigrationService(neo4j);

    const first = await service.migrate(await loadGraphMigrations(dir));
    const second = await service.migrate(await loadGraphMigrations(dir));

    expect(first).toEqual([`V${base}__constraint.cypher`, `V${base + 1}__seed.cypher`]);
    expect(second).toEqual([]);
    const ledger = await neo4j.queryRead<{ file: string }>(
      'MATCH (m:GraphMigration) WHERE toInteger(m.version) >= $base AND toInteger(m.version) < $top RETURN m.file AS file ORDER BY m.version',
      { base, top: base + 10 },
    );
    expect(ledger).toEqual([{ file: `V${base}__constraint.cypher` }, { file: `V${base + 1}__seed.cypher` }]);
    const nodes = await neo4j.queryRead<{ count: unknown }>(`MATCH (n:${label}) RETURN count(n) AS count`);
    expect(toNumber(nodes[0].count)).toBe(1);
    await expect(neo4j.queryWrite(`CREATE (:${label} {key: 'seed'})`)).rejects.toMatchObject({
      code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
    });
  });

  it('refuses an applied migration whose file changed', async () => {
    await writeFile(join(dir, `V${base + 1}__seed.cypher`), `MERGE (:${label} {key: 'changed'});\n`);
    await expect(new GraphMigrationService(neo4j).migrate(await loadGraphMigrations(dir))).rejects.toEqual(
      new GraphError(
        GraphErrorCode.MIGRATION_CHANGED,
        `graph migration V${base + 1}__seed.cypher was changed after it was applied; add a new migration instead`,
      ),
    );
    await writeFile(join(dir, `V${base + 1}__seed.cypher`), `MERGE (:${label} {key: 'seed'});\n`);
  });

  it('stops at a failing migration, naming its file, and does not record it', async () => {
    await writeFile(join(dir, `V${base + 2}__broken.cypher`), 'THIS IS NOT CYPHER;\n');
    const error = await new GraphMigrationService(neo4j)
      .migrate(await loadGraphMigrations(dir))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).code).toBe(GraphErrorCode.MIGRATION_FAILED);
    expect((error as GraphError).message).toBe(
      `graph migration V${base + 2}__broken.cypher failed at statement 1: Neo.ClientError.Statement.SyntaxError`,
    );
    const applied = await new GraphMigrationService(neo4j).applied();
    expect(applied.has(base + 2)).toBe(false);
  });

  it('rejects a badly named migration file', async () => {
    const other = await mkdtemp(join(tmpdir(), 'graph-migrations-bad-'));
    await writeFile(join(other, 'constraints.cypher'), 'RETURN 1;');
    await expect(loadGraphMigrations(other)).rejects.toThrow(
      'graph migration constraints.cypher: name must look like V0001__description.cypher',
    );
    await rm(other, { recursive: true, force: true });
  });
});
