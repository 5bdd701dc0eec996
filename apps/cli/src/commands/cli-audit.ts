import { userInfo } from 'node:os';
import { type AuditActor, AuditOutbox, AuditOutboxRelay, AuditService } from '@cartographer/access';
import type { CliRuntime } from '../cli-runtime.js';

/** The audit actor of a CLI action: the operating-system user who ran it (the CLI has no login). */
export function cliActor(): AuditActor {
  return { type: 'cli', label: `cli:${userInfo().username}` };
}

export const cliOutbox = new AuditOutbox();

/**
 * Appends what the command enqueued to the audit chain. The change is committed already: if
 * PostgreSQL cannot be reached, the entries stay in the outbox (the API appends them at its next
 * start, as does the next CLI action) and one line says so.
 */
export async function relayAudit(runtime: CliRuntime): Promise<void> {
  try {
    const relay = new AuditOutboxRelay(await runtime.graph(), new AuditService(await runtime.postgres()));
    await relay.relay();
  } catch (error) {
    process.stderr.write(
      `carto: the audit entry stays in the graph's outbox until the next relay: ${(error as Error).message}\n`,
    );
  }
}
