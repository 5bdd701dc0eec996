import { DataSource, type DataSourceOptions } from 'typeorm';

export interface DataSourceParams {
  url: string;
  entities?: DataSourceOptions['entities'];
  migrations?: DataSourceOptions['migrations'];
  applicationName?: string;
}

/** TypeORM over pg. The schema is owned by migrations only: synchronize is never on. */
export function createDataSource(params: DataSourceParams): DataSource {
  return new DataSource({
    type: 'postgres',
    url: params.url,
    entities: params.entities ?? [],
    migrations: params.migrations ?? [],
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging: false,
    applicationName: params.applicationName ?? 'cartographer',
    extra: { connectionTimeoutMillis: 10_000, max: 10 },
  });
}
