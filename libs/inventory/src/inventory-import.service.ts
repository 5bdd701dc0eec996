import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Injectable } from '@nestjs/common';
import { Neo4jService } from '@cartographer/graph';
import { writeBatch } from './graph/batch-writer.js';
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

  /** Validates and writes a document in one transaction: any error writes nothing. */
  async importDocument(document: InventoryDocument | unknown, file?: string): Promise<ImportResult> {
    const doc = validateInventoryDocument(document, file);
    const batch = compileInventory(doc, file);
    await this.neo4j.write((tx) => writeBatch(tx, batch, file));
    const nodes: Record<string, number> = {};
    for (const [label, rows] of batch.nodes) nodes[label] = rows.length;
    return { organisation: batch.organisation, writes: countWrites(batch), nodes };
  }

  async importText(text: string, options: { file?: string; format?: InventoryFormat } = {}): Promise<ImportResult> {
    return this.importDocument(parseInventory(text, options), options.file);
  }

  async importFile(path: string): Promise<ImportResult> {
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
    return this.importText(await readFile(path, 'utf8'), { file: name });
  }

  async export(organisation: string): Promise<InventoryDocument> {
    return exportInventory(this.neo4j, organisation);
  }
}
