/**
 * Scan benchmark: generates (once, reused while its shape matches) a PostgreSQL database
 * `carto_bench_scan` of 200 tables x 20 columns x 100,000 rows of made-up personal data, server-side
 * with generate_series, then runs the full discovery with sampling and prints columns/s, sampled
 * MB/s, total seconds and peak RSS. Last line: one JSON object.
 *
 *   npm run bench:scan -- [--tables 200] [--rows 100000] [--sample 1000] [--concurrency 4] [--stream]
 *
 * The server is BENCH_DATABASE_URL, else DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).
 * Each dataset is classified as a real scan does (--no-classify: discovery alone).
 * --stream hands each dataset to a consumer and drops its sample (retainSamples: false), as a scan
 * feeding classification would; without it every sample stays in the result until the end.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { connectorFor, type DiscoveredDataset } from '@cartographer/discovery';
import { classifyDataset, linkSource, type ScanDatasetResult, type ScanFieldResult } from '@cartographer/scan';

const { values } = parseArgs({
  options: {
    tables: { type: 'string', default: '200' },
    rows: { type: 'string', default: '100000' },
    sample: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '4' },
    stream: { type: 'boolean', default: false },
    'no-classify': { type: 'boolean', default: false },
  },
});
const tables = Number(values.tables);
const rows = Number(values.rows);
const sampleSize = Number(values.sample);
const concurrency = Number(values.concurrency);
const DATABASE = 'carto_bench_scan';
const COLUMNS = 20;

// 20 columns of made-up personal data, all computed from g: no client round trip per row.
const selectRows = (count: number) => `
SELECT g::bigint AS id,
  (ARRAY['Jean','Marie','Zoé','Loïc','Hélène','Karim','Aïcha','Søren','Paul','Léa','Hugo','Inès','Louis','Chloé','Nina','Omar'])[1 + g % 16] AS first_name,
  (ARRAY['Dupont','Martin','Bernard','Petit','Durand','Leroy','Moreau','Simon','Laurent','Lefebvre','Michel','Garcia','David','Bertrand','Roux','Vincent'])[1 + (g / 16) % 16] AS last_name,
  'user' || g || '@example.org' AS email,
  '+33 6 ' || lpad((g * 7919 % 100000000)::text, 8, '0') AS phone,
  date '1950-01-01' + (g % 20000) AS birth_date,
  timestamptz '2025-06-30T00:00:00Z' - make_interval(secs => (g * 7919 % 100000) * 600) AS created_at,
  (ARRAY['Paris','Lyon','Marseille','Toulouse','Nantes','Lille','Rennes','Besançon'])[1 + g % 8] AS city,
  lpad((1000 + g % 95000)::text, 5, '0') AS postcode,
  (g % 300) || ' rue de la République' AS street,
  ((g % 100000) / 100.0)::numeric(10, 2) AS amount,
  (g % 1000)::int AS score,
  g % 2 = 0 AS active,
  md5(g::text) || ' ' || md5((g + 1)::text) AS notes,
  md5(g::text)::uuid AS external_id,
  ('10.' || g % 256 || '.' || (g / 256) % 256 || '.1')::inet AS ip,
  'FR76' || lpad((g::bigint * 104729 % 1000000000)::text, 23, '0') AS iban,
  (ARRAY['F','M','X'])[1 + g % 3]::char(1) AS gender,
  timestamp '2025-06-01 00:00:00' + make_interval(mins => g % 40000) AS updated_at,
  jsonb_build_object('segment', g % 10, 'optin', g % 3 = 0) AS preferences
FROM generate_series(1, ${count}) g`;

function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates the benchmark database unless one of the same shape is already complete. */
async function ensureDatabase(server: string): Promise<{ generated: boolean; seconds: number }> {
  const shape = `carto bench: tables=${tables} columns=${COLUMNS} rows=${rows} complete`;
  const existing = await withClient(server, async (client) => {
    const { rows: found } = await client.query(
      `SELECT shobj_description(oid, 'pg_database') AS shape FROM pg_database WHERE datname = $1`,
      [DATABASE],
    );
    return found[0] as { shape: string | null } | undefined;
  });
  if (existing?.shape === shape) return { generated: false, seconds: 0 };
  const started = performance.now();
  await withClient(server, async (client) => {
    if (existing) await client.query(`DROP DATABASE ${DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${DATABASE}`);
  });
  const target = databaseUrl(server, DATABASE);
  let next = 0;
  // Unlogged: no WAL for throw-away data, which halves generation time; reading is unchanged.
  const worker = () =>
    withClient(target, async (client) => {
      while (next < tables) {
        const name = `bench_${String(next++).padStart(4, '0')}`;
        await client.query(`CREATE UNLOGGED TABLE ${name} AS ${selectRows(rows)}`);
        await client.query(`ALTER TABLE ${name} ADD PRIMARY KEY (id)`);
        await client.query(`ANALYZE ${name}`);
      }
    });
  await Promise.all(Array.from({ length: Math.max(2, concurrency) }, worker));
  await withClient(server, (client) => client.query(`COMMENT ON DATABASE ${DATABASE} IS '${shape}'`));
  return { generated: true, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const server = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!server) {
    console.error('set BENCH_DATABASE_URL or DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres');
    process.exitCode = 2;
    return;
  }
  const generation = await ensureDatabase(server);
  console.log(
    generation.generated
      ? `generated ${DATABASE}: ${tables} tables x ${COLUMNS} columns x ${rows} rows in ${generation.seconds.toFixed(1)} s`
      : `reusing ${DATABASE}: ${tables} tables x ${COLUMNS} columns x ${rows} rows`,
  );

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
  let sampledValues = 0;
  let sampledChars = 0;
  const measure = (dataset: { sample?: { rows: (string | null)[][] } }) => {
    for (const row of dataset.sample?.rows ?? []) {
      for (const value of row) {
        if (value === null) continue;
        sampledValues++;
        sampledChars += value.length;
      }
    }
  };
  // By default each dataset is classified as a real scan does (libs/scan), while its sample is in
  // memory; --no-classify measures discovery alone.
  const classify = !values['no-classify'];
  const stream = values.stream || classify;
  let classifySeconds = 0;
  // What the scan keeps once a dataset's sample is dropped: its per-field results, for the
  // source-level linkage pass that runs after the last dataset (as runScan does).
  const classifiedDatasets: ScanDatasetResult[] = [];
  const classifiedFields: ScanFieldResult[] = [];
  const descriptions = new Map<string, string | undefined>();
  const consume = (dataset: DiscoveredDataset) => {
    measure(dataset);
    if (!classify) return;
    const t = performance.now();
    const classified = classifyDataset(dataset);
    classifiedDatasets.push(classified.dataset);
    classifiedFields.push(...classified.fields);
    descriptions.set(dataset.name, dataset.description);
    classifySeconds += (performance.now() - t) / 1000;
  };
  const started = performance.now();
  const source = await connectorFor(databaseUrl(server, DATABASE)).discover({
    sampleSize,
    concurrency,
    retainSamples: !stream,
    onDataset: stream ? consume : undefined,
  });
  let linkageSeconds = 0;
  let personalFields = 0;
  if (classify) {
    const t = performance.now();
    personalFields = linkSource(classifiedDatasets, classifiedFields, descriptions).fields.filter(
      (f) => f.personal,
    ).length;
    linkageSeconds = (performance.now() - t) / 1000;
  }
  const seconds = (performance.now() - started) / 1000;
  if (!stream) source.datasets.forEach(measure);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  clearInterval(sampler);

  const columns = source.metrics.fields;
  const sampledMB = sampledChars / 1e6;
  console.log(
    `scanned ${source.metrics.datasets} tables, ${columns} columns, ${source.errors.length} errors in ${seconds.toFixed(2)} s`,
  );
  console.log(`  ${Math.round(columns / seconds)} columns/s`);
  console.log(
    `  ${sampledValues} sampled values, ${sampledMB.toFixed(1)} MB of text = ${(sampledMB / seconds).toFixed(1)} MB/s`,
  );
  console.log(
    `  peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB (samples ${stream ? 'streamed and dropped' : 'all retained'})`,
  );
  if (classify)
    console.log(
      `  classification: ${personalFields} personal columns (GDPR reading, after the linkage pass), ${classifySeconds.toFixed(2)} s of CPU in classifiers, ${linkageSeconds.toFixed(2)} s in the linkage pass`,
    );
  for (const error of source.errors.slice(0, 5))
    console.log(`  error ${error.dataset}: ${error.code} ${error.message}`);
  console.log(
    JSON.stringify({
      bench: 'scan',
      tables: source.metrics.datasets,
      columns,
      rowsPerTable: rows,
      sampleSize,
      concurrency,
      retainSamples: !stream,
      classified: classify,
      personalFields,
      classifySeconds: Number(classifySeconds.toFixed(2)),
      linkageSeconds: Number(linkageSeconds.toFixed(2)),
      seconds: Number(seconds.toFixed(2)),
      columnsPerSecond: Math.round(columns / seconds),
      sampledValues,
      sampledMB: Number(sampledMB.toFixed(1)),
      sampledMBPerSecond: Number((sampledMB / seconds).toFixed(1)),
      peakRssMB: Math.round(peakRss / 1024 / 1024),
      errors: source.errors.length,
    }),
  );
}

await main();
