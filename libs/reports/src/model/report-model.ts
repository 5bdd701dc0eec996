/**
 * The report document model. A report is this value first; PDF, HTML and JSON are renderings of
 * it. It holds no dates but `asOf`, no numbering (sections, tables, figures and evidence are
 * numbered by the renderers, in document order) and nothing a renderer would have to look up.
 *
 * Traceability is in the types: a number can only appear where evidence is required — a
 * statement, a numeric table cell, a key figure, a list item with a number — and evidence lists
 * are non-empty tuples. `validateReportModel` checks the same rules at run time, for models that
 * come back from a database or from JavaScript.
 */

export const REPORT_LANGUAGES = ['fr', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** Where a statement comes from. */
export const EVIDENCE_KINDS = ['FACT', 'SCAN', 'DECLARATION', 'LEGAL_TABLE', 'COMPUTED'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * One source of a statement: an inventory fact (`ref` = entity key or key path), a scan run (its
 * id), a declaration (the declared entity and property), a row of a dated legal table (table id +
 * row + version), or a computation (function name + inputs). `(kind, ref)` identifies it: the same
 * pair must always carry the same label.
 */
export interface Evidence {
  kind: EvidenceKind;
  ref: string;
  label: string;
}

/** At least one evidence item: an empty list is a type error. */
export type EvidenceList = readonly [Evidence, ...Evidence[]];

export type RunStyle = 'strong' | 'emphasis' | 'code';

/** A piece of prose. Never interpreted as markup by any renderer. */
export interface TextRun {
  text: string;
  style?: RunStyle;
}

/**
 * A number inside a sentence, formatted by the renderer for the report's language
 * (`1 234,5` in French, `1,234.5` in English). `decimals` fixes the digits shown (default: as is).
 */
export interface NumberRun {
  value: number;
  unit?: string;
  decimals?: number;
  style?: Exclude<RunStyle, 'code'>;
}

export type Run = TextRun | NumberRun;

/** Prose without numbers: no evidence required. */
export interface ParagraphBlock {
  type: 'paragraph';
  content: readonly TextRun[];
}

/** A sentence that states something (usually with numbers), always with its evidence. */
export interface StatementBlock {
  type: 'statement';
  /** Stable key, so that a diff can follow the statement between two snapshots. */
  key?: string;
  content: readonly Run[];
  evidence: EvidenceList;
}

export interface TextCell {
  text: string;
  style?: RunStyle;
  evidence?: EvidenceList;
}

export interface NumberCell {
  value: number;
  unit?: string;
  decimals?: number;
  evidence: EvidenceList;
}

/** An empty cell (nothing known, nothing claimed). */
export interface EmptyCell {
  empty: true;
}

export type TableCell = TextCell | NumberCell | EmptyCell;

export interface TableColumn {
  key: string;
  label: string;
  align?: 'start' | 'end';
  /** Relative width (Typst `fr`, HTML percentage); default 1. */
  width?: number;
}

export interface TableRow {
  /** Stable within its table: the diff matches rows by key. */
  key: string;
  /** One cell per column, in column order. */
  cells: readonly TableCell[];
}

export interface TableBlock {
  type: 'table';
  /** Stable and unique in the report. */
  key: string;
  caption: string;
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
  /** What an empty table says instead of rows ("Aucun transfert hors UE"). */
  emptyText?: string;
}

export interface FigureBlock {
  type: 'figure';
  /** Stable and unique in the report. */
  key: string;
  caption: string;
  /**
   * A self-contained SVG document produced by the caller: no script, no event attribute, no
   * external reference, no foreignObject. Text should use the shipped families (`REPORT_FONTS`).
   */
  svg: string;
  /** Text alternative of the figure, for screen readers and the PDF tags. */
  alt: string;
  /** Width on the page, in percent of the text width (default 100). */
  widthPercent?: number;
}

export interface KeyFigure {
  key: string;
  label: string;
  value: number;
  unit?: string;
  decimals?: number;
  evidence: EvidenceList;
}

export interface KeyFiguresBlock {
  type: 'keyFigures';
  items: readonly KeyFigure[];
}

export type ListItem =
  | { key?: string; content: readonly TextRun[]; evidence?: EvidenceList }
  | { key?: string; content: readonly Run[]; evidence: EvidenceList };

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: readonly ListItem[];
}

export interface CalloutBlock {
  type: 'callout';
  tone: 'warning' | 'info';
  title?: string;
  content: readonly (ParagraphBlock | StatementBlock | ListBlock)[];
}

export type Block =
  ParagraphBlock | StatementBlock | TableBlock | FigureBlock | KeyFiguresBlock | ListBlock | CalloutBlock;

export interface Section {
  /** Stable and unique in the report (anchors, diff). */
  key: string;
  title: string;
  blocks: readonly Block[];
  sections?: readonly Section[];
}

export interface NamedKey {
  key: string;
  name: string;
}

/** A JSON value (options are stored and hashed as given). */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface ReportMetadata {
  /** e.g. `cartography`, `risks`, `feasibility`: lower-case words separated by hyphens. */
  kind: string;
  /** The title printed on the cover and in the page header, in the report's language. */
  title: string;
  organisation: NamedKey;
  department?: NamedKey | null;
  language: ReportLanguage;
  /** YYYY-MM-DD: the only date of the report. */
  asOf: string;
  /** The options the report was generated with (stored, hashed, shown in the JSON). */
  options: { readonly [key: string]: JsonValue };
}

export interface ReportModel {
  metadata: ReportMetadata;
  sections: readonly Section[];
}
