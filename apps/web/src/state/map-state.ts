/**
 * The map's view state in the URL. Its format is libs/cartography's (`encodeViewState` /
 * `decodeViewState`: view, group, depth, limit, expand, dept, jur, cat, special, basis, transfer,
 * finding, in + q, sel), next to the dashboard's own `org`. The browser only edits parameters;
 * the API decodes, validates and normalises them, and answers the canonical string (`map.query`),
 * which replaces the address: one codec, on the server.
 */

/** The parameters the map understands (libs/cartography view-state.ts). */
export const MAP_PARAMS = [
  'view',
  'group',
  'depth',
  'limit',
  'expand',
  'dept',
  'jur',
  'cat',
  'special',
  'basis',
  'transfer',
  'finding',
  'in',
  'q',
  'sel',
] as const;
export type MapParam = (typeof MAP_PARAMS)[number];

export const FILTER_PARAMS = ['dept', 'jur', 'cat', 'special', 'basis', 'transfer', 'finding'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

/** The map part of the address, for the API's `query` argument (the organisation is its own argument). */
export function mapQueryOf(params: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const [name, value] of params) if ((MAP_PARAMS as readonly string[]).includes(name)) out.append(name, value);
  return out.toString();
}

/** The address of a map view: the organisation first, then the canonical map state. */
export function mapSearch(org: string, query: string): string {
  const head = `org=${encodeURIComponent(org)}`;
  return `?${query ? `${head}&${query}` : head}`;
}

function edit(query: string, change: (params: URLSearchParams) => void): string {
  const params = new URLSearchParams(query);
  change(params);
  return params.toString();
}

/** Opens or closes a node (a group, an entity, or a "+N more" page). */
export function toggleExpanded(query: string, id: string): string {
  return edit(query, (params) => {
    const expanded = params.getAll('expand');
    params.delete('expand');
    const next = expanded.includes(id) ? expanded.filter((e) => e !== id) : [...expanded, id];
    for (const e of next) params.append('expand', e);
  });
}

/** Selects a node (its details panel), or clears the selection with null. */
export function select(query: string, id: string | null): string {
  return edit(query, (params) => {
    if (id === null) params.delete('sel');
    else params.set('sel', id);
  });
}

/** A single parameter (grouping, display, depth); null goes back to the default. */
export function setSingle(query: string, name: 'group' | 'view' | 'depth', value: string | null): string {
  return edit(query, (params) => {
    if (value === null || value === '') params.delete(name);
    else params.set(name, value);
    // Another grouping is another tree: what was open in the previous one means nothing there.
    if (name === 'group') {
      params.delete('expand');
      params.delete('in');
      params.delete('q');
    }
  });
}

/** The values of a filter. */
export function filterValues(query: string, name: FilterParam): string[] {
  return new URLSearchParams(query).getAll(name);
}

/** Replaces a filter's values (none clears it). */
export function setFilter(query: string, name: FilterParam, values: readonly string[]): string {
  return edit(query, (params) => {
    params.delete(name);
    for (const v of [...new Set(values)]) params.append(name, v);
  });
}

/** Search inside one group (empty text clears it). */
export function setSearch(query: string, group: string, text: string): string {
  return edit(query, (params) => {
    params.delete('in');
    params.delete('q');
    if (text.trim()) {
      params.set('in', group);
      params.set('q', text.trim());
    }
  });
}

/** Every filter cleared; grouping, display and what is open stay. */
export function clearFilters(query: string): string {
  return edit(query, (params) => {
    for (const name of FILTER_PARAMS) params.delete(name);
  });
}
