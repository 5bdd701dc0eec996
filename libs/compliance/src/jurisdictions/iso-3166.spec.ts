import { describe, expect, it } from '@jest/globals';
import { ComplianceError, ComplianceErrorCode } from '../compliance.errors.js';
import {
  COUNTRY_CODE_ALIASES,
  getCountryName,
  ISO_3166_1_ALPHA_2,
  isValidCountryCode,
  normaliseCountryCode,
  REFUSED_CODE_HINTS,
} from './iso-3166.js';

function thrown(action: () => unknown): ComplianceError {
  try {
    action();
  } catch (error) {
    if (error instanceof ComplianceError) return error;
    throw error;
  }
  throw new Error('expected a ComplianceError');
}

describe('ISO_3166_1_ALPHA_2', () => {
  const codes = Object.keys(ISO_3166_1_ALPHA_2);

  it('holds the 249 officially assigned codes, upper case, sorted, unique', () => {
    expect(codes).toHaveLength(249);
    expect(new Set(codes).size).toBe(249);
    expect(codes.filter((code) => !/^[A-Z]{2}$/.test(code))).toEqual([]);
    expect([...codes].sort()).toEqual(codes);
  });

  it('names every code in English and French', () => {
    const unnamed = Object.entries(ISO_3166_1_ALPHA_2).filter(([, names]) => !names.en.trim() || !names.fr.trim());
    expect(unnamed).toEqual([]);
    expect(ISO_3166_1_ALPHA_2.FR).toEqual({ en: 'France', fr: 'France' });
    expect(ISO_3166_1_ALPHA_2.DE).toEqual({ en: 'Germany', fr: 'Allemagne' });
    expect(ISO_3166_1_ALPHA_2.GB).toEqual({ en: 'United Kingdom', fr: 'Royaume-Uni' });
    expect(ISO_3166_1_ALPHA_2.US).toEqual({ en: 'United States', fr: 'États-Unis' });
    expect(ISO_3166_1_ALPHA_2.KR).toEqual({ en: 'Korea, Republic of', fr: 'République de Corée' });
    expect(ISO_3166_1_ALPHA_2.CI).toEqual({ en: "Côte d'Ivoire", fr: "Côte d'Ivoire" });
  });

  it('includes recent assignments and excludes reserved or deleted codes', () => {
    expect(codes).toEqual(expect.arrayContaining(['SS', 'BQ', 'CW', 'SX', 'MF', 'BL']));
    for (const refused of ['UK', 'EL', 'EU', 'XK', 'AN', 'CS', 'YU', 'IC', 'EA', 'FX', 'SU']) {
      expect(codes).not.toContain(refused);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(ISO_3166_1_ALPHA_2)).toBe(true);
    expect(Object.isFrozen(COUNTRY_CODE_ALIASES)).toBe(true);
  });
});

