import { describe, expect, it } from '@jest/globals';
import { AccessError, AccessErrorCode } from '@cartographer/access';
import { ClassificationError, ClassificationErrorCode } from '@cartographer/classification';
import { ERROR_KINDS } from '@cartographer/common';
import { ComplianceError, ComplianceErrorCode } from '@cartographer/compliance';
import { ConfigError } from '@cartographer/config';
import { DiscoveryError, DiscoveryErrorCode } from '@cartographer/discovery';
import { FindingsError, FindingsErrorCode } from '@cartographer/findings';
import { GraphError, GraphErrorCode } from '@cartographer/graph';
import { InventoryError, InventoryErrorCode } from '@cartographer/inventory';
import { StoreUnreachableError } from '@cartographer/runtime';
import { ScanTargetError } from '@cartographer/scan';
import { CliFailure, EXIT_CODE_OF_KIND, ExitCode, exitCodeOf } from './cli-errors.js';

describe('exitCodeOf: every domain error family reaches the CLI with its message and exit code', () => {
  it.each([
    [new AccessError(AccessErrorCode.FORBIDDEN, "not allowed to update DataSource 'x'"), ExitCode.FORBIDDEN],
    [new AccessError(AccessErrorCode.UNAUTHENTICATED, 'authentication required'), ExitCode.FORBIDDEN],
    [new AccessError(AccessErrorCode.RATE_LIMITED, 'too many failed logins'), ExitCode.UNAVAILABLE],
    [new AccessError(AccessErrorCode.CONFLICT, "account 'a@b.fr' exists"), ExitCode.CONFLICT],
    [
      new ClassificationError(ClassificationErrorCode.INVALID_OPTION, 'sample: expected 1 to 100000'),
      ExitCode.INVALID_INPUT,
    ],
    [
      new ComplianceError(ComplianceErrorCode.UNKNOWN_COUNTRY, "servers[0].country: unknown country 'XX'"),
      ExitCode.INVALID_INPUT,
    ],
    [new ConfigError('NEO4J_URI', "malformed URL 'x'"), ExitCode.CONFIG],
    [
      new DiscoveryError(DiscoveryErrorCode.SOURCE_UNAVAILABLE, 'cannot connect to 127.0.0.1:1/x'),
      ExitCode.UNAVAILABLE,
    ],
    [new DiscoveryError(DiscoveryErrorCode.UNSUPPORTED_TARGET, "unsupported target 'ftp://x'"), ExitCode.INVALID_INPUT],
    [new FindingsError(FindingsErrorCode.NOT_FOUND, "finding 'f' does not exist"), ExitCode.NOT_FOUND],
    [
      new GraphError(GraphErrorCode.UNAVAILABLE, 'Neo4j does not answer at bolt://127.0.0.1:7687'),
      ExitCode.UNAVAILABLE,
    ],
    [new GraphError(GraphErrorCode.QUERY, 'statement failed'), ExitCode.FAILURE],
    [new InventoryError(InventoryErrorCode.NOT_FOUND, "data source 'o:s' does not exist"), ExitCode.NOT_FOUND],
    [new InventoryError(InventoryErrorCode.CONFLICT, "data source 'o:s' changed since revision r1"), ExitCode.CONFLICT],
    [new InventoryError(InventoryErrorCode.REFERENCED, "server 'o:s' is used by data source 'd'"), ExitCode.CONFLICT],
    [
      new InventoryError(InventoryErrorCode.INVALID_DOCUMENT, 'a.yaml: sources[0].kind: unknown'),
      ExitCode.INVALID_INPUT,
    ],
    [new StoreUnreachableError('DATABASE_URL', 'ECONNREFUSED'), ExitCode.CONFIG],
    [new ScanTargetError("source 's' has no connectionRef"), ExitCode.INVALID_INPUT],
    [new CliFailure(ExitCode.VERIFICATION_FAILED, 'audit chain broken at seq 3'), ExitCode.VERIFICATION_FAILED],
  ])('%p exits %i', (error, code) => {
    expect(exitCodeOf(error)).toEqual({ code, message: error.message });
  });

  it('gives unknown errors a generic line and exit 1', () => {
    expect(exitCodeOf(new TypeError('x is undefined'))).toEqual({
      code: ExitCode.FAILURE,
      message: 'unexpected error: x is undefined',
    });
  });

  it('maps every kind', () => {
    expect(ERROR_KINDS.map((kind) => [kind, EXIT_CODE_OF_KIND[kind]])).toEqual([
      ['INVALID_INPUT', 3],
      ['NOT_FOUND', 4],
      ['CONFLICT', 5],
      ['UNAUTHENTICATED', 7],
      ['FORBIDDEN', 7],
      ['RATE_LIMITED', 8],
      ['UNAVAILABLE', 8],
      ['CONFIGURATION', 2],
      ['INTERNAL', 1],
    ]);
  });
});
