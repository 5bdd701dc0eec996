import { DomainError, ErrorKind } from '@cartographer/common';

/**
 * Codes for failures of discovery. A whole-run failure rejects `discover()` with a DiscoveryError;
 * a failure confined to one dataset becomes an entry of `DiscoveredSource.errors` with the same code.
 */
export enum DiscoveryErrorCode {
  /** The target is neither a supported connection URL nor a readable path. */
  UNSUPPORTED_TARGET = 'DISCOVERY_UNSUPPORTED_TARGET',
  INVALID_OPTIONS = 'DISCOVERY_INVALID_OPTIONS',
  /** Could not connect, or the source went away: nothing more could be read. */
  SOURCE_UNAVAILABLE = 'DISCOVERY_SOURCE_UNAVAILABLE',
  AUTHENTICATION_FAILED = 'DISCOVERY_AUTHENTICATION_FAILED',
  PERMISSION_DENIED = 'DISCOVERY_PERMISSION_DENIED',
  /** The connection broke while a dataset was being read. */
  CONNECTION_LOST = 'DISCOVERY_CONNECTION_LOST',
  STATEMENT_TIMEOUT = 'DISCOVERY_STATEMENT_TIMEOUT',
  /** Reading the dataset tried to write (e.g. a view calling a writing function) and was refused. */
  READ_ONLY_VIOLATION = 'DISCOVERY_READ_ONLY_VIOLATION',
  /** The dataset exists but cannot be read now (unpopulated materialized view, broken view). */
  DATASET_UNREADABLE = 'DISCOVERY_DATASET_UNREADABLE',
  QUERY_FAILED = 'DISCOVERY_QUERY_FAILED',
  FILE_UNREADABLE = 'DISCOVERY_FILE_UNREADABLE',
  /** Invalid JSON, broken CSV quoting, corrupt XLSX or PDF. */
  FILE_MALFORMED = 'DISCOVERY_FILE_MALFORMED',
  /** Binary content under a text extension. */
  FILE_NOT_TEXT = 'DISCOVERY_FILE_NOT_TEXT',
  FILE_TOO_LARGE = 'DISCOVERY_FILE_TOO_LARGE',
  /** Left out on purpose: symbolic link leaving the root, depth or file-count bound reached. */
  FILE_SKIPPED = 'DISCOVERY_FILE_SKIPPED',
  ABORTED = 'DISCOVERY_ABORTED',
}

const KINDS: Readonly<Record<DiscoveryErrorCode, ErrorKind>> = {
  [DiscoveryErrorCode.UNSUPPORTED_TARGET]: ErrorKind.INVALID_INPUT,
  [DiscoveryErrorCode.INVALID_OPTIONS]: ErrorKind.INVALID_INPUT,
  [DiscoveryErrorCode.SOURCE_UNAVAILABLE]: ErrorKind.UNAVAILABLE,
  // Wrong credentials or missing grants in the target: the caller fixes the connection it gave.
  [DiscoveryErrorCode.AUTHENTICATION_FAILED]: ErrorKind.INVALID_INPUT,
  [DiscoveryErrorCode.PERMISSION_DENIED]: ErrorKind.INVALID_INPUT,
  [DiscoveryErrorCode.CONNECTION_LOST]: ErrorKind.UNAVAILABLE,
  [DiscoveryErrorCode.STATEMENT_TIMEOUT]: ErrorKind.UNAVAILABLE,
  [DiscoveryErrorCode.READ_ONLY_VIOLATION]: ErrorKind.INVALID_INPUT,
  [DiscoveryErrorCode.DATASET_UNREADABLE]: ErrorKind.UNAVAILABLE,
  [DiscoveryErrorCode.QUERY_FAILED]: ErrorKind.INTERNAL,
  [DiscoveryErrorCode.FILE_UNREADABLE]: ErrorKind.INVALID_INPUT,
  [DiscoveryErrorCode.FILE_MALFORMED]: ErrorKind.INVALID_INPUT,
  [DiscoveryErrorCode.FILE_NOT_TEXT]: ErrorKind.INVALID_INPUT,
  [DiscoveryErrorCode.FILE_TOO_LARGE]: ErrorKind.INVALID_INPUT,
  [DiscoveryErrorCode.FILE_SKIPPED]: ErrorKind.INVALID_INPUT,
  // Stopped by shutdown or a cancelled job: the same scan can run again.
  [DiscoveryErrorCode.ABORTED]: ErrorKind.UNAVAILABLE,
};

/** Driver errors are never attached as `cause`: their messages may quote data values. */
export class DiscoveryError extends DomainError<DiscoveryErrorCode> {
  constructor(code: DiscoveryErrorCode, message: string) {
    super(code, message, KINDS);
  }
}
