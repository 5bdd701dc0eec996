import { writeFile } from 'node:fs/promises';
import { Command, CommandRunner, Option } from 'nest-commander';
import { stringify } from 'yaml';
import { CliRuntime } from '../cli-runtime.js';
import { CliServices } from '../cli-services.js';
import { CliFailure, ExitCode } from '../cli-errors.js';

const usage = (message: string) => new CliFailure(ExitCode.INVALID_INPUT, message);

interface ExportOptions {
  format: 'json' | 'yaml';
  organisation?: string;
  output?: string;
}

@Command({ name: 'export', description: 'Export an organisation inventory in the import format (stdout or --output)' })
export class ExportCommand extends CommandRunner {
  constructor(
    private readonly runtime: CliRuntime,
    private readonly services: CliServices,
  ) {
    super();
  }

  @Option({ flags: '-f, --format <format>', description: 'json or yaml', defaultValue: 'yaml' })
  parseFormat(value: string): string {
    if (value !== 'json' && value !== 'yaml') throw usage(`--format must be json or yaml, got '${value}'`);
    return value;
  }

  @Option({ flags: '-o, --organisation <key>', description: 'organisation key (default: the only one)' })
  parseOrganisation(value: string): string {
    return value;
  }

  @Option({ flags: '--output <file>', description: 'write to a file instead of stdout' })
  parseOutput(value: string): string {
    return value;
  }

  async run(_args: string[], options: ExportOptions): Promise<void> {
    const neo4j = await this.runtime.graph();
    let organisation = options.organisation;
    if (!organisation) {
      const orgs = await neo4j.queryRead<{ key: string }>('MATCH (o:Organisation) RETURN o.key AS key ORDER BY key');
      if (orgs.length !== 1) {
        throw usage(
          orgs.length === 0
            ? 'the inventory is empty'
            : `several organisations (${orgs.map((o) => o.key).join(', ')}): choose one with --organisation`,
        );
      }
      organisation = orgs[0].key;
    }
    const document = await (await this.services.importer()).export(organisation);
    const text =
      options.format === 'json' ? `${JSON.stringify(document, null, 2)}\n` : stringify(document, { lineWidth: 0 });
    if (options.output) await writeFile(options.output, text);
    else process.stdout.write(text);
  }
}
