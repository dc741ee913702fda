import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runQrCommand } from '../../../../electron/cli/qr-command';
import { decodeQr } from './qr-decode';

describe('skinkiosk qr', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qr-cli-'));
  afterEach(() => vi.restoreAllMocks());

  it('writes a PNG that decodes to the URL', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const out = path.join(dir, 'shelf.png');
    const url = 'https://shop.example.com/p/ser-002?aff=store';
    expect(await runQrCommand([url, '--out', out, '--scale', '5'])).toBe(0);
    expect(await decodeQr(readFileSync(out))).toBe(url);
  });

  it('writes SVG when the file ends in .svg', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const out = path.join(dir, 'sign.svg');
    expect(await runQrCommand(['https://shop.example.com/', '-o', out])).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<svg/);
  });

  it.each([
    [['https://shop.example.com/']],
    [['--out', 'x.png']],
    [['not a url', '--out', 'x.png']],
    [['ftp://shop.example.com/', '--out', 'x.png']],
    [['https://a.example/', '--out', 'x.png', '--scale', '0']],
    [['https://a.example/', '--out', 'x.png', '--bogus']],
  ])('exits 2 on bad usage %j', async (argv) => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await runQrCommand(argv)).toBe(2);
    expect(err).toHaveBeenCalled();
    expect(existsSync('x.png')).toBe(false);
  });

  it('exits 1 when the file cannot be written', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await runQrCommand(['https://a.example/', '--out', path.join(dir, 'missing-dir', 'x.png')])).toBe(
      1,
    );
  });
});
