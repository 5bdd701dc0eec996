import { DomainError, ErrorKind } from '@cartographer/common';

/** Codes for failures of the graph store, mapped once to API and CLI errors. */
export enum GraphErrorCode {
  UNAVAILABLE = 'GRAPH_UNAVAILABLE',
  AUTHENTICATION = 'GRAPH_AUTHENTICATION',
  CONSTRAINT = 'GRAPH_CONSTRAINT',
  MIGRATION_FAILED = 'GRAPH_MIGRATION_FAILED',
  MIGRATION_CHANGED = 'GRAPH_MIGRATION_CHANGED',
  QUERY = 'GRAPH_QUERY',
}

const KINDS: Readonly<Record<GraphErrorCode, ErrorKind>> = {
  [GraphErrorCode.UNAVAILABLE]: ErrorKind.UNAVAILABLE,
  [GraphErrorCode.AUTHENTICATION]: ErrorKind.UNAVAILABLE,
  // A unique-key constraint refused the write: the entity exists already.
  [GraphErrorCode.CONSTRAINT]: ErrorKind.CONFLICT,
  [GraphErrorCode.MIGRATION_FAILED]: ErrorKind.INTERNAL,
  [GraphErrorCode.MIGRATION_CHANGED]: ErrorKind.INTERNAL,
  [GraphErrorCode.QUERY]: ErrorKind.INTERNAL,
};

export class GraphError extends DomainError<GraphErrorCode> {
  constructor(code: GraphErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, KINDS, options);
  }
}

interface Neo4jLikeError {
  code?: string;
}

/** Classifies a driver error by its Neo4j status code, never by its message text. */
export function graphErrorCodeOf(error: unknown): GraphErrorCode {
  const code = (error as Neo4jLikeError | undefined)?.code ?? '';
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code === 'ECONNREFUSED') {
    return GraphErrorCode.UNAVAILABLE;
  }
  if (code.startsWith('Neo.ClientError.Security.')) return GraphErrorCode.AUTHENTICATION;
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return GraphErrorCode.CONSTRAINT;
  return GraphErrorCode.QUERY;
}
