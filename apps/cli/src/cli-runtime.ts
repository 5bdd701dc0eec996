import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@cartographer/config';
import { createDataSource } from '@cartographer/database';
import { createDriver, GraphMigrationService, Neo4jService } from '@cartographer/graph';
import { preflight, startStores, type Stores } from '@cartographer/runtime';
import { migrations } from '@cartographer/database';

/**
 * Stores for CLI commands, opened on first use (so `carto --help` starts nothing) and closed
 * once the command ends: env-configured stores, the running server's, or locally started ones.
 */
@Injectable()
export class CliRuntime {
  private stores?: Stores;
  private neo4j?: Neo4jService;
  private dataSource?: DataSource;

  constructor(@Inject(APP_CONFIG) readonly config: AppConfig) {}

  private async ensureStores(): Promise<Stores> {
    if (!this.stores) {
      this.stores = await startStores(this.config);
      await preflight(this.stores);
    }
    return this.stores;
  }

  async graph(): Promise<Neo4jService> {
    if (!this.neo4j) {
      const stores = await this.ensureStores();
      this.neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
      await new GraphMigrationService(this.neo4j).migrate();
    }
    return this.neo4j;
  }

  async postgres(
    entities: NonNullable<ConstructorParameters<typeof DataSource>[0]['entities']> = [],
  ): Promise<DataSource> {
    if (!this.dataSource) {
      const stores = await this.ensureStores();
      this.dataSource = createDataSource({
        url: stores.databaseUrl,
        migrations,
        entities,
        applicationName: 'carto-cli',
      });
      await this.dataSource.initialize();
      await this.dataSource.runMigrations({ transaction: 'each' });
    }
    return this.dataSource;
  }

  async close(): Promise<void> {
    await this.neo4j?.driver.close().catch(() => undefined);
    await this.dataSource?.destroy().catch(() => undefined);
    await this.stores?.stop();
  }
}
