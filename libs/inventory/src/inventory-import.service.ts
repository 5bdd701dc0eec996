import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Injectable } from '@nestjs/common';
import { Neo4jService } from '@cartographer/graph';
import neo4jDriver, { type ManagedTransaction } from 'neo4j-driver';
import { type QueryRunner, writeBatch, type WriteProfiler } from './graph/batch-writer.js';
import { countWrites } from './graph/graph-batch.js';
import { compileInventory } from './format/inventory-compiler.js';
import type { InventoryDocument } from './format/inventory-document.js';
import { exportInventory } from './format/inventory-exporter.js';
import {
  type InventoryFormat,
  MAX_INVENTORY_BYTES,
  parseInventory,
  validateInventoryDocument,
} from './format/inventory-parser.js';
import { InventoryError, InventoryErrorCode } from './inventory.errors.js';

/** Above this many graph writes an import commits statement by statement (see importDocument). */
export const MAX_WRITES_PER_TRANSACTION = 200_000;
/**
 * Statements under way at once when an import commits statement by statement: two keep a second
 * core of the database busy while the first executes (a dataset's fields are always in one
 * statement, so concurrent statements never touch the same nodes).
 */
const STATEMENT_CONCURRENCY = 2;

export interface ImportResult {
  organisation: string;
  /** Node and relationship writes applied (MERGEs count once each). */
  writes: number;
  nodes: Record<string, number>;
}

/** The single path that writes declared inventories (files, API) and scan results to the graph. */
@Injectable()
export class InventoryImportService {
  constructor(private readonly neo4j: Neo4jService) {}

  /**
   * Validates and writes a document. Everything that can be wrong with a document (syntax, format,
   * keys, countries, references to the graph) is found before the first write, so a document with
   * any error writes nothing. Up to `maxWritesPerTransaction` graph writes, the whole document is
   * one transaction; a larger one is applied in 5,000-row statements that each commit, so its size
   * is not bounded by the database's transaction memory: every statement is an idempotent MERGE, so
   * an import interrupted by an outage is completed by running it again.
   */
  async importDocument(
    document: InventoryDocument | unknown,
    file?: string,
    options: {
      maxWritesPerTransaction?: number;
      profile?: WriteProfiler;
      /** Runs in the import's write transaction, after the write (classification, audit outbox). */
      onWrite?: (tx: ManagedTransaction, result: ImportResult) => Promise<void>;
    } = {},
  ): Promise<ImportResult> {
    const doc = validateInventoryDocument(document, file);
    const batch = compileInventory(doc, file);
    const nodes: Record<string, number> = {};
    for (const [label, rows] of batch.nodes) nodes[label] = rows.length;
    const result = { organisation: batch.organisation, writes: countWrites(batch), nodes };
    if (countWrites(batch) <= (options.maxWritesPerTransaction ?? MAX_WRITES_PER_TRANSACTION)) {
      await this.neo4j.write(async (tx) => {
        await writeBatch(tx, batch, file, options.profile);
        await options.onWrite?.(tx, result);
      });
    } else {
      const perStatement: QueryRunner = {
        run: ((query: string, parameters?: Record<string, unknown>) =>
          this.neo4j.driver.executeQuery(query, parameters, {
            database: this.neo4j.database,
            routing: neo4jDriver.routing.WRITE,
          })) as unknown as QueryRunner['run'],
      };
      await writeBatch(perStatement, batch, file, options.profile, STATEMENT_CONCURRENCY);
      // The statements committed one by one; what follows the write gets a transaction of its own.
      const onWrite = options.onWrite;
      if (onWrite) await this.neo4j.write((tx) => onWrite(tx, result));
    }
    return result;
  }

  async importText(text: string, options: { file?: string; format?: InventoryFormat } = {}): Promise<ImportResult> {
    return this.importDocument(parseInventory(text, options), options.file);
  }

  async importFile(path: string): Promise<ImportResult> {
    const { document, file } = await readInventoryFile(path);
    return this.importDocument(document, file);
  }

  async export(organisation: string): Promise<InventoryDocument> {
    return exportInventory(this.neo4j, organisation);
  }
}

/** Reads and parses an inventory file (YAML or JSON, at most MAX_INVENTORY_BYTES); `file` is its name. */
export async function readInventoryFile(path: string): Promise<{ document: unknown; file: string }> {
  const name = basename(path);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw InventoryError.of(InventoryErrorCode.INVALID_INPUT, [{ path: '', reason: 'cannot read the file' }], name);
  }
  if (size > MAX_INVENTORY_BYTES) {
    throw InventoryError.of(
      InventoryErrorCode.INVALID_SYNTAX,
      [{ path: '', reason: `file larger than ${MAX_INVENTORY_BYTES / 1024 / 1024} MB` }],
      name,
    );
  }
  return { document: parseInventory(await readFile(path, 'utf8'), { file: name }), file: name };
}
