import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CatalogRecord } from '../../core/catalog/catalog-record';
import { isAbsoluteHttp } from './feed-source';
import { writeFileAtomic } from './catalog-files';
import { DEFAULT_IMAGE_LIMITS, sniffImageType } from './product-image-cache';

/**
 * Copies images referenced by relative path (next to the product file) into the feed as
 * `images/<sha256>.<type>` and points the records at them, so the feed folder is self-contained and
 * identical images are stored once. Absolute URLs are left as they are. A missing or unreadable image
 * is a warning, not a rejection: the product is published without a picture.
 */
export function publishImages(
  records: readonly CatalogRecord[],
  sourceDir: string,
  outDir: string,
): { records: CatalogRecord[]; warnings: string[] } {
  const warnings: string[] = [];
  const published = new Map<string, string | null>();
  const publish = (ref: string): string | null => {
    const file = path.resolve(sourceDir, ref);
    if (!file.startsWith(sourceDir + path.sep)) return null;
    try {
      if (statSync(file).size > DEFAULT_IMAGE_LIMITS.maxBytes) {
        warnings.push(`${ref}: larger than ${DEFAULT_IMAGE_LIMITS.maxBytes} bytes; published without it`);
        return null;
      }
      const bytes = readFileSync(file);
      const type = sniffImageType(bytes);
      if (!type) {
        warnings.push(`${ref}: not a PNG, JPEG, WebP, GIF or AVIF image; published without it`);
        return null;
      }
      const relative = `images/${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${type === 'jpeg' ? 'jpg' : type}`;
      const target = path.join(outDir, relative);
      mkdirSync(path.dirname(target), { recursive: true });
      if (!existsSync(target)) writeFileAtomic(target, bytes);
      return relative;
    } catch (error) {
      warnings.push(
        `${ref}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; published without it`,
      );
      return null;
    }
  };
  const out = records.map((record) => {
    if (!record.image || isAbsoluteHttp(record.image)) return record;
    if (!published.has(record.image)) published.set(record.image, publish(record.image));
    return { ...record, image: published.get(record.image) ?? null };
  });
  return { records: out, warnings };
}
