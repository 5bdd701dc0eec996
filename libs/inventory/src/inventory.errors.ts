import { DomainError, ErrorKind } from '@cartographer/common';

export enum InventoryErrorCode {
  /** The file is not valid YAML/JSON, too large, or too deeply nested. */
  INVALID_SYNTAX = 'INVENTORY_INVALID_SYNTAX',
  /** The document parses but does not follow the format (types, unknown keys, values). */
  INVALID_DOCUMENT = 'INVENTORY_INVALID_DOCUMENT',
  /** A reference names an entity that exists neither in the document nor in the graph. */
  MISSING_REFERENCE = 'INVENTORY_MISSING_REFERENCE',
  DUPLICATE_KEY = 'INVENTORY_DUPLICATE_KEY',
  NOT_FOUND = 'INVENTORY_NOT_FOUND',
  /** Deleting an entity that others reference, without cascade. */
  REFERENCED = 'INVENTORY_REFERENCED',
  INVALID_INPUT = 'INVENTORY_INVALID_INPUT',
  CONFLICT = 'INVENTORY_CONFLICT',
}

export interface InventoryIssue {
  /** Where in the document, e.g. `sources[3].datasets[0].kind`; empty for the document itself. */
  path: string;
  reason: string;
}

/** An inventory error names the file (when there is one), the path inside it and the reason. */
const KINDS: Readonly<Record<InventoryErrorCode, ErrorKind>> = {
  [InventoryErrorCode.INVALID_SYNTAX]: ErrorKind.INVALID_INPUT,
  [InventoryErrorCode.INVALID_DOCUMENT]: ErrorKind.INVALID_INPUT,
  [InventoryErrorCode.INVALID_INPUT]: ErrorKind.INVALID_INPUT,
  [InventoryErrorCode.MISSING_REFERENCE]: ErrorKind.INVALID_INPUT,
  [InventoryErrorCode.DUPLICATE_KEY]: ErrorKind.INVALID_INPUT,
  [InventoryErrorCode.NOT_FOUND]: ErrorKind.NOT_FOUND,
  [InventoryErrorCode.REFERENCED]: ErrorKind.CONFLICT,
  [InventoryErrorCode.CONFLICT]: ErrorKind.CONFLICT,
};

export class InventoryError extends DomainError<InventoryErrorCode> {
  constructor(
    code: InventoryErrorCode,
    message: string,
    readonly issues: InventoryIssue[] = [],
    readonly file?: string,
  ) {
    super(code, message, KINDS);
  }

  /** Every problem of a refused document, with its path (at most 100). */
  override details(): Record<string, unknown> {
    return this.issues.length > 0 ? { issues: this.issues.slice(0, 100) } : {};
  }

  static of(code: InventoryErrorCode, issues: InventoryIssue[], file?: string): InventoryError {
    const where = (issue: InventoryIssue) => [file, issue.path].filter(Boolean).join(': ');
    const lines = issues.slice(0, 20).map((issue) => `${where(issue) || 'document'}: ${issue.reason}`);
    const more = issues.length > 20 ? ` (and ${issues.length - 20} more)` : '';
    return new InventoryError(code, `${lines.join('; ')}${more}`, issues, file);
  }
}

/** Quotes a user value in an error message: short, printable, never a 10 MB string. */
export function quote(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  // eslint-disable-next-line no-control-regex
  const printable = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return `'${printable.length > max ? `${printable.slice(0, max)}…` : printable}'`;
}

/** The answer for an entity that does not exist, or that the caller may not know exists. */
export function notFoundError(label: string, key: string): InventoryError {
  return new InventoryError(InventoryErrorCode.NOT_FOUND, `${label} ${quote(key, 200)} does not exist`);
}
