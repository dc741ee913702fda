import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderQrPng, renderQrSvg } from '../../../../electron/adapters/qr/qr-renderer-adapter';
import { KioskError } from '../../../../electron/shared/result';
import { decodeQr, quietZonePixels } from './qr-decode';

const URLS = [
  'https://shop.example.com/p/ser-002?aff=aff-77&utm_source=skin-kiosk&utm_medium=qr&utm_campaign=store-9&kiosk=kiosk-3&ks=tok_ABCdef123',
  'https://shop.example.com/cart/40001800:2,40003450:1?aff=x',
  'https://results.example.com/#r=' + 'eyJ2IjoxLCJsIjoiZW4ifQ'.repeat(40),
  'https://x.example/é?q=ñ',
];

describe('renderQrPng', () => {
  it.each(URLS)('decodes back to the exact URL (%#)', async (url) => {
    const png = await renderQrPng(url);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(await decodeQr(png)).toBe(url);
  });

  it('keeps a four-module quiet zone', async () => {
    const scale = 6;
    const png = await renderQrPng('https://shop.example.com/p/1', scale);
    expect(await quietZonePixels(png)).toBe(4 * scale);
  });

  it('grows the symbol for longer text but stays decodable', async () => {
    const short = await sharp(await renderQrPng('https://a.example/1', 4)).metadata();
    const long = await sharp(await renderQrPng(URLS[2] as string, 4)).metadata();
    expect((long.width ?? 0) > (short.width ?? 0)).toBe(true);
  });

  it('refuses empty and oversized text', async () => {
    await expect(renderQrPng('')).rejects.toBeInstanceOf(KioskError);
    await expect(renderQrPng('x'.repeat(3000))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('renderQrSvg', () => {
  it('is scalable markup that decodes back to the URL', async () => {
    const url = URLS[0] as string;
    const svg = await renderQrSvg(url);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).not.toMatch(/<svg[^>]* width=/);
    expect(svg).toContain('shape-rendering="crispEdges"');
    expect(await decodeQr(Buffer.from(svg), 300)).toBe(url);
  });

  it('draws the fewest modules the text allows, so each module is as large as possible', async () => {
    const viewBox = (svg: string) => Number(/viewBox="0 0 (\d+)/.exec(svg)?.[1]);
    // 18 bytes fit version 2 (25 modules) at level Q; level H would need version 3 (29).
    // The viewBox includes the quiet zone of 4 modules on each side.
    expect(viewBox(await renderQrSvg('https://a.example/'))).toBe(25 + 8);
    // 260 bytes still fit version 10 (57 modules) at level L.
    expect(viewBox(await renderQrSvg(`https://a.example/${'x'.repeat(242)}`))).toBe(57 + 8);
  });
});
