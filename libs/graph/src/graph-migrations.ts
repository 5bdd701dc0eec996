import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { projectRoot } from '@cartographer/config';
import { GraphError, GraphErrorCode } from './graph.errors.js';
import { Neo4jService } from './neo4j.service.js';

export interface GraphMigrationFile {
  version: number;
  name: string;
  file: string;
  checksum: string;
  statements: string[];
}

const FILE_PATTERN = /^V(\d{4,})__([A-Za-z0-9_]+)\.cypher$/;

/** Splits a migration on semicolons that end a line; `//` comment lines are dropped. */
export function splitStatements(text: string): string[] {
  const withoutComments = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

export async function loadGraphMigrations(
  dir = join(projectRoot(), 'graph', 'migrations'),
): Promise<GraphMigrationFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.cypher')).sort();
  const files: GraphMigrationFile[] = [];
  for (const name of names) {
    const match = FILE_PATTERN.exec(name);
    if (!match) {
      throw new GraphError(
        GraphErrorCode.MIGRATION_FAILED,
        `graph migration ${name}: name must look like V0001__description.cypher`,
      );
    }
    const text = await readFile(join(dir, name), 'utf8');
    files.push({
      version: Number(match[1]),
      name: match[2],
      file: name,
      checksum: createHash('sha256').update(text).digest('hex'),
      statements: splitStatements(text),
    });
  }
  for (let i = 1; i < files.length; i++) {
    if (files[i].version === files[i - 1].version) {
      throw new GraphError(
        GraphErrorCode.MIGRATION_FAILED,
        `graph migrations ${files[i - 1].file} and ${files[i].file} share version ${files[i].version}`,
      );
    }
  }
  return files;
}

/**
 * Applies graph/migrations/V*.cypher in order, each once: an applied migration is recorded as a
 * (:GraphMigration) node with its checksum. Schema statements cannot share a transaction with
 * writes, so each statement runs on its own; migrations must therefore be written idempotently
 * (IF NOT EXISTS), which also makes a half-applied one safe to re-run after a fix.
 */
@Injectable()
export class GraphMigrationService {
  private readonly logger = new Logger('GraphMigrations');

  constructor(private readonly neo4j: Neo4jService) {}

  async applied(): Promise<Map<number, string>> {
    const rows = await this.neo4j.queryRead<{ version: string; checksum: string }>(
      'MATCH (m:GraphMigration) RETURN m.version AS version, m.checksum AS checksum',
    );
    return new Map(rows.map((row) => [Number(row.version), row.checksum]));
  }

  /** Returns the files applied by this call. */
  async migrate(files?: GraphMigrationFile[]): Promise<string[]> {
    const migrations = files ?? (await loadGraphMigrations());
    const done = await this.applied();
    const appliedNow: string[] = [];
    for (const migration of migrations) {
      const checksum = done.get(migration.version);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new GraphError(
            GraphErrorCode.MIGRATION_CHANGED,
            `graph migration ${migration.file} was changed after it was applied; add a new migration instead`,
          );
        }
        continue;
      }
      for (const [index, statement] of migration.statements.entries()) {
        try {
          await this.neo4j.queryWrite(statement);
        } catch (error) {
          const reason = (error as { code?: string }).code ?? (error as Error).message;
          throw new GraphError(
            GraphErrorCode.MIGRATION_FAILED,
            `graph migration ${migration.file} failed at statement ${index + 1}: ${reason}`,
            { cause: error },
          );
        }
      }
      await this.neo4j.queryWrite(
        'MERGE (m:GraphMigration {version: $version}) SET m.name = $name, m.file = $file, m.checksum = $checksum, m.appliedAt = datetime()',
        {
          version: String(migration.version),
          name: migration.name,
          file: migration.file,
          checksum: migration.checksum,
        },
      );
      this.logger.log(`applied ${migration.file}`);
      appliedNow.push(migration.file);
    }
    return appliedNow;
  }
}
