import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { reviewFinding } from '@cartographer/findings';
import { CliRuntime } from '../cli-runtime.js';
import { CliServices } from '../cli-services.js';
import { CliFailure, ExitCode } from '../cli-errors.js';
import { cliActor } from './cli-audit.js';

interface ReviewOptions {
  comment?: string;
}

@SubCommand({
  name: 'review',
  arguments: '<key> <decision>',
  description:
    'Confirm or reject a finding (decision: confirm or reject); a rejection suppresses it on later scans. Audited as the CLI operator',
})
export class FindingsReviewCommand extends CommandRunner {
  constructor(
    private readonly runtime: CliRuntime,
    private readonly services: CliServices,
  ) {
    super();
  }

  @Option({ flags: '--comment <text>', description: 'why (required, at most 2000 characters)' })
  parseComment(value: string): string {
    return value;
  }

  async run([key, decision]: string[], options: ReviewOptions): Promise<void> {
    if (decision !== 'confirm' && decision !== 'reject')
      throw new CliFailure(ExitCode.INVALID_INPUT, `decision must be confirm or reject, got '${decision}'`);
    if (!options.comment?.trim()) throw new CliFailure(ExitCode.INVALID_INPUT, '--comment is required');
    const actor = cliActor();
    // The same use case as the API's reviewFinding; the CLI operator may review any finding.
    const { after, propagated } = await reviewFinding(
      { neo4j: await this.runtime.graph(), outbox: this.services.outbox },
      {
        key,
        decision: decision === 'confirm' ? 'CONFIRM' : 'REJECT',
        comment: options.comment,
        by: actor.label ?? 'cli',
        actor,
      },
      () => undefined,
    );
    await this.services.relayAudit();
    process.stdout.write(
      `finding '${key}' ${after.status.toLowerCase()}; ${propagated} findings propagated in '${after.organisation}'\n`,
    );
  }
}

@Command({ name: 'findings', description: 'Classification findings (review)', subCommands: [FindingsReviewCommand] })
export class FindingsCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}

export const FINDINGS_COMMANDS = [FindingsCommand, FindingsReviewCommand];
