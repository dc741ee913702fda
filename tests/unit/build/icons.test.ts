import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ICO_SIZES, PNG_SIZES } from '../../../build/scripts/generate-icons.mjs';

const build = path.resolve(__dirname, '../../../build');

describe('committed icons', () => {
  it.each(PNG_SIZES)('build/icons/%ix%i.png is a square RGBA PNG of that size', async (size) => {
    const meta = await sharp(readFileSync(path.join(build, 'icons', `${size}x${size}.png`))).metadata();
    expect(meta).toMatchObject({ format: 'png', width: size, height: size, hasAlpha: true });
  });

  it('build/icon.ico holds every size, BMP entries up to 64 px and PNG entries above', async () => {
    const ico = readFileSync(path.join(build, 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    expect(count).toBe(ICO_SIZES.length);
    for (let i = 0; i < count; i++) {
      const e = 6 + 16 * i;
      const size = ico.readUInt8(e) || 256;
      expect(size).toBe(ICO_SIZES[i]);
      expect(ico.readUInt16LE(e + 6)).toBe(32);
      const length = ico.readUInt32LE(e + 8);
      const image = ico.subarray(ico.readUInt32LE(e + 12), ico.readUInt32LE(e + 12) + length);
      if (size >= 128) {
        expect((await sharp(image).metadata()).width).toBe(size);
      } else {
        // BITMAPINFOHEADER: 40 bytes, height doubled for the AND mask, 32 bpp, then pixels and mask.
        expect(image.readUInt32LE(0)).toBe(40);
        expect(image.readInt32LE(4)).toBe(size);
        expect(image.readInt32LE(8)).toBe(size * 2);
        expect(image.readUInt16LE(14)).toBe(32);
        expect(length).toBe(40 + size * size * 4 + Math.ceil(size / 32) * 4 * size);
        // The centre pixel is opaque artwork, not an empty canvas.
        const centre = 40 + ((size / 2) * size + size / 2) * 4;
        expect(image.readUInt8(centre + 3)).toBe(255);
      }
    }
  });
});
