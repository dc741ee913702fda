import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { DirectoryFeedSource } from '../../../../electron/adapters/catalog/directory-feed-source';
import {
  ProductImageCache,
  resolveProductImagePath,
  sniffImageType,
} from '../../../../electron/adapters/catalog/product-image-cache';
import { pngBytes, tempDir } from './catalog-test-feed';

describe('ProductImageCache', () => {
  const scratch = tempDir();
  afterAll(() => scratch.cleanup());
  const feed = path.join(scratch.dir, 'feed');
  const cacheDir = path.join(scratch.dir, 'cache');
  mkdirSync(path.join(feed, 'images'), { recursive: true });
  mkdirSync(cacheDir, { recursive: true });

  it('caches valid images as small WebP and serves them under /product-images/', async () => {
    writeFileSync(path.join(feed, 'images', 'big.png'), await pngBytes('#336699', 1000));
    const cache = new ProductImageCache(cacheDir);
    expect(cache.urlFor('images/big.png')).toBeNull();
    const result = await cache.fill(['images/big.png', 'images/big.png'], new DirectoryFeedSource(feed));
    expect(result).toEqual({ fetched: 1, failed: [] });
    const url = cache.urlFor('images/big.png')!;
    expect(url).toMatch(/^\/product-images\/[0-9a-f]{32}\.webp$/);
    const file = resolveProductImagePath(cacheDir, url)!;
    const meta = await sharp(readFileSync(file)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 256, 256]);
    // A new cache over the same folder already knows the file (offline restart).
    expect(new ProductImageCache(cacheDir).urlFor('images/big.png')).toBe(url);
  });

  it('rejects files that are not images, too large, or decompression bombs, and keeps going', async () => {
    writeFileSync(path.join(feed, 'images', 'text.png'), 'hello, not a picture');
    writeFileSync(path.join(feed, 'images', 'ok.png'), await pngBytes('#aa3300'));
    const bomb = await sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    writeFileSync(path.join(feed, 'images', 'bomb.png'), bomb);
    writeFileSync(
      path.join(feed, 'images', 'huge.png'),
      Buffer.concat([(await pngBytes()).subarray(0, 16), Buffer.alloc(400_000, 7)]),
    );
    const cache = new ProductImageCache(cacheDir, { maxBytes: 300_000, maxPixels: 10_000_000, maxEdge: 128 });
    const refs = [
      'images/text.png',
      'images/bomb.png',
      'images/huge.png',
      'images/missing.png',
      'images/ok.png',
      '../outside.png',
    ];
    const result = await cache.fill(refs, new DirectoryFeedSource(feed));
    expect(result.fetched).toBe(1);
    const reasons = Object.fromEntries(result.failed.map((f) => [f.ref, f.reason]));
    expect(reasons['images/text.png']).toMatch(/not a PNG/);
    expect(reasons['images/bomb.png']).toMatch(/pixel limit|decoded/i);
    expect(reasons['images/huge.png']).toMatch(/400016 bytes; the limit is 300000/);
    expect(reasons['images/missing.png']).toMatch(/missing/);
    expect(reasons['../outside.png']).toMatch(/outside the feed/);
    expect(cache.urlFor('images/ok.png')).not.toBeNull();
  });

  it('prunes images no product refers to', async () => {
    const cache = new ProductImageCache(cacheDir);
    const kept = cache.urlFor('images/ok.png')!;
    expect(cache.prune(['images/ok.png'])).toBeGreaterThan(0);
    expect(cache.urlFor('images/big.png')).toBeNull();
    expect(resolveProductImagePath(cacheDir, kept)).not.toBeNull();
  });

  it('resolves only names the cache writes, so no path leaves the folder', () => {
    for (const bad of [
      '/product-images/../../etc/passwd',
      '/product-images/%2e%2e%2fx.webp',
      '/product-images/abc.webp',
      '/other/0123456789abcdef0123456789abcdef.webp',
      '/product-images/',
    ]) {
      expect(resolveProductImagePath(cacheDir, bad)).toBeNull();
    }
    expect(
      resolveProductImagePath(cacheDir, '/product-images/0123456789abcdef0123456789abcdef.webp'),
    ).toBeNull();
  });

  it('recognises image types by their bytes', async () => {
    expect(sniffImageType(await pngBytes())).toBe('png');
    expect(
      sniffImageType(
        await sharp(await pngBytes())
          .jpeg()
          .toBuffer(),
      ),
    ).toBe('jpeg');
    expect(
      sniffImageType(
        await sharp(await pngBytes())
          .webp()
          .toBuffer(),
      ),
    ).toBe('webp');
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });
});
