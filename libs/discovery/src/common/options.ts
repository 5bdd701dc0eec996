import { DiscoveryError, DiscoveryErrorCode } from '../discovery.errors.js';
import type { DiscoveredDataset, DiscoveryOptions, DiscoveryProgress } from '../discovery.types.js';
import { compileGlobs } from './glob.js';

/** Options with their defaults applied and checked once, shared by every connector. */
export interface ResolvedOptions {
  sampleSize: number;
  statementTimeoutMs: number;
  maxValueLength: number;
  maxSampleCells: number;
  maxTextLength: number;
  concurrency: number;
  maxDepth: number;
  maxFiles: number;
  maxFileBytes: number;
  /** Datasets at or below this many estimated rows are counted exactly. */
  exactCountThreshold: number;
  retainSamples: boolean;
  now: Date;
  signal?: AbortSignal;
  selects(name: string): boolean;
  onProgress(progress: DiscoveryProgress): void;
  onDataset?: (dataset: DiscoveredDataset) => void | Promise<void>;
}

const EXACT_COUNT_THRESHOLD = 100_000;

function positiveInt(name: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new DiscoveryError(DiscoveryErrorCode.INVALID_OPTIONS, `${name} must be an integer from 1 to ${max}`);
  }
  return value;
}

export function resolveOptions(options: DiscoveryOptions = {}): ResolvedOptions {
  const included = options.include?.length ? compileGlobs(options.include) : undefined;
  const excluded = options.exclude?.length ? compileGlobs(options.exclude) : undefined;
  if (options.now !== undefined && Number.isNaN(options.now.getTime())) {
    throw new DiscoveryError(DiscoveryErrorCode.INVALID_OPTIONS, 'now must be a valid date');
  }
  const onProgress = options.onProgress;
  return {
    sampleSize: positiveInt('sampleSize', options.sampleSize, 1000, 1_000_000),
    statementTimeoutMs: positiveInt('statementTimeoutMs', options.statementTimeoutMs, 30_000, 86_400_000),
    maxValueLength: positiveInt('maxValueLength', options.maxValueLength, 256, 1_000_000),
    maxSampleCells: positiveInt('maxSampleCells', options.maxSampleCells, 200_000, 100_000_000),
    maxTextLength: positiveInt('maxTextLength', options.maxTextLength, 1_000_000, 100_000_000),
    concurrency: positiveInt('concurrency', options.concurrency, 4, 64),
    maxDepth: positiveInt('maxDepth', options.maxDepth, 32, 1000),
    maxFiles: positiveInt('maxFiles', options.maxFiles, 100_000, 10_000_000),
    maxFileBytes: positiveInt('maxFileBytes', options.maxFileBytes, 256 * 1024 * 1024, 2 ** 40),
    exactCountThreshold: EXACT_COUNT_THRESHOLD,
    retainSamples: options.retainSamples ?? true,
    now: options.now ?? new Date(),
    signal: options.signal,
    selects: (name) => (!included || included(name)) && !excluded?.(name),
    // A consumer's progress callback must not break the scan.
    onProgress: (progress) => {
      try {
        onProgress?.(progress);
      } catch {
        /* ignored on purpose */
      }
    },
    onDataset: options.onDataset,
  };
}

/** Sample rows for a dataset of `columns` sampled columns, within both sampleSize and maxSampleCells. */
export function sampleRowsFor(options: ResolvedOptions, columns: number): number {
  return Math.max(1, Math.min(options.sampleSize, Math.floor(options.maxSampleCells / Math.max(1, columns))));
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DiscoveryError(DiscoveryErrorCode.ABORTED, 'the scan was aborted');
}
