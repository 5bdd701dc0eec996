import { describe, expect, it } from '@jest/globals';
import { InventoryError, InventoryErrorCode } from '../inventory.errors.js';
import { Label } from '../model/labels.js';
import { accessPredicate, decodeCursor, encodeCursor } from './inventory-cypher.js';
import { listPredicates, pageSize } from './inventory-query.repository.js';

const everything = { organisations: null, departments: null };

function refusal(work: () => unknown): [InventoryErrorCode, string] | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return [(error as InventoryError).code, (error as InventoryError).message];
  }
}

describe('listPredicates', () => {
  it('turns whitelisted filters into parameterised clauses, values never in the text', () => {
    const params: Record<string, unknown> = {};
    const clauses = listPredicates(
      Label.DataSource,
      { organisation: 'acme', department: 'acme:hr', kind: 'SPREADSHEET', search: "O'Brien" },
      { organisations: ['acme', 'beta'], departments: ['hr'] },
      params,
    );
    expect(clauses).toEqual([
      'n.organisation = $filterOrganisation',
      'n.organisation = $filterDepartmentOrganisation AND n.department = $filterDepartment',
      'n.kind = $filterKind',
      "toLower(coalesce(n.name, '')) CONTAINS $filterSearch",
      'n.organisation IN $accessOrganisations AND n.department IN $accessDepartments',
    ]);
    expect(params).toEqual({
      filterOrganisation: 'acme',
      filterDepartmentOrganisation: 'acme',
      filterDepartment: 'hr',
      filterKind: 'SPREADSHEET',
      filterSearch: "o'brien",
      accessOrganisations: ['acme', 'beta'],
      accessDepartments: ['hr'],
    });
  });

  it('uses relationships for dataset and source, list membership for legal bases', () => {
    const params: Record<string, unknown> = {};
    expect(listPredicates(Label.Field, { dataset: 'acme:patients' }, everything, params)).toEqual([
      'EXISTS { MATCH (:Dataset {key: $filterDataset})-[:HAS_FIELD]->(n) }',
    ]);
    expect(listPredicates(Label.Dataset, { source: 'acme:dpi' }, everything, params)).toEqual([
      'EXISTS { MATCH (:DataSource {key: $filterSource})-[:CONTAINS]->(n) }',
    ]);
    expect(listPredicates(Label.ProcessingActivity, { legalBasis: 'CONSENT' }, everything, params)).toEqual([
      '$filterLegalBasis IN n.legalBases',
    ]);
  });

  it('refuses unknown filters, filters of other labels and values outside the vocabulary', () => {
    const params = {};
    expect(refusal(() => listPredicates(Label.Server, { colour: 'blue' } as never, everything, params))).toEqual([
      InventoryErrorCode.INVALID_INPUT,
      'filter.colour: unknown filter',
    ]);
    expect(refusal(() => listPredicates(Label.Server, { kind: 'TABLE' }, everything, params))).toEqual([
      InventoryErrorCode.INVALID_INPUT,
      'filter.kind: not available for Server',
    ]);
    expect(refusal(() => listPredicates(Label.Dataset, { kind: 'SPREADSHEET' }, everything, params))).toEqual([
      InventoryErrorCode.INVALID_INPUT,
      "filter.kind: 'SPREADSHEET' is not one of TABLE, VIEW, MATERIALIZED_VIEW, COLLECTION, FILE, DOCUMENT, SHEET, ENDPOINT, OTHER",
    ]);
    expect(refusal(() => listPredicates(Label.DataSource, { department: 'hr' }, everything, params))).toEqual([
      InventoryErrorCode.INVALID_INPUT,
      "filter.department: 'hr' is not a key of the form <organisation>:<key>",
    ]);
    expect(
      refusal(() => listPredicates(Label.Organisation, { constructor: 'x' } as never, everything, params)),
    ).toEqual([InventoryErrorCode.INVALID_INPUT, 'filter.constructor: unknown filter']);
  });
});

describe('accessPredicate', () => {
  it('applies departments to departmental labels only', () => {
    const access = { organisations: ['acme'], departments: ['hr'] };
    expect(accessPredicate('n', [Label.Server], access, {})).toBe('n.organisation IN $accessOrganisations');
    expect(accessPredicate('n', [Label.Dataset, Label.DataSource], access, {})).toBe(
      'n.organisation IN $accessOrganisations AND n.department IN $accessDepartments',
    );
    expect(accessPredicate('n', [Label.Server, Label.Field], access, {})).toBe(
      'n.organisation IN $accessOrganisations AND ((n:Server) OR n.department IN $accessDepartments)',
    );
    expect(accessPredicate('n', [Label.Field], everything, {})).toBe('true');
  });

  it('lets an empty list allow nothing', () => {
    const params: Record<string, unknown> = {};
    expect(accessPredicate('c', [Label.Field], { organisations: [], departments: [] }, params)).toBe(
      'c.organisation IN $accessOrganisations AND c.department IN $accessDepartments',
    );
    expect(params).toEqual({ accessOrganisations: [], accessDepartments: [] });
  });
});

describe('pages and cursors', () => {
  it('bounds page sizes', () => {
    expect([pageSize(undefined), pageSize(null), pageSize(1), pageSize(100)]).toEqual([50, 50, 1, 100]);
    expect(refusal(() => pageSize(101))).toEqual([
      InventoryErrorCode.INVALID_INPUT,
      'first: expected an integer from 1 to 100, got 101',
    ]);
    expect(refusal(() => pageSize(0))).toEqual([
      InventoryErrorCode.INVALID_INPUT,
      'first: expected an integer from 1 to 100, got 0',
    ]);
    expect(refusal(() => pageSize(2.5))).toEqual([
      InventoryErrorCode.INVALID_INPUT,
      'first: expected an integer from 1 to 100, got 2.5',
    ]);
  });

  it('round-trips keys through opaque cursors and refuses anything else', () => {
    const key = 'acme:patients/nom de naissance';
    expect(encodeCursor(key)).toBe('YWNtZTpwYXRpZW50cy9ub20gZGUgbmFpc3NhbmNl');
    expect(decodeCursor(encodeCursor(key))).toBe(key);
    for (const bad of ['', 'not a cursor', 'YWNtZQ=', 'YWNtZR', 'x'.repeat(801)]) {
      expect(refusal(() => decodeCursor(bad))).toEqual([
        InventoryErrorCode.INVALID_INPUT,
        'after: not a cursor of this list',
      ]);
    }
  });
});
