import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, sep } from 'node:path';
import { DiscoveryError, DiscoveryErrorCode } from '../discovery.errors.js';
import type { DiscoveryErrorEntry, FileFormat } from '../discovery.types.js';
import type { ResolvedOptions } from '../common/options.js';

const FORMATS: Record<string, FileFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.xlsx': 'xlsx',
  '.ods': 'ods',
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.pptx': 'pptx',
  '.odt': 'odt',
  '.odp': 'odp',
};

function formatOf(fileName: string): FileFormat | undefined {
  return FORMATS[extname(fileName).toLowerCase()];
}

export interface FileEntry {
  /** Absolute path to read. */
  path: string;
  /** Path relative to the root with `/` separators: the dataset name. */
  name: string;
  size: number;
  format: FileFormat;
}

const skipped = (dataset: string | null, message: string): DiscoveryErrorEntry => ({
  dataset,
  code: DiscoveryErrorCode.FILE_SKIPPED,
  message,
});

/**
 * Lists the readable files of a tree, depth-first in name order. Symbolic links are read only when
 * they lead to a file inside the root (folders behind links are never entered, so no cycle);
 * depth and file count are bounded; files of other types are ignored.
 */
export async function walkFiles(
  root: string,
  options: ResolvedOptions,
  errors: DiscoveryErrorEntry[],
): Promise<FileEntry[]> {
  let rootStat;
  try {
    rootStat = await stat(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new DiscoveryError(DiscoveryErrorCode.SOURCE_UNAVAILABLE, `cannot read ${root}: ${code}`);
  }
  if (rootStat.isFile()) {
    const format = formatOf(root);
    if (!format) throw new DiscoveryError(DiscoveryErrorCode.UNSUPPORTED_TARGET, `unsupported file type: ${root}`);
    return [{ path: root, name: basename(root), size: rootStat.size, format }];
  }
  const rootReal = await realpath(root);
  const files: FileEntry[] = [];
  const pending: { dir: string; rel: string; depth: number }[] = [{ dir: root, rel: '', depth: 0 }];
  while (pending.length) {
    const { dir, rel, depth } = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      errors.push({
        dataset: rel || '.',
        code: DiscoveryErrorCode.FILE_UNREADABLE,
        message: `cannot list the folder: ${code}`,
      });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const folders: typeof pending = [];
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (depth + 1 > options.maxDepth) {
          errors.push(skipped(name, `folder deeper than maxDepth (${options.maxDepth}): not scanned`));
        } else folders.push({ dir: path, rel: name, depth: depth + 1 });
        continue;
      }
      const format = formatOf(entry.name);
      if (!format || !(entry.isFile() || entry.isSymbolicLink()) || !options.selects(name)) continue;
      let size: number;
      try {
        if (entry.isSymbolicLink()) {
          const target = await realpath(path).catch(() => undefined);
          if (!target) {
            errors.push(skipped(name, 'broken symbolic link'));
            continue;
          }
          if (target !== rootReal && !target.startsWith(rootReal + sep)) {
            errors.push(skipped(name, 'symbolic link leads outside the scanned folder: not followed'));
            continue;
          }
        }
        const info = await stat(path);
        if (!info.isFile()) continue;
        size = info.size;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        errors.push({ dataset: name, code: DiscoveryErrorCode.FILE_UNREADABLE, message: `cannot read: ${code}` });
        continue;
      }
      if (files.length >= options.maxFiles) {
        errors.push(
          skipped(null, `file limit reached (maxFiles ${options.maxFiles}): the rest of the tree was not scanned`),
        );
        return files;
      }
      files.push({ path, name, size, format });
    }
    // Reversed onto the stack so folders are visited in name order.
    pending.push(...folders.reverse());
  }
  return files;
}
