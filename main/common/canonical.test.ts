import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x y' } })).toBe('{"a":{"c":"x y","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('spells equal content the same whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: [1, 2], z: null })).toBe(canonicalJson({ z: null, y: [1, 2], x: 1 }));
  });

  it('keeps array order', () => {
    expect(canonicalJson([2, 1])).toBe('[2,1]');
  });

  it('leaves out undefined members, like JSON', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('escapes strings as JSON does', () => {
    expect(canonicalJson({ s: '请到 3 号窗口 "quoted"\n' })).toBe(JSON.stringify({ s: '请到 3 号窗口 "quoted"\n' }));
  });

  it('refuses values JSON would silently change', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/not representable/);
    expect(() => canonicalJson({ a: Infinity })).toThrow(/not representable/);
    expect(() => canonicalJson({ a: 1n })).toThrow(/bigint/);
    expect(() => canonicalJson({ a: new Date(0) })).toThrow(/plain objects/);
  });
});
