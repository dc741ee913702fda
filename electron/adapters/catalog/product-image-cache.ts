import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { KioskError } from '../../shared/result';
import type { FeedSource } from './feed-source';

/** URL path under which both hosts serve cached product images to the renderer. */
const PRODUCT_IMAGE_ROUTE = '/product-images/';
const CACHED_NAME = /^[0-9a-f]{32}\.webp$/;

export interface ImageLimits {
  /** Largest download accepted. */
  maxBytes: number;
  /** Largest decoded image accepted (width × height), against decompression bombs. */
  maxPixels: number;
  /** Cached images are scaled down to fit this square. */
  maxEdge: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxBytes: 2 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxEdge: 256,
};

const ALLOWED_TYPES = /^image\/(png|jpeg|webp|gif|avif)\b/i;

/** What the bytes really are, from their magic numbers; null for anything that is not an image we take. */
export function sniffImageType(bytes: Buffer): string | null {
  if (bytes.length < 12) return null;
  if (bytes[0] === 0x89 && bytes.toString('latin1', 1, 4) === 'PNG') return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (bytes.toString('latin1', 0, 4) === 'GIF8') return 'gif';
  if (bytes.toString('latin1', 4, 8) === 'ftyp' && /^avi[fs]$/.test(bytes.toString('latin1', 8, 12)))
    return 'avif';
  return null;
}

/**
 * Resolves a `/product-images/<file>` URL path to a cached file, or null. Only names this cache
 * writes (32 hex digits + `.webp`) are accepted, so no path can climb out of the folder.
 */
export function resolveProductImagePath(imagesDir: string, urlPath: string): string | null {
  if (!urlPath.startsWith(PRODUCT_IMAGE_ROUTE)) return null;
  const name = urlPath.slice(PRODUCT_IMAGE_ROUTE.length).split(/[?#]/)[0] ?? '';
  if (!CACHED_NAME.test(name)) return null;
  const file = path.join(imagesDir, name);
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Product images on local disk. Each image is fetched once, checked (declared type, magic bytes, size,
 * pixel count), re-encoded to a small WebP (which also drops metadata) and stored under a name derived
 * from its reference; the kiosk never shows a remote URL directly, so it works offline.
 */
export class ProductImageCache {
  private readonly cached: Set<string>;

  constructor(
    readonly dir: string,
    private readonly limits: ImageLimits = DEFAULT_IMAGE_LIMITS,
  ) {
    this.cached = new Set(readdirSync(dir).filter((name) => CACHED_NAME.test(name)));
  }

  fileNameFor(ref: string): string {
    return `${createHash('sha256').update(ref).digest('hex').slice(0, 32)}.webp`;
  }

  /** The renderer URL for a reference, or null while the image is not cached. */
  urlFor = (ref: string | null): string | null => {
    if (!ref) return null;
    const name = this.fileNameFor(ref);
    return this.cached.has(name) ? `${PRODUCT_IMAGE_ROUTE}${name}` : null;
  };

  /** Fetches every reference not yet cached, four at a time. One bad image never stops the rest. */
  async fill(
    refs: readonly string[],
    source: FeedSource,
    onProgress: (done: number, total: number) => void = () => {},
  ): Promise<{ fetched: number; failed: Array<{ ref: string; reason: string }> }> {
    const missing = [...new Set(refs)].filter((ref) => !this.cached.has(this.fileNameFor(ref)));
    const failed: Array<{ ref: string; reason: string }> = [];
    let fetched = 0;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < missing.length) {
        const ref = missing[next++]!;
        try {
          await this.store(ref, source);
          fetched++;
        } catch (error) {
          failed.push({ ref, reason: (error as Error).message });
        }
        onProgress(fetched + failed.length, missing.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, missing.length) }, worker));
    return { fetched, failed };
  }

  /** Deletes cached images no product refers to any more. */
  prune(refs: readonly string[]): number {
    const keep = new Set(refs.map((ref) => this.fileNameFor(ref)));
    let removed = 0;
    for (const name of [...this.cached]) {
      if (keep.has(name)) continue;
      rmSync(path.join(this.dir, name), { force: true });
      this.cached.delete(name);
      removed++;
    }
    return removed;
  }

  private async store(ref: string, source: FeedSource): Promise<void> {
    const { bytes, contentType } = await source.fetchImage(ref, this.limits.maxBytes);
    if (contentType && !ALLOWED_TYPES.test(contentType))
      throw new KioskError('IMAGE_INVALID', `served as ${contentType}, not an image`);
    if (!sniffImageType(bytes))
      throw new KioskError('IMAGE_INVALID', 'not a PNG, JPEG, WebP, GIF or AVIF image');
    let webp: Buffer;
    try {
      webp = await sharp(bytes, { limitInputPixels: this.limits.maxPixels, animated: false })
        .rotate()
        .resize(this.limits.maxEdge, this.limits.maxEdge, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer();
    } catch (error) {
      throw new KioskError('IMAGE_INVALID', `cannot be decoded: ${(error as Error).message}`);
    }
    const name = this.fileNameFor(ref);
    const tmp = path.join(this.dir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
    writeFileSync(tmp, webp);
    renameSync(tmp, path.join(this.dir, name));
    this.cached.add(name);
  }
}
