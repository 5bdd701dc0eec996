import type { NamePattern, NameRule } from './name-rules.js';
import { NAME_RULES } from './name-rules.js';
import {
  AGGREGATE_DATASET_TOKENS,
  FILLER_TOKENS,
  FLAG_TOKENS,
  NONPERSON_DATASET_TOKENS,
  ORG_QUALIFIERS,
  PERSON_DATASET_TOKENS,
  PERSON_TOKENS,
  PLACE_TOKENS,
  RECORD_META_TOKENS,
  REFERENCE_DATASET_TOKENS,
  STAT_TOKENS,
} from './name-vocabulary.js';
import { tokenizeIdentifier } from './tokenize.js';

export type DatasetKind = 'person' | 'nonPerson' | 'reference' | 'aggregate' | 'neutral';

export interface DatasetContext {
  readonly kind: DatasetKind;
  readonly tokens: readonly string[];
  /** The table-name token that decided the kind, for explanations. */
  readonly because: string | null;
}

const FILE_EXTENSIONS = new Set([
  'csv',
  'tsv',
  'txt',
  'json',
  'jsonl',
  'ndjson',
  'xml',
  'xlsx',
  'xls',
  'ods',
  'parquet',
  'avro',
  'orc',
  'pdf',
  'docx',
  'doc',
  'sql',
  'gz',
  'zip',
  'log',
]);

/** Reads what a table (or file) name says about its rows: persons, things, a reference list, statistics. */
export function datasetContext(dataset: string): DatasetContext {
  const segments = dataset.split(/[./\\:]/).filter((s) => s.trim() !== '');
  while (segments.length > 1 && FILE_EXTENSIONS.has(segments[segments.length - 1].toLowerCase())) segments.pop();
  const table = segments.length > 0 ? segments[segments.length - 1] : '';
  const tokens = tokenizeIdentifier(table);
  const find = (set: ReadonlySet<string>): string | null => tokens.find((t) => set.has(t)) ?? null;
  const aggregate = find(AGGREGATE_DATASET_TOKENS);
  if (aggregate !== null) return { kind: 'aggregate', tokens, because: aggregate };
  const reference = find(REFERENCE_DATASET_TOKENS);
  if (reference !== null) return { kind: 'reference', tokens, because: reference };
  const person = find(PERSON_TOKENS) ?? find(PERSON_DATASET_TOKENS);
  const nonPerson = find(NONPERSON_DATASET_TOKENS);
  if (person !== null && nonPerson === null) return { kind: 'person', tokens, because: person };
  if (nonPerson !== null && person === null) return { kind: 'nonPerson', tokens, because: nonPerson };
  return { kind: 'neutral', tokens, because: null };
}

export interface NameMatch {
  readonly rule: NameRule;
  readonly strength: number;
  /** Tokens that satisfied the pattern. */
  readonly matched: readonly string[];
  /** Set when the rule matched but a qualifier vetoed it (a look-alike). */
  readonly blockedBy: string | null;
  readonly blockReason: string | null;
}

function matchPattern(pattern: NamePattern, tokens: readonly string[]): number[] | null {
  const used: number[] = [];
  for (const group of pattern.groups) {
    let found = -1;
    for (let i = 0; i < tokens.length; i++) {
      if (!used.includes(i) && group.includes(tokens[i])) {
        found = i;
        break;
      }
    }
    if (found === -1) return null;
    used.push(found);
  }
  return used;
}

function isFiller(token: string): boolean {
  return FILLER_TOKENS.has(token) || PERSON_TOKENS.has(token) || /^[0-9]+$/.test(token);
}

export interface NameMatchOptions {
  /** Column names get the strict checks; comments and descriptions are prose and skip them. */
  readonly source: 'name' | 'comment';
  readonly dataset: DatasetContext;
}

/** Applies every rule to the tokens of a column name or comment. */
export function matchNameRules(tokens: readonly string[], options: NameMatchOptions): NameMatch[] {
  const matches: NameMatch[] = [];
  const isName = options.source === 'name';
  const fieldHasPerson = tokens.some((t) => PERSON_TOKENS.has(t));
  for (const rule of NAME_RULES) {
    for (const pattern of rule.patterns) {
      if (pattern.only && !isName) continue;
      const used = matchPattern(pattern, tokens);
      if (used === null) continue;
      const others = tokens.filter((_, i) => !used.includes(i));
      if (pattern.only && !others.every(isFiller)) continue;
      const matched = used.map((i) => tokens[i]);
      let blockedBy: string | null = null;
      let blockReason: string | null = null;
      if (rule.personal) {
        for (const t of others) {
          if (rule.block.includes(t)) blockReason = 'qualifier';
          else if (isName && STAT_TOKENS.has(t)) blockReason = 'aggregate statistic';
          else if (isName && rule.identifier && FLAG_TOKENS.has(t)) blockReason = 'metadata about the identifier';
          else if (isName && rule.metaBlock && RECORD_META_TOKENS.has(t)) blockReason = 'record metadata';
          else if (rule.orgBlock && ORG_QUALIFIERS.has(t)) blockReason = 'organisation or thing qualifier';
          else if (rule.placeBlock && PLACE_TOKENS.has(t)) blockReason = 'place qualifier';
          if (blockReason !== null) {
            blockedBy = t;
            break;
          }
        }
      }
      let strength: number;
      if (typeof rule.strength === 'number') {
        strength = rule.strength;
      } else if (fieldHasPerson || options.dataset.kind === 'person') {
        strength = rule.strength.person;
      } else if (options.dataset.kind === 'neutral') {
        strength = rule.strength.neutral;
      } else {
        strength = rule.strength.nonPerson;
      }
      matches.push({ rule, strength, matched, blockedBy, blockReason });
      break;
    }
  }
  return matches;
}
