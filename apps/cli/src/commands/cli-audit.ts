import { AuditOutbox, AuditOutboxRelay, AuditService } from '@cartographer/access';
import type { CliRuntime } from '../cli-runtime.js';

/** The actor of CLI actions: the operator's OS account (the CLI has no login, hence no `--as`). */
export { cliActor } from './users.command.js';

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
