/**
 * Compliance benchmark: for the demo (examples/demo, imported with its declared-field
 * classification) and for the 1M-field synthetic organisation (scripts/synthetic-inventory.ts with
 * servers, recipients and activities, plus one finding per ten fields), times the load of the
 * ComplianceFacts from the graph and the three computations (transfers, Art. 30 record, DPIA
 * screening), and prints the memory used. Last line: one JSON object.
 *
 *   npm run bench:compliance -- [--datasets 10000] [--fields 100] [--heap 6g]
 *
 * Uses NEO4J_URI/NEO4J_PASSWORD when set, otherwise starts a local Neo4j in a temporary folder.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AuditOutbox } from '@cartographer/access';
import { ALLOW_EVERY_IMPORT, importInventory } from '@cartographer/findings';
import {
  createDriver,
  ensureNeo4jInstalled,
  GraphMigrationService,
  Neo4jService,
  startLocalNeo4j,
} from '@cartographer/graph';
import { DEMO_DIR, InventoryImportService, parseInventory } from '@cartographer/inventory';
import { computeProcessingRecord, computeTransfers, prepareFacts, screenDpia } from '@cartographer/compliance';
import { loadComplianceFacts, READ_ALL } from '@cartographer/registers';
import { syntheticInventory } from './synthetic-inventory.js';

const { values } = parseArgs({
  options: {
    datasets: { type: 'string', default: '10000' },
    fields: { type: 'string', default: '100' },
    heap: { type: 'string', default: '4g' },
    // Internal: measure one organisation in a fresh process (the parent's RSS holds the import).
    measure: { type: 'string' },
  },
});
const AS_OF = '2026-12-01';
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

interface Figures {
  fields: number;
  activities: number;
  transfers: number;
  loadSeconds: number;
  computeSeconds: number;
  totalSeconds: number;
  loadStepsMs: Record<string, number>;
  stepsMs: Record<'load' | 'index' | 'transfers' | 'record' | 'screening', number>;
  heapUsedMb: number;
  rssMb: number;
}

async function measure(neo4j: Neo4jService, organisation: string): Promise<Figures> {
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  // The load's steps, summed over the sources (the driver may retry the read: the last try counts).
  let loadSteps: Record<string, number> = {};
  const facts = await loadComplianceFacts(neo4j, organisation, {
    scope: READ_ALL,
    profile: (step, stepMs) => {
      if (step === 'outline') loadSteps = {};
      loadSteps[step] = (loadSteps[step] ?? 0) + stepMs;
    },
  });
  const t1 = performance.now();
  // computeAll's steps, timed one by one (prepareFacts once, every computation on its index).
  const index = prepareFacts(facts);
  const tIndex = performance.now();
  const transfers = computeTransfers(facts, AS_OF, { index });
  const tTransfers = performance.now();
  const record = computeProcessingRecord(facts, AS_OF, { index });
  const tRecord = performance.now();
  const screening = screenDpia(facts, AS_OF, { index });
  const t2 = performance.now();
  const ms = (a: number, b: number) => Math.round(b - a);
  clearInterval(sampler);
  const memory = process.memoryUsage();
  peakRss = Math.max(peakRss, memory.rss);
  const fields = (facts.sources ?? []).reduce(
    (n, s) => n + (s.datasets ?? []).reduce((m, d) => m + (d.fields?.length ?? 0), 0),
    0,
  );
  const figures = {
    fields,
    activities: record.activities.length,
    transfers: transfers.transfers.length,
    loadSeconds: Number(((t1 - t0) / 1000).toFixed(2)),
    computeSeconds: Number(((t2 - t1) / 1000).toFixed(2)),
    totalSeconds: Number(((t2 - t0) / 1000).toFixed(2)),
    loadStepsMs: Object.fromEntries(Object.entries(loadSteps).map(([step, value]) => [step, Math.round(value)])),
    stepsMs: {
      load: ms(t0, t1),
      index: ms(t1, tIndex),
      transfers: ms(tIndex, tTransfers),
      record: ms(tTransfers, tRecord),
      screening: ms(tRecord, t2),
    },
    heapUsedMb: mb(memory.heapUsed),
    rssMb: mb(peakRss),
  };
  console.log(
    `${organisation}: ${fields} fields, ${figures.activities} activities (${screening.activities.length} screened), ${figures.transfers} transfers: load ${figures.loadSeconds} s + compute ${figures.computeSeconds} s = ${figures.totalSeconds} s (${JSON.stringify(figures.stepsMs)} ms; load: ${JSON.stringify(figures.loadStepsMs)} ms); heap used ${figures.heapUsedMb} MB, peak RSS ${figures.rssMb} MB`,
  );
  return figures;
}

/**
 * Generates and imports the 1M-field organisation plus one scan finding per ten fields. In its own
 * function so that the generated document is garbage before anything is measured.
 */
