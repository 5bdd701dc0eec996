import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { AuditService } from '@cartographer/access';
import { CliRuntime } from '../cli-runtime.js';
import { ExitCode } from '../cli-errors.js';
import { CliFailure } from './users.command.js';

@SubCommand({
  name: 'verify',
  description: 'Recompute the audit hash chain; exit 6 naming the first altered, deleted or reordered row',
})
export class AuditVerifyCommand extends CommandRunner {
  constructor(private readonly runtime: CliRuntime) {
    super();
  }

  async run(): Promise<void> {
    const result = await new AuditService(await this.runtime.postgres()).verify();
    if (!result.ok) {
      throw new CliFailure(
        ExitCode.VERIFICATION_FAILED,
        `audit chain broken at seq ${result.problem!.seq}: ${result.problem!.message} (${result.checked} rows verified before it)`,
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
