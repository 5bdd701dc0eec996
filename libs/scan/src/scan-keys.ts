import { createHash } from 'node:crypto';

const KEY_MAX = 128;

function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 8);
}

/**
 * A valid inventory key (LOCAL_KEY_PATTERN of @cartographer/common) derived from any name, stable and
 * collision-free: a name that had to be changed carries a hash of the original.
 */
export function keyFrom(name: string, prefix = ''): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[^A-Za-z0-9]+/, '');
  const candidate = `${prefix}${slug}`;
  if (slug === name && candidate.length <= KEY_MAX && /^[A-Za-z0-9]/.test(candidate)) return candidate;
  const suffix = `-${shortHash(name)}`;
  const head = candidate.replace(/[-_.]+$/, '').slice(0, KEY_MAX - suffix.length) || 'x';
  return /^[A-Za-z0-9]/.test(head) ? `${head}${suffix}` : `x${head}${suffix}`.slice(0, KEY_MAX);
}

/** Field names are bounded to 256 characters in the inventory format. */
export function fieldNameFrom(name: string): string {
  return name.length <= 256 ? name : `${name.slice(0, 246)}~${shortHash(name)}`;
}
