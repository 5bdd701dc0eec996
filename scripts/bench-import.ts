/**
 * Import benchmark: generates a synthetic inventory (default 10,000 datasets x 100 fields = 1M
 * fields and their relationships), imports it through the real batched path into a real Neo4j,
 * then imports a slice through a naive one-transaction-per-entity path, and prints graph writes
 * per second for both and their ratio. Last line: one JSON object.
 *
 *   npm run bench:import -- [--datasets 10000] [--fields 100] [--naive 3000] [--warmup 2000] [--reimport]
 *
 * --warmup N first imports N datasets into another organisation, not counted (0 for a cold JVM);
 * --reimport then imports the same document again (everything exists: the MERGE path).
 *
 * Uses NEO4J_URI/NEO4J_PASSWORD when set, otherwise starts a local Neo4j in a temporary folder.
 */
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import {
  createDriver,
  ensureNeo4jInstalled,
  GraphMigrationService,
  Neo4jService,
  startLocalNeo4j,
} from '@cartographer/graph';
import {
  InventoryImportService,
  compileInventory,
  countWrites,
  validateInventoryDocument,
} from '@cartographer/inventory';
import { syntheticInventory as generate } from './synthetic-inventory.js';

const { values } = parseArgs({
  options: {
    datasets: { type: 'string', default: '10000' },
    fields: { type: 'string', default: '100' },
    naive: { type: 'string', default: '3000' },
    warmup: { type: 'string', default: '2000' },
    reimport: { type: 'boolean', default: false },
    heap: { type: 'string', default: '6g' },
  },
});
const datasets = Number(values.datasets);
const fieldsPerDataset = Number(values.fields);
const naiveEntities = Number(values.naive);
const warmupDatasets = Number(values.warmup);
const syntheticInventory = (org: string, count: number) => generate(org, count, fieldsPerDataset);

