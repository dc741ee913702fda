import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  BRAND_ASSET_MAX_BYTES,
  readBrandAsset,
  sniffMime,
} from '../../../../electron/adapters/config/brand-asset-reader';

const dir = mkdtempSync(path.join(tmpdir(), 'brand-'));
const file = (name: string, data: Buffer | string) => {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
};

describe('store logo and Attract media', () => {
  it('reads a PNG or SVG logo and an MP4 Attract clip by their bytes, not their names', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#8c3b4a' } })
      .png()
      .toBuffer();
    expect(await readBrandAsset(file('logo.svg', png), 'logo')).toMatchObject({ mime: 'image/png' });
    const svg = '\uFEFF<?xml version="1.0"?>\n<!-- logo --><svg xmlns="http://www.w3.org/2000/svg"/>';
    expect((await readBrandAsset(file('logo.png', svg), 'logo')).mime).toBe('image/svg+xml');
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.alloc(64)]);
    const clip = await readBrandAsset(file('loop.mp4', mp4), 'attract');
    expect(clip.mime).toBe('video/mp4');
    expect(clip.data.byteLength).toBe(mp4.length);
  });

  it('refuses what is not a picture or a video, naming the config field', async () => {
    await expect(readBrandAsset(file('logo.txt', 'hello'), 'logo')).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/^branding\.logoFile: .* is not one of/),
    });
    // A video is fine for Attract but not as a logo.
    const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(32)]);
    await expect(readBrandAsset(file('logo.webm', webm), 'logo')).rejects.toThrow(/not one of/);
    expect(sniffMime(new Uint8Array(webm))).toBe('video/webm');
  });

  it('refuses a file over the limit, a missing file and a FIFO without blocking', async () => {
    const big = Buffer.concat([
      Buffer.from([0x89]),
      Buffer.from('PNG'),
      Buffer.alloc(BRAND_ASSET_MAX_BYTES.logo),
    ]);
    await expect(readBrandAsset(file('huge.png', big), 'logo')).rejects.toThrow(/larger than 512 KiB/);
    await expect(readBrandAsset(path.join(dir, 'nope.png'), 'logo')).rejects.toThrow(
      /cannot open .* \(ENOENT\)/,
    );
    const fifo = path.join(dir, 'logo.fifo');
    execFileSync('mkfifo', [fifo]);
    // Opening a FIFO for reading would wait for a writer; the reader checks the type first.
    await expect(readBrandAsset(fifo, 'logo')).rejects.toThrow(/not a regular file/);
  });
});
