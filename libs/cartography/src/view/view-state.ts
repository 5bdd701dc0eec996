import { FINDING_STATUSES, type FindingStatusFact, Jurisdiction, type TransferStatus } from '@cartographer/compliance';
import { quoteUntrusted } from '@cartographer/compliance';
import { CartographyError, CartographyErrorCode } from '../cartography.errors.js';
import { JURISDICTIONS, TRANSFER_STATUSES, compare } from '../model/map-model.js';

/*
 * The state of one map view, as a DPO sends it: which display, which grouping, how deep, what is
 * expanded, filtered, searched and selected. `encodeViewState` writes it as a URL query string
 * (defaults omitted, parameters in a fixed order, lists sorted: one state, one string);
 * `decodeViewState` reads it back and refuses anything else with an error naming the parameter.
 */

export const VIEW_DISPLAYS = ['MAP', 'TABLE'] as const;
export type ViewDisplay = (typeof VIEW_DISPLAYS)[number];

export const GROUPINGS = ['DEPARTMENT', 'LOCATION', 'SENSITIVITY'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface MapFilters {
  departments: string[];
  jurisdictions: Jurisdiction[];
  categories: string[];
  specialCategories: string[];
  legalBases: string[];
  transferStatuses: TransferStatus[];
  findingStatuses: FindingStatusFact[];
}

export interface MapViewState {
  view: ViewDisplay;
  grouping: Grouping;
  /** Levels shown under an expanded node (1–4). */
  depth: number;
  /** Ids of expanded nodes (groups, entities, `more:` pages), sorted. */
  expanded: string[];
  filters: MapFilters;
  /** Search inside one group: its children are those whose subtree has a name containing `text`. */
  search: { group: string; text: string } | null;
  selection: string | null;
  /** Children shown per group before a "+N more" node (1–100). */
  limit: number;
}

export const DEFAULT_CHILD_LIMIT = 25;
export const MAX_DEPTH = 4;
export const MAX_CHILD_LIMIT = 100;
export const MAX_EXPANDED = 200;
export const MAX_ID_LENGTH = 600;
export const MAX_SEARCH_LENGTH = 100;
export const MAX_FILTER_VALUES = 50;

export function defaultViewState(): MapViewState {
  return {
    view: 'MAP',
    grouping: 'DEPARTMENT',
    depth: 1,
    expanded: [],
    filters: {
      departments: [],
      jurisdictions: [],
      categories: [],
      specialCategories: [],
      legalBases: [],
      transferStatuses: [],
      findingStatuses: [],
    },
    search: null,
    selection: null,
    limit: DEFAULT_CHILD_LIMIT,
  };
}

/** URL parameter of each filter, in encoding order. */
const FILTER_PARAMS: readonly [keyof MapFilters, string][] = [
  ['departments', 'dept'],
  ['jurisdictions', 'jur'],
  ['categories', 'cat'],
  ['specialCategories', 'special'],
  ['legalBases', 'basis'],
  ['transferStatuses', 'transfer'],
  ['findingStatuses', 'finding'],
];

const SINGLE_PARAMS = ['view', 'group', 'depth', 'limit', 'q', 'in', 'sel'] as const;
const LIST_PARAMS = ['expand', ...FILTER_PARAMS.map(([, p]) => p)];
const KNOWN_PARAMS = new Set<string>([...SINGLE_PARAMS, ...LIST_PARAMS]);

const TOKEN = /^[A-Z][A-Z0-9_]{0,63}$/;

function invalid(parameter: string, message: string): CartographyError {
  return new CartographyError(CartographyErrorCode.INVALID_VIEW_STATE, `${parameter}: ${message}`, parameter);
}

function checkText(parameter: string, value: unknown, max: number): string {
  if (typeof value !== 'string') throw invalid(parameter, 'must be a string');
  if (value.length === 0) throw invalid(parameter, 'must not be empty');
  if (value.length > max) throw invalid(parameter, `${quoteUntrusted(value)} is longer than ${max} characters`);
  if (/[\p{Cc}\p{Cs}]/u.test(value)) throw invalid(parameter, `${quoteUntrusted(value)} contains control characters`);
  return value;
}

function checkEnum<T extends string>(parameter: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw invalid(parameter, `${quoteUntrusted(value)} is not one of ${allowed.join(', ')}`);
  return value as T;
}

function checkInteger(parameter: string, value: unknown, min: number, max: number): number {
  const n = typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max)
    throw invalid(
      parameter,
      `${typeof value === 'number' ? String(value) : quoteUntrusted(value)} is not a whole number from ${min} to ${max}`,
    );
  return n;
}

function checkList<T extends string>(parameter: string, values: unknown, check: (v: unknown) => T, max: number): T[] {
  if (!Array.isArray(values)) throw invalid(parameter, 'must be a list');
  if (values.length > max) throw invalid(parameter, `at most ${max} values (got ${values.length})`);
  const out = values.map((v) => check(v));
  const sorted = [...new Set(out)].sort(compare);
  if (sorted.length !== out.length) throw invalid(parameter, 'lists a value twice');
  return sorted;
}

const checkers = {
  departments: (p: string) => (v: unknown) => checkText(p, v, 200),
  jurisdictions: (p: string) => (v: unknown) => checkEnum(p, v, JURISDICTIONS),
  categories: (p: string) => (v: unknown) => checkToken(p, v),
  specialCategories: (p: string) => (v: unknown) => checkToken(p, v),
  legalBases: (p: string) => (v: unknown) => checkToken(p, v),
  transferStatuses: (p: string) => (v: unknown) => checkEnum(p, v, TRANSFER_STATUSES),
  findingStatuses: (p: string) => (v: unknown) => checkEnum(p, v, FINDING_STATUSES),
} satisfies Record<keyof MapFilters, (p: string) => (v: unknown) => string>;

