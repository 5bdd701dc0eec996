import { writeFile } from 'node:fs/promises';
import { Command, CommandRunner, Option } from 'nest-commander';
import { planJson, schedulePlan } from '@cartographer/feasibility';
import { CliServices } from '../cli-services.js';
import { CliFailure, ExitCode } from '../cli-errors.js';

const usage = (message: string) => new CliFailure(ExitCode.INVALID_INPUT, message);

interface PlanOptions {
  organisation?: string;
  format: 'json';
  output?: string;
}

/**
 * The critical path method on the plan an organisation declared in its inventory file: ES, EF,
 * LS, LF, total and free float, critical flag and variance per task, the critical paths, the end
 * and the float against the deadline (libs/feasibility/README.md for the conventions).
 */
@Command({
  name: 'plan',
  description: "The declared project plan's critical path (ES/EF/LS/LF, floats, variance), as JSON",
})
export class PlanCommand extends CommandRunner {
  constructor(private readonly services: CliServices) {
    super();
  }

  @Option({ flags: '-o, --organisation <key>', description: 'organisation key (required)' })
  parseOrganisation(value: string): string {
    return value;
  }

  @Option({ flags: '-f, --format <format>', description: 'json', defaultValue: 'json' })
  parseFormat(value: string): string {
    if (value !== 'json') throw usage(`--format must be json, got '${value}'`);
    return value;
  }

  @Option({ flags: '--output <file>', description: 'write to a file instead of stdout' })
  parseOutput(value: string): string {
    return value;
  }

  async run(_args: string[], options: PlanOptions): Promise<void> {
    if (!options.organisation) throw usage('--organisation is required');
    const { plan } = await this.services.declaredFeasibility(options.organisation);
    if (!plan)
      throw new CliFailure(
        ExitCode.NOT_FOUND,
        `organisation '${options.organisation}' declares no plan: add a plan member to its inventory file (docs/inventory-format.md)`,
      );
    const text = `${JSON.stringify(planJson(schedulePlan(plan)), null, 2)}\n`;
    if (options.output) await writeFile(options.output, text);
    else process.stdout.write(text);
  }
}
