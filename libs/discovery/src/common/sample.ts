import type { DatasetSample, FieldMetrics, SampleMethod } from '../discovery.types.js';

export interface SampleColumn {
  name: string;
  /** The row carries a digest of the value (for distinct counts), never shown in the sample. */
  binary: boolean;
}

export interface SampledRow {
  /** Already truncated to maxValueLength; digests for binary columns. */
  values: (string | null)[];
  /** Full lengths where the value was truncated or is a digest; otherwise the value's own length. */
  lengths?: (number | null | undefined)[];
}

/** Cuts a string to `max` UTF-16 units without splitting a surrogate pair. */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  const code = value.charCodeAt(max - 1);
  return value.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Length in characters (code points), as SQL's char_length counts. */
export function charLength(value: string): number {
  let length = value.length;
  for (let i = 1; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) {
      const previous = value.charCodeAt(i - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) length--;
    }
  }
  return length;
}

/** Truncates and records the full length only when the value was cut. */
export function boundedCell(value: string, max: number): { value: string; length?: number } {
  return value.length <= max ? { value } : { value: truncate(value, max), length: charLength(value) };
}

/**
 * Measures each column over the sample and assembles the in-memory sample (binary columns left out).
 * Distinct counts are exact within the sample, on truncated values. Equal values are made to share
 * one string, and rows without binary columns keep their arrays: a retained sample costs less.
 */
export function buildSample(
  columns: SampleColumn[],
  rows: SampledRow[],
  method: SampleMethod,
): { sample: DatasetSample; metrics: FieldMetrics[] } {
  const metrics = columns.map((_, index) => {
    const distinct = new Map<string, string>();
    let nulls = 0;
    let minLength = Infinity;
    let maxLength = -Infinity;
    for (const row of rows) {
      const value = row.values[index] ?? null;
      if (value === null) {
        nulls++;
        row.values[index] = null;
        continue;
      }
      const shared = distinct.get(value);
      if (shared === undefined) distinct.set(value, value);
      else row.values[index] = shared;
      const length = row.lengths?.[index] ?? value.length;
      if (length < minLength) minLength = length;
      if (length > maxLength) maxLength = length;
    }
    const measured: FieldMetrics = {
      sampled: rows.length,
      nullRatio: rows.length ? nulls / rows.length : 0,
      distinctEstimate: distinct.size,
    };
    if (distinct.size) {
      measured.minLength = minLength;
      measured.maxLength = maxLength;
    }
    return measured;
  });
  const kept = columns.flatMap((column, index) => (column.binary ? [] : [index]));
  const whole = kept.length === columns.length;
  return {
    sample: {
      method,
      columns: kept.map((index) => columns[index].name),
      rows: rows.map((row) => (whole ? (row.values as (string | null)[]) : kept.map((index) => row.values[index]))),
    },
    metrics,
  };
}

/**
 * Uniform reservoir sample (algorithm R) of a stream of unknown length, in bounded memory. The
 * decision does not depend on the row, so `reserve()` comes first and a rejected row costs nothing.
 */
export class Reservoir<T> {
  readonly items: T[] = [];
  seen = 0;

  constructor(
    readonly capacity: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** The slot the next item goes to, or -1 if it is not kept. */
  reserve(): number {
    this.seen++;
    if (this.items.length < this.capacity) return this.items.length;
    const slot = Math.floor(this.random() * this.seen);
    return slot < this.capacity ? slot : -1;
  }

  put(slot: number, item: T): void {
    this.items[slot] = item;
  }
}