function checkToken(parameter: string, value: unknown): string {
  if (typeof value !== 'string' || !TOKEN.test(value))
    throw invalid(parameter, `${quoteUntrusted(value)} is not an upper-case code such as HEALTH or PUBLIC_TASK`);
  return value;
}

/**
 * Checks a state object (e.g. from GraphQL input) and returns it normalised (lists sorted).
 * Throws CartographyError INVALID_VIEW_STATE naming the member at fault.
 */
export function validateViewState(state: MapViewState): MapViewState {
  if (state === null || typeof state !== 'object') throw invalid('state', 'must be an object');
  const filters = state.filters ?? defaultViewState().filters;
  const out: MapViewState = {
    view: checkEnum('view', state.view, VIEW_DISPLAYS),
    grouping: checkEnum('grouping', state.grouping, GROUPINGS),
    depth: checkInteger('depth', state.depth, 1, MAX_DEPTH),
    expanded: checkList('expanded', state.expanded, (v) => checkText('expanded', v, MAX_ID_LENGTH), MAX_EXPANDED),
    filters: {} as MapFilters,
    search: null,
    selection: state.selection === null ? null : checkText('selection', state.selection, MAX_ID_LENGTH),
    limit: checkInteger('limit', state.limit, 1, MAX_CHILD_LIMIT),
  };
  for (const [key] of FILTER_PARAMS) {
    const p = `filters.${key}`;
    (out.filters[key] as string[]) = checkList(p, filters[key], checkers[key](p), MAX_FILTER_VALUES);
  }
  if (state.search !== null) {
    if (typeof state.search !== 'object') throw invalid('search', 'must be an object or null');
    out.search = {
      group: checkText('search.group', state.search.group, MAX_ID_LENGTH),
      text: checkText('search.text', state.search.text, MAX_SEARCH_LENGTH),
    };
  }
  return out;
}

/** The state as a URL query string, without the leading `?`; the default state is `''`. */
export function encodeViewState(state: MapViewState): string {
  const s = validateViewState(state);
  const d = defaultViewState();
  const params = new URLSearchParams();
  if (s.view !== d.view) params.append('view', s.view.toLowerCase());
  if (s.grouping !== d.grouping) params.append('group', s.grouping.toLowerCase());
  if (s.depth !== d.depth) params.append('depth', String(s.depth));
  if (s.limit !== d.limit) params.append('limit', String(s.limit));
  for (const id of s.expanded) params.append('expand', id);
  for (const [key, p] of FILTER_PARAMS) for (const v of s.filters[key]) params.append(p, v);
  if (s.search) {
    params.append('in', s.search.group);
    params.append('q', s.search.text);
  }
  if (s.selection !== null) params.append('sel', s.selection);
  return params.toString();
}

/**
 * Reads a query string (with or without `?`) written by `encodeViewState` or typed by hand:
 * parameter names are exact, enum values case-insensitive, lists in any order. Unknown or
 * repeated single parameters, bad values, `q` without `in` (or the reverse) are refused.
 */
export function decodeViewState(query: string): MapViewState {
  if (typeof query !== 'string') throw invalid('query', 'must be a string');
  if (query.length > 20_000) throw invalid('query', `is longer than 20000 characters (${query.length})`);
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const single = new Map<string, string>();
  const lists = new Map<string, string[]>();
  for (const [name, value] of params) {
    if (!KNOWN_PARAMS.has(name))
      throw invalid(
        /^[A-Za-z0-9_.-]{1,32}$/.test(name) ? name : 'query',
        `unknown parameter ${quoteUntrusted(name)}; known: ${[...KNOWN_PARAMS].join(', ')}`,
      );
    if ((SINGLE_PARAMS as readonly string[]).includes(name)) {
      if (single.has(name)) throw invalid(name, 'is given more than once');
      single.set(name, value);
    } else lists.set(name, [...(lists.get(name) ?? []), value]);
  }
  const d = defaultViewState();
  const upper = (name: string) => single.get(name)?.toUpperCase();
  const state: MapViewState = {
    view: single.has('view') ? checkEnum('view', upper('view'), VIEW_DISPLAYS) : d.view,
    grouping: single.has('group') ? checkEnum('group', upper('group'), GROUPINGS) : d.grouping,
    depth: single.has('depth') ? checkInteger('depth', single.get('depth'), 1, MAX_DEPTH) : d.depth,
    limit: single.has('limit') ? checkInteger('limit', single.get('limit'), 1, MAX_CHILD_LIMIT) : d.limit,
    expanded: checkList(
      'expand',
      lists.get('expand') ?? [],
      (v) => checkText('expand', v, MAX_ID_LENGTH),
      MAX_EXPANDED,
    ),
    filters: { ...d.filters },
    search: null,
    selection: single.has('sel') ? checkText('sel', single.get('sel'), MAX_ID_LENGTH) : null,
  };
  for (const [key, p] of FILTER_PARAMS) {
    const raw = lists.get(p) ?? [];
    const values = key === 'departments' ? raw : raw.map((v) => v.toUpperCase());
    (state.filters[key] as string[]) = checkList(p, values, checkers[key](p), MAX_FILTER_VALUES);
  }
  if (single.has('q') !== single.has('in')) throw invalid(single.has('q') ? 'in' : 'q', "'q' and 'in' go together");
  if (single.has('q'))
    state.search = {
      group: checkText('in', single.get('in'), MAX_ID_LENGTH),
      text: checkText('q', single.get('q'), MAX_SEARCH_LENGTH),
    };
  return state;
}
