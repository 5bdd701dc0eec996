import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import neo4j, { type Driver } from 'neo4j-driver';
import { ensureNeo4jInstalled, type LocalNeo4j, startLocalNeo4j } from './local-neo4j.js';

// Its own server in its own temporary home (not the shared one of test/global-setup.ts), so that
// stopping and restarting it cannot disturb other suites.
const START_TIMEOUT_MS = 180_000;
// A cold ~/.m2 downloads ~130 MB of jars first (about 1-2 minutes).
const INSTALL_TIMEOUT_MS = 600_000;
const log = process.env.CARTO_TEST_DEBUG ? (line: string) => console.error(line) : undefined;

function openDriver(uri: string, password: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic('neo4j', password), { disableLosslessIntegers: true });
}

/** The errno of signalling `pid` with 0: undefined while the process exists, 'ESRCH' once it is gone. */
function probeProcess(pid: number): string | undefined {
  try {
    process.kill(pid, 0);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}

describe('local Neo4j (real JVM)', () => {
  let home: string;
  let server: LocalNeo4j | undefined;

  beforeAll(() => ensureNeo4jInstalled({ log }), INSTALL_TIMEOUT_MS);

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'carto-local-neo4j-'));
    server = await startLocalNeo4j({ homeDir: home, password: 'first-password-1', log });
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await server?.stop();
    await rm(home, { recursive: true, force: true });
  }, 60_000);

  it('serves Bolt on 127.0.0.1 as the neo4j user', () => {
    expect(server!.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(server!.uri).toBe(`bolt://127.0.0.1:${server!.port}`);
    expect(server!.user).toBe('neo4j');
    expect(server!.password).toBe('first-password-1');
    expect(probeProcess(server!.pid)).toBeUndefined();
  });

  it('writes a node and reads it back', async () => {
    const driver = openDriver(server!.uri, server!.password);
    try {
      const created = await driver.executeQuery(
        'CREATE (n:LocalNeo4jProbe {key: $key, name: $name, size: $size}) RETURN n.key AS key',
        { key: 'probe-1', name: 'Données personnelles', size: 42 },
      );
      expect(created.records.map((record) => record.toObject())).toEqual([{ key: 'probe-1' }]);
      expect(created.summary.counters.updates().nodesCreated).toBe(1);

      const read = await driver.executeQuery(
        'MATCH (n:LocalNeo4jProbe) RETURN n.key AS key, n.name AS name, n.size AS size, labels(n) AS labels',
        {},
        { routing: neo4j.routing.READ },
      );
      expect(read.records.map((record) => record.toObject())).toEqual([
        { key: 'probe-1', name: 'Données personnelles', size: 42, labels: ['LocalNeo4jProbe'] },
      ]);
    } finally {
      await driver.close();
    }
  });

  it('rejects a wrong password', async () => {
    const driver = openDriver(server!.uri, 'not-the-password');
    try {
      await expect(driver.executeQuery('RETURN 1')).rejects.toMatchObject({
        code: 'Neo.ClientError.Security.Unauthorized',
      });
    } finally {
      await driver.close();
    }
  });

  it('stops: the JVM is gone, and stop() may be called again', async () => {
    const { pid } = server!;
    await server!.stop();
    expect(probeProcess(pid)).toBe('ESRCH');
    await expect(server!.stop()).resolves.toBeUndefined();
  });

  it(
    'restarts on the same home with a new password: data kept, old password refused',
    async () => {
      server = await startLocalNeo4j({ homeDir: home, password: 'second-password-2', log });
      const driver = openDriver(server.uri, 'second-password-2');
      const stale = openDriver(server.uri, 'first-password-1');
      try {
        const read = await driver.executeQuery('MATCH (n:LocalNeo4jProbe) RETURN n.key AS key, n.size AS size');
        expect(read.records.map((record) => record.toObject())).toEqual([{ key: 'probe-1', size: 42 }]);
        await expect(stale.executeQuery('RETURN 1')).rejects.toMatchObject({
          code: 'Neo.ClientError.Security.Unauthorized',
        });
      } finally {
        await driver.close();
        await stale.close();
      }
      const { pid } = server;
      await server.stop();
      expect(probeProcess(pid)).toBe('ESRCH');
    },
    START_TIMEOUT_MS,
  );
});
