import { describe, expect, it } from 'vitest';
import { buildFtsQuery } from '../../../../electron/core/catalog/search-query';

describe('buildFtsQuery', () => {
  it('makes every word a quoted prefix term', () => {
    expect(buildFtsQuery('Vitamin C ser')).toBe('"vitamin"* "ser"*');
    expect(buildFtsQuery('s')).toBeNull();
    expect(buildFtsQuery('  hidratación ')).toBe('"hidratación"*');
  });

  it('turns FTS syntax into plain words and ignores empty input', () => {
    expect(buildFtsQuery('name:"xy" OR NEAR(ab cd)*')).toBe('"name"* "xy"* "or"* "near"* "ab"* "cd"*');
    expect(buildFtsQuery(' -- "" ')).toBeNull();
    expect(buildFtsQuery('aa bb cc dd ee ff gg hh ii jj')?.split(' ')).toHaveLength(8);
  });
});
