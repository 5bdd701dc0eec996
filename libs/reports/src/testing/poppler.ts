import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs a poppler tool (pdftotext, pdfinfo, pdffonts) on PDF bytes. Tests use it to read what a
 * person reads; a machine without poppler fails them with the fix rather than skipping them.
 */
export function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdffonts', pdf: Uint8Array, args: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'carto-report-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const output = tool === 'pdftotext' ? [file, '-'] : [file];
    return execFileSync(tool, [...args, ...output], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `${tool} is not installed: install poppler-utils (apt-get install poppler-utils) to run the report tests`,
        { cause: error },
      );
    }
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text as a reader sees it: soft hyphens at line ends joined, break hints dropped, spaces collapsed. */
export function readableText(text: string): string {
  return text
    .replace(/\u00ad\s*/g, '')
    .replace(/[\u200b\u2060]/g, '')
    .replace(/\s+/g, ' ');
}
