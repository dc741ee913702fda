import type { Page } from '@playwright/test';
import jsQR from 'jsqr';
import sharp from 'sharp';

export interface ScreenQr {
  data: string;
  version: number;
  /** Drawn width of the code on screen, CSS pixels. */
  widthPx: number;
}

/** What a phone aimed at the code frames: the code and a margin of the screen around it. */
const FRAMING_MARGIN_PX = 48;

/**
 * Reads the QR code shown on screen the way a phone at about 60 cm sees it: the screen around the
 * code is captured and downscaled to half size (each module then covers half as many pixels)
 * before jsQR decodes it.
 */
export async function readQrAtHalfSize(page: Page, selector = '[data-testid="qr-code"]'): Promise<ScreenQr> {
  const code = page.locator(selector).last();
  await code.waitFor({ state: 'visible' });
  await code.scrollIntoViewIfNeeded();
  const box = await code.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error('QR code not laid out');
  const x = Math.max(0, box.x - FRAMING_MARGIN_PX);
  const y = Math.max(0, box.y - FRAMING_MARGIN_PX);
  const clip = {
    x,
    y,
    width: Math.min(viewport.width, box.x + box.width + FRAMING_MARGIN_PX) - x,
    height: Math.min(viewport.height, box.y + box.height + FRAMING_MARGIN_PX) - y,
  };
  const shot = await page.screenshot({ clip });
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
  if (!found) throw new Error(`no QR code could be read at half size (${info.width}×${info.height} px)`);
  return { data: found.data, version: found.version, widthPx: box.width };
}
