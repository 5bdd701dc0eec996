import { describe, expect, it } from '@jest/globals';
import { categoryCounts, commentProblem, countLabel, evidenceLines, localPart, reviewRequest } from './review';

describe('review comments', () => {
  it('requires a comment of at most 2,000 characters, trimmed', () => {
    expect(commentProblem('')).toBe('required');
    expect(commentProblem('   \n')).toBe('required');
    expect(commentProblem('x'.repeat(2001))).toBe('tooLong');
    expect(commentProblem(` ${'x'.repeat(2000)} `)).toBeUndefined();
    expect(reviewRequest('k', 'REJECT', '  identifiant technique  ')).toEqual({
      key: 'k',
      decision: 'REJECT',
      comment: 'identifiant technique',
    });
    expect(() => reviewRequest('k', 'CONFIRM', ' ')).toThrow("review of 'k': comment required");
  });
});

describe('evidence', () => {
  it('flattens the evidence document into labelled lines', () => {
    const evidence = JSON.stringify({
      detectors: [{ detector: 'email', hitRatio: 0.98765, sampled: 1000 }],
      nameRule: { rule: 'email', matched: 'courriel' },
      tags: ['pii', 'contact'],
    });
    expect(evidenceLines(evidence)).toEqual([
      { label: 'detectors[1].detector', value: 'email' },
      { label: 'detectors[1].hitRatio', value: '0.988' },
      { label: 'detectors[1].sampled', value: '1000' },
      { label: 'nameRule.rule', value: 'email' },
      { label: 'nameRule.matched', value: 'courriel' },
      { label: 'tags', value: 'pii, contact' },
    ]);
  });

  it('numbers a list of evidence items', () => {
    const evidence = JSON.stringify([
      { detector: 'column-name', rule: 'contact.address', weight: 0.9 },
      { detector: 'email', hitRatio: 1 },
    ]);
    expect(evidenceLines(evidence)).toEqual([
      { label: '1 · detector', value: 'column-name' },
      { label: '1 · rule', value: 'contact.address' },
      { label: '1 · weight', value: '0.9' },
      { label: '2 · detector', value: 'email' },
      { label: '2 · hitRatio', value: '1' },
    ]);
    expect(evidenceLines(JSON.stringify([{ detector: 'email', hitRatio: 0.5 }]))).toEqual([
      { label: 'detector', value: 'email' },
      { label: 'hitRatio', value: '0.5' },
    ]);
  });

  it('shows unreadable evidence as it is, and nothing for none', () => {
    expect(evidenceLines('not json')).toEqual([{ label: 'evidence', value: 'not json' }]);
    expect(evidenceLines(null)).toEqual([]);
    expect(evidenceLines('"declared"')).toEqual([{ label: 'evidence', value: 'declared' }]);
  });
});

describe('category filter', () => {
  it('counts distinct categories, most frequent first, then by name', () => {
    expect(
      categoryCounts([
        { category: 'IDENTITY' },
        { category: 'HEALTH' },
        { category: null },
        { category: 'IDENTITY' },
        { category: 'CONTACT' },
      ]),
    ).toEqual([
      { category: 'IDENTITY', count: 2 },
      { category: 'CONTACT', count: 1 },
      { category: 'HEALTH', count: 1 },
    ]);
  });

  it('labels a capped count', () => {
    expect([countLabel(0, 50), countLabel(49, 50), countLabel(50, 50)]).toEqual(['0', '49', '50+']);
  });

  it('takes the local part of a graph key', () => {
    expect([localPart('ville:rh'), localPart('ville:rh/nom'), localPart('rh'), localPart(null)]).toEqual([
      'rh',
      'rh/nom',
      'rh',
      '',
    ]);
  });
});
