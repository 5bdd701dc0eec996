import { describe, expect, it } from '@jest/globals';
import {
  FIELD_KEY_PATTERN,
  FIELD_REF_PATTERN,
  GRAPH_KEY_PATTERN,
  LOCAL_KEY_PATTERN,
  ORGANISATION_KEY_PATTERN,
  splitGraphKey,
} from './keys.js';

describe('keys', () => {
  it('accepts and refuses exactly what the inventory format says', () => {
    expect(['ville', 'v-1.x_y', 'a'.repeat(64)].map((k) => ORGANISATION_KEY_PATTERN.test(k))).toEqual([
      true,
      true,
      true,
    ]);
    expect(['Ville', '-v', 'a'.repeat(65), 'a:b'].map((k) => ORGANISATION_KEY_PATTERN.test(k))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(['RH', 'rh.paie-2', 'a'.repeat(128)].map((k) => LOCAL_KEY_PATTERN.test(k))).toEqual([true, true, true]);
    expect(['_rh', 'a'.repeat(129), 'rh/x', ''].map((k) => LOCAL_KEY_PATTERN.test(k))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(GRAPH_KEY_PATTERN.test('ville:RH')).toBe(true);
    expect(GRAPH_KEY_PATTERN.test('RH')).toBe(false);
    expect(FIELD_KEY_PATTERN.test('ville:agents/nom de famille')).toBe(true);
    expect(FIELD_KEY_PATTERN.test('ville:agents')).toBe(false);
  });

  it('splits full keys and leaves local keys alone', () => {
    expect(splitGraphKey('ville:rh')).toEqual({ organisation: 'ville', local: 'rh' });
    expect(splitGraphKey('ville:agents/nom')).toEqual({ organisation: 'ville', local: 'agents/nom' });
    expect(splitGraphKey('rh')).toBeNull();
    expect(splitGraphKey(':rh')).toBeNull();
    expect(splitGraphKey('ville:')).toBeNull();
  });
});

describe('field names in keys', () => {
  it('refuses a name of white space only (found by the import fuzzer), and keeps any other text', () => {
    expect(FIELD_REF_PATTERN.test('ds/ ')).toBe(false);
    expect(FIELD_REF_PATTERN.test('ds/\t')).toBe(false);
    expect(FIELD_REF_PATTERN.test('ds/ nom ')).toBe(true);
    expect(FIELD_KEY_PATTERN.test(`org:ds/${'é'.repeat(256)}`)).toBe(true);
    expect(FIELD_KEY_PATTERN.test(`org:ds/${'é'.repeat(257)}`)).toBe(false);
  });
});
