import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConfigModule } from '@cartographer/config';
import { CliRuntime } from './cli-runtime.js';
import { CliServices } from './cli-services.js';
import { ExportCommand } from './commands/export.command.js';
import { ImportCommand } from './commands/import.command.js';
import { MigrateCommand } from './commands/migrate.command.js';
import { PlanCommand } from './commands/plan.command.js';
import { ScanCommand } from './commands/scan.command.js';
import { WorkerCommand } from './commands/worker.command.js';
import { AUDIT_COMMANDS } from './commands/audit.command.js';
import { COMPLIANCE_COMMANDS } from './commands/compliance.command.js';
import { RisksCommand } from './commands/risks.command.js';
import { FINDINGS_COMMANDS } from './commands/findings.command.js';
import { REPORT_COMMANDS } from './commands/report.command.js';
import { USERS_COMMANDS } from './commands/users.command.js';

@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [ConfigModule.forRoot(config)],
      providers: [
        CliRuntime,
        CliServices,
        MigrateCommand,
        ImportCommand,
        ExportCommand,
        ScanCommand,
        WorkerCommand,
        PlanCommand,
        ...USERS_COMMANDS,
        ...AUDIT_COMMANDS,
        ...FINDINGS_COMMANDS,
        ...COMPLIANCE_COMMANDS,
        RisksCommand,
        ...REPORT_COMMANDS,
      ],
    };
  }
}
