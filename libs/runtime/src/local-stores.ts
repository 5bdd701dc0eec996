import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { AppConfig } from '@cartographer/config';
import { readRuntimeFile } from './runtime-file.js';
import { startEmbeddedPostgres } from '@cartographer/database';
import { ensureNeo4jInstalled, type GraphConnectionOptions, startLocalNeo4j } from '@cartographer/graph';

export interface Stores {
  neo4j: GraphConnectionOptions;
  databaseUrl: string;
  /** Which stores this process started itself (and so must stop). */
  started: ('neo4j' | 'postgres')[];
  stop(): Promise<void>;
}

/**
 * Returns the connection details of both stores, starting a local Neo4j (NEO4J_URI unset) and an
 * embedded PostgreSQL (DATABASE_URL unset) when the configuration does not name running ones.
 * If one fails to start, the other is stopped again before the error is rethrown.
 */
export async function startStores(config: AppConfig, log: (line: string) => void = () => undefined): Promise<Stores> {
  // A server already running on this data folder owns the local stores: share them.
  const running = !config.neo4j.uri || !config.databaseUrl ? await readRuntimeFile(config.dataDir) : undefined;
  if (running) {
    config = {
      ...config,
      neo4j: config.neo4j.uri ? config.neo4j : { ...config.neo4j, ...running.neo4j },
      databaseUrl: config.databaseUrl ?? running.databaseUrl,
    };
  }
  const stoppers: (() => Promise<void>)[] = [];
  const started: Stores['started'] = [];
  const stopAll = async () => {
    for (const stop of stoppers.splice(0).reverse()) await stop().catch(() => undefined);
  };

  const neo4jTask = (async (): Promise<GraphConnectionOptions> => {
    if (config.neo4j.uri) {
      return {
        uri: config.neo4j.uri,
        user: config.neo4j.user,
        password: config.neo4j.password ?? '',
        database: config.neo4j.database,
      };
    }
    await ensureNeo4jInstalled({ log });
    const password = randomBytes(18).toString('base64url');
    const server = await startLocalNeo4j({
      homeDir: join(config.dataDir, 'neo4j'),
      password,
      heap: config.localNeo4jHeap,
      log,
    });
    stoppers.push(() => server.stop());
    started.push('neo4j');
    return { uri: server.uri, user: server.user, password: server.password };
  })();

  const postgresTask = (async (): Promise<string> => {
    if (config.databaseUrl) return config.databaseUrl;
    const server = await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres'), log });
    stoppers.push(() => server.stop());
    started.push('postgres');
    return server.url;
  })();

  const [neo4j, postgres] = await Promise.allSettled([neo4jTask, postgresTask]);
  if (neo4j.status === 'rejected' || postgres.status === 'rejected') {
    await stopAll();
    throw neo4j.status === 'rejected' ? neo4j.reason : (postgres as PromiseRejectedResult).reason;
  }
  return { neo4j: neo4j.value, databaseUrl: postgres.value, started, stop: stopAll };
}
