import type { Page } from '@playwright/test';
import jsQR from 'jsqr';
import sharp from 'sharp';

export interface ScreenQr {
  data: string;
  version: number;
  /** Drawn width of the code on screen, CSS pixels. */
  widthPx: number;
}

/**
 * Reads the QR code shown on screen the way a phone at about 60 cm sees it: the screenshot is
 * downscaled to half size (each module then covers half as many pixels) before jsQR decodes it.
 */
export async function readQrAtHalfSize(page: Page, selector = '[data-testid="qr-code"]'): Promise<ScreenQr> {
  const code = page.locator(selector).last();
  await code.waitFor({ state: 'visible' });
  await code.scrollIntoViewIfNeeded();
  const box = await code.boundingBox();
  if (!box) throw new Error('QR code not laid out');
  const shot = await page.screenshot();
  const meta = await sharp(shot).metadata();
  const { data, info } = await sharp(shot)
    .resize(Math.round((meta.width ?? 0) / 2), Math.round((meta.height ?? 0) / 2))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const found = jsQR(
    new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    info.width,
    info.height,
  );
  if (!found) {
    await sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } })
      .png()
      .toFile('test-results/qr-half.png');
    const full = await sharp(shot).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const atFull = jsQR(
      new Uint8ClampedArray(full.data.buffer, full.data.byteOffset, full.data.length),
      full.info.width,
      full.info.height,
    );
    throw new Error(
      `no QR code could be read at half size (at full size: ${atFull ? `v${atFull.version} ${atFull.data}` : 'none'})`,
    );
  }
  return { data: found.data, version: found.version, widthPx: box.width };
}
