import type { ManagedTransaction } from 'neo4j-driver';
import { connectorFor, type DiscoveredSource, type DiscoveryProgress } from '@cartographer/discovery';
import type { Neo4jService } from '@cartographer/graph';
import { classifyDataset } from './classify-dataset.js';
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
 * Discovery, then classification of each dataset while its sample is in memory (samples are not
 * retained), then, when asked, one write through the inventory's import path. `onStore` runs in
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
    datasets,
    fields,
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
