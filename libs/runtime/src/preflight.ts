import neo4j from 'neo4j-driver';
import { DomainError, ErrorKind } from '@cartographer/common';
import pg from 'pg';
import { redactUrl } from '@cartographer/config';
import type { GraphConnectionOptions } from '@cartographer/graph';

export enum RuntimeErrorCode {
  STORE_UNREACHABLE = 'RUNTIME_STORE_UNREACHABLE',
}

// The configured store does not answer at start-up: the environment names the wrong one (exit 2).
const KINDS: Readonly<Record<RuntimeErrorCode, ErrorKind>> = {
  [RuntimeErrorCode.STORE_UNREACHABLE]: ErrorKind.CONFIGURATION,
};

/** A store named by the configuration does not answer. */
export class StoreUnreachableError extends DomainError<RuntimeErrorCode> {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(RuntimeErrorCode.STORE_UNREACHABLE, `${variable}: ${reason}`, KINDS);
  }
}

function reasonOf(error: unknown): string {
  const err = error as { code?: string; message?: string };
  if (err.code && /^[A-Z]+$/.test(err.code)) return err.code;
  if (err.code?.startsWith('Neo.ClientError.Security.')) return 'authentication failed';
  if (err.code === '28P01' || err.code === '28000') return 'authentication failed';
  if (err.code === '3D000') return 'database does not exist';
  return err.code ?? 'no answer';
}

/** Checks both stores answer before the application boots, so a wrong URL ends in one clear line. */
export async function preflight(stores: { neo4j: GraphConnectionOptions; databaseUrl: string }): Promise<void> {
  const driver = neo4j.driver(stores.neo4j.uri, neo4j.auth.basic(stores.neo4j.user, stores.neo4j.password), {
    connectionTimeout: 10_000,
  });
  try {
    await driver.getServerInfo({ database: stores.neo4j.database });
  } catch (error) {
    throw new StoreUnreachableError(
      'NEO4J_URI',
      `cannot reach Neo4j at ${redactUrl(stores.neo4j.uri)} (${reasonOf(error)})`,
    );
  } finally {
    await driver.close();
  }
  const client = new pg.Client({ connectionString: stores.databaseUrl, connectionTimeoutMillis: 10_000 });
  // A refused connection also emits 'error' on some paths; the awaited connect() reports it.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new StoreUnreachableError(
      'DATABASE_URL',
      `cannot reach PostgreSQL at ${redactUrl(stores.databaseUrl)} (${reasonOf(error)})`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
