import { ReportError, ReportErrorCode } from '../reports.errors.js';
import { isPlainObject } from './canonical-json.js';
import { EVIDENCE_KINDS, REPORT_LANGUAGES, type ReportLanguage, type ReportModel } from './report-model.js';

/**
 * Run-time check of the rules the types state, plus those they cannot: unique keys, cells per
 * column, consistent evidence labels, safe SVG, valid dates, no unknown members (a member the
 * renderers ignore would still change the hash). Returns every issue, each naming its place.
 */
export function reportModelIssues(model: unknown): string[] {
  const checker = new Checker();
  checker.model(model);
  return checker.issues;
}

/** Throws REPORT_INVALID_MODEL listing every issue; otherwise `model` is a valid `ReportModel`. */
export function assertValidReportModel(model: unknown): asserts model is ReportModel {
  const issues = reportModelIssues(model);
  if (issues.length > 0) {
    const shown = issues.slice(0, 5).join('; ');
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
    throw new ReportError(ReportErrorCode.INVALID_MODEL, `report model is invalid: ${shown}${more}`, issues);
  }
}

export const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$/;
const KIND_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// C0 controls, DEL and lone surrogates cannot be printed, and jsonb refuses U+0000.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_SVG = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const MAX_SECTION_DEPTH = 4;

/** Checks a YYYY-MM-DD calendar date. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Checks a requested as-of date: a calendar date, not after `today` (YYYY-MM-DD, given by the
 * caller: the engine reads no clock). Throws REPORT_INVALID_INPUT naming what is wrong.
 */
export function assertReportAsOf(asOf: string, today: string): void {
  if (!isCalendarDate(asOf)) {
    throw new ReportError(ReportErrorCode.INVALID_INPUT, `the as-of date '${asOf}' is not a date YYYY-MM-DD`);
  }
  if (!isCalendarDate(today)) throw new ReportError(ReportErrorCode.INVALID_INPUT, `today '${today}' is not a date`);
  if (asOf > today) {
    throw new ReportError(ReportErrorCode.INVALID_INPUT, `the as-of date ${asOf} is in the future (today is ${today})`);
  }
}

/** Checks a requested report language. */
export function assertReportLanguage(language: string): asserts language is ReportLanguage {
  if (!(REPORT_LANGUAGES as readonly string[]).includes(language)) {
    throw new ReportError(ReportErrorCode.INVALID_INPUT, `unknown report language '${language}' (fr or en)`);
  }
}

