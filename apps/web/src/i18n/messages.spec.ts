import { describe, expect, it } from '@jest/globals';
import { en, fr } from './messages';

const keys = (table: object, prefix = ''): string[] =>
  Object.entries(table).flatMap(([name, value]) =>
    typeof value === 'string' ? [`${prefix}${name}`] : keys(value as object, `${prefix}${name}.`),
  );

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('interface text', () => {
  it('has the same keys and placeholders in French and English', () => {
    expect(keys(en)).toEqual(keys(fr));
    const get = (table: object, key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], table) as string;
    for (const key of keys(fr)) expect([key, placeholders(get(en, key))]).toEqual([key, placeholders(get(fr, key))]);
  });
});
