import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse, validate } from 'graphql';
import { depthLimitRule, nulCharacterAt } from './graphql-limits.js';

const schema = buildSchema(`
  type Node { name: String, child: Node, children: [Node] }
  type Query { root: Node }
`);

const errorsOf = (query: string, maxDepth: number) =>
  validate(schema, parse(query), [depthLimitRule(maxDepth)]).map((error) => [error.message, error.extensions.code]);

describe('depthLimitRule', () => {
  it('accepts a query at the limit and refuses one a level deeper', () => {
    expect(errorsOf('{ root { child { name } } }', 3)).toEqual([]);
    expect(errorsOf('{ root { child { child { name } } } }', 3)).toEqual([
      ['query is too deep: more than 3 levels', 'QUERY_TOO_DEEP'],
    ]);
  });

  it('follows fragments and inline fragments', () => {
    const query = `
      query { root { ...deep } }
      fragment deep on Node { child { ... on Node { children { name } } } }`;
    expect(errorsOf(query, 4)).toEqual([]);
    expect(errorsOf(query, 3)).toEqual([['query is too deep: more than 3 levels', 'QUERY_TOO_DEEP']]);
  });

  it('does not count introspection fields', () => {
    expect(errorsOf('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }', 2)).toEqual([]);
  });

  it('terminates on fragment cycles (graphql-js NoFragmentCyclesRule reports them)', () => {
    expect(errorsOf('{ root { ...a } } fragment a on Node { child { ...a } }', 5)).toEqual([]);
  });
});

describe('nulCharacterAt', () => {
  it('names the first variable holding U+0000, and null for clean variables', () => {
    expect(nulCharacterAt({ input: { name: 'ok', tags: ['a', 'b\u0000c'] } })).toBe('$input.tags[1]');
    expect(nulCharacterAt({ name: 'x\u0000' })).toBe('$name');
    expect(nulCharacterAt({ input: { name: 'Zoé ‮', n: 3, list: [null, true] } })).toBeNull();
  });
});