async function main(): Promise<void> {
  let home: string | undefined;
  let stop = async () => {};
  let connection = {
    uri: process.env.NEO4J_URI ?? '',
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
  };
  if (!connection.uri) {
    home = await mkdtemp(join(tmpdir(), 'carto-bench-import-'));
    await ensureNeo4jInstalled();
    const server = await startLocalNeo4j({
      homeDir: home,
      password: randomBytes(12).toString('hex'),
      heap: values.heap,
      initialHeap: values.heap,
      pagecache: '2g',
    });
    connection = { uri: server.uri, user: server.user, password: server.password };
    stop = () => server.stop();
  }
  const service = new Neo4jService(createDriver(connection), connection);
  try {
    await new GraphMigrationService(service).migrate();
    const org = `bench-${Date.now().toString(36)}`;
    if (warmupDatasets > 0) {
      // A server that has run for a while has compiled its hot paths; a JVM started for the benchmark
      // has not. A smaller import into another organisation first gives the JIT that time.
      const started = performance.now();
      await new InventoryImportService(service).importDocument(syntheticInventory(`${org}-warmup`, warmupDatasets));
      console.log(
        `warm-up: ${warmupDatasets} datasets into another organisation in ${((performance.now() - started) / 1000).toFixed(1)} s (not counted)`,
      );
    }

    const t0 = performance.now();
    const document = syntheticInventory(org, datasets);
    const t1 = performance.now();
    const batch = compileInventory(validateInventoryDocument(document));
    const t2 = performance.now();
    const cpuBefore = process.cpuUsage();
    const steps = new Map<string, { ms: number; rows: number }>();
    await new InventoryImportService(service).importDocument(document, undefined, {
      profile: (step, ms, rows) => {
        const entry = steps.get(step) ?? { ms: 0, rows: 0 };
        steps.set(step, { ms: entry.ms + ms, rows: entry.rows + rows });
      },
    });
    const t3 = performance.now();
    const cpu = process.cpuUsage(cpuBefore);
    const importCpuSeconds = (cpu.user + cpu.system) / 1e6;
    const writes = countWrites(batch);
    // Writing time is the sum of the statements' times; the import's own validation is excluded.
    const writeSeconds = [...steps.values()].reduce((sum, step) => sum + step.ms, 0) / 1000;
    const batchedRate = writes / writeSeconds;
    console.log(`generated ${datasets} datasets x ${fieldsPerDataset} fields in ${((t1 - t0) / 1000).toFixed(1)} s`);
    console.log(`validated and compiled in ${((t2 - t1) / 1000).toFixed(1)} s`);
    for (const [step, { ms, rows }] of steps) console.log(`  ${step}: ${rows} rows in ${(ms / 1000).toFixed(2)} s`);
    console.log(
      `batched import: ${writes} graph writes in ${writeSeconds.toFixed(1)} s = ${Math.round(batchedRate)} writes/s (whole import call ${((t3 - t2) / 1000).toFixed(1)} s, of which ${importCpuSeconds.toFixed(1)} s CPU in this Node process)`,
    );

    // Naive path: one transaction per entity (node MERGE + its relationship), as a hand-written
    // loader would do, on fields of a separate organisation.
    const naiveOrg = `${org}-naive`;
    await service.queryWrite('MERGE (d:Dataset {key: $key}) SET d.organisation = $org', {
      key: `${naiveOrg}:ds`,
      org: naiveOrg,
    });
    const t4 = performance.now();
    for (let i = 0; i < naiveEntities; i++) {
      await service.write((tx) =>
        tx.run(
          'MATCH (d:Dataset {key: $dataset}) MERGE (f:Field {key: $key}) SET f.organisation = $org, f.name = $name, f.dataType = $type MERGE (d)-[:HAS_FIELD]->(f)',
          { dataset: `${naiveOrg}:ds`, key: `${naiveOrg}:ds/c${i}`, org: naiveOrg, name: `c${i}`, type: 'varchar' },
        ),
      );
    }
    const t5 = performance.now();
    const naiveRate = (naiveEntities * 2) / ((t5 - t4) / 1000);
    console.log(
      `naive import: ${naiveEntities * 2} graph writes in ${((t5 - t4) / 1000).toFixed(1)} s = ${Math.round(naiveRate)} writes/s`,
    );
    const ratio = batchedRate / naiveRate;
    console.log(`ratio batched/naive: ${ratio.toFixed(1)}x`);

    // Optionally, the same document again: every entity exists, so every field is MERGEd.
    let reimportRate: number | undefined;
    if (values.reimport) {
      const again = new Map<string, number>();
      await new InventoryImportService(service).importDocument(document, undefined, {
        profile: (step, ms) => again.set(step, (again.get(step) ?? 0) + ms),
      });
      const seconds = [...again.values()].reduce((sum, ms) => sum + ms, 0) / 1000;
      reimportRate = writes / seconds;
      console.log(
        `re-import of the same document: ${writes} graph writes in ${seconds.toFixed(1)} s = ${Math.round(reimportRate)} writes/s (merge Field: ${((again.get('merge Field') ?? 0) / 1000).toFixed(1)} s)`,
      );
    }

    const counted = await service.queryRead<{ fields: { toNumber(): number } }>(
      'MATCH (f:Field {organisation: $org}) RETURN count(f) AS fields',
      { org },
    );
    console.log(
      JSON.stringify({
        datasets,
        warmupDatasets,
        fieldsPerDataset,
        fieldsInGraph: counted[0].fields.toNumber(),
        graphWrites: writes,
        batchedSeconds: Number(writeSeconds.toFixed(2)),
        importCallSeconds: Number(((t3 - t2) / 1000).toFixed(2)),
        batchedWritesPerSecond: Math.round(batchedRate),
        validateSeconds: Number(((t2 - t1) / 1000).toFixed(2)),
        naiveWrites: naiveEntities * 2,
        naiveWritesPerSecond: Math.round(naiveRate),
        ratio: Number(ratio.toFixed(1)),
        ...(reimportRate !== undefined ? { reimportWritesPerSecond: Math.round(reimportRate) } : {}),
      }),
    );
  } finally {
    await service.driver.close();
    await stop();
    if (home) await rm(home, { recursive: true, force: true });
  }
}

await main();
