import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../electron/core/catalog/canonical-json';

describe('canonicalJson', () => {
  it('gives the same text whatever order the keys were built in', () => {
    const a = canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } });
    const b = canonicalJson({ a: { c: null, d: [1, 'x'] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
  });

  it('drops undefined members like JSON.stringify and escapes strings', () => {
    expect(canonicalJson({ a: undefined, b: 'q"\n' })).toBe('{"b":"q\\"\\n"}');
    expect(JSON.parse(canonicalJson({ z: [true, false], y: 1.5 }))).toEqual({ z: [true, false], y: 1.5 });
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ a: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});
