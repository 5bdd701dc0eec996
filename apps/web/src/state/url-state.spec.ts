import { describe, expect, it } from '@jest/globals';
import {
  inventoryLevel,
  openChild,
  pageOf,
  parseInventory,
  parseReview,
  REVIEW_DEFAULTS,
  toSearch,
  upTo,
  withFilter,
} from './url-state';

const params = (search: string) => new URLSearchParams(search);

describe('pages', () => {
  it('maps paths to pages, trailing slash or not, and nothing else', () => {
    expect(['/', '/login', '/inventory', '/inventory/', '/review', '/reports'].map(pageOf)).toEqual([
      'home',
      'login',
      'inventory',
      'inventory',
      'review',
      undefined,
    ]);
  });
});

describe('inventory URL state', () => {
  it('keeps a deeper level only under the level above it', () => {
    expect(parseInventory(params('org=ville&department=ville:rh&source=ville:paie&dataset=ville:agents'))).toEqual({
      org: 'ville',
      department: 'ville:rh',
      source: 'ville:paie',
      dataset: 'ville:agents',
    });
    expect(parseInventory(params('org=ville&source=ville:paie&dataset=ville:agents'))).toEqual({ org: 'ville' });
    expect(parseInventory(params('org=ville&department=ville:rh&dataset=ville:agents&after=abc'))).toEqual({
      org: 'ville',
      department: 'ville:rh',
      after: 'abc',
    });
    expect(parseInventory(params('org=%20&department='))).toEqual({ org: undefined });
  });

  it('drills down one level at a time, leaving the page cursor behind', () => {
    const start = { org: 'ville', after: 'cursor-1' };
    expect(inventoryLevel(start)).toBe('departments');
    const department = openChild(start, 'ville:rh');
    expect(department).toEqual({ org: 'ville', department: 'ville:rh' });
    expect(inventoryLevel(department)).toBe('sources');
    const source = openChild({ ...department, after: 'c2' }, 'ville:paie');
    expect(source).toEqual({ org: 'ville', department: 'ville:rh', source: 'ville:paie' });
    const dataset = openChild(source, 'ville:agents');
    expect(inventoryLevel(dataset)).toBe('fields');
    expect(openChild(dataset, 'ignored')).toEqual(dataset);
  });

  it('steps back to any level of the breadcrumb', () => {
    const deep = { org: 'o', department: 'o:d', source: 'o:s', dataset: 'o:t', after: 'x' };
    expect(upTo(deep, 'departments')).toEqual({ org: 'o' });
    expect(upTo(deep, 'sources')).toEqual({ org: 'o', department: 'o:d' });
    expect(upTo(deep, 'datasets')).toEqual({ org: 'o', department: 'o:d', source: 'o:s' });
    expect(upTo(deep, 'fields')).toEqual({ org: 'o', department: 'o:d', source: 'o:s', dataset: 'o:t' });
  });

  it('round-trips through the query string in a fixed order', () => {
    const state = { org: 'ville', department: 'ville:rh', source: 'ville:paie' };
    const search = toSearch(state);
    expect(search).toBe('?org=ville&department=ville%3Arh&source=ville%3Apaie');
    expect(parseInventory(params(search))).toEqual(state);
    expect(toSearch({ org: undefined })).toBe('');
  });
});

describe('review URL state', () => {
  it('defaults to pending findings and refuses an unknown status', () => {
    expect(parseReview(params(''))).toEqual({
      org: undefined,
      status: 'OPEN',
      department: undefined,
      source: undefined,
      category: undefined,
      after: undefined,
      selected: undefined,
    });
    expect(parseReview(params('status=DELETED')).status).toBe('OPEN');
    expect(parseReview(params('status=REJECTED&category=HEALTH&selected=f1')).status).toBe('REJECTED');
  });

  it('starts a filter change from the first page, without a selection', () => {
    const state = parseReview(params('org=o&department=rh&source=o:paie&after=c&selected=f1'));
    expect(withFilter(state, { category: 'IDENTITY' })).toEqual({
      org: 'o',
      status: 'OPEN',
      department: 'rh',
      source: 'o:paie',
      category: 'IDENTITY',
      after: undefined,
      selected: undefined,
    });
  });

  it('drops a source that belongs to a department no longer chosen', () => {
    const state = parseReview(params('org=o&department=rh&source=o:paie'));
    expect(withFilter(state, { department: 'etat-civil' }).source).toBeUndefined();
    expect(withFilter(state, { department: 'etat-civil', source: 'o:actes' }).source).toBe('o:actes');
    expect(withFilter(state, { department: undefined, source: 'o:paie' }).source).toBeUndefined();
    expect(withFilter(state, { status: 'CONFIRMED' }).source).toBe('o:paie');
  });

  it('leaves the default status out of the URL', () => {
    expect(toSearch({ org: 'o', status: 'OPEN', selected: 'k' }, REVIEW_DEFAULTS)).toBe('?org=o&selected=k');
    expect(toSearch({ org: 'o', status: 'CONFIRMED' }, REVIEW_DEFAULTS)).toBe('?org=o&status=CONFIRMED');
  });
});
