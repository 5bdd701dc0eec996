import { describe, expect, it } from '@jest/globals';
import neo4j from 'neo4j-driver';
import { plainProps, plainValue, toNumber } from './neo4j-values.js';

describe('Neo4j values as plain JS', () => {
  it('turns integers into numbers and temporal values into ISO strings, inside lists and maps too', () => {
    expect(
      plainProps({
        count: neo4j.int(5_000_000_000),
        at: new neo4j.types.Date(2026, 12, 3),
        nested: { list: [neo4j.int(1), 'a', null], flag: true },
        text: 'x',
      }),
    ).toEqual({ count: 5_000_000_000, at: '2026-12-03', nested: { list: [1, 'a', null], flag: true }, text: 'x' });
    expect(plainValue(1.5)).toBe(1.5);
    expect(plainProps(null)).toEqual({});
  });

  it('reads a count, refusing what is not a number', () => {
    expect(toNumber(neo4j.int(3))).toBe(3);
    expect(toNumber(7)).toBe(7);
    expect(() => toNumber('7')).toThrow('expected an integer from Neo4j, got string');
  });
});
