import { execFileSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { projectRoot } from '@cartographer/config';
import { PLAN_SCHEMA } from '@cartographer/feasibility';
import { smallInventory } from '@cartographer/testing';
import { schemaOf } from '../format/inventory.schema.js';
import {
  ACTIVITY,
  CONNECTION_REF_PATTERN,
  CONNECTION_REF_REGEX,
  FIELD_KEY_REGEX,
  GRAPH_KEY_REGEX,
  KEY_PATTERN,
  KEY_REGEX,
  ORGANISATION_KEY_PATTERN,
  maxItemsOf,
  maxLengthOf,
  object,
  ORGANISATION,
  PLAN,
  SOURCE,
} from './declarations.js';
import { decodeMembers, encodeMembers } from './storage.js';

/** Production TypeScript files whose text contains `literal` (tests and docs left out). */
function filesWith(literal: string): string[] {
  try {
    const out = execFileSync(
      'git',
      ['grep', '--untracked', '-l', '-F', literal, '--', '*.ts', ':!*.spec.ts', ':!*.int-spec.ts', ':!node_modules'],
      { cwd: projectRoot(), encoding: 'utf8' },
    );
    return out.split('\n').filter(Boolean).sort();
  } catch (error) {
    if ((error as { status?: number }).status === 1) return [];
    throw error;
  }
}

describe('entity declarations', () => {
  it('write the key pattern and the connection-reference pattern once in production code', () => {
    expect(filesWith(KEY_PATTERN)).toEqual(['libs/common/src/keys.ts']);
    expect(filesWith(CONNECTION_REF_PATTERN)).toEqual(['libs/common/src/keys.ts']);
    expect(filesWith(ORGANISATION_KEY_PATTERN)).toEqual(['libs/common/src/keys.ts']);
  });

  it('give the API the patterns and bounds the format has', () => {
    expect(['dpi', 'a.b_c-1', '-x', ''].map((key) => KEY_REGEX.test(key))).toEqual([true, true, false, false]);
    expect(['acme:dpi', 'Acme:dpi', 'acme:'].map((key) => GRAPH_KEY_REGEX.test(key))).toEqual([true, false, false]);
    expect(FIELD_KEY_REGEX.test('acme:patients/nom de naissance')).toBe(true);
    expect(['DPI_URL', 'dpi_url'].map((name) => CONNECTION_REF_REGEX.test(name))).toEqual([true, false]);
    expect([maxLengthOf(SOURCE, 'name'), maxLengthOf(ACTIVITY, 'purposes'), maxItemsOf(ACTIVITY, 'fields')]).toEqual([
      256, 1000, 20000,
    ]);
    expect(() => maxLengthOf(SOURCE, 'volume')).toThrow('member volume is not text');
  });

  it('decode what they encode: every stored member comes back, relationship members are left out', () => {
    const source = smallInventory('acme').sources![0];
    const { servers: _servers, stakeholders: _stakeholders, datasets: _datasets, ...own } = source;
    expect(decodeMembers(SOURCE, encodeMembers(SOURCE, source))).toEqual(own);
    const activity = { ...smallInventory('acme').processingActivities![0], jointControllers: [{ name: 'Ville' }] };
    const { recipients: _r, transfers: _t, datasets: _d, fields: _f, ...stored } = activity;
    expect(decodeMembers(ACTIVITY, encodeMembers(ACTIVITY, activity))).toEqual(stored);
    expect(
      decodeMembers(ORGANISATION, { key: 'acme', ...encodeMembers(ORGANISATION, { key: 'acme', name: 'A' }) }),
    ).toEqual({ key: 'acme', name: 'A' });
  });

  it("declare the plan as libs/feasibility's PLAN_SCHEMA has it (parsePlan and an import check the same shape)", () => {
    const { title: _title, ...planSchema } = PLAN_SCHEMA;
    expect(schemaOf(object(PLAN))).toEqual(JSON.parse(JSON.stringify(planSchema)));
  });
});
