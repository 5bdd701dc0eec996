import 'reflect-metadata';
import { Logger, type LogLevel, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@cartographer/config';
import { GraphMigrationService, Neo4jService } from '@cartographer/graph';
import { loadDemoIfEmpty } from '@cartographer/inventory';
import { classifyDeclaredFields } from '@cartographer/findings';
import { AccountsBootstrapService } from '@cartographer/access';
import { AppModule, type ResolvedStores } from './app.module.js';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug'];

/** Builds the API application and brings both stores' schemas up to date. */
export async function createApiApp(config: AppConfig, stores: ResolvedStores): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, stores), {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
    // Request bodies are bounded: a larger payload is refused before it is parsed.
    bodyParser: false,
  });
  // Client addresses (login limit, audit) come from X-Forwarded-For only through trusted proxies.
  app.set('trust proxy', config.trustProxy);
  app.useBodyParser('json', { limit: '2mb' });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.init();
  const applied = await app.get(GraphMigrationService).migrate();
  const logger = new Logger('Bootstrap');
  if (applied.length > 0) logger.log(`graph migrations applied: ${applied.join(', ')}`);
  if (config.loadDemo) {
    const neo4j = app.get(Neo4jService);
    for (const demo of await loadDemoIfEmpty(neo4j)) {
      const classified = await classifyDeclaredFields(neo4j, demo.organisation);
      logger.log(
        `empty graph: loaded the demo organisation '${demo.organisation}' (${demo.writes} graph writes, ${classified.flagged} personal fields flagged)`,
      );
      const departments = await neo4j.queryRead<{ key: string }>(
        'MATCH (d:Department {organisation: $org}) RETURN d.localKey AS key ORDER BY key',
        {
          org: demo.organisation,
        },
      );
      // In explicit dev mode, one account per role, passwords printed once.
      await app.get(AccountsBootstrapService).ensureDemoAccounts(
        demo.organisation,
        departments.map((d) => d.key),
      );
    }
  }
  return app;
}
