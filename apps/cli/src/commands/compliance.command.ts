import { writeFile } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { dpiaJson, registerCsv, registerJson, registerXlsx, transfersJson } from '@cartographer/compliance';
import { type ComplianceQuery, READ_ALL, registerOds } from '@cartographer/registers';
import { CliServices } from '../cli-services.js';
import { CliFailure, ExitCode } from '../cli-errors.js';

const usage = (message: string) => new CliFailure(ExitCode.INVALID_INPUT, message);

type Format = 'json' | 'csv' | 'xlsx' | 'ods';
const FORMATS: readonly Format[] = ['json', 'csv', 'xlsx', 'ods'];

interface ComplianceOptions {
  organisation?: string;
  department?: string;
  format: Format;
  lang: 'fr' | 'en';
  output?: string;
  asOf?: string;
}

/** Today in UTC, when --as-of is not given: the documents carry the date they were computed as of. */
const today = () => new Date().toISOString().slice(0, 10);

/** The options the three commands share; the as-of date is validated by the use cases. */
@Injectable() // emits the constructor's parameter types, which the three commands inherit
abstract class ComplianceCommand extends CommandRunner {
  protected abstract readonly formats: readonly Format[];

  constructor(protected readonly services: CliServices) {
    super();
  }

  @Option({ flags: '-o, --organisation <key>', description: 'organisation key (required)' })
  parseOrganisation(value: string): string {
    return value;
  }

  @Option({ flags: '-d, --department <key>', description: 'only the activities of this department' })
  parseDepartment(value: string): string {
    return value;
  }

  @Option({
    flags: '-f, --format <format>',
    description: 'json, csv, xlsx or ods (csv, xlsx, ods: register only)',
    defaultValue: 'json',
  })
  parseFormat(value: string): string {
    if (!(FORMATS as readonly string[]).includes(value))
      throw usage(`--format must be one of ${FORMATS.join(', ')}, got '${value}'`);
    return value;
  }

  @Option({ flags: '--lang <lang>', description: 'fr (CNIL register layout) or en (Art. 30 view)', defaultValue: 'fr' })
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

  protected abstract render(query: ComplianceQuery, options: ComplianceOptions): Promise<string | Buffer>;

  async run(_args: string[], options: ComplianceOptions): Promise<void> {
    if (!options.organisation) throw usage('--organisation is required');
    if (!this.formats.includes(options.format))
      throw usage(`--format ${options.format} is not available for this command (${this.formats.join(', ')})`);
    if (options.format !== 'json' && !options.output) throw usage(`--format ${options.format} needs --output <file>`);
    // The CLI operator reads every organisation, as for `carto export`.
    const query: ComplianceQuery = {
      organisation: options.organisation,
      ...(options.department ? { department: options.department } : {}),
      asOf: options.asOf ?? today(),
      scope: READ_ALL,
    };
    const out = await this.render(query, options);
    if (options.output) await writeFile(options.output, out);
    else process.stdout.write(out);
  }
}

@Command({ name: 'transfers', description: 'Transfers outside the EEA per edge (GDPR Chapter V), as JSON' })
export class TransfersCommand extends ComplianceCommand {
  protected readonly formats: readonly Format[] = ['json'];

  protected async render(query: ComplianceQuery): Promise<string> {
    return transfersJson(await (await this.services.registers()).transfers(query));
  }
}

@Command({
  name: 'register',
  description: 'The record of processing activities (GDPR Art. 30): JSON, or the CNIL register as CSV, XLSX or ODS',
})
export class RegisterCommand extends ComplianceCommand {
  protected readonly formats: readonly Format[] = FORMATS;

  protected async render(query: ComplianceQuery, options: ComplianceOptions): Promise<string | Buffer> {
    const registers = await this.services.registers();
    if (options.format === 'json') return registerJson(await registers.processingRecord(query));
    const workbook = await registers.registerWorkbook({ ...query, lang: options.lang });
    if (options.format === 'csv') return registerCsv(workbook);
    return options.format === 'xlsx' ? registerXlsx(workbook) : registerOds(workbook);
  }
}

@Command({
  name: 'dpia',
  description: 'DPIA screening per activity (GDPR Art. 35, WP248 criteria, CNIL lists), as JSON',
})
export class DpiaCommand extends ComplianceCommand {
  protected readonly formats: readonly Format[] = ['json'];

  protected async render(query: ComplianceQuery): Promise<string> {
    return dpiaJson(await (await this.services.registers()).dpiaScreening(query));
  }
}

export const COMPLIANCE_COMMANDS = [TransfersCommand, RegisterCommand, DpiaCommand];
