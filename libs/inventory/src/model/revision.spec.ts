import { canonicalJson, revisionOf } from './revision.js';

describe('revisionOf', () => {
  it('does not depend on member order nor on undefined members', () => {
    expect(revisionOf({ b: 1, a: { d: [1, 2], c: 'x' } })).toBe(
      revisionOf({ a: { c: 'x', d: [1, 2] }, b: 1, z: undefined }),
    );
  });

  it('changes when a value changes, and list order counts', () => {
    expect(revisionOf({ a: [1, 2] })).not.toBe(revisionOf({ a: [2, 1] }));
    expect(revisionOf({ a: 'x' })).not.toBe(revisionOf({ a: 'y' }));
  });

  it('is a 22-character base64url digest', () => {
    expect(revisionOf({ key: 'hr' })).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('writes canonical JSON', () => {
    expect(canonicalJson({ b: [1, { y: null, x: true }], a: 'é' })).toBe('{"a":"é","b":[1,{"x":true,"y":null}]}');
  });
});
