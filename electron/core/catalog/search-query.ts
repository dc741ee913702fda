/** Longest query (in words) passed to the full-text index; the search box allows 80 characters. */
const MAX_TERMS = 8;

/**
 * Turns what a shopper typed into an FTS5 query: every word of two or more letters must match, each
 * as a prefix so results appear while typing. Operators and quotes typed by the shopper are
 * treated as plain text, so no input can produce an FTS5 syntax error. Returns null for no words.
 */
export function buildFtsQuery(input: string): string | null {
  const terms = input
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    // A one-letter prefix matches a large part of any catalog and narrows nothing.
    .filter((term) => term.length > 1)
    .slice(0, MAX_TERMS);
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term}"*`).join(' ');
}
