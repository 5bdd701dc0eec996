import { DEFAULT_RISK_MATRIX, SCALE_LEVELS, zoneLookup, type RiskMatrix } from './matrix.js';
import type { Score } from './risk-facts.js';
import type { RiskRegister } from './risk-model.js';

export interface RiskMapCell {
  severity: Score;
  likelihood: Score;
  zone: string;
  /** Risk keys positioned here, per state. */
  inherent: string[];
  current: string[];
  residual: string[];
}

export interface RiskMap {
  matrix: RiskMatrix;
  scale: typeof SCALE_LEVELS;
  /** 16 cells, severity then likelihood ascending. */
  cells: RiskMapCell[];
}

/** The 4×4 map of a register: each risk's three positions, each cell's zone. */
export function riskMap(register: RiskRegister, matrix: RiskMatrix = DEFAULT_RISK_MATRIX): RiskMap {
  const zone = zoneLookup(matrix);
  const cells = new Map<string, RiskMapCell>();
  for (const s of [1, 2, 3, 4] as Score[])
    for (const l of [1, 2, 3, 4] as Score[])
      cells.set(`${s}:${l}`, { severity: s, likelihood: l, zone: zone(s, l), inherent: [], current: [], residual: [] });
  for (const r of register.risks)
    for (const state of ['inherent', 'current', 'residual'] as const)
      cells.get(`${r.severity[state]}:${r.likelihood[state]}`)![state].push(r.key);
  return { matrix, scale: SCALE_LEVELS, cells: [...cells.values()] };
}
