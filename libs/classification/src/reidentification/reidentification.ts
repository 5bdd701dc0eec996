import { ClassificationError, ClassificationErrorCode } from '../classification.errors.js';
import { parseDate } from '../values/date.validator.js';
import { departmentOfPostalCode, isFrenchPostalCode } from '../values/postal-code.validator.js';
import { regionOfDepartment } from './french-regions.js';

export interface ReidentificationInput {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | null)[])[];
  /** Columns an attacker can link with outside knowledge (birth date, postal code, sex…). */
  readonly quasiIdentifiers: readonly string[];
  /** Columns that identify on their own (name, e-mail, NIR…): their presence rules out anonymity. */
  readonly directIdentifiers?: readonly string[];
  /** Target k (default 5). */
  readonly k?: number;
  /** Largest generalisation lattice searched exhaustively (default 5,000 nodes); above, a greedy search. */
  readonly maxLatticeNodes?: number;
}

export interface GeneralisationStep {
  readonly column: string;
  readonly rule: string;
}

export interface ReidentificationResult {
  /** Size of the smallest equivalence class over the quasi-identifiers (0 for no rows). */
  readonly k: number;
  /** Share of records unique on the quasi-identifiers, 0..1 with 4 decimals. */
  readonly uniqueShare: number;
  /** k >= targetK and no direct identifier among the columns. */
  readonly anonymous: boolean;
  readonly targetK: number;
  readonly equivalenceClasses: number;
  /** The direct identifiers present among the columns. */
  readonly directIdentifiers: string[];
  /** The least generalisation reaching targetK ([] when already reached), null when none can. */
  readonly generalisation: GeneralisationStep[] | null;
  readonly kAfterGeneralisation?: number;
  readonly uniqueShareAfterGeneralisation?: number;
  /** 'exhaustive' when the whole lattice was searched, 'greedy' otherwise. */
  readonly search?: 'exhaustive' | 'greedy';
}

interface Level {
  readonly rule: string;
  readonly apply: (value: string) => string;
}

interface Hierarchy {
  readonly kind: 'date' | 'postal-code' | 'age' | 'categorical';
  readonly levels: readonly Level[];
}

const SUPPRESSED: Level = { rule: 'suppressed', apply: () => '*' };

function bandLevel(width: number): Level {
  return {
    rule: `age → ${width}-year band`,
    apply: (v) => {
      const n = Number(v);
      if (!Number.isFinite(n)) return '?';
      const low = Math.floor(n / width) * width;
      return `${low}-${low + width - 1}`;
    },
  };
}

function dateLevel(rule: string, format: (y: number, m: number) => string): Level {
  return {
    rule,
    apply: (v) => {
      const d = parseDate(v);
      return d === null ? '?' : format(d.year, d.month);
    },
  };
}

const DATE_LEVELS: readonly Level[] = [
  { rule: 'exact', apply: (v) => v },
  dateLevel('date → month (YYYY-MM)', (y, m) => `${y}-${String(m).padStart(2, '0')}`),
  dateLevel('date → year', (y) => String(y)),
  dateLevel('date → decade', (y) => `${Math.floor(y / 10) * 10}s`),
  SUPPRESSED,
];

const POSTAL_LEVELS: readonly Level[] = [
  { rule: 'exact', apply: (v) => v },
  { rule: 'postal code → department (2 digits, 3 overseas)', apply: (v) => departmentOfPostalCode(v.trim()) },
  { rule: 'postal code → region', apply: (v) => regionOfDepartment(departmentOfPostalCode(v.trim())) ?? '?' },
  SUPPRESSED,
];

const AGE_LEVELS: readonly Level[] = [
  { rule: 'exact', apply: (v) => v },
  bandLevel(5),
  bandLevel(10),
  bandLevel(20),
  SUPPRESSED,
];

const CATEGORICAL_LEVELS: readonly Level[] = [{ rule: 'exact', apply: (v) => v }, SUPPRESSED];

