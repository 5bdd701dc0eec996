import type { AuditActorType } from './audit-chain.js';

export interface AuditActor {
  type: AuditActorType;
  id?: string | null;
  /** Human-readable: the account's email, the OS user of a CLI run, 'boot'... */
  label?: string | null;
}

/** What a module records for one change. `before`/`after` are JSON views, never sampled values. */
export interface AuditEntry {
  /** Verb of the change, `<entity>.<verb>`: 'dataSource.update', 'user.disable', 'report.download'. */
  action: string;
  /** Usually a policy Subject ('DataSource', 'User'...). */
  entityType: string;
  entityKey?: string | null;
  /** Organisation key of the entity; lets a DPO read the log of their organisations. */
  organisation?: string | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the authenticated caller of the current request, else the system. */
  actor?: AuditActor;
  /** Defaults to the current request's id. */
  requestId?: string | null;
}

export interface AuditRecord {
  seq: string;
  occurredAt: Date;
  requestId: string | null;
  actor: { type: AuditActorType; id: string | null; label: string | null };
  action: string;
  entityType: string;
  entityKey: string | null;
  organisation: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

export interface AuditQuery {
  first?: number | null;
  /** Cursor: the seq of the last entry of the previous page (entries come newest first). */
  after?: string | null;
  entityType?: string | null;
  entityKey?: string | null;
  /** From `accessFilterFor(ability, 'read', 'AuditLog').organisations`: null = every row. */
  organisations: string[] | null;
}

export interface AuditPage {
  entries: AuditRecord[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export type AuditProblemKind = 'altered' | 'missing' | 'reordered' | 'tail-missing';

export interface AuditVerification {
  ok: boolean;
  /** Rows checked. */
  checked: number;
  head: { seq: string; hash: string };
  /** The first problem, in chain order. */
  problem?: { seq: string; kind: AuditProblemKind; message: string };
}
