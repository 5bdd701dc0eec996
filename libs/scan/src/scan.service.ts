import type { ManagedTransaction } from 'neo4j-driver';
import { connectorFor, type DiscoveredSource, type DiscoveryProgress } from '@cartographer/discovery';
import type { SchemaLinkInput } from '@cartographer/classification';
import { declaredLinksIn, schemaLinksOf } from '@cartographer/findings';
import type { Neo4jService } from '@cartographer/graph';
import { graphKey } from '@cartographer/inventory';
import { classifyDataset } from './classify-dataset.js';
import { linkSource } from './link-source.js';
import { fieldNameFrom, keyFrom } from './scan-keys.js';
import { storeScanIn, type StoreScanTarget } from './scan-writer.js';
import type { ScanDatasetResult, ScanFieldResult, ScanReport } from './scan.types.js';

export interface ScanRequest {
  /** A connection URL (postgres://, mysql://, mariadb://) or a directory path. */
  target: string;
  name?: string;
  sampleSize?: number;
  statementTimeoutMs?: number;
  concurrency?: number;
  include?: string[];
  exclude?: string[];
  /** Target k of the re-identification assessment. */
  k?: number;
  onProgress?: (progress: DiscoveryProgress) => void;
  signal?: AbortSignal;
  /** Where to write the result in the inventory; absent = scan and report only (--no-store). */
  store?: StoreScanTarget;
}

/**
 * The inventory's references and dataset-to-dataset flows between datasets of the scanned source,
 * as the linkage pass names them (foreign keys the scan found are not repeated). Links to datasets
 * of other sources are not followed by the pass (it sees one source).
 */
async function declaredLinksOfSource(
  neo4j: Neo4jService,
  store: StoreScanTarget,
  discovered: DiscoveredSource,
): Promise<SchemaLinkInput[]> {
  const names = new Map(
    discovered.datasets.map((d) => [graphKey(store.organisation, keyFrom(d.name, `${store.sourceKey}.`)), d.name]),
  );
  const fields = new Map(
    discovered.datasets.map((d) => [d.name, new Map(d.fields.map((f) => [fieldNameFrom(f.name), f.name]))]),
  );
  const foreignKeys = new Set(
    discovered.datasets.flatMap((d) =>
      d.foreignKeys.map((fk) => JSON.stringify([d.name, fk.columns, fk.references.dataset])),
    ),
  );
  const links = await neo4j.read((tx) => declaredLinksIn(tx, store.organisation));
  return schemaLinksOf(
    links,
    names,
    (dataset, field) => fields.get(dataset)?.get(field),
    (from, columns, to) => foreignKeys.has(JSON.stringify([from, columns, to])),
  );
}

/**
 * Discovery, then classification of each dataset while its sample is in memory (samples are not
 * retained), then the dataset-level linkage pass over the whole source (tiers, linked attributes,
 * subjects; with the inventory's declared references and flows when the scan is stored), then, when asked, one write through the inventory's import path. `onStore` runs in
 * that write's transaction, after it (the scan job propagates and enqueues its audit entry there).
 */
export async function runScan(
  request: ScanRequest,
  neo4j?: Neo4jService,
  onStore?: (tx: ManagedTransaction, report: ScanReport) => Promise<void>,
): Promise<ScanReport> {
  const datasets: ScanDatasetResult[] = [];
  const fields: ScanFieldResult[] = [];
  const discovered: DiscoveredSource = await connectorFor(request.target, { name: request.name }).discover({
    sampleSize: request.sampleSize,
    statementTimeoutMs: request.statementTimeoutMs,
    concurrency: request.concurrency,
    include: request.include,
    exclude: request.exclude,
    signal: request.signal,
    onProgress: request.onProgress,
    retainSamples: false,
    onDataset: (dataset) => {
      const result = classifyDataset(dataset, { k: request.k });
      datasets.push(result.dataset);
      fields.push(...result.fields);
    },
  });
  const order = new Map(discovered.datasets.map((d, i) => [d.name, i]));
  datasets.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
  fields.sort((a, b) => (order.get(a.dataset) ?? 0) - (order.get(b.dataset) ?? 0) || 0);
  if (request.store && !neo4j) throw new Error('runScan: storing a scan needs the graph');
  const links = request.store && neo4j ? await declaredLinksOfSource(neo4j, request.store, discovered) : [];
  const linked = linkSource(datasets, fields, new Map(discovered.datasets.map((d) => [d.name, d.description])), links);

  const report: ScanReport = {
    source: {
      name: discovered.name,
      engine: discovered.engine,
      kind: discovered.kind,
      structure: discovered.structure,
      accessMethods: discovered.accessMethods,
      location: discovered.location,
      metrics: discovered.metrics,
      startedAt: discovered.startedAt,
      finishedAt: discovered.finishedAt,
    },
    datasets: linked.datasets,
    fields: linked.fields,
    errors: discovered.errors,
  };
  if (request.store) {
    if (!neo4j) throw new Error('runScan: storing a scan needs the graph');
    const store = request.store;
    await neo4j.write(async (tx) => {
      const writes = await storeScanIn(tx, discovered, report, store);
      report.stored = { organisation: store.organisation, source: store.sourceKey, writes };
      await onStore?.(tx, report);
    });
  }
  return report;
}
