import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage, MAX_IMAGE_PIXELS } from '../../../../electron/adapters/inference/image-decoder-adapter';
import { KioskError } from '../../../../electron/shared/result';

const faces = path.resolve(import.meta.dirname, '../../../../../shared/data/faces');
const jpeg = readFileSync(path.join(faces, 'matplotlib-grace_hopper.jpg'));

/** A PNG file from its IHDR fields and raw IDAT payload, with correct chunk CRCs. */
function png(width: number, height: number, idat: Buffer, colorType = 2): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([len, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, colorType, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function codeOf(bytes: Uint8Array): Promise<string> {
  const error = await decodeImage(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KioskError);
  return (error as KioskError).code;
}

describe('decodeImage', () => {
  it('decodes JPEG, PNG and WebP to upright 8-bit RGBA', async () => {
    const fromJpeg = await decodeImage(jpeg);
    expect([fromJpeg.width, fromJpeg.height, fromJpeg.data.length]).toEqual([512, 600, 512 * 600 * 4]);
    const webp = await sharp(jpeg).webp({ quality: 90 }).toBuffer();
    const pngBytes = await sharp(jpeg).png().toBuffer();
    for (const bytes of [webp, pngBytes]) {
      const img = await decodeImage(bytes);
      expect([img.width, img.height]).toEqual([512, 600]);
      expect(img.data[3]).toBe(255);
    }
  });

  it('applies the EXIF orientation', async () => {
    const rotated = await sharp(jpeg).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const img = await decodeImage(rotated);
    expect([img.width, img.height]).toEqual([600, 512]);
  });

  it('expands grayscale to RGB', async () => {
    const img = await decodeImage(readFileSync(path.join(faces, 'skimage-camera-profile.png')));
    expect([img.width, img.height]).toEqual([512, 512]);
    for (let i = 0; i < img.data.length; i += 4 * 997) {
      expect(img.data[i + 1]).toBe(img.data[i]);
      expect(img.data[i + 2]).toBe(img.data[i]);
      expect(img.data[i + 3]).toBe(255);
    }
  });

  it('refuses what is not an image, an empty file and unsupported formats', async () => {
    expect(await codeOf(Buffer.from('this is a text file, not a photo'))).toBe('IMAGE_INVALID');
    expect(await codeOf(new Uint8Array(0))).toBe('IMAGE_INVALID');
    const gif = await sharp(jpeg).gif().toBuffer();
    await expect(decodeImage(gif)).rejects.toThrow(/Unsupported image format "gif"/);
  });

  it('refuses a truncated file', async () => {
    expect(await codeOf(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toBe('IMAGE_INVALID');
    const pngBytes = await sharp(jpeg).png().toBuffer();
    expect(await codeOf(pngBytes.subarray(0, Math.floor(pngBytes.length * 0.6)))).toBe('IMAGE_INVALID');
  });

  it('refuses a 0×0 image', async () => {
    expect(await codeOf(png(0, 0, deflateSync(Buffer.alloc(0))))).toBe('IMAGE_INVALID');
  });

  it('refuses more than 40 megapixels from the header alone, before decoding', async () => {
    // 8000×6000 claimed, with pixel data for a single row: decoding it would fail as IMAGE_INVALID,
    // so IMAGE_TOO_LARGE proves the size was judged from the header without decoding.
    const header = png(8000, 6000, deflateSync(Buffer.alloc(1 + 8000 * 3)));
    const error = await decodeImage(header).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KioskError);
    expect((error as KioskError).code).toBe('IMAGE_TOO_LARGE');
    expect((error as KioskError).details).toEqual({ width: 8000, height: 6000 });
    expect(8000 * 6000).toBeGreaterThan(MAX_IMAGE_PIXELS);
    // Just under the limit with the same missing data is judged by decoding, and fails as damaged.
    expect(await codeOf(png(6000, 6000, deflateSync(Buffer.alloc(1 + 6000 * 3))))).toBe('IMAGE_INVALID');
  });
});
