import { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isTime } from 'neo4j-driver';

/**
 * The one conversion of values read from Neo4j to plain JS: integers to numbers (stored counts stay
 * far below 2^53), temporal values to ISO strings, lists and maps member by member. Everything
 * that reads properties or counts goes through it instead of casting to `{ toNumber() }`.
 */
export function plainValue(value: unknown): unknown {
  if (isInt(value)) return value.toNumber();
  if (
    isDateTime(value) ||
    isDate(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return (value as { toString(): string }).toString();
  }
  if (Array.isArray(value)) return value.map(plainValue);
  // Cypher maps arrive as plain objects: convert their members too.
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return plainProps(value as Record<string, unknown>);
  }
  return value;
}

/** A property map (or a record's `toObject()`) with every value converted by `plainValue`. */
export function plainProps(props: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(props ?? {})) out[name] = plainValue(value);
  return out;
}

/** A count or other integer read from Neo4j (a Neo4j integer or a JS number) as a JS number. */
export function toNumber(value: unknown): number {
  const plain = plainValue(value);
  if (typeof plain !== 'number') throw new TypeError(`expected an integer from Neo4j, got ${typeof plain}`);
  return plain;
}
