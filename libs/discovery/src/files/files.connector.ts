import { DiscoveryError, DiscoveryErrorCode } from '../discovery.errors.js';
import type {
  Connector,
  DiscoveredDataset,
  DiscoveredSource,
  DiscoveryErrorEntry,
  DiscoveryOptions,
  FileFormat,
  SourceStructure,
} from '../discovery.types.js';
import { resolveOptions, throwIfAborted } from '../common/options.js';
import { runBounded } from '@cartographer/common';
import { assembleSource, emitDataset } from '../common/result.js';
import { velocityWindow } from '../common/velocity.js';
import { readDelimited } from './delimited.reader.js';
import { readPdf, readTextDocument, type ReadDocument } from './document.reader.js';
import type { FileContext } from './file-context.js';
import { type FileEntry, walkFiles } from './file-walker.js';
import { readJson } from './json.reader.js';
import { readOds } from './ods.reader.js';
import { readOfficeDocument } from './office.reader.js';
import type { BuiltTable } from './table-builder.js';
import { readXlsx } from './xlsx.reader.js';

const STRUCTURE: Record<FileFormat, SourceStructure> = {
  csv: 'STRUCTURED',
  tsv: 'STRUCTURED',
  xlsx: 'STRUCTURED',
  ods: 'STRUCTURED',
  json: 'SEMI_STRUCTURED',
  ndjson: 'SEMI_STRUCTURED',
  text: 'UNSTRUCTURED',
  markdown: 'UNSTRUCTURED',
  pdf: 'UNSTRUCTURED',
  docx: 'UNSTRUCTURED',
  pptx: 'UNSTRUCTURED',
  odt: 'UNSTRUCTURED',
  odp: 'UNSTRUCTURED',
};

/** One structure for the whole tree: the datasets' own when they agree, MIXED otherwise. */
function structureOf(formats: FileFormat[]): SourceStructure {
  const kinds = new Set(formats.map((format) => STRUCTURE[format]));
  if (kinds.size === 1) return [...kinds][0];
  // An empty tree holds no structured data.
  return kinds.size === 0 ? 'UNSTRUCTURED' : 'MIXED';
}

interface Produced {
  dataset: DiscoveredDataset;
  raw: Parameters<typeof emitDataset>[2];
}

function tabular(entry: FileEntry, name: string, table: BuiltTable): Produced {
  const dataset: DiscoveredDataset = {
    name,
    kind: 'FILE',
    format: entry.format,
    rowCount: table.rowCount,
    rowCountExact: true,
    bytes: entry.size,
    primaryKey: [],
    foreignKeys: [],
    fields: table.fields,
  };
  if (table.velocity) dataset.velocity = table.velocity;
  return { dataset, raw: { sample: table.sample } };
}

function documentOf(entry: FileEntry, read: ReadDocument): Produced {
  const dataset: DiscoveredDataset = {
    name: entry.name,
    kind: 'DOCUMENT',
    format: entry.format,
    rowCount: 0,
    rowCountExact: true,
    bytes: entry.size,
    primaryKey: [],
    foreignKeys: [],
    fields: [],
    textLength: read.textLength,
  };
  if (read.pages !== undefined) dataset.pages = read.pages;
  return { dataset, raw: { text: read.text } };
}

function dropped(name: string, table: BuiltTable): DiscoveryErrorEntry[] {
  if (!table.droppedFields) return [];
  return [
    {
      dataset: name,
      code: DiscoveryErrorCode.FILE_SKIPPED,
      message: `${table.droppedFields} fields beyond the first ${table.fields.length} were left out`,
    },
  ];
}

async function readEntry(entry: FileEntry, context: FileContext, errors: DiscoveryErrorEntry[]): Promise<Produced[]> {
  const { options } = context;
  const tooLarge = () => {
    if (entry.size > options.maxFileBytes) {
      throw new DiscoveryError(
        DiscoveryErrorCode.FILE_TOO_LARGE,
        `${entry.size} bytes, more than maxFileBytes (${options.maxFileBytes}): not read`,
      );
    }
  };
  switch (entry.format) {
    case 'csv':
    case 'tsv': {
      const table = await readDelimited(entry.path, entry.format, context);
      errors.push(...dropped(entry.name, table));
      return [tabular(entry, entry.name, table)];
    }
    case 'json':
    case 'ndjson': {
      const table = await readJson(entry.path, entry.format, context);
      errors.push(...dropped(entry.name, table));
      return [tabular(entry, entry.name, table)];
    }
    case 'xlsx':
    case 'ods': {
      tooLarge();
      const sheets = entry.format === 'xlsx' ? await readXlsx(entry.path, context) : await readOds(entry.path, context);
      return sheets.map(({ sheet, table }) => {
        const name = `${entry.name}#${sheet}`;
        errors.push(...dropped(name, table));
        return tabular(entry, name, table);
      });
    }
    case 'pdf':
      tooLarge();
      return [documentOf(entry, await readPdf(entry.path, context))];
    case 'docx':
    case 'pptx':
    case 'odt':
    case 'odp':
      tooLarge();
      return [documentOf(entry, await readOfficeDocument(entry.path, entry.format, context))];
    case 'text':
    case 'markdown':
      return [documentOf(entry, await readTextDocument(entry.path, context))];
  }
}

/** A file's failure as an entry: our own messages as they are, file-system codes, nothing else. */
function fileError(name: string, error: unknown): DiscoveryErrorEntry {
  if (error instanceof DiscoveryError) return { dataset: name, code: error.code, message: error.message };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return { dataset: name, code: DiscoveryErrorCode.FILE_UNREADABLE, message: `cannot read: ${code}` };
  }
  const kind = error instanceof Error ? error.name : typeof error;
  return { dataset: name, code: DiscoveryErrorCode.FILE_MALFORMED, message: `could not be parsed (${kind})` };
}

/**
 * Reads a file tree: CSV/TSV, JSON/NDJSON and XLSX sheets as tables (streamed, reservoir-sampled,
 * exact row counts), text, Markdown and PDF as documents (text kept up to maxTextLength).
 */
export class FilesConnector implements Connector {
  constructor(
    private readonly root: string,
    private readonly name: string,
  ) {}

  async discover(options?: DiscoveryOptions): Promise<DiscoveredSource> {
    const resolved = resolveOptions(options);
    const startedAt = new Date();
    throwIfAborted(resolved.signal);
    const context: FileContext = { options: resolved, window: velocityWindow(resolved.now) };
    const errors: DiscoveryErrorEntry[] = [];
    const datasets: DiscoveredDataset[] = [];
    const entries = await walkFiles(this.root, resolved, errors);
    let done = 0;
    let bytes = 0;
    resolved.onProgress({ done, total: entries.length });
    await runBounded(entries, resolved.concurrency, resolved.signal, async (entry) => {
      let produced: Produced[] = [];
      try {
        produced = await readEntry(entry, context, errors);
      } catch (error) {
        if (resolved.signal?.aborted) return;
        errors.push(fileError(entry.name, error));
      }
      if (produced.length) bytes += entry.size;
      for (const { dataset, raw } of produced) datasets.push(await emitDataset(resolved, dataset, raw));
      resolved.onProgress({ done: ++done, total: entries.length, dataset: entry.name });
    });
    throwIfAborted(resolved.signal);
    return assembleSource(
      {
        name: this.name,
        engine: 'files',
        kind: 'FILE_SHARE',
        structure: structureOf(datasets.map((dataset) => dataset.format!)),
        accessMethods: ['FILE_SYSTEM'],
        location: { path: this.root },
        startedAt,
      },
      datasets,
      errors,
      bytes,
    );
  }
}