/** Picks a generalisation hierarchy from the values: dates, French postal codes, ages, or categories. */
function hierarchyOf(values: readonly (string | null)[]): Hierarchy {
  let present = 0;
  let dates = 0;
  let postal = 0;
  let ages = 0;
  for (const v of values) {
    if (v === null || v.trim() === '') continue;
    present++;
    const t = v.trim();
    if (parseDate(t) !== null) dates++;
    if (isFrenchPostalCode(t)) postal++;
    if (/^[0-9]{1,3}$/.test(t) && Number(t) <= 130) ages++;
  }
  const share = (x: number): number => (present === 0 ? 0 : x / present);
  if (share(dates) >= 0.9) return { kind: 'date', levels: DATE_LEVELS };
  if (share(postal) >= 0.9) return { kind: 'postal-code', levels: POSTAL_LEVELS };
  if (share(ages) >= 0.9) return { kind: 'age', levels: AGE_LEVELS };
  return { kind: 'categorical', levels: CATEGORICAL_LEVELS };
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

interface ClassStats {
  readonly k: number;
  readonly unique: number;
  readonly classes: number;
}

/**
 * Measures how re-identifiable a table is from its quasi-identifiers (k-anonymity), and searches a
 * lattice of per-column generalisation levels (dates → month → year → decade; postal code →
 * department → region; age → 5/10/20-year bands; other values → suppressed) for the least
 * generalisation reaching the target k. Values stay in memory; the result holds none.
 */
export function assessReidentification(input: ReidentificationInput): ReidentificationResult {
  const targetK = input.k ?? 5;
  if (!Number.isInteger(targetK) || targetK < 1) {
    throw new ClassificationError(ClassificationErrorCode.INVALID_OPTION, 'k must be a positive integer');
  }
  const maxNodes = input.maxLatticeNodes ?? 5000;
  if (!Number.isInteger(maxNodes) || maxNodes < 1) {
    throw new ClassificationError(ClassificationErrorCode.INVALID_OPTION, 'maxLatticeNodes must be a positive integer');
  }
  const index = new Map(input.columns.map((c, i) => [c, i]));
  const qiIndexes: number[] = [];
  for (const qi of new Set(input.quasiIdentifiers)) {
    const i = index.get(qi);
    if (i === undefined) {
      throw new ClassificationError(
        ClassificationErrorCode.INVALID_INPUT,
        `quasi-identifier "${qi}" is not one of the columns`,
      );
    }
    qiIndexes.push(i);
  }
  const qiNames = qiIndexes.map((i) => input.columns[i]);
  const directIdentifiers = (input.directIdentifiers ?? []).filter((c) => index.has(c));
  const rows = input.rows;
  const n = rows.length;

  const columnValues = qiIndexes.map((i) => rows.map((r) => r[i] ?? null));
  const hierarchies = columnValues.map(hierarchyOf);

  // Dictionary-encode each column at each level once; a node's class key combines the codes.
  const codes: Int32Array[][] = hierarchies.map((h, c) =>
    h.levels.map((level) => {
      const dict = new Map<string, number>();
      const out = new Int32Array(n);
      for (let r = 0; r < n; r++) {
        const v = columnValues[c][r];
        const g = v === null || v.trim() === '' ? '∅' : level.apply(v);
        let code = dict.get(g);
        if (code === undefined) {
          code = dict.size;
          dict.set(g, code);
        }
        out[r] = code;
      }
      return out;
    }),
  );
  // Distinct codes per column and level, computed once: evaluate() runs for every lattice node.
  const cardinalities: number[][] = codes.map((levels) =>
    levels.map((column) => {
      let max = 0;
      for (const x of column) if (x > max) max = x;
      return max + 1;
    }),
  );
  const cardinality = (c: number, level: number): number => cardinalities[c][level];

  const evaluate = (levels: readonly number[]): ClassStats => {
    if (n === 0) return { k: 0, unique: 0, classes: 0 };
    let radix = 1;
    for (let c = 0; c < levels.length; c++) radix *= cardinality(c, levels[c]);
    const counts = new Map<number | string, number>();
    const keys: (number | string)[] = new Array(n);
    const columns = levels.map((l, c) => codes[c][l]);
    const cards = levels.map((l, c) => cardinality(c, l));
    for (let r = 0; r < n; r++) {
      let key: number | string;
      if (radix < Number.MAX_SAFE_INTEGER) {
        let k = 0;
        for (let c = 0; c < columns.length; c++) k = k * cards[c] + columns[c][r];
        key = k;
      } else {
        key = levels.map((l, c) => codes[c][l][r]).join(',');
      }
      keys[r] = key;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    let k = Number.POSITIVE_INFINITY;
    let unique = 0;
    for (const count of counts.values()) {
      if (count < k) k = count;
      if (count === 1) unique++;
    }
    return { k, unique, classes: counts.size };
  };

  const bottom = qiIndexes.map(() => 0);
  const base = evaluate(bottom);
  const result = {
    k: base.k,
    uniqueShare: n === 0 ? 0 : round4(base.unique / n),
    anonymous: n > 0 && base.k >= targetK && directIdentifiers.length === 0,
    targetK,
    equivalenceClasses: base.classes,
    directIdentifiers,
  };
  if (n === 0 || n < targetK) return { ...result, generalisation: null };
  if (base.k >= targetK) {
    return {
      ...result,
      generalisation: [],
      kAfterGeneralisation: base.k,
      uniqueShareAfterGeneralisation: result.uniqueShare,
    };
  }

  const heights = hierarchies.map((h) => h.levels.length - 1);
  const loss = (levels: readonly number[]): number => levels.reduce((sum, l, c) => sum + l / heights[c], 0);
  let total = 1;
  for (const h of heights) total *= h + 1;

  let best: { levels: number[]; stats: ClassStats } | null = null;
  let search: 'exhaustive' | 'greedy';
  if (total <= maxNodes) {
    search = 'exhaustive';
    const levels = bottom.slice();
    for (let node = 0; node < total; node++) {
      let rest = node;
      for (let c = 0; c < levels.length; c++) {
        levels[c] = rest % (heights[c] + 1);
        rest = Math.floor(rest / (heights[c] + 1));
      }
      if (best !== null && loss(levels) > loss(best.levels)) continue;
      const stats = evaluate(levels);
      if (stats.k < targetK) continue;
      const better =
        best === null ||
        loss(levels) < loss(best.levels) - 1e-9 ||
        (Math.abs(loss(levels) - loss(best.levels)) < 1e-9 && stats.k > best.stats.k);
      if (better) best = { levels: levels.slice(), stats };
    }
  } else {
    // Greedy: raise one column a level at a time, choosing the step with the best k gain per loss.
    search = 'greedy';
    const levels = bottom.slice();
    let stats = base;
    while (stats.k < targetK) {
      let choice: { c: number; stats: ClassStats; score: number } | null = null;
      for (let c = 0; c < levels.length; c++) {
        if (levels[c] >= heights[c]) continue;
        levels[c]++;
        const s = evaluate(levels);
        levels[c]--;
        const score = (s.k - stats.k + (stats.unique - s.unique) / Math.max(1, n)) / (1 / heights[c]);
        if (choice === null || score > choice.score) choice = { c, stats: s, score };
      }
      if (choice === null) break;
      levels[choice.c]++;
      stats = choice.stats;
    }
    if (stats.k >= targetK) best = { levels, stats };
  }
  if (best === null) return { ...result, generalisation: null, search };
  const steps: GeneralisationStep[] = [];
  best.levels.forEach((level, c) => {
    if (level > 0) steps.push({ column: qiNames[c], rule: hierarchies[c].levels[level].rule });
  });
  return {
    ...result,
    generalisation: steps,
    kAfterGeneralisation: best.stats.k,
    uniqueShareAfterGeneralisation: round4(best.stats.unique / n),
    search,
  };
}
