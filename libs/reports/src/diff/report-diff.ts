import { canonicalJson, contentHashOf, sha256Hex } from '../model/canonical-json.js';
import type {
  Block,
  Evidence,
  KeyFigure,
  ReportLanguage,
  ReportModel,
  Section,
  StatementBlock,
  TableBlock,
  TableCell,
  TableRow,
} from '../model/report-model.js';
import { assertValidReportModel, KEY_PATTERN } from '../model/validate-model.js';
import { formatDate, formatQuantity } from '../render/locale.js';
import { ReportError, ReportErrorCode } from '../reports.errors.js';

export type DiffItemKind = 'section' | 'table' | 'row' | 'figure' | 'keyFigure' | 'statement';
export type DiffChange = 'added' | 'removed' | 'changed';
/** A value as compared: the text or number shown, or null (empty, absent). */
export type DiffValue = string | number | null;

export interface DiffField {
  /** A column key, or `title`, `caption`, `value`, `content`, `svg`, `columns`. */
  field: string;
  /** The column label or the field name, for display. */
  label: string;
  before: DiffValue;
  after: DiffValue;
  unit?: string;
}

export interface DiffEntry {
  kind: DiffItemKind;
  /** Stable: `section:KEY`, `table:KEY`, `table:KEY/row:KEY`, `figure:KEY`, `keyFigure:KEY`, `statement:KEY`. */
  path: string;
  /** For rows, the table they belong to. */
  tableKey?: string;
  /** What a reader calls the item: the section title, table caption, the row's first cell... */
  label: string;
  change: DiffChange;
  /** For `changed`: what differs (evidence changes alone are not changes of content). */
  fields: DiffField[];
}

export interface ReportDiff {
  kind: string;
  organisation: string;
  department: string | null;
  from: { contentHash: string; asOf: string };
  to: { contentHash: string; asOf: string };
  /** In the newer report's order, then the removed items in the older report's order. */
  entries: DiffEntry[];
  counts: Record<DiffChange, number>;
}

interface Item {
  kind: DiffItemKind;
  path: string;
  tableKey?: string;
  label: string;
  /** Compared members, canonical. */
  fields: Map<string, { label: string; value: DiffValue; unit?: string }>;
}

function cellValue(cell: TableCell | undefined): { value: DiffValue; unit?: string } {
  if (!cell || 'empty' in cell) return { value: null };
  if ('value' in cell) return { value: cell.value, unit: cell.unit };
  return { value: cell.text };
}

function runsText(statement: StatementBlock): string {
  return statement.content.map((run) => ('value' in run ? `${run.value}${run.unit ?? ''}` : run.text)).join('');
}

function rowLabel(row: TableRow): string {
  const first = row.cells.find((cell) => 'text' in cell);
  return first && 'text' in first ? first.text : row.key;
}

/** Every keyed item of a model, in document order. */
function itemsOf(model: ReportModel): Map<string, Item> {
  const items = new Map<string, Item>();
  const add = (item: Item) => items.set(item.path, item);
  const table = (block: TableBlock) => {
    add({
      kind: 'table',
      path: `table:${block.key}`,
      label: block.caption,
      fields: new Map([
        ['caption', { label: 'caption', value: block.caption }],
        ['columns', { label: 'columns', value: block.columns.map((column) => column.label).join(' | ') }],
      ]),
    });
    for (const row of block.rows) {
      const fields = new Map<string, { label: string; value: DiffValue; unit?: string }>();
      block.columns.forEach((column, index) =>
        fields.set(column.key, { label: column.label, ...cellValue(row.cells[index]) }),
      );
      add({
        kind: 'row',
        path: `table:${block.key}/row:${row.key}`,
        tableKey: block.key,
        label: rowLabel(row),
        fields,
      });
    }
  };
  const keyFigure = (figure: KeyFigure) =>
    add({
      kind: 'keyFigure',
      path: `keyFigure:${figure.key}`,
      label: figure.label,
      fields: new Map([['value', { label: figure.label, value: figure.value, unit: figure.unit }]]),
    });
  const blocks = (list: readonly Block[]) => {
    for (const block of list) {
      if (block.type === 'table') table(block);
      else if (block.type === 'keyFigures') block.items.forEach(keyFigure);
      else if (block.type === 'figure') {
        add({
          kind: 'figure',
          path: `figure:${block.key}`,
          label: block.caption,
          fields: new Map([
            ['caption', { label: 'caption', value: block.caption }],
            ['svg', { label: 'svg', value: block.svg }],
          ]),
        });
      } else if (block.type === 'statement' && block.key) {
        add({
          kind: 'statement',
          path: `statement:${block.key}`,
          label: runsText(block),
          fields: new Map([['content', { label: 'content', value: canonicalJson(block.content) }]]),
        });
      } else if (block.type === 'callout') blocks(block.content);
    }
  };
  const sections = (list: readonly Section[]) => {
    for (const section of list) {
      add({
        kind: 'section',
        path: `section:${section.key}`,
        label: section.title,
        fields: new Map([['title', { label: 'title', value: section.title }]]),
      });
      blocks(section.blocks);
      sections(section.sections ?? []);
    }
  };
  sections(model.sections);
  return items;
}

