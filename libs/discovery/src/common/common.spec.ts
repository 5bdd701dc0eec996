import { describe, expect, it } from '@jest/globals';
import { DiscoveryError, DiscoveryErrorCode } from '../discovery.errors.js';
import { compileGlobs, globToRegExp } from './glob.js';
import { resolveOptions, sampleRowsFor } from './options.js';
import { redactUrl, scrubSecrets } from './redact.js';
import { boundedCell, buildSample, charLength, Reservoir, truncate } from './sample.js';
import { findCreationField, looksLikeCreationName } from './velocity.js';

describe('globs', () => {
  it('keeps * within a segment and lets ** cross folders', () => {
    expect(globToRegExp('public.*').test('public.customers')).toBe(true);
    expect(globToRegExp('public.*').test('crm.customers')).toBe(false);
    expect(globToRegExp('*.csv').test('a/b.csv')).toBe(false);
    expect(globToRegExp('**/*.csv').test('a/b.csv')).toBe(true);
    expect(globToRegExp('**/*.csv').test('b.csv')).toBe(true);
    expect(globToRegExp('a/**').test('a/b/c.json')).toBe(true);
    expect(globToRegExp('t?').test('t1')).toBe(true);
    expect(globToRegExp('(x)+.[y]').test('(x)+.[y]')).toBe(true);
  });

  it('matches any of several globs', () => {
    const matches = compileGlobs(['crm.*', 'sales.orders']);
    expect(['crm.a', 'sales.orders', 'sales.lines'].map(matches)).toEqual([true, true, false]);
  });
});

describe('options', () => {
  it('applies defaults and include/exclude', () => {
    const options = resolveOptions({ include: ['crm.*'], exclude: ['crm.tmp_*'] });
    expect([options.sampleSize, options.statementTimeoutMs, options.maxValueLength, options.concurrency]).toEqual([
      1000, 30000, 256, 4,
    ]);
    expect(['crm.users', 'crm.tmp_x', 'hr.staff'].map(options.selects)).toEqual([true, false, false]);
  });

  it('rejects nonsense with a named option', () => {
    expect(() => resolveOptions({ sampleSize: 0 })).toThrow(
      new DiscoveryError(DiscoveryErrorCode.INVALID_OPTIONS, 'sampleSize must be an integer from 1 to 1000000'),
    );
    expect(() => resolveOptions({ now: new Date('nope') })).toThrow('now must be a valid date');
  });

  it('caps sample rows by cells for wide datasets', () => {
    const options = resolveOptions({ sampleSize: 1000, maxSampleCells: 10_000 });
    expect([sampleRowsFor(options, 5), sampleRowsFor(options, 100), sampleRowsFor(options, 50_000)]).toEqual([
      1000, 100, 1,
    ]);
  });

  it('swallows a throwing progress callback', () => {
    const options = resolveOptions({
      onProgress: () => {
        throw new Error('consumer bug');
      },
    });
    expect(() => options.onProgress({ done: 0, total: 1 })).not.toThrow();
  });
});

describe('sample', () => {
  it('truncates without splitting a surrogate pair and counts characters', () => {
    expect(truncate('abcdef', 3)).toBe('abc');
    expect(truncate('ab🙂', 3)).toBe('ab');
    expect(charLength('ab🙂')).toBe(3);
    expect(boundedCell('x'.repeat(10), 4)).toEqual({ value: 'xxxx', length: 10 });
    expect(boundedCell('xyz', 4)).toEqual({ value: 'xyz' });
  });

  it('measures columns over the sample and leaves binary columns out of it', () => {
    const built = buildSample(
      [
        { name: 'email', binary: false },
        { name: 'photo', binary: true },
      ],
      [
        { values: ['a@x.fr', 'd41d8'], lengths: [undefined, 2048] },
        { values: ['a@x.fr', null], lengths: [undefined, null] },
        { values: [null, 'd41d8'], lengths: [undefined, 10] },
        { values: ['bb@x.fr', 'aaaa'], lengths: [1_000_000, 4] },
      ],
      'all',
    );
    expect(built.metrics).toEqual([
      { sampled: 4, nullRatio: 0.25, distinctEstimate: 2, minLength: 6, maxLength: 1_000_000 },
      { sampled: 4, nullRatio: 0.25, distinctEstimate: 2, minLength: 4, maxLength: 2048 },
    ]);
    expect(built.sample).toEqual({
      method: 'all',
      columns: ['email'],
      rows: [['a@x.fr'], ['a@x.fr'], [null], ['bb@x.fr']],
    });
  });

  it('reports no lengths for an all-null column', () => {
    const built = buildSample([{ name: 'c', binary: false }], [{ values: [null] }], 'all');
    expect(built.metrics).toEqual([{ sampled: 1, nullRatio: 1, distinctEstimate: 0 }]);
  });

  it('keeps a bounded uniform reservoir', () => {
    const sequence = [0.9, 0.1, 0.5];
    const reservoir = new Reservoir<number>(2, () => sequence.shift() ?? 0);
    for (let i = 1; i <= 5; i++) {
      const slot = reservoir.reserve();
      if (slot >= 0) reservoir.put(slot, i);
    }
    // 3: floor(0.9*3)=2 rejected; 4: floor(0.1*4)=0 replaces; 5: floor(0.5*5)=2 rejected.
    expect([reservoir.items, reservoir.seen]).toEqual([[4, 2], 5]);
  });
});

describe('velocity columns', () => {
  it('recognises creation-time names in English and French', () => {
    const names = ['created_at', 'CreatedOn', 'date_creation', 'inserted_at', 'date_ajout', 'creation_date', 'created'];
    expect(names.map(looksLikeCreationName)).toEqual(names.map(() => true));
    const others = ['updated_at', 'birth_date', 'deleted_at', 'date_naissance', 'recreated'];
    expect(others.map(looksLikeCreationName)).toEqual(others.map(() => false));
  });

  it('takes the first creation-named date or timestamp field', () => {
    const fields = [
      { name: 'created_by', typeFamily: 'string' as const },
      { name: 'created', typeFamily: 'string' as const },
      { name: 'date_creation', typeFamily: 'date' as const },
      { name: 'created_at', typeFamily: 'timestamp' as const },
    ];
    expect(findCreationField(fields)?.name).toBe('date_creation');
  });
});

describe('redaction', () => {
  it('hides the password of a URL and known secrets', () => {
    expect(redactUrl('postgres://carto:s3cr%40t@db:5432/crm')).toBe('postgres://carto:***@db:5432/crm');
    expect(redactUrl('mysql://root@db/x')).toBe('mysql://root@db/x');
    expect(scrubSecrets('failed for postgres://u:pw@h/db with hunter2', ['hunter2'])).toBe(
      'failed for postgres://u:***@h/db with ***',
    );
  });
});
