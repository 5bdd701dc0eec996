import { describe, expect, it } from '@jest/globals';
import { localKeyOption } from './cli-keys.js';

describe('localKeyOption', () => {
  it('keeps a local key and the organisation', () => {
    expect(localKeyOption('--department', 'rh', 'ville')).toEqual({ local: 'rh', organisation: 'ville' });
  });

  it('takes a full key in the same organisation', () => {
    expect(localKeyOption('--department', 'ville:rh', 'ville')).toEqual({ local: 'rh', organisation: 'ville' });
  });

  it('gives the organisation of a full key when none is set', () => {
    expect(localKeyOption('--source', 'ville:paie', undefined)).toEqual({ local: 'paie', organisation: 'ville' });
  });

  it('refuses a full key of another organisation, naming the option', () => {
    expect(() => localKeyOption('--department', 'autre:rh', 'ville')).toThrow(
      "--department 'autre:rh' is in organisation 'autre', not 'ville'",
    );
  });

  it('passes an absent option through', () => {
    expect(localKeyOption('--source', undefined, 'ville')).toEqual({ local: undefined, organisation: 'ville' });
  });
});