async function importBenchOrganisation(neo4j: Neo4jService, benchOrg: string): Promise<void> {
  const t0 = performance.now();
  const document = syntheticInventory(benchOrg, Number(values.datasets), Number(values.fields), { compliance: true });
  await new InventoryImportService(neo4j).importDocument(document);
  // One scan finding per ten fields, in batches: what the loader reads besides the declarations.
  const categories = ['IDENTITY', 'CONTACT', 'HEALTH', 'FINANCIAL', 'LOCATION'];
  for (let s = 0; s < (document.sources ?? []).length; s++) {
    await neo4j.queryWrite(
      `MATCH (d:Dataset {organisation: $org})-[:HAS_FIELD]->(f:Field)
       WHERE d.localKey STARTS WITH $prefix AND toInteger(split(f.name, '_')[1]) % 10 = 0
       CREATE (f)-[:HAS_FINDING]->(:Finding {key: f.key + '#classification', organisation: $org, field: f.key,
         origin: 'SCAN', status: 'OPEN', personal: true, quasiIdentifier: false,
         category: $categories[toInteger(split(f.name, '_')[1]) / 10 % size($categories)],
         specialCategory: false, specialCategoryKind: null})`,
      { org: benchOrg, prefix: `ds-${s}-`, categories },
    );
  }
  console.log(
    `imported the 1M-field organisation and its findings in ${((performance.now() - t0) / 1000).toFixed(1)} s (not counted)`,
  );
}

interface Connection {
  uri: string;
  user: string;
  password: string;
}

/** Runs `measure` in a fresh Node process: its RSS is the load and the computation only. */
async function measureInChild(connection: Connection, organisation: string): Promise<Figures> {
  const child = spawn(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--measure', organisation], {
    env: {
      ...process.env,
      NEO4J_URI: connection.uri,
      NEO4J_USER: connection.user,
      NEO4J_PASSWORD: connection.password,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
    process.stdout.write(chunk);
  });
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`measuring ${organisation} failed (exit ${code})`);
  const lines = out.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as Figures;
}

async function measureOnly(organisation: string): Promise<void> {
  const connection = {
    uri: process.env.NEO4J_URI ?? '',
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
  };
  const neo4j = new Neo4jService(createDriver(connection), connection);
  try {
    // A first small read warms the connection pool; it is not what is measured.
    await neo4j.queryRead('RETURN 1 AS one');
    console.log(JSON.stringify(await measure(neo4j, organisation)));
  } finally {
    await neo4j.driver.close();
  }
}

async function main(): Promise<void> {
  let home: string | undefined;
  let stop = async () => {};
  let connection = {
    uri: process.env.NEO4J_URI ?? '',
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
  };
  if (!connection.uri) {
    home = await mkdtemp(join(tmpdir(), 'carto-bench-compliance-'));
    await ensureNeo4jInstalled();
    const server = await startLocalNeo4j({
      homeDir: home,
      password: randomBytes(12).toString('hex'),
      heap: values.heap,
      initialHeap: values.heap,
      pagecache: '1g',
    });
    connection = { uri: server.uri, user: server.user, password: server.password };
    stop = () => server.stop();
  }
  const neo4j = new Neo4jService(createDriver(connection), connection);
  const suffix = Date.now().toString(36);
  const demoOrg = `demo-${suffix}`;
  const benchOrg = `bench-compliance-${suffix}`;
  try {
    await new GraphMigrationService(neo4j).migrate();
    const demo = parseInventory(await readFile(join(DEMO_DIR, 'ville-de-lormont-sur-loire.yaml'), 'utf8'));
    await importInventory(
      { neo4j, outbox: new AuditOutbox() },
      { document: { ...demo, organisation: { ...demo.organisation, key: demoOrg } }, authorize: ALLOW_EVERY_IMPORT },
    );
    await importBenchOrganisation(neo4j, benchOrg);
    const demoFigures = await measureInChild(connection, demoOrg);
    const benchFigures = await measureInChild(connection, benchOrg);
    console.log(
      JSON.stringify({
        asOf: AS_OF,
        demo: demoFigures,
        oneMillionFields: benchFigures,
        targetSeconds: 5,
        targetMb: 500,
        withinTarget: benchFigures.totalSeconds < 5 && benchFigures.rssMb < 500,
      }),
    );
  } finally {
    try {
      // A local Neo4j is removed with its folder; an external one gets the organisations deleted.
      if (!home)
        for (const org of [demoOrg, benchOrg]) {
          // Deleted in slices: one transaction for 2M nodes would need a large heap.
          for (;;) {
            const rows = await neo4j.queryWrite<{ n: { toNumber(): number } }>(
              'MATCH (n {organisation: $org}) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n',
              { org },
            );
            if ((rows[0]?.n.toNumber() ?? 0) === 0) break;
          }
        }
    } finally {
      // The local Neo4j is stopped even when the clean-up fails.
      await neo4j.driver.close();
      await stop();
      if (home) await rm(home, { recursive: true, force: true });
    }
  }
}

if (values.measure) await measureOnly(values.measure);
else await main();
