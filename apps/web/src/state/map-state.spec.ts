import { describe, expect, it } from '@jest/globals';
import {
  clearFilters,
  filterValues,
  mapQueryOf,
  mapSearch,
  select,
  setFilter,
  setSearch,
  setSingle,
  toggleExpanded,
} from './map-state';

describe('map URL state', () => {
  it('keeps only the map parameters for the API, in their order', () => {
    expect(mapQueryOf(new URLSearchParams('org=ville&group=location&status=OPEN&expand=a&expand=b&sel=x'))).toBe(
      'group=location&expand=a&expand=b&sel=x',
    );
    expect(mapQueryOf(new URLSearchParams('org=ville'))).toBe('');
  });

  it('writes the organisation first, then the canonical state', () => {
    expect(mapSearch('ville', '')).toBe('?org=ville');
    expect(mapSearch('ville de l', 'expand=department%3Arh')).toBe('?org=ville%20de%20l&expand=department%3Arh');
  });

  it('opens and closes nodes, keeping the others', () => {
    const opened = toggleExpanded(toggleExpanded('', 'department:rh'), 'source:paie');
    expect(opened).toBe('expand=department%3Arh&expand=source%3Apaie');
    expect(toggleExpanded(opened, 'department:rh')).toBe('expand=source%3Apaie');
  });

  it('selects and clears the selection', () => {
    expect(select('group=location', 'server:ovh')).toBe('group=location&sel=server%3Aovh');
    expect(select('group=location&sel=server%3Aovh', null)).toBe('group=location');
  });

  it('forgets what was open and searched when the grouping changes', () => {
    expect(setSingle('expand=department%3Arh&in=department%3Arh&q=paie&jur=EU', 'group', 'location')).toBe(
      'jur=EU&group=location',
    );
    expect(setSingle('view=table&depth=2', 'view', null)).toBe('depth=2');
  });

  it('sets, reads and clears filters', () => {
    const q = setFilter(setFilter('expand=a', 'jur', ['THIRD_COUNTRY', 'THIRD_COUNTRY']), 'transfer', ['TO_VERIFY']);
    expect(q).toBe('expand=a&jur=THIRD_COUNTRY&transfer=TO_VERIFY');
    expect(filterValues(q, 'jur')).toEqual(['THIRD_COUNTRY']);
    expect(setFilter(q, 'jur', [])).toBe('expand=a&transfer=TO_VERIFY');
    expect(clearFilters(q)).toBe('expand=a');
  });

  it('searches inside one group, and an empty text clears the search', () => {
    expect(setSearch('', 'department:rh', ' paie ')).toBe('in=department%3Arh&q=paie');
    expect(setSearch('in=department%3Arh&q=paie', 'department:rh', '  ')).toBe('');
  });
});
