import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { loadConfig } from '@cartographer/config';
import { CliModule } from './cli.module.js';
import { CliRuntime } from './cli-runtime.js';
import { ExitCode, exitCodeOf } from './cli-errors.js';

function fail(error: unknown): never {
  const { code, message } = exitCodeOf(error);
  process.stderr.write(`carto: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    fail(error);
  }
  const app = await CommandFactory.createWithoutRunning(CliModule.forRoot(config), {
    logger: ['error'],
    cliName: 'carto',
    errorHandler: (error) => {
      // commander's own help/version exits are not failures.
      const code = (error as { code?: string; exitCode?: number }).code;
      if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help')
        process.exit(ExitCode.OK);
      process.stderr.write(`carto: ${error.message.replace(/^error: /, '')}\n`);
      process.exit(ExitCode.INVALID_INPUT);
    },
    serviceErrorHandler: (error) => {
      throw error;
    },
  });
  const runtime = app.get(CliRuntime);
  try {
    await CommandFactory.runApplication(app);
  } catch (error) {
    await runtime.close();
    await app.close();
    fail(error);
  }
  await runtime.close();
  await app.close();
}

await main();
