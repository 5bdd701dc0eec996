import { CNIL_GUIDE_FICHES, MEASURE_CATALOGUE, MEASURE_CATALOGUE_META, measureById } from './catalogue.js';
import { RisksError, RisksErrorCode } from './risks.errors.js';

describe('measure catalogue', () => {
  it('has 21 measures with unique, sorted, stable ids and fiches of the 2024 guide', () => {
    const ids = MEASURE_CATALOGUE.map((m) => m.id);
    expect(ids).toHaveLength(21);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(21);
    expect(Object.keys(CNIL_GUIDE_FICHES)).toHaveLength(25);
    for (const m of MEASURE_CATALOGUE) {
      expect(m.fiches.every((f) => CNIL_GUIDE_FICHES[f] !== undefined)).toBe(true);
      expect([m.fr.length > 0, m.en.length > 0, m.reduces.length > 0]).toEqual([true, true, true]);
    }
    expect(MEASURE_CATALOGUE_META.version).toBe('2026-12-03');
  });
  it('finds a measure by id and names the member of an unknown one', () => {
    expect(measureById('M-BACKUP-OFFSITE', 'x').acts).toBe('SEVERITY');
    let error: unknown;
    try {
      measureById(42, 'security.actions[3].measure');
    } catch (e) {
      error = e;
    }
    expect([(error as RisksError).code, (error as RisksError).kind, (error as RisksError).details()]).toEqual([
      RisksErrorCode.UNKNOWN_MEASURE,
      'INVALID_INPUT',
      { member: 'security.actions[3].measure' },
    ]);
  });
});
