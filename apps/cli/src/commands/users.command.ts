import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { Role, ROLES } from '@cartographer/access';
import { CliServices } from '../cli-services.js';
import { CliFailure, ExitCode } from '../cli-errors.js';
import { cliActor } from './cli-audit.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface CreateOptions {
  email?: string;
  role?: string;
  displayName?: string;
  organisation?: string[];
  department?: string[];
  passwordStdin?: boolean;
}

@SubCommand({ name: 'create', description: 'Create an account (the password is read from standard input)' })
export class UsersCreateCommand extends CommandRunner {
  constructor(private readonly services: CliServices) {
    super();
  }

  @Option({ flags: '--email <email>', description: 'login email (unique)', required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '--role <role>', description: `one of ${ROLES.join(', ')}`, required: true })
  parseRole(value: string): string {
    return value;
  }

  @Option({ flags: '--display-name <name>', description: 'name shown in the audit log (default: the email)' })
  parseDisplayName(value: string): string {
    return value;
  }

  @Option({ flags: '--organisation <key>', description: 'organisation key granted (repeatable)' })
  parseOrganisation(value: string, previous?: string[]): string[] {
    return collect(value, previous);
  }

  @Option({ flags: '--department <key>', description: 'department key assigned, for DATA_LEAD (repeatable)' })
  parseDepartment(value: string, previous?: string[]): string[] {
    return collect(value, previous);
  }

  @Option({ flags: '--password-stdin', description: 'read the password from standard input (required)' })
  parsePasswordStdin(): boolean {
    return true;
  }

  async run(_args: string[], options: CreateOptions): Promise<void> {
    // Passwords never come from arguments: they would land in shell history and `ps`.
    if (!options.passwordStdin) {
      throw new CliFailure(ExitCode.INVALID_INPUT, '--password-stdin is required (pipe the password in)');
    }
    const role = options.role?.toUpperCase().replace('-', '_') as Role;
    if (!ROLES.includes(role)) {
      throw new CliFailure(
        ExitCode.INVALID_INPUT,
        `--role: expected one of ${ROLES.join(', ')}, got '${options.role}'`,
      );
    }
    const password = await readStdin();
    const users = await this.services.users();
    const account = await users.create(
      {
        email: options.email ?? '',
        displayName: options.displayName ?? options.email ?? '',
        role,
        organisations: options.organisation ?? [],
        departments: options.department ?? [],
        password,
      },
      cliActor(),
    );
    process.stdout.write(`created ${account.role} ${account.email} (id ${account.id})\n`);
  }
}

@SubCommand({ name: 'list', description: 'List accounts' })
export class UsersListCommand extends CommandRunner {
  constructor(private readonly services: CliServices) {
    super();
  }

  async run(): Promise<void> {
    const users = await this.services.users();
    let after: string | undefined;
    for (;;) {
      const page = await users.list(100, after);
      for (const account of page.accounts) {
        const scope = account.role === Role.ADMIN ? '*' : account.organisations.join(',');
        process.stdout.write(
          `${account.email}\t${account.role}\t${scope}\t${account.departments.join(',')}\t${account.disabled ? 'disabled' : 'active'}\n`,
        );
      }
      if (!page.hasNextPage) break;
      after = page.accounts.at(-1)!.email;
    }
  }
}

@SubCommand({ name: 'disable', description: 'Disable an account: its tokens stop working at once' })
export class UsersDisableCommand extends CommandRunner {
  constructor(private readonly services: CliServices) {
    super();
  }

  @Option({ flags: '--email <email>', description: 'the account to disable', required: true })
  parseEmail(value: string): string {
    return value;
  }

  async run(_args: string[], options: { email: string }): Promise<void> {
    const users = await this.services.users();
    const user = await users.findByEmail(options.email);
    if (!user) throw new CliFailure(ExitCode.NOT_FOUND, `no account with email '${options.email}'`);
    await users.disable(user.id, cliActor());
    process.stdout.write(`disabled ${user.email}\n`);
  }
}

@Command({
  name: 'users',
  description: 'Manage accounts (create, list, disable)',
  subCommands: [UsersCreateCommand, UsersListCommand, UsersDisableCommand],
})
export class UsersCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}

export const USERS_COMMANDS = [UsersCommand, UsersCreateCommand, UsersListCommand, UsersDisableCommand];
