import { createHash } from 'node:crypto';

/** prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);
/** Versions the serialisation, so a future format can be told apart from tampering. */
export const CHAIN_FORMAT = 'carto-audit-v1';

export type AuditActorType = 'user' | 'system' | 'cli';

/** Every column of an audit row that the hash covers (all but `hash` itself). */
export interface ChainedAuditFields {
  seq: string;
  prevHash: string;
  occurredAt: Date;
  requestId: string | null;
  actorType: AuditActorType;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityKey: string | null;
  organisation: string | null;
  before: unknown;
  after: unknown;
}

/**
 * JSON with object keys sorted at every level, no insignificant whitespace, `undefined` members
 * dropped and dates as ISO strings: the same value always gives the same bytes, and a value read
 * back from jsonb gives the bytes it was hashed with.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('audit values must be finite numbers');
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => normalise(item));
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, item]) => [key, normalise(item)]));
  }
  return value;
}

/** SHA-256 (hex) over the canonical serialisation of (format, seq, prev_hash, fields...). */
export function auditRowHash(row: ChainedAuditFields): string {
  const payload = canonicalJson([
    CHAIN_FORMAT,
    row.seq,
    row.prevHash,
    row.occurredAt,
    row.requestId,
    row.actorType,
    row.actorId,
    row.actorLabel,
    row.action,
    row.entityType,
    row.entityKey,
    row.organisation,
    row.before ?? null,
    row.after ?? null,
  ]);
  return createHash('sha256').update(payload, 'utf8').digest('hex');
}

const SECRET_KEYS =
  /^(password|passwordHash|secret|secretHash|token|credentials?|samples?|sampleValues?|exemplars?|maskedExemplar|rawValues?)$/i;

/**
 * The audit log records what changed, never sampled values or secrets: members with such names
 * are replaced by a marker at any depth before hashing and storage.
 */
export function redactAuditValue(value: unknown): unknown {
  const normalised = normalise(value);
  const walk = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(walk);
    if (item !== null && typeof item === 'object') {
      return Object.fromEntries(
        Object.entries(item as Record<string, unknown>).map(([key, inner]) => [
          key,
          SECRET_KEYS.test(key) ? '[redacted]' : walk(inner),
        ]),
      );
    }
    return item;
  };
  return walk(normalised);
}
