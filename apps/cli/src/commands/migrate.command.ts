import { Command, CommandRunner } from 'nest-commander';
import { CliRuntime } from '../cli-runtime.js';

@Command({ name: 'migrate', description: 'Apply the PostgreSQL and graph schema migrations' })
export class MigrateCommand extends CommandRunner {
  constructor(private readonly runtime: CliRuntime) {
    super();
  }

  async run(): Promise<void> {
    const dataSource = await this.runtime.postgres();
    const pending = await dataSource.showMigrations();
    await this.runtime.graph();
    process.stdout.write(
      `migrations up to date (PostgreSQL pending before: ${pending ? 'yes' : 'no'}; graph checked)\n`,
    );
  }
}
