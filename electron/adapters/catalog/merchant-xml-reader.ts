import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ProductColumn, RowIssue, SourceCell, SourceRow } from '../../core/catalog/row-validation';
import { KioskError } from '../../shared/result';
import { productColumnFor } from './source-columns';

/** Where an `<item>` / `<entry>` sits in the file. */
interface ItemSpan {
  start: number;
  end: number;
}

/** Offset → 1-based line, by binary search over the newline positions (feeds can be large). */
function lineIndex(text: string): (offset: number) => number {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) breaks.push(i);
  return (offset) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

/**
 * Finds each `<item>` (RSS 2.0) or `<entry>` (Atom) in a Google Merchant Center XML feed, skipping
 * CDATA sections and comments so a description that mentions `</item>` does not cut an item short.
 * An item that is never closed ends where the next one starts, so it alone is lost.
 */
function findItems(text: string): ItemSpan[] {
  const spans: ItemSpan[] = [];
  const token = /<(item|entry)(?=[\s>])[^>]*>|<\/(item|entry)\s*>|<!\[CDATA\[|<!--/g;
  let openAt = -1;
  let openName = '';
  let match: RegExpExecArray | null;
  while ((match = token.exec(text))) {
    if (match[0] === '<![CDATA[' || match[0] === '<!--') {
      const close = text.indexOf(match[0] === '<!--' ? '-->' : ']]>', token.lastIndex);
      token.lastIndex = close === -1 ? text.length : close + 3;
    } else if (match[1]) {
      if (openAt !== -1) spans.push({ start: openAt, end: match.index });
      openAt = match.index;
      openName = match[1];
    } else if (match[2] === openName && openAt !== -1) {
      spans.push({ start: openAt, end: token.lastIndex });
      openAt = -1;
    }
  }
  if (openAt !== -1) spans.push({ start: openAt, end: text.length });
  return spans;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});

const textOf = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return textOf(value[0]);
  if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    // Atom's <link href="…"/> carries its value in an attribute.
    return typeof node['#text'] === 'string'
      ? node['#text']
      : typeof node['@href'] === 'string'
        ? node['@href']
        : '';
  }
  return '';
};

/**
 * Reads a Merchant Center XML feed (`xmlns:g="http://base.google.com/ns/1.0"`). Each item is parsed
 * on its own, so one broken item is reported with its line and the others are kept. A DOCTYPE is
 * refused outright: feeds never need one, and entity expansion is a classic attack.
 */
export function readMerchantXml(text: string, file: string): { rows: SourceRow[]; issues: RowIssue[] } {
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    throw new KioskError('FEED_MALFORMED', `${file}: a DOCTYPE or ENTITY declaration is not allowed`);
  if (!/<(rss|feed)\b/.test(text))
    throw new KioskError('FEED_MALFORMED', `${file}: not an RSS or Atom product feed (no <rss> or <feed>)`);
  const rows: SourceRow[] = [];
  const issues: RowIssue[] = [];
  const lineAt = lineIndex(text);
  for (const span of findItems(text)) {
    const itemText = text.slice(span.start, span.end);
    const line = lineAt(span.start);
    const valid = XMLValidator.validate(itemText);
    if (valid !== true) {
      issues.push({
        file,
        line: line + valid.err.line - 1,
        column: null,
        sku: null,
        reason: `malformed XML: ${valid.err.msg}`,
      });
      continue;
    }
    const parsed = parser.parse(itemText) as Record<string, Record<string, unknown>>;
    const item = parsed.item ?? parsed.entry ?? {};
    const cells: Partial<Record<ProductColumn, SourceCell>> = {};
    const names = Object.keys(item).sort((a, b) => Number(b.startsWith('g:')) - Number(a.startsWith('g:')));
    for (const name of names) {
      const column = productColumnFor(name);
      if (!column || cells[column]?.value.trim()) continue;
      const offset = itemText.indexOf(`<${name}`);
      cells[column] = {
        value: textOf(item[name]),
        label: name,
        file,
        line: offset === -1 ? line : lineAt(span.start + offset),
      };
    }
    if (!cells.step?.value && item['g:google_product_category']) {
      cells.step = {
        value: textOf(item['g:google_product_category']),
        label: 'g:google_product_category',
        file,
        line,
      };
    }
    rows.push({ file, line, cells });
  }
  return { rows, issues };
}
