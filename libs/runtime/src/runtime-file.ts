import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GraphConnectionOptions } from '@cartographer/graph';

/**
 * While `npm start` runs with locally started stores, their connection details are written to
 * <dataDir>/runtime.json (mode 0600), so that `carto` commands on the same machine reach the same
 * stores instead of trying to open the same data folders a second time.
 */
export interface RuntimeFile {
  pid: number;
  neo4j: GraphConnectionOptions;
  databaseUrl: string;
}

const fileOf = (dataDir: string) => join(dataDir, 'runtime.json');

export async function writeRuntimeFile(dataDir: string, content: RuntimeFile): Promise<void> {
  await writeFile(fileOf(dataDir), JSON.stringify(content), { mode: 0o600 });
  await chmod(fileOf(dataDir), 0o600);
}

export async function removeRuntimeFile(dataDir: string): Promise<void> {
  await rm(fileOf(dataDir), { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The running server's stores, or undefined when none is running. */
export async function readRuntimeFile(dataDir: string): Promise<RuntimeFile | undefined> {
  try {
    const content = JSON.parse(await readFile(fileOf(dataDir), 'utf8')) as RuntimeFile;
    return alive(content.pid) ? content : undefined;
  } catch {
    return undefined;
  }
}
