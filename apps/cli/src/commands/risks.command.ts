import { writeFile } from 'node:fs/promises';
import { Command, CommandRunner, Option } from 'nest-commander';
import { risksCsv, risksJson, risksXlsx } from '@cartographer/risks';
import { READ_ALL, riskRegisterFor } from '@cartographer/registers';
import { CliServices } from '../cli-services.js';
import { CliFailure, ExitCode } from '../cli-errors.js';

const usage = (message: string) => new CliFailure(ExitCode.INVALID_INPUT, message);

type Format = 'json' | 'csv' | 'xlsx';
const FORMATS: readonly Format[] = ['json', 'csv', 'xlsx'];

interface RisksOptions {
  organisation?: string;
  department?: string;
  format: Format;
  lang: 'fr' | 'en';
  output?: string;
  asOf?: string;
}

/** Today in UTC, when --as-of is not given: the register carries the date it was computed as of. */
const today = () => new Date().toISOString().slice(0, 10);

@Command({
  name: 'risks',
  description: 'The risk register (CNIL feared events, organisational risks, measures, checks): JSON, CSV or XLSX',
})
export class RisksCommand extends CommandRunner {
  constructor(private readonly services: CliServices) {
    super();
  }

  @Option({ flags: '-o, --organisation <key>', description: 'organisation key (required)' })
  parseOrganisation(value: string): string {
    return value;
  }

  @Option({ flags: '-d, --department <key>', description: 'only the risks of this department’s activities' })
  parseDepartment(value: string): string {
    return value;
  }

  @Option({ flags: '-f, --format <format>', description: 'json, csv or xlsx', defaultValue: 'json' })
  parseFormat(value: string): string {
    if (!(FORMATS as readonly string[]).includes(value))
      throw usage(`--format must be one of ${FORMATS.join(', ')}, got '${value}'`);
    return value;
  }

  @Option({ flags: '--lang <lang>', description: 'fr or en (CSV and XLSX headings and labels)', defaultValue: 'fr' })
  parseLang(value: string): string {
    if (value !== 'fr' && value !== 'en') throw usage(`--lang must be fr or en, got '${value}'`);
    return value;
  }

  @Option({ flags: '--output <file>', description: 'write to a file instead of stdout' })
  parseOutput(value: string): string {
    return value;
  }

  @Option({ flags: '--as-of <date>', description: 'YYYY-MM-DD (default: today, UTC)' })
  parseAsOf(value: string): string {
    return value;
  }

  async run(_args: string[], options: RisksOptions): Promise<void> {
    if (!options.organisation) throw usage('--organisation is required');
    if (options.format === 'xlsx' && !options.output) throw usage('--format xlsx needs --output <file>');
    // The CLI operator reads every organisation, as for `carto export`; the DPO's decisions come from PostgreSQL.
    const register = await riskRegisterFor(await this.services.graph(), {
      organisation: options.organisation,
      ...(options.department ? { department: options.department } : {}),
      asOf: options.asOf ?? today(),
      scope: READ_ALL,
      decisions: await this.services.riskDecisions(),
    });
    const out =
      options.format === 'json'
        ? risksJson(register)
        : options.format === 'csv'
          ? risksCsv(register, options.lang)
          : await risksXlsx(register, options.lang);
    if (options.output) await writeFile(options.output, out);
    else process.stdout.write(out);
  }
}
