import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { KioskError } from '../../shared/result';
import type { BrandAsset, BrandAssetKind } from '../../shared/schemas/system-schemas';

type Mime = NonNullable<BrandAsset>['mime'];

/** Largest file accepted per asset: a logo is small; an Attract loop is a short clip. */
export const BRAND_ASSET_MAX_BYTES: Record<BrandAssetKind, number> = {
  logo: 512 * 1024,
  attract: 32 * 1024 * 1024,
};

const LOGO_TYPES: readonly Mime[] = ['image/svg+xml', 'image/png', 'image/webp', 'image/jpeg'];
const ATTRACT_TYPES: readonly Mime[] = [
  'video/mp4',
  'video/webm',
  'image/webp',
  'image/gif',
  'image/svg+xml',
  'image/png',
];

/** The file's type from its first bytes (never from its name, which a store may get wrong). */
export function sniffMime(head: Uint8Array): Mime | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head[0] === 0x89 && ascii(1, 4) === 'PNG') return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(0, 4) === 'GIF8') return 'image/gif';
  if (ascii(4, 8) === 'ftyp') return 'video/mp4';
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'video/webm';
  const text = new TextDecoder()
    .decode(head)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(text)) return 'image/svg+xml';
  return null;
}

/**
 * Reads a store-supplied logo or Attract animation. Only regular files of a known image/video type
 * within the size limit are accepted; anything else is a CONFIG_INVALID naming the field, so staff
 * can fix the config, and the kiosk keeps its built-in look meanwhile.
 */
export async function readBrandAsset(file: string, kind: BrandAssetKind): Promise<NonNullable<BrandAsset>> {
  const field = kind === 'logo' ? 'branding.logoFile' : 'branding.attractMediaFile';
  const limit = BRAND_ASSET_MAX_BYTES[kind] ?? 0;
  let handle;
  try {
    // A FIFO or device would block an open() waiting for a writer: check the type first, and open
    // without blocking in case the path is swapped in between.
    if (!(await stat(file)).isFile())
      throw new KioskError('CONFIG_INVALID', `${field}: ${file} is not a regular file`);
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    if (err instanceof KioskError) throw err;
    throw new KioskError(
      'CONFIG_INVALID',
      `${field}: cannot open ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    const stat = await handle.stat();
    // A FIFO or device would block or never end; only a plain file is read.
    if (!stat.isFile()) throw new KioskError('CONFIG_INVALID', `${field}: ${file} is not a regular file`);
    if (stat.size > limit)
      throw new KioskError(
        'CONFIG_INVALID',
        `${field}: ${file} is larger than ${Math.round(limit / 1024)} KiB`,
      );
    const data = new Uint8Array(stat.size);
    const { bytesRead } = await handle.read(data, 0, stat.size, 0);
    const bytes = data.subarray(0, bytesRead);
    const mime = sniffMime(bytes.subarray(0, 512));
    const allowed = kind === 'logo' ? LOGO_TYPES : ATTRACT_TYPES;
    if (!mime || !allowed.includes(mime))
      throw new KioskError('CONFIG_INVALID', `${field}: ${file} is not one of ${allowed.join(', ')}`);
    return { mime, data: bytes };
  } finally {
    await handle.close();
  }
}