/** The reasons an SVG string may not be embedded (it is inlined in the HTML and drawn by Typst). */
export function svgIssues(svg: string): string[] {
  const issues: string[] = [];
  const trimmed = svg.replace(/^<\?xml[^>]*\?>\s*/, '').trim();
  if (!/^<svg[\s>]/.test(trimmed) || !trimmed.endsWith('</svg>')) issues.push('is not one <svg> element');
  if (/<script/i.test(svg)) issues.push('contains a script');
  if (/<foreignObject/i.test(svg)) issues.push('contains a foreignObject');
  if (/\son[a-z]+\s*=/i.test(svg)) issues.push('contains an event attribute');
  if (/\shref\s*=\s*["'](?!#)/i.test(svg)) issues.push('references an external resource (href)');
  if (/url\(\s*["']?(?!#)/i.test(svg)) issues.push('references an external resource (url())');
  if (/<!DOCTYPE|<!ENTITY/i.test(svg)) issues.push('declares a DTD or entities');
  if (FORBIDDEN_IN_SVG.test(svg)) issues.push('contains control characters');
  return issues;
}

type Obj = Record<string, unknown>;

class Checker {
  readonly issues: string[] = [];
  private readonly sectionKeys = new Set<string>();
  private readonly blockKeys = new Set<string>();
  private readonly keyFigureKeys = new Set<string>();
  private readonly statementKeys = new Set<string>();
  private readonly evidenceLabels = new Map<string, string>();

  private fail(path: string, message: string): void {
    this.issues.push(`${path}: ${message}`);
  }

  private object(value: unknown, path: string, required: string[], optional: string[] = []): value is Obj {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.fail(path, 'must be an object');
      return false;
    }
    const allowed = new Set([...required, ...optional]);
    for (const key of Object.keys(value)) {
      if (!allowed.has(key) && (value as Obj)[key] !== undefined) this.fail(`${path}.${key}`, 'is not a known member');
    }
    for (const key of required) {
      if ((value as Obj)[key] === undefined) this.fail(`${path}.${key}`, 'is required');
    }
    return true;
  }

  private text(value: unknown, path: string, options: { allowEmpty?: boolean } = {}): boolean {
    if (typeof value !== 'string') {
      if (value !== undefined) this.fail(path, 'must be a string');
      return false;
    }
    if (!options.allowEmpty && value.trim() === '') this.fail(path, 'must not be empty');
    if (FORBIDDEN_CHARS.test(value)) this.fail(path, 'contains a control character or a lone surrogate');
    return true;
  }

  private optionalText(value: unknown, path: string): void {
    if (value !== undefined) this.text(value, path);
  }

  private key(value: unknown, path: string, seen?: Set<string>, what = 'key'): void {
    if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
      if (value !== undefined) this.fail(path, `must be a ${what} (letters, digits, . _ : / -; at most 200)`);
      return;
    }
    if (seen) {
      if (seen.has(value)) this.fail(path, `duplicate ${what} '${value}'`);
      seen.add(value);
    }
  }

  private array(value: unknown, path: string, minLength = 0): value is unknown[] {
    if (!Array.isArray(value)) {
      if (value !== undefined) this.fail(path, 'must be an array');
      return false;
    }
    if (value.length < minLength) this.fail(path, `must have at least ${minLength} item${minLength > 1 ? 's' : ''}`);
    return true;
  }

  private number(value: unknown, path: string): void {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, 'must be a finite number');
  }

  private decimals(value: unknown, path: string): void {
    if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 6)) {
      this.fail(path, 'must be an integer from 0 to 6');
    }
  }

  private oneOf(value: unknown, allowed: readonly string[], path: string): void {
    if (!allowed.includes(value as string)) this.fail(path, `must be one of ${allowed.join(', ')}`);
  }

  model(model: unknown): void {
    if (!this.object(model, 'model', ['metadata', 'sections'])) return;
    this.metadata(model.metadata);
    if (this.array(model.sections, 'sections', 1)) {
      model.sections.forEach((section, index) => this.section(section, `sections[${index}]`, 1));
    }
  }

  private metadata(value: unknown): void {
    const path = 'metadata';
    if (!this.object(value, path, ['kind', 'title', 'organisation', 'language', 'asOf', 'options'], ['department'])) {
      return;
    }
    if (typeof value.kind !== 'string' || !KIND_PATTERN.test(value.kind)) {
      this.fail(`${path}.kind`, 'must be lower-case words separated by hyphens');
    }
    this.text(value.title, `${path}.title`);
    this.namedKey(value.organisation, `${path}.organisation`);
    if (value.department !== null && value.department !== undefined) {
      this.namedKey(value.department, `${path}.department`);
    }
    this.oneOf(value.language, REPORT_LANGUAGES, `${path}.language`);
    if (!isCalendarDate(value.asOf)) this.fail(`${path}.asOf`, 'must be a calendar date YYYY-MM-DD');
    if (value.options === null || typeof value.options !== 'object' || Array.isArray(value.options)) {
      this.fail(`${path}.options`, 'must be an object');
    } else {
      this.json(value.options, `${path}.options`);
    }
  }

  private json(value: unknown, path: string): void {
    if (value === null || typeof value === 'boolean') return;
    if (typeof value === 'string') return void this.text(value, path, { allowEmpty: true });
    if (typeof value === 'number') return this.number(value, path);
    if (Array.isArray(value)) return value.forEach((item, index) => this.json(item, `${path}[${index}]`));
    if (isPlainObject(value)) {
      for (const [key, item] of Object.entries(value)) this.json(item, `${path}.${key}`);
      return;
    }
    this.fail(path, 'must be a JSON value');
  }

  private namedKey(value: unknown, path: string): void {
    if (!this.object(value, path, ['key', 'name'])) return;
    this.text(value.key, `${path}.key`);
    this.text(value.name, `${path}.name`);
  }

  private section(value: unknown, path: string, depth: number): void {
    if (!this.object(value, path, ['key', 'title', 'blocks'], ['sections'])) return;
    this.key(value.key, `${path}.key`, this.sectionKeys, 'section key');
    this.text(value.title, `${path}.title`);
    if (this.array(value.blocks, `${path}.blocks`)) {
      value.blocks.forEach((block, index) => this.block(block, `${path}.blocks[${index}]`));
    }
    if (value.sections !== undefined && this.array(value.sections, `${path}.sections`)) {
      if (depth >= MAX_SECTION_DEPTH && value.sections.length > 0) {
        this.fail(`${path}.sections`, `sections nest at most ${MAX_SECTION_DEPTH} levels`);
      }
      value.sections.forEach((section, index) => this.section(section, `${path}.sections[${index}]`, depth + 1));
    }
    const blocks = Array.isArray(value.blocks) ? value.blocks.length : 0;
    const children = Array.isArray(value.sections) ? value.sections.length : 0;
    if (blocks === 0 && children === 0) this.fail(path, 'has neither blocks nor sections');
  }

  private block(value: unknown, path: string, inCallout = false): void {
    if (value === null || typeof value !== 'object') return this.fail(path, 'must be an object');
    const type = (value as Obj).type;
    switch (type) {
      case 'paragraph':
        if (this.object(value, path, ['type', 'content']) && this.array(value.content, `${path}.content`, 1)) {
          value.content.forEach((run, index) => this.run(run, `${path}.content[${index}]`, false));
        }
        return;
      case 'statement':
        if (this.object(value, path, ['type', 'content'], ['key', 'evidence'])) {
          if (value.key !== undefined) this.key(value.key, `${path}.key`, this.statementKeys, 'statement key');
          if (this.array(value.content, `${path}.content`, 1)) {
            value.content.forEach((run, index) => this.run(run, `${path}.content[${index}]`, true));
          }
          this.evidence(value.evidence, `${path}.evidence`);
        }
        return;
      case 'list':
        return this.list(value, path);
      case 'table':
        if (inCallout) return this.fail(path, 'a callout holds paragraphs, statements and lists only');
        return this.table(value, path);
      case 'figure':
        if (inCallout) return this.fail(path, 'a callout holds paragraphs, statements and lists only');
        return this.figure(value, path);
      case 'keyFigures':
        if (inCallout) return this.fail(path, 'a callout holds paragraphs, statements and lists only');
        return this.keyFigures(value, path);
      case 'callout':
        if (inCallout) return this.fail(path, 'callouts do not nest');
        if (this.object(value, path, ['type', 'tone', 'content'], ['title'])) {
          this.oneOf(value.tone, ['warning', 'info'], `${path}.tone`);
          this.optionalText(value.title, `${path}.title`);
          if (this.array(value.content, `${path}.content`, 1)) {
            value.content.forEach((block, index) => this.block(block, `${path}.content[${index}]`, true));
          }
        }
        return;
      default:
        this.fail(`${path}.type`, 'must be paragraph, statement, table, figure, keyFigures, list or callout');
    }
  }

  /** Returns true when the run is a number. */
  private run(value: unknown, path: string, numbersAllowed: boolean): boolean {
    if (value !== null && typeof value === 'object' && 'value' in value) {
      if (!numbersAllowed) {
        this.fail(path, 'a number needs evidence: use a statement (or a list item with evidence)');
        return true;
      }
      const run: unknown = value;
      if (this.object(run, path, ['value'], ['unit', 'decimals', 'style'])) {
        this.number(run.value, `${path}.value`);
        this.optionalText(run.unit, `${path}.unit`);
        this.decimals(run.decimals, `${path}.decimals`);
        if (run.style !== undefined) this.oneOf(run.style, ['strong', 'emphasis'], `${path}.style`);
      }
      return true;
    }
    if (this.object(value, path, ['text'], ['style'])) {
      this.text(value.text, `${path}.text`, { allowEmpty: true });
      if (value.text === '') this.fail(`${path}.text`, 'must not be empty');
      if (value.style !== undefined) this.oneOf(value.style, ['strong', 'emphasis', 'code'], `${path}.style`);
    }
    return false;
  }

  private evidence(value: unknown, path: string): void {
    if (value === undefined) return this.fail(path, 'is required: every number and statement needs evidence');
    if (!this.array(value, path, 1)) return;
    value.forEach((item, index) => {
      const itemPath = `${path}[${index}]`;
      if (!this.object(item, itemPath, ['kind', 'ref', 'label'])) return;
      this.oneOf(item.kind, EVIDENCE_KINDS, `${itemPath}.kind`);
      const refOk = this.text(item.ref, `${itemPath}.ref`);
      const labelOk = this.text(item.label, `${itemPath}.label`);
      if (refOk && labelOk) {
        const id = `${String(item.kind)} ${String(item.ref)}`;
        const known = this.evidenceLabels.get(id);
        if (known === undefined) this.evidenceLabels.set(id, item.label as string);
        else if (known !== item.label) {
          this.fail(`${itemPath}.label`, `evidence ${id} is labelled both '${known}' and '${String(item.label)}'`);
        }
      }
    });
  }

  private list(value: unknown, path: string): void {
    if (!this.object(value, path, ['type', 'ordered', 'items'])) return;
    if (typeof value.ordered !== 'boolean') this.fail(`${path}.ordered`, 'must be a boolean');
    if (!this.array(value.items, `${path}.items`, 1)) return;
    const keys = new Set<string>();
    value.items.forEach((item, index) => {
      const itemPath = `${path}.items[${index}]`;
      if (!this.object(item, itemPath, ['content'], ['key', 'evidence'])) return;
      if (item.key !== undefined) this.key(item.key, `${itemPath}.key`, keys, 'list item key');
      let hasNumber = false;
      if (this.array(item.content, `${itemPath}.content`, 1)) {
        item.content.forEach((run, runIndex) => {
          // Numbers are allowed in list items with evidence; report them precisely below.
          if (this.run(run, `${itemPath}.content[${runIndex}]`, true)) hasNumber = true;
        });
      }
      if (item.evidence !== undefined || hasNumber) this.evidence(item.evidence, `${itemPath}.evidence`);
    });
  }

  private table(value: unknown, path: string): void {
    if (!this.object(value, path, ['type', 'key', 'caption', 'columns', 'rows'], ['emptyText'])) return;
    this.key(value.key, `${path}.key`, this.blockKeys, 'table or figure key');
    this.text(value.caption, `${path}.caption`);
    this.optionalText(value.emptyText, `${path}.emptyText`);
    let columnCount = -1;
    if (this.array(value.columns, `${path}.columns`, 1)) {
      columnCount = value.columns.length;
      const keys = new Set<string>();
      value.columns.forEach((column, index) => {
        const columnPath = `${path}.columns[${index}]`;
        if (!this.object(column, columnPath, ['key', 'label'], ['align', 'width'])) return;
        this.key(column.key, `${columnPath}.key`, keys, 'column key');
        this.text(column.label, `${columnPath}.label`);
        if (column.align !== undefined) this.oneOf(column.align, ['start', 'end'], `${columnPath}.align`);
        if (
          column.width !== undefined &&
          !(typeof column.width === 'number' && column.width > 0 && column.width <= 100)
        ) {
          this.fail(`${columnPath}.width`, 'must be a number above 0 and at most 100');
        }
      });
    }
    if (!this.array(value.rows, `${path}.rows`)) return;
    const rowKeys = new Set<string>();
    value.rows.forEach((row, index) => {
      const rowPath = `${path}.rows[${index}]`;
      if (!this.object(row, rowPath, ['key', 'cells'])) return;
      this.key(row.key, `${rowPath}.key`, rowKeys, 'row key');
      if (!this.array(row.cells, `${rowPath}.cells`)) return;
      if (columnCount >= 0 && row.cells.length !== columnCount) {
        this.fail(`${rowPath}.cells`, `has ${row.cells.length} cells for ${columnCount} columns`);
      }
      row.cells.forEach((cell, cellIndex) => this.cell(cell, `${rowPath}.cells[${cellIndex}]`));
    });
  }

  private cell(value: unknown, path: string): void {
    if (value === null || typeof value !== 'object') return this.fail(path, 'must be an object');
    if ('empty' in value) {
      if (this.object(value, path, ['empty']) && value.empty !== true) this.fail(`${path}.empty`, 'must be true');
      return;
    }
    if ('value' in value) {
      const cell: unknown = value;
      if (this.object(cell, path, ['value'], ['unit', 'decimals', 'evidence'])) {
        this.number(cell.value, `${path}.value`);
        this.optionalText(cell.unit, `${path}.unit`);
        this.decimals(cell.decimals, `${path}.decimals`);
        this.evidence(cell.evidence, `${path}.evidence`);
      }
      return;
    }
    if (this.object(value, path, ['text'], ['style', 'evidence'])) {
      this.text(value.text, `${path}.text`);
      if (value.style !== undefined) this.oneOf(value.style, ['strong', 'emphasis', 'code'], `${path}.style`);
      if (value.evidence !== undefined) this.evidence(value.evidence, `${path}.evidence`);
    }
  }

  private figure(value: unknown, path: string): void {
    if (!this.object(value, path, ['type', 'key', 'caption', 'svg', 'alt'], ['widthPercent'])) return;
    this.key(value.key, `${path}.key`, this.blockKeys, 'table or figure key');
    this.text(value.caption, `${path}.caption`);
    this.text(value.alt, `${path}.alt`);
    if (typeof value.svg !== 'string') this.fail(`${path}.svg`, 'must be a string');
    else for (const issue of svgIssues(value.svg)) this.fail(`${path}.svg`, issue);
    const width = value.widthPercent;
    if (width !== undefined && !(typeof width === 'number' && width >= 10 && width <= 100)) {
      this.fail(`${path}.widthPercent`, 'must be a number from 10 to 100');
    }
  }

  private keyFigures(value: unknown, path: string): void {
    if (!this.object(value, path, ['type', 'items']) || !this.array(value.items, `${path}.items`, 1)) return;
    value.items.forEach((item, index) => {
      const itemPath = `${path}.items[${index}]`;
      if (!this.object(item, itemPath, ['key', 'label', 'value'], ['unit', 'decimals', 'evidence'])) return;
      this.key(item.key, `${itemPath}.key`, this.keyFigureKeys, 'key figure key');
      this.text(item.label, `${itemPath}.label`);
      this.number(item.value, `${itemPath}.value`);
      this.optionalText(item.unit, `${itemPath}.unit`);
      this.decimals(item.decimals, `${itemPath}.decimals`);
      this.evidence(item.evidence, `${itemPath}.evidence`);
    });
  }
}
