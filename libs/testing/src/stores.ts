import { type AppConfig, loadConfig } from '@cartographer/config';
import type { GraphConnectionOptions } from '@cartographer/graph';

/** The stores started by the integration globalSetup (test/global-setup.ts). */
export function testStores(): { neo4j: GraphConnectionOptions; databaseUrl: string } {
  const { NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, DATABASE_URL } = process.env;
  if (!NEO4J_URI || !NEO4J_PASSWORD || !DATABASE_URL) {
    throw new Error(
      'integration tests need the stores of test/global-setup.ts (run them through the integration project)',
    );
  }
  return {
    neo4j: { uri: NEO4J_URI, user: NEO4J_USER ?? 'neo4j', password: NEO4J_PASSWORD },
    databaseUrl: DATABASE_URL,
  };
}

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'error', ...overrides });
}

/** A short unique suffix, so that each test owns its data. */
export function uniqueId(prefix = 't'): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
