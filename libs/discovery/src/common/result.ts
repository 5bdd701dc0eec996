import type {
  DatasetSample,
  DiscoveredDataset,
  DiscoveredSource,
  DiscoveryErrorEntry,
  SourceEngine,
  SourceKind,
  SourceLocation,
  SourceStructure,
} from '../discovery.types.js';
import type { ResolvedOptions } from './options.js';

/**
 * Attaches raw content as non-enumerable properties: readable in memory by classification, but left
 * out of JSON.stringify, console.log and object spreads, so it cannot leak into a store or a log
 * by accident.
 */
function attachHidden(dataset: DiscoveredDataset, key: 'sample' | 'text', value: unknown): void {
  Object.defineProperty(dataset, key, { value, enumerable: false, writable: true, configurable: true });
}

/**
 * Hands a finished dataset to the consumer, then keeps or drops its raw content. Raw content is
 * attached only here, so every connector follows the same retention rule.
 */
export async function emitDataset(
  options: ResolvedOptions,
  dataset: DiscoveredDataset,
  raw: { sample?: DatasetSample; text?: string } = {},
): Promise<DiscoveredDataset> {
  if (raw.sample) attachHidden(dataset, 'sample', raw.sample);
  if (raw.text !== undefined) attachHidden(dataset, 'text', raw.text);
  await options.onDataset?.(dataset);
  if (!options.retainSamples) {
    delete dataset.sample;
    delete dataset.text;
  }
  return dataset;
}

interface SourceHeader {
  name: string;
  engine: SourceEngine;
  kind: SourceKind;
  structure: SourceStructure;
  accessMethods: string[];
  location: SourceLocation;
  startedAt: Date;
}

/** Sorts datasets and errors (stable output for the same source) and totals the metrics. */
export function assembleSource(
  header: SourceHeader,
  datasets: DiscoveredDataset[],
  errors: DiscoveryErrorEntry[],
  totalBytes?: number,
): DiscoveredSource {
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...datasets].sort((a, b) => byName(a.name, b.name));
  const typeMix: Record<string, number> = {};
  let fields = 0;
  let rows = 0;
  let bytes = 0;
  let rowsPerDay: number | undefined;
  for (const dataset of sorted) {
    fields += dataset.fields.length;
    rows += dataset.rowCount;
    bytes += dataset.bytes;
    if (dataset.velocity) rowsPerDay = (rowsPerDay ?? 0) + dataset.velocity.rowsPerDay;
    for (const field of dataset.fields) typeMix[field.typeFamily] = (typeMix[field.typeFamily] ?? 0) + 1;
  }
  const metrics: DiscoveredSource['metrics'] = {
    datasets: sorted.length,
    fields,
    rows,
    bytes: totalBytes ?? bytes,
    typeMix: Object.fromEntries(Object.entries(typeMix).sort(([a], [b]) => byName(a, b))),
  };
  if (rowsPerDay !== undefined) metrics.rowsPerDay = Math.round(rowsPerDay * 1000) / 1000;
  return {
    name: header.name,
    engine: header.engine,
    kind: header.kind,
    structure: header.structure,
    accessMethods: header.accessMethods,
    location: header.location,
    metrics,
    datasets: sorted,
    errors: [...errors].sort(
      (a, b) => byName(a.dataset ?? '', b.dataset ?? '') || byName(a.code, b.code) || byName(a.message, b.message),
    ),
    startedAt: header.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
  };
}
