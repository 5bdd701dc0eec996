import { describe, expect, it } from '@jest/globals';
import { formatDate, formatNumber, formatQuantity, typeset } from './locale.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('formatNumber and formatQuantity', () => {
  it.each([
    [1234567.891, undefined, `1${NNBSP}234${NNBSP}567,891`, '1,234,567.891'],
    [1234, undefined, `1${NNBSP}234`, '1,234'],
    [37.5, 1, '37,5', '37.5'],
    [2, 2, '2,00', '2.00'],
    [-1500, undefined, `\u22121${NNBSP}500`, '\u22121,500'],
    [0, undefined, '0', '0'],
    [1e21, 0, `1${`${NNBSP}000`.repeat(7)}`, '1,000,000,000,000,000,000,000'],
  ])('writes %p (decimals %p) as %p in French and %p in English', (value, decimals, fr, en) => {
    expect(formatNumber(value, 'fr', decimals)).toBe(fr);
    expect(formatNumber(value, 'en', decimals)).toBe(en);
  });

  it('puts a no-break space before units, a narrow one before % in French', () => {
    expect(formatQuantity(12.5, 'fr', '%')).toBe(`12,5${NNBSP}%`);
    expect(formatQuantity(12.5, 'en', '%')).toBe('12.5%');
    expect(formatQuantity(3, 'fr', 'Go')).toBe(`3${NBSP}Go`);
  });
});

describe('formatDate', () => {
  it('writes the as-of date in words, without the clock or ICU', () => {
    expect(formatDate('2026-11-30', 'fr')).toBe(`30${NBSP}novembre${NBSP}2026`);
    expect(formatDate('2026-08-01', 'fr')).toBe(`1er${NBSP}août${NBSP}2026`);
    expect(formatDate('2026-08-01', 'en')).toBe(`1${NBSP}August${NBSP}2026`);
  });
});

describe('typeset', () => {
  it('applies French spacing and quotes to prose', () => {
    expect(typeset(`L'outil dit "bonjour" : prêt ; vraiment ! Sûr ?`, 'fr')).toBe(
      `L\u2019outil dit «${NBSP}bonjour${NBSP}»${NBSP}: prêt${NNBSP}; vraiment${NNBSP}! Sûr${NNBSP}?`,
    );
    expect(typeset('Attention: risque!', 'fr')).toBe(`Attention${NBSP}: risque${NNBSP}!`);
  });

  it('leaves times, URLs and existing spaces alone', () => {
    expect(typeset('à 10:30 sur https://exemple.fr/a?b=1', 'fr')).toBe('à 10:30 sur https://exemple.fr/a?b=1');
    expect(typeset(`«${NBSP}déjà${NBSP}»`, 'fr')).toBe(`«${NBSP}déjà${NBSP}»`);
  });

  it('opens a quote after a space or a bracket and closes it otherwise, even unbalanced', () => {
    expect(typeset('("a") "b', 'en')).toBe('(\u201ca\u201d) \u201cb');
    expect(typeset('x" "y"', 'en')).toBe('x\u201d \u201cy\u201d');
  });

  it('gives English curly quotes and apostrophes only', () => {
    expect(typeset(`It's "done": ok!`, 'en')).toBe('It\u2019s \u201cdone\u201d: ok!');
  });
});
