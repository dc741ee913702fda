import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { assembleCatalog, type AssembledCatalog } from '../../core/catalog/catalog-assembly';
import type { RowIssue } from '../../core/catalog/row-validation';
import { KioskError } from '../../shared/result';
import { readDelimited, toSourceRows } from './delimited-file-reader';
import { readMerchantXml } from './merchant-xml-reader';
import { attributeColumnFor, productColumnFor, shadeColumnFor } from './source-columns';

/** The files a catalog is published from. */
export interface CatalogInputs {
  /** Products: our CSV/TSV columns, a Merchant Center TSV, or a Merchant Center XML feed. */
  products: string;
  /** Optional skincare attributes by SKU (CSV/TSV). */
  attributes?: string | null;
  /** Optional shades of foundations and concealers (CSV/TSV). */
  shades?: string | null;
}

export interface ReadCatalog extends AssembledCatalog {
  format: 'xml' | 'delimited';
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new KioskError(
      'NOT_FOUND',
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/**
 * Reads and validates the source files into catalog records. Issues name the file (by its base
 * name), line, column and reason; valid rows are kept whatever else the files contain.
 */
export async function readCatalogSources(inputs: CatalogInputs): Promise<ReadCatalog> {
  const issues: RowIssue[] = [];
  const productsName = path.basename(inputs.products);
  const productsText = await readText(inputs.products);
  const isXml = productsText
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('<');
  let products;
  if (isXml) {
    const xml = readMerchantXml(productsText, productsName);
    products = xml.rows;
    issues.push(...xml.issues);
  } else {
    const table = readDelimited(productsText, productsName);
    if (!table.header.some((header) => productColumnFor(header) === 'sku')) {
      throw new KioskError(
        'FEED_MALFORMED',
        `${productsName}: no sku (or Merchant "id") column in the header`,
      );
    }
    products = toSourceRows(table, productsName, productColumnFor);
    issues.push(...table.issues);
  }

  const side = async <C extends string>(
    file: string | null | undefined,
    columnFor: (h: string) => C | null,
  ) => {
    if (!file) return [];
    const name = path.basename(file);
    const table = readDelimited(await readText(file), name);
    if (!table.header.some((header) => columnFor(header) === 'sku'))
      throw new KioskError('FEED_MALFORMED', `${name}: no sku column in the header`);
    issues.push(...table.issues);
    return toSourceRows(table, name, columnFor);
  };
  const attributes = await side(inputs.attributes, attributeColumnFor);
  const shades = await side(inputs.shades, shadeColumnFor);

  const assembled = assembleCatalog(products, attributes, shades);
  const order = (issue: RowIssue): string => `${issue.file}\u0000${String(issue.line).padStart(10, '0')}`;
  const byPlace = (a: RowIssue, b: RowIssue) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0);
  return {
    records: assembled.records,
    issues: [...issues, ...assembled.issues].sort(byPlace),
    warnings: [...assembled.warnings].sort(byPlace),
    format: isXml ? 'xml' : 'delimited',
  };
}
