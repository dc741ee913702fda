import type { CatalogRecord, ShadeRecord } from './catalog-record';
import { validateProductRow, type ProductColumn, type RowIssue, type SourceRow } from './row-validation';
import { validateShadeRow, type ShadeColumn } from './shade-row-validation';

export interface AssembledCatalog {
  /** Valid products, sorted by SKU. */
  records: CatalogRecord[];
  /** Every rejected row with file, line, column and reason. */
  issues: RowIssue[];
  /** Values dropped from products that were kept (an unknown skin type, a bad GTIN …). */
  warnings: RowIssue[];
}

const COMPLEXION_STEPS = new Set(['foundation', 'concealer']);

/**
 * Joins the product rows with the optional attribute rows (skincare fields keyed by SKU, which win
 * over the product file's own cells) and shade rows, validates everything and keeps what is valid.
 * A bad row never takes the rest of the file down with it.
 */
export function assembleCatalog(
  products: readonly SourceRow[],
  attributes: readonly SourceRow[] = [],
  shades: readonly SourceRow<ShadeColumn>[] = [],
): AssembledCatalog {
  const issues: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const skuOf = (row: SourceRow<string>): string =>
    (row.cells as Record<string, { value: string }>).sku?.value.trim() ?? '';
  const duplicate = (row: SourceRow<string>, first: SourceRow<string>, what: string): RowIssue => ({
    file: row.file,
    line: row.line,
    column: null,
    sku: skuOf(row),
    reason: `duplicate ${what} SKU "${skuOf(row)}" (first on line ${first.line}); this row is ignored`,
  });

  const attributesBySku = new Map<string, SourceRow>();
  for (const row of attributes) {
    const first = attributesBySku.get(skuOf(row));
    if (first) issues.push(duplicate(row, first, 'attributes'));
    else attributesBySku.set(skuOf(row), row);
  }

  const records = new Map<string, CatalogRecord>();
  const firstRows = new Map<string, SourceRow>();
  for (const row of products) {
    const sku = skuOf(row);
    const first = firstRows.get(sku);
    if (first && sku) {
      issues.push(duplicate(row, first, 'product'));
      continue;
    }
    firstRows.set(sku, row);
    const extra = attributesBySku.get(sku);
    const merged: SourceRow = extra ? { ...row, cells: { ...row.cells, ...nonEmpty(extra.cells) } } : row;
    const result = validateProductRow(merged);
    if ('issues' in result) issues.push(...result.issues);
    else {
      records.set(result.record.sku, result.record);
      warnings.push(...result.warnings);
    }
  }
  for (const [sku, row] of attributesBySku) {
    if (!firstRows.has(sku)) {
      issues.push({
        file: row.file,
        line: row.line,
        column: null,
        sku,
        reason: `no product with SKU "${sku}" in the product file`,
      });
    }
  }

  attachShades(records, firstRows, shades, issues);
  return {
    records: [...records.values()].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)),
    issues,
    warnings,
  };
}

/** Attribute cells left empty do not blank out what the product file says. */
function nonEmpty(cells: SourceRow['cells']): SourceRow['cells'] {
  return Object.fromEntries(
    Object.entries(cells).filter(([, cell]) => cell && cell.value.trim() !== ''),
  ) as Partial<Record<ProductColumn, NonNullable<SourceRow['cells'][ProductColumn]>>>;
}

function attachShades(
  records: Map<string, CatalogRecord>,
  productRows: ReadonlyMap<string, SourceRow>,
  shades: readonly SourceRow<ShadeColumn>[],
  issues: RowIssue[],
): void {
  const names = new Map<string, number>();
  for (const row of shades) {
    const result = validateShadeRow(row);
    if ('issues' in result) {
      issues.push(...result.issues);
      continue;
    }
    const { sku, shade } = result;
    const record = records.get(sku);
    const reject = (reason: string): void => {
      issues.push({ file: row.file, line: row.line, column: null, sku, reason });
    };
    if (!record) {
      reject(
        productRows.has(sku)
          ? `product "${sku}" was rejected, so its shade is too`
          : `no product with SKU "${sku}"`,
      );
    } else if (!COMPLEXION_STEPS.has(record.step)) {
      reject(`"${sku}" is a ${record.step}; shades belong to foundations and concealers`);
    } else if (names.has(`${sku}\u0000${shade.name.toLowerCase()}`)) {
      reject(
        `shade "${shade.name}" of "${sku}" is listed twice (first on line ${names.get(`${sku}\u0000${shade.name.toLowerCase()}`)})`,
      );
    } else if (record.shades.length >= 300) {
      reject(`"${sku}" has more than 300 shades`);
    } else {
      names.set(`${sku}\u0000${shade.name.toLowerCase()}`, row.line);
      record.shades.push(shade satisfies ShadeRecord);
    }
  }
}
