import { readFile, writeFile } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { defineAbilityFor, Role } from '@cartographer/access';
import { type ReportFormat, REPORT_FORMATS, type ReportKind, type SnapshotCaller } from '@cartographer/reports';
import { CliServices } from '../cli-services.js';
import { CliFailure, ExitCode } from '../cli-errors.js';
import { ProgressBar } from '../progress-bar.js';
import { cliActor } from './cli-audit.js';

const usage = (message: string) => new CliFailure(ExitCode.INVALID_INPUT, message);

/**
 * The CLI operator reads every organisation, as for `carto export` (the CLI has no login): the same
 * use case as the API, with the ability of a role that may do everything; audited as `cli:<user>@<host>`.
 */
export function cliReportCaller(): SnapshotCaller {
  const actor = cliActor();
  const label = actor.label ?? 'cli';
  return {
    ability: defineAbilityFor({ userId: label, role: Role.ADMIN, organisations: [], departments: [] }),
    by: label,
    actor,
  };
}

interface GenerateOptions {
  organisation?: string;
  department?: string;
  lang: string;
  format: string;
  asOf?: string;
  output?: string;
}

/** `carto report cartography|risks`: generate, store the snapshot, write one of its files. */
@Injectable() // emits the constructor's parameter types, which the two commands inherit
abstract class GenerateReportCommand extends CommandRunner {
  protected abstract readonly kind: ReportKind;

  constructor(private readonly services: CliServices) {
    super();
  }

  @Option({ flags: '-o, --organisation <key>', description: 'organisation key (required)' })
  parseOrganisation(value: string): string {
    return value;
  }

  @Option({ flags: '-d, --department <key>', description: 'only this department' })
  parseDepartment(value: string): string {
    return value;
  }

  // Checked by the use case, like the API's: one message for both.
  @Option({ flags: '--lang <lang>', description: 'fr or en', defaultValue: 'fr' })
  parseLang(value: string): string {
    return value;
  }

  @Option({ flags: '-f, --format <format>', description: 'pdf, html or json', defaultValue: 'pdf' })
  parseFormat(value: string): string {
    if (!(REPORT_FORMATS as readonly string[]).includes(value))
      throw usage(`--format must be one of ${REPORT_FORMATS.join(', ')}, got '${value}'`);
    return value;
  }

  @Option({ flags: '--as-of <date>', description: 'YYYY-MM-DD, not in the future (default: today, UTC)' })
  parseAsOf(value: string): string {
    return value;
  }

  @Option({ flags: '--output <file>', description: 'write the file there (pdf: required unless stdout is redirected)' })
  parseOutput(value: string): string {
    return value;
  }

  async run(_args: string[], options: GenerateOptions): Promise<void> {
    if (!options.organisation) throw usage('--organisation is required');
    const format = options.format as ReportFormat;
    if (format === 'pdf' && !options.output && process.stdout.isTTY)
      throw usage('--format pdf writes binary: give --output <file> or redirect stdout');
    const reports = await this.services.reports();
    const bar = new ProgressBar('steps');
    let snapshot;
    try {
      snapshot = await reports.generate(
        {
          kind: this.kind,
          organisation: options.organisation,
          department: options.department ?? null,
          language: options.lang,
          asOf: options.asOf ?? null,
        },
        cliReportCaller(),
        (step, done, total) => bar.update(done, total, step),
      );
    } finally {
      bar.finish();
    }
    const file = await reports.file(snapshot.id, format, cliReportCaller());
    if (options.output) await writeFile(options.output, file.bytes);
    else process.stdout.write(file.bytes);
    process.stderr.write(
      `report snapshot ${snapshot.id} (${snapshot.kind} of ${snapshot.organisation}${snapshot.department ? `/${snapshot.department}` : ''}, ${snapshot.language}, as of ${snapshot.asOf}) sha256 ${snapshot.contentHash}${options.output ? ` written to ${options.output}` : ''}\n`,
    );
  }
}

