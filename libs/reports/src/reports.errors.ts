import { DomainError, ErrorKind } from '@cartographer/common';

/** Codes of every failure of the reports library; kinds are declared once below. */
export enum ReportErrorCode {
  /** The document model breaks a rule (evidence missing, duplicate key, unsafe SVG, ...). */
  INVALID_MODEL = 'REPORT_INVALID_MODEL',
  /** A parameter is wrong: a language, a date, a format, a page size, two snapshots that cannot be compared. */
  INVALID_INPUT = 'REPORT_INVALID_INPUT',
  /** No snapshot with that id among those the caller may read. */
  NOT_FOUND = 'REPORT_NOT_FOUND',
  /** The snapshot is already approved. */
  ALREADY_APPROVED = 'REPORT_ALREADY_APPROVED',
  /** A file given to verification is not a report this engine wrote. */
  UNREADABLE_FILE = 'REPORT_UNREADABLE_FILE',
  /** The Typst compiler refused the generated source: a fault of the engine, never of the input. */
  RENDER_FAILED = 'REPORT_RENDER_FAILED',
  /** A stored snapshot no longer hashes to its recorded content hash. */
  INTEGRITY = 'REPORT_INTEGRITY',
  /** A content builder returned a report for another kind, scope, language or date than asked: a fault of the builder. */
  CONTENT_MISMATCH = 'REPORT_CONTENT_MISMATCH',
}

const KINDS: Readonly<Record<ReportErrorCode, ErrorKind>> = {
  [ReportErrorCode.INVALID_MODEL]: ErrorKind.INVALID_INPUT,
  [ReportErrorCode.INVALID_INPUT]: ErrorKind.INVALID_INPUT,
  [ReportErrorCode.NOT_FOUND]: ErrorKind.NOT_FOUND,
  [ReportErrorCode.ALREADY_APPROVED]: ErrorKind.CONFLICT,
  [ReportErrorCode.UNREADABLE_FILE]: ErrorKind.INVALID_INPUT,
  [ReportErrorCode.RENDER_FAILED]: ErrorKind.INTERNAL,
  [ReportErrorCode.INTEGRITY]: ErrorKind.INTERNAL,
  [ReportErrorCode.CONTENT_MISMATCH]: ErrorKind.INTERNAL,
};

export class ReportError extends DomainError<ReportErrorCode> {
  constructor(
    code: ReportErrorCode,
    message: string,
    /** For INVALID_MODEL: every rule broken, each naming the place (`sections[1].blocks[0]...`). */
    readonly issues: readonly string[] = [],
  ) {
    super(code, message, KINDS);
  }

  override details(): Record<string, unknown> {
    return this.issues.length > 0 ? { issues: [...this.issues] } : {};
  }
}
