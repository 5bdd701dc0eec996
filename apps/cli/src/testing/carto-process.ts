import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '@cartographer/config';

const run = promisify(execFile);
const CARTO = join(projectRoot(), 'bin', 'carto.js');

export interface CartoOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `carto` against the test stores (the environment's); resolves with the exit code and both streams. */
export async function carto(...args: string[]): Promise<CartoOutcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CARTO, ...args], {
      env: { ...process.env, LOG_LEVEL: 'error' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as CartoOutcome;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
