import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Neo4jService } from '@cartographer/graph';

export type StoreState = 'ok' | 'down';

export interface StoreHealth {
  status: StoreState;
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  neo4j: StoreHealth;
  postgres: StoreHealth;
}

async function probe(check: () => Promise<unknown>): Promise<StoreHealth> {
  const started = performance.now();
  try {
    await check();
    return { status: 'ok', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // The message names the store, never credentials: the URI is redacted by the services.
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

@Injectable()
export class HealthService {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly dataSource: DataSource,
  ) {}

  async check(): Promise<HealthReport> {
    const [neo4j, postgres] = await Promise.all([
      probe(() => this.neo4j.verify()),
      probe(() => this.dataSource.query('SELECT 1')),
    ]);
    return { status: neo4j.status === 'ok' && postgres.status === 'ok' ? 'ok' : 'degraded', neo4j, postgres };
  }
}
