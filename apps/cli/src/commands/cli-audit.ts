import { hostname, userInfo } from 'node:os';
import type { AuditActor } from '@cartographer/access';

/**
 * Who the audit log names for changes made with the CLI: the operator's OS account (the CLI has
 * no login, hence no `--as`).
 */
export function cliActor(): AuditActor {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): keep 'unknown'.
  }
  return { type: 'cli', label: `cli:${user}@${hostname()}` };
}
