import jsQR from 'jsqr';
import sharp from 'sharp';

/** Decodes the QR code in an image (PNG or SVG) with jsQR, as a phone camera would read it. */
export async function decodeQr(image: Buffer, density?: number): Promise<string | null> {
  return (await decodeQrSymbol(image, density))?.data ?? null;
}

/** The decoded text and the symbol's version (1–40; 10 is 57 × 57 modules). */
export async function decodeQrSymbol(
  image: Buffer,
  density?: number,
): Promise<{ data: string; version: number } | null> {
  const { data, info } = await sharp(image, density ? { density } : {})
    .flatten({ background: '#ffffff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const result = jsQR(
    new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    info.width,
    info.height,
  );
  return result ? { data: result.data, version: result.version } : null;
}

/** Width of the white border around the symbol, in pixels (the quiet zone). */
export async function quietZonePixels(png: Buffer): Promise<number> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  for (let x = 0; x < info.width; x++) {
    for (let y = 0; y < info.height; y++) if ((data[y * info.width + x] ?? 255) < 128) return x;
  }
  return info.width;
}