describe('normaliseCountryCode', () => {
  it('returns canonical codes unchanged', () => {
    expect(normaliseCountryCode('FR')).toBe('FR');
    expect(normaliseCountryCode('GB')).toBe('GB');
    expect(normaliseCountryCode('GR')).toBe('GR');
  });

  it('forgives letter case', () => {
    expect(normaliseCountryCode('fr')).toBe('FR');
    expect(normaliseCountryCode('Fr')).toBe('FR');
    expect(normaliseCountryCode('fR')).toBe('FR');
  });

  it('maps the aliases UK and EL, in any case, to GB and GR', () => {
    expect(COUNTRY_CODE_ALIASES).toEqual({ UK: 'GB', EL: 'GR' });
    expect(normaliseCountryCode('UK')).toBe('GB');
    expect(normaliseCountryCode('uk')).toBe('GB');
    expect(normaliseCountryCode('EL')).toBe('GR');
    expect(normaliseCountryCode('el')).toBe('GR');
  });

  it('rejects malformed values with MALFORMED_COUNTRY, naming the field and the value', () => {
    const cases: [unknown, string][] = [
      ['', "''"],
      ['FRA', "'FRA'"],
      ['F1', "'F1'"],
      ['F', "'F'"],
      ['fr ', "'fr '"],
      [' FR', "' FR'"],
      ['F-', "'F-'"],
      ['ÉS', "'ÉS'"],
      ['F\u0000', "'F\\u{0}'"],
      [42, 'a value of type number'],
      [null, 'null'],
      [undefined, 'a value of type undefined'],
    ];
    for (const [value, quoted] of cases) {
      const error = thrown(() => normaliseCountryCode(value, 'servers[3].country'));
      expect(error.code).toBe(ComplianceErrorCode.MALFORMED_COUNTRY);
      expect(error.field).toBe('servers[3].country');
      expect(error.message).toBe(
        `servers[3].country: ${quoted} is not an ISO 3166-1 alpha-2 country code (expected two letters, e.g. 'FR')`,
      );
    }
  });

  it('quotes only a short sanitised prefix of a 10 KB value', () => {
    const error = thrown(() => normaliseCountryCode('A'.repeat(10_240), 'servers[3].country'));
    expect(error.code).toBe(ComplianceErrorCode.MALFORMED_COUNTRY);
    expect(error.message).toBe(
      "servers[3].country: 'AAAAAAAAAAAAAAAA…' (10240 characters) is not an ISO 3166-1 alpha-2 country code (expected two letters, e.g. 'FR')",
    );
  });

  it('escapes control characters of a hostile value and of a hostile field name', () => {
    const error = thrown(() => normaliseCountryCode('\u001b[2J\r\nFAKE LOG LINE', 'a\r\nb'));
    expect(error.message).toBe(
      "a??b: '\\u{1B}[2J\\u{D}\\u{A}FAKE LOG L…' (19 characters) is not an ISO 3166-1 alpha-2 country code (expected two letters, e.g. 'FR')",
    );
    expect([...error.message].filter((char) => char.charCodeAt(0) < 0x20)).toEqual([]);
  });

  it('rejects unassigned pairs with UNKNOWN_COUNTRY', () => {
    for (const value of ['XZ', 'XX', 'ZZ', 'AA', 'QM', 'xz']) {
      const error = thrown(() => normaliseCountryCode(value, 'servers[3].country'));
      expect(error.code).toBe(ComplianceErrorCode.UNKNOWN_COUNTRY);
      expect(error.message).toBe(`servers[3].country: '${value}' is not an ISO 3166-1 alpha-2 country code`);
    }
  });

  it('says what to use instead for well-known reserved codes', () => {
    expect(thrown(() => normaliseCountryCode('EU')).message).toBe(
      "country: 'EU' is not an ISO 3166-1 alpha-2 country code (reserved for the European Union, which is not a country: give the member state, e.g. 'FR')",
    );
    expect(thrown(() => normaliseCountryCode('ic')).message).toBe(
      "country: 'ic' is not an ISO 3166-1 alpha-2 country code (reserved for the Canary Islands: use 'ES')",
    );
    expect(thrown(() => normaliseCountryCode('XK')).code).toBe(ComplianceErrorCode.UNKNOWN_COUNTRY);
    expect(Object.keys(REFUSED_CODE_HINTS).filter((code) => code in ISO_3166_1_ALPHA_2)).toEqual([]);
  });
});

describe('isValidCountryCode', () => {
  it('accepts exactly what normaliseCountryCode accepts', () => {
    expect(['FR', 'fr', 'UK', 'el', 'US', 'AX'].map(isValidCountryCode)).toEqual([true, true, true, true, true, true]);
    expect(
      ['', 'FRA', 'F1', 'fr ', 'XZ', 'EU', 'A'.repeat(10_240), 42, null, undefined].map(isValidCountryCode),
    ).toEqual([false, false, false, false, false, false, false, false, false, false]);
  });
});

describe('getCountryName', () => {
  it('names a code in English by default and in French on request', () => {
    expect(getCountryName('DE')).toBe('Germany');
    expect(getCountryName('de', 'fr')).toBe('Allemagne');
    expect(getCountryName('UK', 'fr')).toBe('Royaume-Uni');
    expect(thrown(() => getCountryName('XZ')).code).toBe(ComplianceErrorCode.UNKNOWN_COUNTRY);
  });
});
