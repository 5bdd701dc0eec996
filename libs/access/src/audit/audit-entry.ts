import { AccessError, AccessErrorCode } from '../access.errors.js';
import { currentRequestContext } from '../request-context.js';
import { redactAuditValue } from './audit-chain.js';
import type { AuditEntry, AuditRecord } from './audit.types.js';

/**
 * An audit entry with everything the chain stores decided (actor, request id, redacted values):
 * a row of the chain but for its place in it.
 */
export type ResolvedAuditEntry = Omit<AuditRecord, 'seq' | 'occurredAt' | 'prevHash' | 'hash'>;

/**
 * Fixes what an entry leaves to its context: the actor (the authenticated caller of the current
 * request, else the system) and the request id; redacts secrets and samples. Done when the change
 * happens, so an entry appended later (from the outbox) still names who made it.
 */
export function resolveAuditEntry(entry: AuditEntry): ResolvedAuditEntry {
  if (!entry.action || !entry.entityType) {
    throw new AccessError(AccessErrorCode.INVALID_INPUT, 'audit entries need an action and an entity type');
  }
  const context = currentRequestContext();
  const principal = context?.principal;
  const actor =
    entry.actor ??
    (principal ? { type: 'user' as const, id: principal.userId, label: principal.email } : { type: 'system' as const });
  return {
    action: entry.action,
    entityType: entry.entityType,
    entityKey: entry.entityKey ?? null,
    organisation: entry.organisation ?? null,
    before: entry.before === undefined ? null : redactAuditValue(entry.before),
    after: entry.after === undefined ? null : redactAuditValue(entry.after),
    actor: { type: actor.type, id: actor.id ?? null, label: actor.label ?? null },
    requestId: entry.requestId ?? context?.requestId ?? null,
  };
}
