import { parse } from 'csv-parse/sync';
import type { RowIssue, SourceCell, SourceRow } from '../../core/catalog/row-validation';
import { KioskError } from '../../shared/result';

export interface DelimitedTable {
  /** Header cells as written. */
  header: string[];
  /** Data rows as header → cell, with the line each row starts on. */
  rows: Array<{ line: number; cells: Map<string, string> }>;
  /** Rows the CSV parser itself could not read (bad quoting, wrong cell count). */
  issues: RowIssue[];
}

/** Tab-separated when the header line has more tabs than commas (Merchant Center TSV), else CSV. */
export function sniffDelimiter(text: string): ',' | '\t' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
}

/**
 * Reads a CSV or TSV file into rows keyed by header. A malformed row (stray quote, too many or too
 * few cells) is reported with its line and skipped; the rows around it are kept.
 */
export function readDelimited(text: string, file: string): DelimitedTable {
  const delimiter = sniffDelimiter(text);
  const issues: RowIssue[] = [];
  const records = parse(text, {
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    raw: true,
    // Merchant Center TSV does not quote; a lone quote inside a title is text there.
    quote: delimiter === '\t' ? false : '"',
    on_skip: (error) => {
      const line = (error as { lines?: number } | undefined)?.lines ?? 0;
      issues.push({
        file,
        line,
        column: null,
        sku: null,
        reason: describeCsvError(error?.message ?? 'unreadable row'),
      });
      return undefined;
    },
  }) as unknown as Array<{ record: string[]; info: { lines: number }; raw: string }>;

  const [head, ...body] = records;
  if (!head) throw new KioskError('FEED_MALFORMED', `${file} is empty: it needs a header row`);
  const header = head.record.map((cell) => cell.trim());
  const rows: DelimitedTable['rows'] = [];
  for (const { record, info, raw } of body) {
    // `info.lines` is where the record ends; `raw` also holds skipped blank lines before it.
    const line =
      info.lines -
      (raw
        .replace(/^(\r?\n)+/, '')
        .replace(/\r?\n$/, '')
        .match(/\n/g)?.length ?? 0);
    if (
      record.length !== header.length &&
      !(record.length > header.length && record.slice(header.length).every((c) => !c.trim()))
    ) {
      issues.push({
        file,
        line,
        column: null,
        sku: null,
        reason: `has ${record.length} cells; the header has ${header.length}`,
      });
      continue;
    }
    if (record.every((cell) => !cell.trim())) continue;
    rows.push({ line, cells: new Map(header.map((name, i) => [name, record[i] ?? ''])) });
  }
  return { header, rows, issues };
}

function describeCsvError(message: string): string {
  if (message.startsWith('Quote Not Closed'))
    return 'a quote is never closed; the rest of the file after this line is ignored';
  return message.replace(/ at line \d+/, '').replace(/^Invalid Opening Quote: /, 'bad quoting: ');
}

/**
 * Turns table rows into source rows for the validator, mapping each header (normalised, aliases
 * resolved by `columnFor`) onto our column names. Unknown headers are ignored.
 */
export function toSourceRows<C extends string>(
  table: DelimitedTable,
  file: string,
  columnFor: (header: string) => C | null,
): SourceRow<C>[] {
  // A header spelled exactly like our column wins over an alias of it (`step` over `product_type`).
  const mapping = table.header
    .flatMap((header) => {
      const column = columnFor(header);
      return column ? [[header, column] as const] : [];
    })
    .sort(
      ([a, column], [b]) => Number(normaliseHeader(b) === column) - Number(normaliseHeader(a) === column),
    );
  return table.rows.map(({ line, cells }) => {
    const sourceCells: Partial<Record<C, SourceCell>> = {};
    for (const [header, column] of mapping) {
      if (sourceCells[column]?.value.trim()) continue;
      sourceCells[column] = { value: cells.get(header) ?? '', label: header, file, line };
    }
    return { file, line, cells: sourceCells };
  });
}

/** `Shade Name`, `shade-name` and `SHADE_NAME` all mean `shade_name`. */
export const normaliseHeader = (header: string): string =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
