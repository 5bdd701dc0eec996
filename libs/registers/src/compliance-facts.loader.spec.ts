import { describe, expect, it } from '@jest/globals';
import { batchesOf } from './compliance-facts.loader.js';

describe('batchesOf', () => {
  const fields = new Map([
    ['a', 40],
    ['b', 60],
    ['c', 1],
    ['d', 250],
    ['e', 0],
    ['f', 99],
  ]);

  it('groups consecutive sources up to the field limit, a larger source alone, in order', () => {
    expect(batchesOf(['a', 'b', 'c', 'd', 'e', 'f'], fields, 100)).toEqual([['a', 'b'], ['c'], ['d'], ['e', 'f']]);
  });

  it('counts an unknown source as empty and gives no batch for no source', () => {
    expect(batchesOf(['x', 'a'], fields, 100)).toEqual([['x', 'a']]);
    expect(batchesOf([], fields, 100)).toEqual([]);
  });
});
