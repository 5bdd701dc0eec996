import { describe, expect, it } from '@jest/globals';
import { ClassificationError } from '../classification.errors.js';
import { assessReidentification } from './reidentification.js';

const COLUMNS = ['name', 'birth_date', 'postal_code', 'sex'];

describe('assessReidentification', () => {
  it('measures k and the share of unique records on the quasi-identifiers', () => {
    const rows = [
      ['A', '1980-01-02', '75001', 'F'],
      ['B', '1980-01-02', '75001', 'F'],
      ['C', '1980-01-02', '75001', 'F'],
      ['D', '1975-05-05', '69003', 'M'],
      ['E', '1975-05-05', '69003', 'M'],
      ['F', '1990-09-09', '13008', 'F'],
    ];
    const result = assessReidentification({
      columns: COLUMNS,
      rows,
      quasiIdentifiers: ['birth_date', 'postal_code', 'sex'],
      k: 2,
    });
    expect(result.k).toBe(1);
    expect(result.uniqueShare).toBe(0.1667);
    expect(result.equivalenceClasses).toBe(3);
    expect(result.anonymous).toBe(false);
    expect(result.targetK).toBe(2);
  });

  it('counts nulls as one value and is anonymous only without direct identifiers', () => {
    const rows = [
      ['A', null, '75001', 'F'],
      ['B', null, '75001', 'F'],
      ['C', '1980-01-02', '75001', 'F'],
      ['D', '1980-01-02', '75001', 'F'],
    ];
    const withoutDirect = assessReidentification({
      columns: COLUMNS,
      rows,
      quasiIdentifiers: ['birth_date', 'postal_code'],
      k: 2,
    });
    expect(withoutDirect.k).toBe(2);
    expect(withoutDirect.anonymous).toBe(true);
    expect(withoutDirect.generalisation).toEqual([]);
    const withDirect = assessReidentification({
      columns: COLUMNS,
      rows,
      quasiIdentifiers: ['birth_date', 'postal_code'],
      directIdentifiers: ['name'],
      k: 2,
    });
    expect(withDirect.k).toBe(2);
    expect(withDirect.anonymous).toBe(false);
    expect(withDirect.directIdentifiers).toEqual(['name']);
  });

  it('finds the least generalisation reaching k over dates, postal codes and categories', () => {
    const rows = [
      ['A', '1980-01-02', '75001', 'F'],
      ['B', '1980-01-25', '75011', 'F'],
      ['C', '1980-01-13', '75015', 'F'],
      ['D', '1980-01-30', '75020', 'F'],
      ['E', '1975-05-05', '69003', 'M'],
      ['F', '1975-05-17', '69007', 'M'],
      ['G', '1975-05-09', '69001', 'M'],
      ['H', '1975-05-21', '69002', 'M'],
    ];
    const result = assessReidentification({
      columns: COLUMNS,
      rows,
      quasiIdentifiers: ['birth_date', 'postal_code', 'sex'],
      k: 4,
    });
    expect(result.k).toBe(1);
    expect(result.uniqueShare).toBe(1);
    expect(result.generalisation).toEqual([
      { column: 'birth_date', rule: 'date → month (YYYY-MM)' },
      { column: 'postal_code', rule: 'postal code → department (2 digits, 3 overseas)' },
    ]);
    expect(result.kAfterGeneralisation).toBe(4);
    expect(result.uniqueShareAfterGeneralisation).toBe(0);
    expect(result.search).toBe('exhaustive');
  });

  it('generalises ages into bands and regions from departments', () => {
    const rows = [
      ['34', '29200', 'F'],
      ['36', '56100', 'F'],
      ['31', '35000', 'F'],
      ['52', '13001', 'M'],
      ['57', '06000', 'M'],
      ['55', '83000', 'M'],
    ];
    const result = assessReidentification({
      columns: ['age', 'cp', 'sex'],
      rows,
      quasiIdentifiers: ['age', 'cp', 'sex'],
      k: 3,
    });
    expect(result.k).toBe(1);
    expect(result.generalisation).toEqual([
      { column: 'age', rule: 'age → 10-year band' },
      { column: 'cp', rule: 'postal code → region' },
    ]);
    expect(result.kAfterGeneralisation).toBe(3);
  });

  it('returns null when fewer rows than k exist, and validates its input', () => {
    const result = assessReidentification({
      columns: COLUMNS,
      rows: [['A', '1980-01-02', '75001', 'F']],
      quasiIdentifiers: ['sex'],
      k: 5,
    });
    expect(result.k).toBe(1);
    expect(result.generalisation).toBe(null);
    expect(() => assessReidentification({ columns: COLUMNS, rows: [], quasiIdentifiers: ['missing'] })).toThrow(
      ClassificationError,
    );
    expect(() => assessReidentification({ columns: COLUMNS, rows: [], quasiIdentifiers: [], k: 0 })).toThrow(
      ClassificationError,
    );
    const empty = assessReidentification({ columns: COLUMNS, rows: [], quasiIdentifiers: ['sex'] });
    expect(empty).toMatchObject({ k: 0, uniqueShare: 0, anonymous: false, targetK: 5, generalisation: null });
  });

  it('falls back to a greedy search on large lattices', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [
      `n${i}`,
      `19${50 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
      `${String(10 + (i % 80)).padStart(2, '0')}100`,
      i % 2 === 0 ? 'F' : 'M',
    ]);
    const result = assessReidentification({
      columns: COLUMNS,
      rows,
      quasiIdentifiers: ['birth_date', 'postal_code', 'sex'],
      k: 5,
      maxLatticeNodes: 10,
    });
    expect(result.search).toBe('greedy');
    expect(result.kAfterGeneralisation).toBeGreaterThanOrEqual(5);
  });
});
