import { type DynamicModule, Global, Module } from '@nestjs/common';
import { GraphMigrationService } from './graph-migrations.js';
import { GRAPH_OPTIONS, type GraphConnectionOptions, NEO4J_DRIVER } from './graph.tokens.js';
import { createDriver, Neo4jService } from './neo4j.service.js';

@Global()
@Module({})
export class GraphModule {
  static forRoot(options: GraphConnectionOptions): DynamicModule {
    return {
      module: GraphModule,
      providers: [
        { provide: GRAPH_OPTIONS, useValue: options },
        { provide: NEO4J_DRIVER, useFactory: () => createDriver(options) },
        Neo4jService,
        GraphMigrationService,
      ],
      exports: [Neo4jService, GraphMigrationService, GRAPH_OPTIONS],
    };
  }
}
