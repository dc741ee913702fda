import { describe, expect, it } from 'vitest';
import { buildFtsQuery } from '../../../../electron/core/catalog/search-query';

describe('buildFtsQuery', () => {
  it('makes every word a quoted prefix term', () => {
    expect(buildFtsQuery('Vitamin C ser')).toBe('"vitamin"* "c"* "ser"*');
    expect(buildFtsQuery('  hidratación ')).toBe('"hidratación"*');
  });

  it('turns FTS syntax into plain words and ignores empty input', () => {
    expect(buildFtsQuery('name:"x" OR NEAR(a b)*')).toBe('"name"* "x"* "or"* "near"* "a"* "b"*');
    expect(buildFtsQuery(' -- "" ')).toBeNull();
    expect(buildFtsQuery('a b c d e f g h i j')?.split(' ')).toHaveLength(8);
  });
});
