import { splitGraphKey } from '@cartographer/common';
import { CliFailure, ExitCode } from './cli-errors.js';

/**
 * An option naming an inventory item takes its local key (`rh`) or, as the API returns it, its
 * full key (`ville:rh`); a full key must be in the organisation the command works on, and gives
 * that organisation when the command has none yet.
 */
export function localKeyOption(
  option: string,
  value: string | undefined,
  organisation: string | undefined,
): { local: string | undefined; organisation: string | undefined } {
  if (value === undefined) return { local: undefined, organisation };
  const full = splitGraphKey(value);
  if (!full) return { local: value, organisation };
  if (organisation !== undefined && full.organisation !== organisation) {
    throw new CliFailure(
      ExitCode.INVALID_INPUT,
      `${option} '${value}' is in organisation '${full.organisation}', not '${organisation}'`,
    );
  }
  return { local: full.local, organisation: full.organisation };
}
