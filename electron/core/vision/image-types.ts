import { KioskError } from '../../shared/result';

/**
 * An 8-bit RGBA image held in memory, row-major, four bytes a pixel: the layout of the contract's
 * `Frame` and of decoded files. Images are never copied to disk; the pipeline only samples them.
 */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array | Uint8ClampedArray;
}

/** Throws IMAGE_INVALID unless the image has a positive size and exactly width*height*4 bytes. */
export function assertRgbaImage(image: RgbaImage): void {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new KioskError('IMAGE_INVALID', `The image has no pixels (${width}×${height}).`);
  }
  if (data.length !== width * height * 4) {
    throw new KioskError(
      'IMAGE_INVALID',
      `The image data is ${data.length} bytes; ${width}×${height} RGBA needs ${width * height * 4}.`,
    );
  }
}
