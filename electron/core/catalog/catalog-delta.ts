/** What changed between two catalog versions, by SKU. */
export interface CatalogDiff<T> {
  /** New and changed records, in the order of `next`. */
  upserts: T[];
  /** SKUs present before and gone now, sorted. */
  removes: string[];
  added: number;
  updated: number;
}

/**
 * Compares the previous version (SKU → fingerprint) with the next records. A record whose fingerprint
 * is unchanged is left out; fingerprints are content hashes of the canonical record, so any field
 * change (price, stock, a shade) makes the record an update.
 */
export function computeCatalogDiff<T extends { sku: string }>(
  previous: ReadonlyMap<string, string>,
  next: readonly T[],
  fingerprint: (record: T) => string,
): CatalogDiff<T> {
  const upserts: T[] = [];
  const seen = new Set<string>();
  let added = 0;
  let updated = 0;
  for (const record of next) {
    seen.add(record.sku);
    const before = previous.get(record.sku);
    if (before === undefined) {
      added++;
      upserts.push(record);
    } else if (before !== fingerprint(record)) {
      updated++;
      upserts.push(record);
    }
  }
  const removes = [...previous.keys()].filter((sku) => !seen.has(sku)).sort();
  return { upserts, removes, added, updated };
}
