import { RisksError, RisksErrorCode } from './risks.errors.js';
import type { Score } from './risk-facts.js';

/** The CNIL PIA scales, the same four levels for severity (gravité) and likelihood (vraisemblance). */
export const SCALE_LEVELS: readonly { level: Score; fr: string; en: string }[] = Object.freeze([
  { level: 1, fr: 'Négligeable', en: 'Negligible' },
  { level: 2, fr: 'Limitée', en: 'Limited' },
  { level: 3, fr: 'Importante', en: 'Significant' },
  { level: 4, fr: 'Maximale', en: 'Maximum' },
]);

export interface RiskZone {
  id: string;
  fr: string;
  en: string;
  /** Cells `[severity, likelihood]` of the zone. */
  cells: readonly (readonly [Score, Score])[];
}

/** A risk matrix: zones covering each of the 16 cells exactly once. Data, so another matrix can be configured. */
export interface RiskMatrix {
  id: string;
  zones: readonly RiskZone[];
}

const LEVELS: readonly Score[] = [1, 2, 3, 4];

function cellsWhere(test: (s: Score, l: Score) => boolean): [Score, Score][] {
  return LEVELS.flatMap((s) => LEVELS.filter((l) => test(s, l)).map((l): [Score, Score] => [s, l]));
}

/**
 * Default matrix, read from the CNIL PIA risk map: both severity and likelihood above 2 — unacceptable,
 * to be reduced before the processing starts; one of them above 2 — to reduce; both at most 2 —
 * acceptable. The thresholds are Cartographer's reading of the map, not a CNIL table.
 */
export const DEFAULT_RISK_MATRIX: RiskMatrix = Object.freeze({
  id: 'CNIL-4x4',
  zones: Object.freeze([
    {
      id: 'UNACCEPTABLE',
      fr: 'Inacceptable : à réduire avant de mettre en œuvre le traitement',
      en: 'Unacceptable: to reduce before the processing starts',
      cells: cellsWhere((s, l) => s > 2 && l > 2),
    },
    {
      id: 'TO_REDUCE',
      fr: 'À réduire : gravité ou vraisemblance élevée',
      en: 'To reduce: high severity or likelihood',
      cells: cellsWhere((s, l) => s > 2 !== l > 2),
    },
    {
      id: 'ACCEPTABLE',
      fr: 'Acceptable : gravité et vraisemblance au plus limitées',
      en: 'Acceptable: severity and likelihood at most limited',
      cells: cellsWhere((s, l) => s <= 2 && l <= 2),
    },
  ]),
});

/** Checks that the zones cover the 16 cells exactly once; returns the cell → zone id lookup. */
export function zoneLookup(matrix: RiskMatrix): (severity: Score, likelihood: Score) => string {
  const table = new Map<string, string>();
  matrix.zones.forEach((zone, z) =>
    zone.cells.forEach(([s, l], c) => {
      const member = `matrix.zones[${z}] '${zone.id}'.cells[${c}]`;
      if (!LEVELS.includes(s) || !LEVELS.includes(l))
        throw new RisksError(RisksErrorCode.INVALID_MATRIX, member, `[${s}, ${l}] is not a cell of the 4×4 grid`);
      const cell = `${s}:${l}`;
      const other = table.get(cell);
      if (other)
        throw new RisksError(RisksErrorCode.INVALID_MATRIX, member, `cell [${s}, ${l}] is already in zone '${other}'`);
      table.set(cell, zone.id);
    }),
  );
  const missing = LEVELS.flatMap((s) => LEVELS.filter((l) => !table.has(`${s}:${l}`)).map((l) => `[${s}, ${l}]`));
  if (missing.length > 0)
    throw new RisksError(
      RisksErrorCode.INVALID_MATRIX,
      `matrix '${matrix.id}'.zones`,
      `cells ${missing.join(', ')} are in no zone`,
    );
  return (s, l) => table.get(`${s}:${l}`)!;
}
