import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import neo4j, { type Driver, type ManagedTransaction, type RecordShape } from 'neo4j-driver';
import { GraphError, GraphErrorCode, graphErrorCodeOf } from './graph.errors.js';
import { GRAPH_OPTIONS, type GraphConnectionOptions, NEO4J_DRIVER } from './graph.tokens.js';

export type TxWork<T> = (tx: ManagedTransaction) => Promise<T>;

/**
 * The process's single Neo4j driver. Reads and writes go through managed transactions, so the
 * driver may retry them: every unit of work passed here must be idempotent.
 */
@Injectable()
export class Neo4jService implements OnApplicationShutdown {
  constructor(
    @Inject(NEO4J_DRIVER) readonly driver: Driver,
    @Inject(GRAPH_OPTIONS) private readonly options: GraphConnectionOptions,
  ) {}

  get database(): string | undefined {
    return this.options.database;
  }

  async read<T>(work: TxWork<T>): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work);
    } finally {
      await session.close();
    }
  }

  async write<T>(work: TxWork<T>): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work);
    } finally {
      await session.close();
    }
  }

  /** One query in its own read transaction; returns plain objects. */
  async queryRead<R extends RecordShape = RecordShape>(
    cypher: string,
    params: Record<string, unknown> = {},
  ): Promise<R[]> {
    const result = await this.driver.executeQuery<{ records: { toObject(): R }[] }>(cypher, params, {
      database: this.options.database,
      routing: neo4j.routing.READ,
    });
    return result.records.map((record) => record.toObject());
  }

  /** One query in its own write transaction; returns plain objects. */
  async queryWrite<R extends RecordShape = RecordShape>(
    cypher: string,
    params: Record<string, unknown> = {},
  ): Promise<R[]> {
    const result = await this.driver.executeQuery<{ records: { toObject(): R }[] }>(cypher, params, {
      database: this.options.database,
      routing: neo4j.routing.WRITE,
    });
    return result.records.map((record) => record.toObject());
  }

  /** Fails with a GraphError naming the unreachable server; used at boot and by health. */
  async verify(): Promise<{ address: string; agent: string }> {
    try {
      const info = await this.driver.getServerInfo({ database: this.options.database });
      return { address: info.address ?? this.options.uri, agent: info.agent ?? 'neo4j' };
    } catch (error) {
      const code = graphErrorCodeOf(error);
      const reason = code === GraphErrorCode.AUTHENTICATION ? 'authentication failed' : 'cannot connect';
      throw new GraphError(
        code === GraphErrorCode.AUTHENTICATION ? code : GraphErrorCode.UNAVAILABLE,
        `${reason} to Neo4j at ${this.options.uri}`,
        {
          cause: error,
        },
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }
}

export function createDriver(options: GraphConnectionOptions): Driver {
  return neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    // Fail fast at boot instead of hanging when the server is not there.
    connectionTimeout: 10_000,
    connectionAcquisitionTimeout: 30_000,
    maxTransactionRetryTime: 15_000,
    disableLosslessIntegers: false,
    userAgent: 'cartographer',
  });
}
