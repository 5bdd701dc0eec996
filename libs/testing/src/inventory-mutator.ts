import fc from 'fast-check';
import { stringify } from 'yaml';

/**
 * Mutants of a valid inventory document, for the import fuzzer: one structural change at a path
 * of the document (member removed, value replaced by one of another type or a hostile text, array
 * item duplicated, unknown member added, reference pointed nowhere), then written as YAML or JSON,
 * and sometimes damaged as text (truncated, a byte inserted, invalid UTF-8).
 */
export interface InventoryMutant {
  format: 'yaml' | 'json';
  /** What was done, e.g. `replace sources[1].kind with 42`. */
  mutation: string;
  bytes: Buffer;
}

type Path = (string | number)[];

const REPLACEMENTS: readonly unknown[] = [
  null,
  42,
  -1,
  0.5,
  true,
  [],
  {},
  '',
  ' ',
  'NOT_AN_ENUM',
  'no-such-key',
  '\u0000',
  'x'.repeat(5000),
  "' OR 1=1 --",
  '"; MATCH (n) DETACH DELETE n //',
  '2026-02-30',
  'ZZ',
  ['no-such-key'],
];

/** Every path of a JSON value (objects and arrays), the root excluded, in document order. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...pathsOf(item, [...prefix, i])]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  return [];
}

export function pathText(path: Path): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function parentOf(root: unknown, path: Path): { parent: Record<string | number, unknown>; last: string | number } {
  let node = root as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  return { parent: node, last: path[path.length - 1]! };
}

type Change = (document: unknown, path: Path) => string;

const CHANGES: Readonly<Record<string, (value: unknown) => Change>> = {
  remove: () => (document, path) => {
    const { parent, last } = parentOf(document, path);
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
    return `remove ${pathText(path)}`;
  },
  replace: (value) => (document, path) => {
    const { parent, last } = parentOf(document, path);
    parent[last] = structuredClone(value);
    return `replace ${pathText(path)} with ${JSON.stringify(value)?.slice(0, 40)}`;
  },
  duplicate: () => (document, path) => {
    const { parent, last } = parentOf(document, path);
    if (Array.isArray(parent)) {
      parent.splice(last as number, 0, structuredClone(parent[last as number]));
      return `duplicate ${pathText(path)}`;
    }
    parent[`${String(last)}Copy`] = structuredClone(parent[last]);
    return `copy ${pathText(path)} to an unknown member`;
  },
  unknown: () => (document, path) => {
    const { parent, last } = parentOf(document, path);
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target))
      (target as Record<string, unknown>).notAMember = 1;
    else parent[last] = { notAMember: 1 };
    return `add an unknown member at ${pathText(path)}`;
  },
};

const TEXT_DAMAGE: Readonly<Record<string, (bytes: Buffer, at: number) => Buffer>> = {
  none: (bytes) => bytes,
  truncate: (bytes, at) => bytes.subarray(0, at),
  insert: (bytes, at) => Buffer.concat([bytes.subarray(0, at), Buffer.from('{:"\n'), bytes.subarray(at)]),
  invalidUtf8: (bytes, at) =>
    Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff]), bytes.subarray(at)]),
};

/** Mutants of `base` (a valid document); deterministic for a fast-check seed. */
export function inventoryMutant(base: unknown): fc.Arbitrary<InventoryMutant> {
  const paths = pathsOf(base);
  return fc
    .record({
      path: fc.constantFrom(...paths),
      change: fc.constantFrom(...Object.keys(CHANGES)),
      value: fc.constantFrom(...REPLACEMENTS),
      format: fc.constantFrom<'yaml' | 'json'>('yaml', 'json'),
      damage: fc.oneof(
        { weight: 8, arbitrary: fc.constant('none') },
        { weight: 1, arbitrary: fc.constantFrom('truncate', 'insert', 'invalidUtf8') },
      ),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ path, change, value, format, damage, at }) => {
      const document = structuredClone(base);
      const mutation = CHANGES[change]!(value)(document, path);
      const text = format === 'json' ? JSON.stringify(document, null, 2) : stringify(document);
      const bytes = Buffer.from(text, 'utf8');
      const damaged = TEXT_DAMAGE[damage]!(bytes, Math.floor(at * bytes.length));
      return { format, mutation: damage === 'none' ? mutation : `${mutation}, then ${damage}`, bytes: damaged };
    });
}
