import type { DatasetSample, DiscoveredField, TypeFamily, Velocity } from '../discovery.types.js';
import { type ResolvedOptions, sampleRowsFor } from '../common/options.js';
import { boundedCell, buildSample, Reservoir, type SampledRow } from '../common/sample.js';
import { exactBasis, looksLikeCreationName, rowsPerDay, type VelocityWindow } from '../common/velocity.js';
import { mergeFamily, parseDateMs } from './value-inference.js';

interface FieldState {
  name: string;
  family?: TypeFamily;
  nonNull: number;
  creation: boolean;
  windowHits: number;
}

export interface BuiltTable {
  rowCount: number;
  fields: DiscoveredField[];
  sample: DatasetSample;
  velocity?: Velocity;
  /** Fields beyond the bound that were left out. */
  droppedFields: number;
}

/**
 * Accumulates a tabular file row by row in bounded memory: type families, null counts and velocity
 * over every row (exact), values over a reservoir sample. Fields may appear as rows go (JSON).
 */
export class TableBuilder {
  private readonly fields: FieldState[] = [];
  private readonly byName = new Map<string, number>();
  private reservoir?: Reservoir<SampledRow>;
  private current?: SampledRow;
  private slot = -1;
  private rows = 0;
  private dropped = 0;
  private readonly windowFrom: number;
  private readonly windowTo: number;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly window: VelocityWindow,
    private readonly maxFields = 1000,
  ) {
    this.windowFrom = window.from.getTime();
    this.windowTo = window.to.getTime();
  }

  get rowCountSoFar(): number {
    return this.rows;
  }

  /** Index of a field, created on first sight; -1 once maxFields is reached. */
  field(name: string): number {
    const known = this.byName.get(name);
    if (known !== undefined) return known;
    if (this.fields.length >= this.maxFields) {
      this.dropped++;
      this.byName.set(name, -1);
      return -1;
    }
    this.fields.push({ name, nonNull: 0, creation: looksLikeCreationName(name), windowHits: 0 });
    this.byName.set(name, this.fields.length - 1);
    return this.fields.length - 1;
  }

  beginRow(): void {
    // Sized on the first row's width, so wide tables keep fewer rows (maxSampleCells).
    this.reservoir ??= new Reservoir(sampleRowsFor(this.options, this.fields.length));
    this.rows++;
    this.slot = this.reservoir.reserve();
    this.current = this.slot >= 0 ? { values: [], lengths: [] } : undefined;
  }

  /** `value` is the full value; null for empty or missing. */
  set(index: number, value: string | null, family: TypeFamily): void {
    if (index < 0 || value === null) return;
    const field = this.fields[index];
    field.nonNull++;
    field.family = mergeFamily(field.family, family);
    if (field.creation && (family === 'date' || family === 'timestamp')) {
      const time = parseDateMs(value);
      if (time !== undefined && time >= this.windowFrom && time <= this.windowTo) field.windowHits++;
    }
    if (this.current) {
      const cell = boundedCell(value, this.options.maxValueLength);
      this.current.values[index] = cell.value;
      if (cell.length !== undefined) this.current.lengths![index] = cell.length;
    }
  }

  endRow(): void {
    if (this.current) this.reservoir!.put(this.slot, this.current);
    this.current = undefined;
  }

  finish(): BuiltTable {
    const rows = this.reservoir?.items ?? [];
    const built = buildSample(
      this.fields.map((field) => ({ name: field.name, binary: false })),
      rows,
      rows.length < this.rows ? 'reservoir' : 'all',
    );
    const fields: DiscoveredField[] = this.fields.map((field, index) => {
      const family = field.family ?? 'string';
      return {
        name: field.name,
        ordinal: index + 1,
        dataType: family,
        typeFamily: family,
        nullable: field.nonNull < this.rows,
        metrics: built.metrics[index],
      };
    });
    const result: BuiltTable = { rowCount: this.rows, fields, sample: built.sample, droppedFields: this.dropped };
    const creation = this.fields.find(
      (field) => field.creation && (field.family === 'date' || field.family === 'timestamp'),
    );
    if (creation) {
      result.velocity = {
        rowsPerDay: rowsPerDay(creation.windowHits),
        basis: exactBasis({ name: creation.name, typeFamily: creation.family! }, creation.windowHits, this.window),
      };
    }
    return result;
  }
}
