import { DomainError, ErrorKind } from '@cartographer/common';

export enum ConfigErrorCode {
  INVALID = 'CONFIG_INVALID',
}

const KINDS: Readonly<Record<ConfigErrorCode, ErrorKind>> = { [ConfigErrorCode.INVALID]: ErrorKind.CONFIGURATION };

/** A configuration problem found at boot. The message names the variable and never echoes secrets. */
export class ConfigError extends DomainError<ConfigErrorCode> {
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(ConfigErrorCode.INVALID, `${variable}: ${reason}`, KINDS);
  }
}