function entryOf(item: Item, change: DiffChange, fields: DiffField[] = []): DiffEntry {
  return {
    kind: item.kind,
    path: item.path,
    ...(item.tableKey === undefined ? {} : { tableKey: item.tableKey }),
    label: item.label,
    change,
    fields,
  };
}

/**
 * A structural diff of two reports of the same kind and scope: items matched by their stable keys
 * (sections, tables, rows, figures, key figures, keyed statements), each added, removed or changed
 * with the fields that differ. Content builders specialise it by filtering entries (e.g. the rows
 * of their `transfers` table) and wording them; `diffSection` renders it generically.
 */
export function diffReportModels(older: unknown, newer: unknown): ReportDiff {
  assertValidReportModel(older);
  assertValidReportModel(newer);
  const a = older.metadata;
  const b = newer.metadata;
  if (
    a.kind !== b.kind ||
    a.organisation.key !== b.organisation.key ||
    (a.department?.key ?? null) !== (b.department?.key ?? null)
  ) {
    throw new ReportError(
      ReportErrorCode.INVALID_INPUT,
      `only reports of the same kind and scope compare: ${a.kind} of ${a.organisation.key}${a.department ? `/${a.department.key}` : ''} vs ${b.kind} of ${b.organisation.key}${b.department ? `/${b.department.key}` : ''}`,
    );
  }
  const before = itemsOf(older);
  const after = itemsOf(newer);
  const entries: DiffEntry[] = [];
  for (const item of after.values()) {
    const previous = before.get(item.path);
    if (!previous) {
      entries.push(entryOf(item, 'added'));
      continue;
    }
    const fields: DiffField[] = [];
    const keys = [...new Set([...item.fields.keys(), ...previous.fields.keys()])];
    for (const key of keys) {
      const now = item.fields.get(key);
      const then = previous.fields.get(key);
      if ((now?.value ?? null) === (then?.value ?? null) && now?.unit === then?.unit) continue;
      const unit = now?.unit ?? then?.unit;
      fields.push({
        field: key,
        label: now?.label ?? then?.label ?? key,
        before: then?.value ?? null,
        after: now?.value ?? null,
        ...(unit === undefined ? {} : { unit }),
      });
    }
    if (fields.length > 0) entries.push(entryOf(item, 'changed', fields));
  }
  for (const item of before.values()) if (!after.has(item.path)) entries.push(entryOf(item, 'removed'));
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const entry of entries) counts[entry.change] += 1;
  return {
    kind: b.kind,
    organisation: b.organisation.key,
    department: b.department?.key ?? null,
    from: { contentHash: contentHashOf(older), asOf: a.asOf },
    to: { contentHash: contentHashOf(newer), asOf: b.asOf },
    entries,
    counts,
  };
}

const WORDS: Readonly<
  Record<
    ReportLanguage,
    {
      title: string;
      intro: (from: string, to: string) => string;
      none: string;
      evidence: (from: string, to: string) => string;
      counts: Record<DiffChange, string>;
      caption: string;
      columns: [string, string, string, string];
      kinds: Record<DiffItemKind, string>;
      changes: Record<DiffChange, string>;
      empty: string;
      figureChanged: string;
    }
  >
