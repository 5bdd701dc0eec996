import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { InventoryError, InventoryErrorCode, type InventoryIssue, quote } from '../inventory.errors.js';
import type { InventoryDocument } from './inventory-document.js';
import { DATE_PATTERN, INVENTORY_SCHEMA } from './inventory.schema.js';

const CURRENCY_PATTERN = '^[A-Z]{3}$';

export const MAX_INVENTORY_BYTES = 256 * 1024 * 1024;
/** The format never nests deeper than this; anything deeper is refused before it is walked. */
export const MAX_NESTING = 32;

export type InventoryFormat = 'json' | 'yaml';

export function formatOf(fileName: string): InventoryFormat {
  return /\.json$/i.test(fileName) ? 'json' : 'yaml';
}

/**
 * Depth of brackets in flow syntax, skipping quoted strings: a cheap linear pre-check so a
 * 100k-deep `[[[[...` is refused before a recursive parser sees it.
 */
function flowDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let quoteChar = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoteChar) {
      if (c === 92 /* \ */ && quoteChar === '"') i++;
      else if (text[i] === quoteChar) quoteChar = '';
      continue;
    }
    if (c === 34 /* " */) quoteChar = '"';
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  return false;
}

/** Depth of the parsed value, iteratively (no recursion on hostile input). */
function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (depth > limit) return true;
    if (current && typeof current === 'object') {
      for (const child of Object.values(current as object)) stack.push([child, depth + 1]);
    }
  }
  return false;
}

function parseText(text: string, format: InventoryFormat, file?: string): unknown {
  const syntax = (reason: string) => InventoryError.of(InventoryErrorCode.INVALID_SYNTAX, [{ path: '', reason }], file);
  if (Buffer.byteLength(text, 'utf8') > MAX_INVENTORY_BYTES) {
    throw syntax(`file larger than ${MAX_INVENTORY_BYTES / 1024 / 1024} MB`);
  }
  if (flowDepthExceeds(text, MAX_NESTING)) throw syntax(`nesting deeper than ${MAX_NESTING} levels`);
  try {
    if (format === 'json') return JSON.parse(text);
    return parseYaml(text, { maxAliasCount: 100, uniqueKeys: true, prettyErrors: true, schema: 'core' });
  } catch (error) {
    if (error instanceof RangeError) throw syntax(`nesting deeper than ${MAX_NESTING} levels`);
    if (error instanceof YAMLParseError) {
      const position = error.linePos?.[0];
      const where = position ? `line ${position.line}, column ${position.col}: ` : '';
      throw syntax(`invalid YAML: ${where}${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    throw syntax(
      `invalid ${format === 'json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0].slice(0, 200)}`,
    );
  }
}

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validateSchema = ajv.compile(INVENTORY_SCHEMA);

/** `/sources/3/datasets/0/kind` -> `sources[3].datasets[0].kind` */
export function toPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function valueAt(document: unknown, pointer: string): unknown {
  let current = document;
  for (const part of pointer.split('/').slice(1)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return current;
}

/** An issue inside a plan task names the task by its id too, as `parsePlan` does. */
function withTask(issue: InventoryIssue, error: ErrorObject, document: unknown): InventoryIssue {
  const match = /^\/plan\/tasks\/(\d+)(?:\/|$)/.exec(error.instancePath);
  if (!match) return issue;
  const id = valueAt(document, `/plan/tasks/${match[1]}/id`);
  if (typeof id !== 'string') return issue;
  const negative = error.keyword === 'minimum' && /\/duration$/.test(error.instancePath);
  const reason = negative
    ? `duration ${String(valueAt(document, error.instancePath))} is negative: a duration is a whole number of working days, 0 for a milestone`
    : issue.reason;
  return { path: `${issue.path} (task ${quote(id)})`, reason };
}

function describe(error: ErrorObject, document: unknown): InventoryIssue {
  return withTask(describeIssue(error, document), error, document);
}

function describeIssue(error: ErrorObject, document: unknown): InventoryIssue {
  const path = toPath(error.instancePath);
  const value = valueAt(document, error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      return { path: path ? `${path}.${key}` : key, reason: `unknown key ${quote(key)}` };
    }
    case 'required':
      return {
        path: path ? `${path}.${String(params.missingProperty)}` : String(params.missingProperty),
        reason: 'is required',
      };
    case 'type':
      return {
        path,
        reason: `must be ${String(params.type)}, got ${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value}`,
      };
    case 'enum':
      return { path, reason: `${quote(value)} is not one of ${(params.allowedValues as string[]).join(', ')}` };
    case 'maxLength':
      return { path, reason: `longer than ${String(params.limit)} characters (${(value as string).length})` };
    case 'minLength':
      return { path, reason: 'must not be empty' };
    case 'pattern':
      if (params.pattern === DATE_PATTERN) return { path, reason: `${quote(value)} is not a date written YYYY-MM-DD` };
      if (params.pattern === CURRENCY_PATTERN)
        return { path, reason: `${quote(value)} is not an ISO 4217 currency code (three capital letters)` };
      return { path, reason: `${quote(value)} is not a valid key (letters, digits, '.', '_' and '-')` };
    case 'minimum':
    case 'maximum':
      return { path, reason: `${quote(value)} is not between the bounds (${error.message ?? ''})` };
    case 'maxItems':
      return { path, reason: `more than ${String(params.limit)} items` };
    case 'minItems':
      return { path, reason: `needs at least ${String(params.limit)} item(s)` };
    case 'const':
      return { path, reason: `must be ${JSON.stringify(params.allowedValue)}, got ${quote(value)}` };
    case 'oneOf':
      return { path, reason: 'must be a field name or {from, to}' };
    case 'uniqueItems':
      return { path, reason: `items ${String(params.j)} and ${String(params.i)} are the same` };
    default:
      return { path, reason: error.message ?? 'is invalid' };
  }
}

/** Validates a parsed value against the format; throws INVALID_DOCUMENT listing every problem. */
export function validateInventoryDocument(value: unknown, file?: string): InventoryDocument {
  if (depthExceeds(value, MAX_NESTING)) {
    throw InventoryError.of(
      InventoryErrorCode.INVALID_SYNTAX,
      [{ path: '', reason: `nesting deeper than ${MAX_NESTING} levels` }],
      file,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw InventoryError.of(
      InventoryErrorCode.INVALID_DOCUMENT,
      [{ path: '', reason: 'must be a mapping with version and organisation' }],
      file,
    );
  }
  if (!validateSchema(value)) {
    // oneOf reports its branches' errors too; keep the one summary line for those paths.
    const errors = validateSchema.errors ?? [];
    const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
    const issues = errors
      .filter((e) => e.keyword === 'oneOf' || ![...oneOfPaths].some((p) => e.instancePath.startsWith(p)))
      .map((e) => describe(e, value));
    const unique = [...new Map(issues.map((issue) => [`${issue.path}|${issue.reason}`, issue])).values()];
    throw InventoryError.of(InventoryErrorCode.INVALID_DOCUMENT, unique, file);
  }
  return value as unknown as InventoryDocument;
}

export function parseInventory(
  text: string,
  options: { file?: string; format?: InventoryFormat } = {},
): InventoryDocument {
  const format = options.format ?? (options.file ? formatOf(options.file) : 'yaml');
  return validateInventoryDocument(parseText(text, format, options.file), options.file);
}
