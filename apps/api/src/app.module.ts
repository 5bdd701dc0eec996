import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { type AppConfig, ConfigModule } from '@cartographer/config';
import { GraphModule, type GraphConnectionOptions } from '@cartographer/graph';
import { migrations } from '@cartographer/database';
import { ComplianceApiModule } from './compliance/compliance-api.module.js';
import { FindingsApiModule } from './findings/findings.module.js';
import { HealthModule } from './health/health.module.js';
import { InventoryApiModule } from './inventory/inventory-api.module.js';
import { RisksApiModule } from './risks/risks.module.js';
import { MapApiModule } from './map/map.module.js';
import { ScansModule } from './scans/scans.module.js';
import { AccountsModule } from './accounts/accounts.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ReportsApiModule } from './reports/reports.module.js';
import { GraphqlHardeningModule } from './graphql/graphql-hardening.module.js';
import { graphqlSecurityOptions } from './graphql/graphql-security.js';
import { dashboardModules } from './web/dashboard.js';

export interface ResolvedStores {
  neo4j: GraphConnectionOptions;
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, stores: ResolvedStores): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        GraphModule.forRoot(stores.neo4j),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: stores.databaseUrl,
          autoLoadEntities: true,
          migrations,
          migrationsRun: true,
          migrationsTransactionMode: 'each',
          synchronize: false,
          logging: false,
          // Reachability is checked before boot; a retry loop here would only delay the error.
          retryAttempts: 0,
          applicationName: 'cartographer-api',
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          introspection: config.graphqlIntrospection,
          graphiql: config.graphqlIntrospection,
          includeStacktraceInErrorResponses: false,
          ...graphqlSecurityOptions(config),
        }),
        HealthModule,
        InventoryApiModule,
        ScansModule,
        FindingsApiModule,
        RisksApiModule,
        MapApiModule,
        AuthModule,
        AccountsModule,
        AuditModule,
        ComplianceApiModule,
        ReportsApiModule,
        GraphqlHardeningModule,
        ...dashboardModules(),
      ],
    };
  }
}
