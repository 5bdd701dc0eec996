import { createHash } from 'node:crypto';

/**
 * The optimistic-concurrency token of an entity: a digest of its declaration as the read model
 * decodes it (canonical JSON: object members sorted, undefined dropped). Every query returns it,
 * every update may carry it; a command compares it with the declaration it reads inside its own
 * write transaction. A content digest needs no counter on the node, so imports and scans (which
 * write through the batch path) change it exactly when they change the declaration.
 */
export function revisionOf(declaration: unknown): string {
  return createHash('sha256').update(canonicalJson(declaration)).digest('base64url').slice(0, 22);
}

/** JSON with object members in code-point order, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  const members = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, member]) => `${JSON.stringify(name)}:${canonicalJson(member)}`);
  return `{${members.join(',')}}`;
}