> = {
  fr: {
    title: 'Changements depuis l’instantané précédent',
    intro: (from, to) => `Comparaison du rapport au ${from} avec celui au ${to}, élément par élément.`,
    none: 'Aucun changement de contenu entre les deux instantanés.',
    evidence: (from, to) => `Comparaison des instantanés du ${from} et du ${to}`,
    counts: { added: 'Éléments ajoutés', removed: 'Éléments retirés', changed: 'Éléments modifiés' },
    caption: 'Éléments ajoutés, retirés ou modifiés',
    columns: ['Élément', 'Désignation', 'Changement', 'Détail'],
    kinds: {
      section: 'Section',
      table: 'Tableau',
      row: 'Ligne',
      figure: 'Figure',
      keyFigure: 'Chiffre clé',
      statement: 'Énoncé',
    },
    changes: { added: 'Ajouté', removed: 'Retiré', changed: 'Modifié' },
    empty: 'vide',
    figureChanged: 'figure redessinée',
  },
  en: {
    title: 'Changes since the previous snapshot',
    intro: (from, to) => `The report as of ${from} compared with the report as of ${to}, item by item.`,
    none: 'No change of content between the two snapshots.',
    evidence: (from, to) => `Comparison of the snapshots of ${from} and ${to}`,
    counts: { added: 'Items added', removed: 'Items removed', changed: 'Items changed' },
    caption: 'Items added, removed or changed',
    columns: ['Item', 'Name', 'Change', 'Detail'],
    kinds: {
      section: 'Section',
      table: 'Table',
      row: 'Row',
      figure: 'Figure',
      keyFigure: 'Key figure',
      statement: 'Statement',
    },
    changes: { added: 'Added', removed: 'Removed', changed: 'Changed' },
    empty: 'empty',
    figureChanged: 'figure redrawn',
  },
};

/**
 * The diff as a section of the newer report, in its language. Every count and detail carries one
 * COMPUTED evidence item naming the two content hashes compared.
 */
export function diffSection(
  diff: ReportDiff,
  options: { language: ReportLanguage; key?: string; title?: string },
): Section {
  const words = WORDS[options.language];
  const lang = options.language;
  const key = options.key ?? 'changes';
  const from = formatDate(diff.from.asOf, lang);
  const to = formatDate(diff.to.asOf, lang);
  const evidence: Evidence = {
    kind: 'COMPUTED',
    ref: `report-diff:${diff.from.contentHash}..${diff.to.contentHash}`,
    label: words.evidence(from, to),
  };
  const show = (value: DiffValue, unit?: string) =>
    value === null ? words.empty : typeof value === 'number' ? formatQuantity(value, lang, unit) : value;
  const colon = lang === 'fr' ? ' : ' : ': ';
  const detail = (entry: DiffEntry) =>
    entry.fields
      .map((field) =>
        field.field === 'svg'
          ? words.figureChanged
          : `${field.label}${colon}${show(field.before, field.unit)} → ${show(field.after, field.unit)}`,
      )
      .join(lang === 'fr' ? ' ; ' : '; ');
  // Paths are stable keys; one too long for a key is replaced by its digest.
  const rowKey = (path: string) => (KEY_PATTERN.test(path) ? path : `d-${sha256Hex(path).slice(0, 32)}`);
  const blocks: Block[] = [{ type: 'paragraph', content: [{ text: words.intro(from, to) }] }];
  if (diff.entries.length === 0) {
    blocks.push({ type: 'statement', content: [{ text: words.none }], evidence: [evidence] });
  } else {
    blocks.push(
      {
        type: 'keyFigures',
        items: (['added', 'removed', 'changed'] as const).map((change) => ({
          key: `${key}-${change}`,
          label: words.counts[change],
          value: diff.counts[change],
          evidence: [evidence],
        })),
      },
      {
        type: 'table',
        key: `${key}-entries`,
        caption: words.caption,
        columns: [
          { key: 'kind', label: words.columns[0] },
          { key: 'name', label: words.columns[1], width: 2 },
          { key: 'change', label: words.columns[2] },
          { key: 'detail', label: words.columns[3], width: 3 },
        ],
        rows: diff.entries.map((entry) => ({
          key: rowKey(entry.path),
          cells: [
            { text: words.kinds[entry.kind] },
            { text: entry.label.length > 200 ? `${entry.label.slice(0, 199)}…` : entry.label },
            { text: words.changes[entry.change], evidence: [evidence] },
            entry.fields.length > 0 ? { text: detail(entry), evidence: [evidence] } : { empty: true },
          ],
        })),
      },
    );
  }
  return { key, title: options.title ?? words.title, blocks };
}
