/**
 * View state lives in the URL (path + query), so a view can be bookmarked and shared. These are
 * pure functions of URLSearchParams: parsing never throws, unknown values fall back to defaults.
 */
import type { FindingStatus } from '../gql/graphql';

export type Page = 'login' | 'home' | 'inventory' | 'map' | 'review' | 'scans';

/** Every page's path; the API answers exactly these with index.html (apps/api/src/web/dashboard.ts). */
export const PAGES: Readonly<Record<string, Page>> = {
  '/': 'home',
  '/login': 'login',
  '/inventory': 'inventory',
  '/map': 'map',
  '/review': 'review',
  '/scans': 'scans',
};

export function pageOf(pathname: string): Page | undefined {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return PAGES[trimmed];
}

export function pathOf(page: Page): string {
  return page === 'home' ? '/' : `/${page}`;
}

/** Inventory drill-down: organisation → department → source → dataset, one level shown at a time. */
export interface InventoryState {
  org?: string;
  department?: string;
  source?: string;
  dataset?: string;
  /** Cursor of the current page of the level shown. */
  after?: string;
}

export type InventoryLevel = 'departments' | 'sources' | 'datasets' | 'fields';

const text = (params: URLSearchParams, name: string): string | undefined => {
  const value = params.get(name)?.trim();
  return value ? value : undefined;
};

export function parseInventory(params: URLSearchParams): InventoryState {
  const state: InventoryState = { org: text(params, 'org') };
  // A deeper level is kept only under the level above it, so a URL always names a path.
  const department = text(params, 'department');
  if (department) {
    state.department = department;
    const source = text(params, 'source');
    if (source) {
      state.source = source;
      const dataset = text(params, 'dataset');
      if (dataset) state.dataset = dataset;
    }
  }
  const after = text(params, 'after');
  if (after) state.after = after;
  return state;
}

export function inventoryLevel(state: InventoryState): InventoryLevel {
  if (state.dataset) return 'fields';
  if (state.source) return 'datasets';
  if (state.department) return 'sources';
  return 'departments';
}

/** Opening an item one level down; the page cursor belongs to the level left behind. */
export function openChild(state: InventoryState, key: string): InventoryState {
  const { after: _after, ...rest } = state;
  switch (inventoryLevel(state)) {
    case 'departments':
      return { ...rest, department: key };
    case 'sources':
      return { ...rest, source: key };
    case 'datasets':
      return { ...rest, dataset: key };
    case 'fields':
      return rest;
  }
}

/** Going back to one level of the breadcrumb. */
export function upTo(state: InventoryState, level: InventoryLevel): InventoryState {
  const base: InventoryState = { org: state.org };
  if (level === 'departments') return base;
  if (level === 'sources') return { ...base, department: state.department };
  if (level === 'datasets') return { ...base, department: state.department, source: state.source };
  return { ...base, department: state.department, source: state.source, dataset: state.dataset };
}

const STATUSES: readonly FindingStatus[] = ['OPEN', 'CONFIRMED', 'REJECTED'];

/** The findings review queue: filters, page cursor and the finding under review. */
export interface ReviewState {
  org?: string;
  status: FindingStatus;
  department?: string;
  source?: string;
  category?: string;
  after?: string;
  selected?: string;
}

export function parseReview(params: URLSearchParams): ReviewState {
  const status = params.get('status');
  return {
    org: text(params, 'org'),
    status: STATUSES.includes(status as FindingStatus) ? (status as FindingStatus) : 'OPEN',
    department: text(params, 'department'),
    source: text(params, 'source'),
    category: text(params, 'category'),
    after: text(params, 'after'),
    selected: text(params, 'selected'),
  };
}

/** A filter change starts again from the first page and drops the selection. */
export function withFilter(
  state: ReviewState,
  change: Partial<Pick<ReviewState, 'status' | 'department' | 'source' | 'category'>>,
): ReviewState {
  const next: ReviewState = { ...state, ...change, after: undefined, selected: undefined };
  // A source belongs to one department: a new department clears a source not chosen with it,
  // and no department means no source.
  if ('department' in change && change.department !== state.department && !('source' in change))
    next.source = undefined;
  if (!next.department) next.source = undefined;
  return next;
}

/** Serialises a state object: members in a fixed order, empty ones left out, defaults omitted. */
export function toSearch(state: object, defaults: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(state)) {
    if (value === undefined || value === null || value === '') continue;
    if (defaults[name] === value) continue;
    params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

export const REVIEW_DEFAULTS = { status: 'OPEN' };
