import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stringify } from 'yaml';
import { projectRoot } from '@cartographer/config';
import { createDriver, Neo4jService } from '@cartographer/graph';
import { DEMO_DIR, parseInventory } from '@cartographer/inventory';
import { testStores, uniqueId } from '@cartographer/testing';

const run = promisify(execFile);
const CARTO = join(projectRoot(), 'bin', 'carto.js');

async function carto(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CARTO, ...args], {
      env: { ...process.env, LOG_LEVEL: 'error' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** `carto plan` on the demo organisation imported through `carto import`, real Neo4j. */
describe('carto plan (the built command line, real Neo4j)', () => {
  const org = uniqueId('cli-plan-');
  const bare = uniqueId('cli-noplan-');
  let dir: string;
  let neo4j: Neo4jService;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carto-plan-'));
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    const demo = parseInventory(await readFile(join(DEMO_DIR, 'ville-de-lormont-sur-loire.yaml'), 'utf8'));
    const file = join(dir, 'demo.yaml');
    await writeFile(file, stringify({ ...demo, organisation: { ...demo.organisation, key: org } }));
    const without = join(dir, 'bare.yaml');
    await writeFile(without, stringify({ version: 1, organisation: { key: bare, name: 'Sans plan' } }));
    expect((await carto('import', file)).code).toBe(0);
    expect((await carto('import', without)).code).toBe(0);
  });

  afterAll(async () => {
    for (const key of [org, bare]) {
      await neo4j.queryWrite('MATCH (n {organisation: $key}) DETACH DELETE n', { key });
      await neo4j.queryWrite(`MATCH (o:AuditOutbox) WHERE o.entry CONTAINS $key DELETE o`, { key });
    }
    await neo4j.driver.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("prints the demo plan's CPM: the committed example, a late task, negative float against the deadline", async () => {
    const demoPlan = JSON.parse(await readFile(join(projectRoot(), 'examples', 'plans', 'demo-plan.json'), 'utf8'));
    const demo = parseInventory(await readFile(join(DEMO_DIR, 'ville-de-lormont-sur-loire.yaml'), 'utf8'));
    expect(demo.plan).toEqual(demoPlan); // the demo file and examples/plans hold one plan

    const printed = await carto('plan', '--organisation', org, '--format', 'json');
    expect([printed.code, printed.stderr]).toEqual([0, '']);
    const expected = JSON.parse(await readFile(join(projectRoot(), 'examples', 'plans', 'demo-plan.cpm.json'), 'utf8'));
    expect(printed.stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    const json = JSON.parse(printed.stdout) as {
      tasks: { id: string; totalFloat: number; freeFloat: number; critical: boolean; varianceDays: number | null }[];
      criticalPath: string[][];
      end: string;
      deadline: string;
      deadlineFloat: number;
    };
    expect([json.end, json.deadline, json.deadlineFloat, json.criticalPath]).toEqual([
      '2026-12-28',
      '2026-12-11',
      -10,
      [['T4', 'T6', 'T8', 'T10', 'T11', 'M2']],
    ]);
    expect(json.tasks.find((t) => t.id === 'T1')).toEqual({
      id: 'T1',
      es: '2026-09-07',
      ef: '2026-09-30',
      ls: '2026-08-25',
      lf: '2026-09-17',
      totalFloat: -9,
      freeFloat: 0,
      critical: false,
      varianceDays: 3,
    });
    expect(json.tasks.filter((t) => t.varianceDays !== null && t.varianceDays > 0).map((t) => t.id).length).toBe(
      json.tasks.filter((t) => (t.varianceDays ?? 0) > 0).length,
    );
  });

  it('answers NOT_FOUND for an organisation without a plan and for an unknown one', async () => {
    expect(await carto('plan', '-o', bare)).toEqual({
      code: 4,
      stdout: '',
      stderr: `carto: organisation '${bare}' declares no plan: add a plan member to its inventory file (docs/inventory-format.md)\n`,
    });
    const unknown = await carto('plan', '-o', 'no-such-organisation-x');
    expect([unknown.code, unknown.stdout]).toEqual([4, '']);
  });

  it('refuses a plan with a cycle at import, naming its tasks, and writes nothing', async () => {
    const key = uniqueId('cli-cycle-');
    const file = join(dir, 'cycle.yaml');
    const plan = {
      start: '2026-09-07',
      tasks: [
        { id: 'A', name: 'A', duration: 2, dependencies: [{ predecessor: 'B' }] },
        { id: 'B', name: 'B', duration: 1, dependencies: [{ predecessor: 'A' }] },
      ],
    };
    await writeFile(file, stringify({ version: 1, organisation: { key, name: 'Cycle' }, plan }));
    const imported = await carto('import', file);
    expect(imported.code).toBe(3);
    expect(imported.stderr).toContain(
      "plan.tasks[0].dependencies (task 'A'): dependency cycle 'A' → 'B' → 'A' (each task depends on the one before it)",
    );
    expect(await neo4j.queryRead('MATCH (n {organisation: $key}) RETURN n', { key })).toEqual([]);
  });
});
