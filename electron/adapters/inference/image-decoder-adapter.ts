import sharp, { type Metadata } from 'sharp';
import { KioskError } from '../../shared/result';
import type { RgbaImage } from '../../core/vision/image-types';

/** Largest image the kiosk decodes: 40 megapixels (160 MB as RGBA). */
export const MAX_IMAGE_PIXELS = 40_000_000;

const FORMATS = new Set(['jpeg', 'png', 'webp']);

/**
 * Decodes a JPEG, PNG or WebP file held in memory to 8-bit RGBA, upright (EXIF orientation
 * applied), grayscale expanded to RGB. The header is read first: an image over 40 megapixels is
 * refused before a single pixel is decoded. Every failure is a typed error; nothing is written.
 */
export async function decodeImage(bytes: Uint8Array): Promise<RgbaImage> {
  if (bytes.length === 0) throw new KioskError('IMAGE_INVALID', 'The file is empty.');
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch (error) {
    throw new KioskError('IMAGE_INVALID', `Not a readable image: ${firstLine(error)}`);
  }
  if (!meta.format || !FORMATS.has(meta.format)) {
    throw new KioskError(
      'IMAGE_INVALID',
      `Unsupported image format "${meta.format ?? 'unknown'}": use JPEG, PNG or WebP.`,
    );
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width <= 0 || height <= 0)
    throw new KioskError('IMAGE_INVALID', `The image has no pixels (${width}×${height}).`);
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new KioskError(
      'IMAGE_TOO_LARGE',
      `The image is ${((width * height) / 1e6).toFixed(1)} megapixels; the limit is ${MAX_IMAGE_PIXELS / 1e6}.`,
      {
        width,
        height,
      },
    );
  }
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'truncated' })
      .rotate()
      .toColourspace('srgb')
      .ensureAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 4) throw new Error(`decoded to ${info.channels} channels`);
    return {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    };
  } catch (error) {
    throw new KioskError('IMAGE_INVALID', `The image is damaged or truncated: ${firstLine(error)}`);
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
