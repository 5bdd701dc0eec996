import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { projectRoot } from '@cartographer/config';

const MAIN = join(projectRoot(), 'dist', 'apps', 'api', 'src', 'main.js');

/** Runs the built server (global setup compiled it) with its own environment. */
function start(
  env: Record<string, string>,
  command: string[] = [process.execPath, MAIN],
): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
} {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(NEO4J_|DATABASE_URL)/.test(name)),
  ) as Record<string, string>;
  const child = spawn(command[0], command.slice(1), {
    cwd: projectRoot(),
    env: { ...clean, LOG_LEVEL: 'warn', CARTO_LOAD_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += String(chunk)));
  child.stderr!.on('data', (chunk) => (text += String(chunk)));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exit };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the server process', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('ends with one clear line and exit code 2 on a malformed NEO4J_URI', async () => {
    const run = start({
      NEO4J_URI: 'neo4j//graph.example.org',
      NEO4J_PASSWORD: 'x',
      DATABASE_URL: 'postgres://u@127.0.0.1:1/db',
    });
    expect(await run.exit).toBe(2);
    expect(run.output()).toBe(
      "cartographer: NEO4J_URI: malformed URL 'neo4j//graph.example.org' (expected bolt://host:port)\n",
    );
  });

  it('ends with one clear line when the configured Neo4j does not answer', async () => {
    const run = start({
      NEO4J_URI: 'bolt://127.0.0.1:1',
      NEO4J_PASSWORD: 'secret-pw',
      DATABASE_URL: process.env.DATABASE_URL!,
    });
    expect(await run.exit).toBe(2);
    expect(run.output()).toBe(
      'cartographer: NEO4J_URI: cannot reach Neo4j at bolt://127.0.0.1:1 (ServiceUnavailable)\n',
    );
  });

  it('`npm start` starts the missing stores, answers /health, and stops them all on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'carto-main-'));
    await chmod(dataDir, 0o755);
    dirs.push(dataDir);
    const run = start({ CARTO_DATA_DIR: dataDir, PORT: '0' }, ['npm', 'start']);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line: ${run.output()}`)), 150_000);
      const check = setInterval(() => {
        const match = /health at (http:\/\/\S+)\/health/.exec(run.output());
        if (match) {
          clearInterval(check);
          clearTimeout(timer);
          resolve(match[1]);
        }
      }, 200);
    });
    const health = (await (await fetch(`${url}/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    const { pids } = await import('./testing/process-tree.js').then((m) => m.childrenOf(run.child.pid!));
    expect(pids.length).toBeGreaterThanOrEqual(2);

    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(pids.filter(alive)).toEqual([]);
  }, 180_000);
});
