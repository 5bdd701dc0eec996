import { AsyncLocalStorage } from 'node:async_hooks';
import type { Account } from './accounts/account.types.js';
import type { AppAbility, Principal } from './policy/policy.types.js';

/** The authenticated caller, with what the audit log records about them. */
export interface AuthenticatedPrincipal extends Principal {
  email: string;
  displayName: string;
  /** Set when the request authenticated with an API token rather than a login token. */
  apiTokenId?: string;
}

/**
 * Per-request state shared by the guard, the audit log and the inventory: set once by the API's
 * request middleware; the guard fills in the principal after authentication.
 */
export interface RequestContext {
  requestId: string;
  ip?: string;
  principal?: AuthenticatedPrincipal;
  /** The caller's account as read when this request was authenticated. */
  account?: Account;
  ability?: AppAbility;
  /** Audit rows appended during this request (the API checks every mutation wrote at least one). */
  auditCount: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