@SubCommand({ name: 'cartography', description: 'The data cartography report of an organisation (or department)' })
export class CartographyReportCommand extends GenerateReportCommand {
  protected readonly kind: ReportKind = 'CARTOGRAPHY';
}

@SubCommand({ name: 'risks', description: 'The risk register report of an organisation (or department)' })
export class RisksReportCommand extends GenerateReportCommand {
  protected readonly kind: ReportKind = 'RISKS';
}

@SubCommand({
  name: 'verify',
  arguments: '<file>',
  description:
    'Check that a report file (PDF, HTML or JSON) is intact and matches a stored snapshot; exit 6 naming what does not match',
})
export class ReportVerifyCommand extends CommandRunner {
  constructor(private readonly services: CliServices) {
    super();
  }

  async run([path]: string[]): Promise<void> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw usage(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const { verification, snapshots } = await (await this.services.reports()).verify(bytes, cliReportCaller());
    if (!verification.matches) {
      throw new CliFailure(ExitCode.VERIFICATION_FAILED, `${path} does not match: ${verification.problems.join('; ')}`);
    }
    if (snapshots.length === 0) {
      throw new CliFailure(
        ExitCode.VERIFICATION_FAILED,
        `${path} is an intact ${verification.format} report (sha256 ${verification.contentHash}) but matches no stored snapshot`,
      );
    }
    process.stdout.write(`${path}: intact ${verification.format} report, sha256 ${verification.contentHash}\n`);
    for (const snapshot of snapshots) {
      process.stdout.write(
        `  matches snapshot ${snapshot.id}: ${snapshot.kind} of ${snapshot.organisation}${snapshot.department ? `/${snapshot.department}` : ''}, ${snapshot.language}, as of ${snapshot.asOf}, generated by ${snapshot.generatedBy}, ${snapshot.approval ? `approved by ${snapshot.approval.approvedBy}` : 'not approved'}\n`,
      );
    }
  }
}

@SubCommand({
  name: 'diff',
  arguments: '<first> <second>',
  description: 'What changed between two snapshots of the same kind and scope (ids), older to newer',
})
export class ReportDiffCommand extends CommandRunner {
  constructor(private readonly services: CliServices) {
    super();
  }

  @Option({ flags: '-f, --format <format>', description: 'text or json', defaultValue: 'text' })
  parseFormat(value: string): string {
    if (value !== 'text' && value !== 'json') throw usage(`--format must be text or json, got '${value}'`);
    return value;
  }

  async run([first, second]: string[], options: { format: 'text' | 'json' }): Promise<void> {
    const { older, newer, diff } = await (await this.services.reports()).diff(first, second, cliReportCaller());
    if (options.format === 'json') {
      process.stdout.write(`${JSON.stringify({ older: older.id, newer: newer.id, ...diff })}\n`);
      return;
    }
    const { added, removed, changed } = diff.counts;
    process.stdout.write(
      `${diff.kind} of ${diff.organisation}${diff.department ? `/${diff.department}` : ''}: ${older.id} (${older.asOf}) -> ${newer.id} (${newer.asOf}): ${added} added, ${removed} removed, ${changed} changed\n`,
    );
    for (const entry of diff.entries) {
      const fields = entry.fields.map((f) => `${f.label}: ${f.before ?? '-'} -> ${f.after ?? '-'}`).join('; ');
      // One line per entry: values may hold line breaks (a paragraph).
      const line = `${entry.change} ${entry.path} ${entry.label}${fields ? ` (${fields})` : ''}`.replace(/\s+/g, ' ');
      process.stdout.write(`  ${line}\n`);
    }
  }
}

@Command({
  name: 'report',
  description: 'Reports: generate (cartography, risks), verify a file, diff two snapshots',
  subCommands: [CartographyReportCommand, RisksReportCommand, ReportVerifyCommand, ReportDiffCommand],
})
export class ReportCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}

export const REPORT_COMMANDS = [
  ReportCommand,
  CartographyReportCommand,
  RisksReportCommand,
  ReportVerifyCommand,
  ReportDiffCommand,
];
