import type { Members, Spec } from './declarations.js';

/*
 * The two mappings between a declaration's members and a node's (or a relationship's)
 * properties, both read off the entity declarations: the compiler encodes, the declarations
 * reader decodes. Members held by relationships are left to them.
 */

type StoredValue = string | number | boolean | string[] | null;

/** Drops undefined, null, empty lists and empty objects, like a hand-written file. */
export function compactDoc<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
    if (Array.isArray(v)) {
      out[key] = v.map((item: unknown) => (item !== null && typeof item === 'object' ? compactDoc(item) : item));
    } else if (typeof v === 'object') {
      const inner = compactDoc(v as object);
      if (Object.keys(inner).length === 0) continue;
      out[key] = inner;
    } else {
      out[key] = v;
    }
  }
  return out as T;
}

const capitalised = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;

function nestedMembers(spec: Spec): string[] {
  if (spec.kind !== 'object') throw new Error('a flattened member must be an object');
  return Object.keys(spec.members);
}

/**
 * The properties that store a declaration's members: every stored member is written (null when
 * absent, an empty list for an absent list), so re-importing a declaration clears what it dropped.
 */
export function encodeMembers(members: Members, doc: object): Record<string, StoredValue> {
  const values = doc as Record<string, unknown>;
  const out: Record<string, StoredValue> = {};
  for (const [name, member] of Object.entries(members)) {
    const value = values[name];
    const storage = member.storage;
    if (storage.as === 'property') {
      out[storage.name ?? name] = (value ?? (member.spec.kind === 'list' ? [] : null)) as StoredValue;
    } else if (storage.as === 'flattened') {
      const nested = (value ?? {}) as Record<string, unknown>;
      for (const inner of nestedMembers(member.spec))
        out[`${storage.prefix}${capitalised(inner)}`] = (nested[inner] ?? null) as StoredValue;
    } else if (storage.as === 'json') {
      out[name] =
        member.spec.kind === 'list'
          ? ((value ?? []) as unknown[]).map((item) => JSON.stringify(item))
          : value === undefined || value === null
            ? null
            : JSON.stringify(value);
    }
  }
  return out;
}

/**
 * A declaration from stored properties, members in declaration order, compacted like a file;
 * `related` gives the members relationships hold, already in document form.
 */
export function decodeMembers<T extends object>(
  members: Members,
  props: Record<string, unknown>,
  related: Record<string, unknown> = {},
): T {
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(members)) {
    const storage = member.storage;
    if (storage.as === 'property') out[name] = props[storage.name ?? name];
    else if (storage.as === 'nodeKey') out[name] = props.key;
    else if (storage.as === 'flattened') {
      out[name] = Object.fromEntries(
        nestedMembers(member.spec).map((inner) => [inner, props[`${storage.prefix}${capitalised(inner)}`]]),
      );
    } else if (storage.as === 'json') {
      const stored = props[name] as string[] | string | null | undefined;
      out[name] =
        typeof stored === 'string'
          ? (JSON.parse(stored) as unknown)
          : stored?.map((json) => JSON.parse(json) as unknown);
    } else out[name] = related[name];
  }
  return compactDoc(out) as T;
}
