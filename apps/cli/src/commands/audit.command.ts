import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { CliServices } from '../cli-services.js';
import { CliFailure, ExitCode } from '../cli-errors.js';

/** An outbox entry older than this is reported: the relay appends within seconds when it runs. */
const STALE_OUTBOX_MS = 60_000;

@SubCommand({
  name: 'verify',
  description:
    'Recompute the audit hash chain; exit 6 naming the first altered, deleted or reordered row, or audit entries waiting in the outbox for over a minute',
})
export class AuditVerifyCommand extends CommandRunner {
  constructor(private readonly services: CliServices) {
    super();
  }

  async run(): Promise<void> {
    const audit = await this.services.audit();
    const result = await audit.verify();
    if (!result.ok) {
      throw new CliFailure(
        ExitCode.VERIFICATION_FAILED,
        `audit chain broken at seq ${result.problem!.seq}: ${result.problem!.message} (${result.checked} rows verified before it)`,
      );
    }
    // Graph changes whose entry is still in the outbox after a minute: the relay is not running
    // (no API up since a crash) or cannot append. The chain is intact, but it is not complete.
    const relay = await this.services.relay();
    const waiting = await relay.pendingSince(new Date(Date.now() - STALE_OUTBOX_MS));
    if (waiting.count > 0) {
      throw new CliFailure(
        ExitCode.VERIFICATION_FAILED,
        `audit chain ok up to seq ${result.head.seq}, but ${waiting.count} audit entries wait in the graph's outbox since ${waiting.oldest} (over a minute): start the API to append them`,
      );
    }
    // The head hash is worth keeping outside the database: it pins the whole chain up to here.
    process.stdout.write(
      `audit chain ok: ${result.checked} rows, head seq ${result.head.seq} hash ${result.head.hash}\n`,
    );
  }
}

@Command({ name: 'audit', description: 'Audit log tools (verify)', subCommands: [AuditVerifyCommand] })
export class AuditCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}

export const AUDIT_COMMANDS = [AuditCommand, AuditVerifyCommand];
