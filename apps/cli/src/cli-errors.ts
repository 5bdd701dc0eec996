import { ConfigError } from '@cartographer/config';
import { GraphError } from '@cartographer/graph';
import { InventoryError, InventoryErrorCode } from '@cartographer/inventory';
import { StoreUnreachableError } from '@cartographer/runtime';

/** Exit codes of `carto`, one place for every command. */
export enum ExitCode {
  OK = 0,
  FAILURE = 1,
  CONFIG = 2,
  INVALID_INPUT = 3,
  NOT_FOUND = 4,
  CONFLICT = 5,
  VERIFICATION_FAILED = 6,
}

/** Maps a domain error to one line on stderr and an exit code; unknown errors get a generic line. */
export function exitCodeOf(error: unknown): { code: ExitCode; message: string } {
  if (error instanceof ConfigError || error instanceof StoreUnreachableError) {
    return { code: ExitCode.CONFIG, message: error.message };
  }
  if (error instanceof GraphError) return { code: ExitCode.FAILURE, message: error.message };
  if (error instanceof InventoryError) {
    const code =
      error.code === InventoryErrorCode.NOT_FOUND
        ? ExitCode.NOT_FOUND
        : error.code === InventoryErrorCode.REFERENCED || error.code === InventoryErrorCode.CONFLICT
          ? ExitCode.CONFLICT
          : ExitCode.INVALID_INPUT;
    return { code, message: error.message };
  }
  const coded = error as { exitCode?: ExitCode; message?: string };
  if (typeof coded?.exitCode === 'number') return { code: coded.exitCode, message: coded.message ?? 'failed' };
  return { code: ExitCode.FAILURE, message: `unexpected error: ${(error as Error)?.message ?? String(error)}` };
}
