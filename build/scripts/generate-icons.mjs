#!/usr/bin/env node
/**
 * Renders the app icon from one SVG into what electron-builder wants:
 *   build/icons/<N>x<N>.png   Linux (AppImage, deb, window icon)
 *   build/icon.ico            Windows (exe, NSIS installer): 16–64 px as 32-bit BMP entries, which
 *                             every Windows shell and NSIS reads, 128 and 256 px as PNG entries.
 * Run after changing the artwork: node build/scripts/generate-icons.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';

const BUILD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PNG_SIZES = [16, 32, 48, 64, 128, 256, 512];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const ICO_PNG_FROM = 128;

/** The artwork: a soft skin-tone tile, a face outline and a scan arc. */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#f6c9a8"/><stop offset="1" stop-color="#d9866b"/>
    </linearGradient>
  </defs>
  <rect x="16" y="16" width="480" height="480" rx="112" fill="url(#bg)"/>
  <ellipse cx="256" cy="262" rx="118" ry="150" fill="none" stroke="#fff8f2" stroke-width="28"/>
  <path d="M120 132 A190 190 0 0 1 392 132" fill="none" stroke="#2f7f7a" stroke-width="26" stroke-linecap="round"/>
  <circle cx="214" cy="236" r="14" fill="#fff8f2"/><circle cx="298" cy="236" r="14" fill="#fff8f2"/>
  <path d="M212 322 Q256 352 300 322" fill="none" stroke="#fff8f2" stroke-width="18" stroke-linecap="round"/>
</svg>`;

/** @param {number} size */
export function renderPng(size) {
  return sharp(Buffer.from(ICON_SVG), { density: Math.max(72, (72 * size) / 512) * 4 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** A 32-bit BMP icon entry: BITMAPINFOHEADER, BGRA rows bottom-up, then an all-opaque AND mask. */
async function bmpEntry(size) {
  const { data } = await sharp(await renderPng(size))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR bitmap + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const src = (y * size + x) * 4;
      const dst = ((size - 1 - y) * size + x) * 4;
      pixels[dst] = data[src + 2];
      pixels[dst + 1] = data[src + 1];
      pixels[dst + 2] = data[src];
      pixels[dst + 3] = data[src + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

/** Packs entries into an ICO container (ICONDIR + ICONDIRENTRY[] + images). */
export async function buildIco(sizes = ICO_SIZES) {
  const images = await Promise.all(sizes.map((s) => (s >= ICO_PNG_FROM ? renderPng(s) : bmpEntry(s))));
  const dir = Buffer.alloc(6 + 16 * sizes.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(sizes.length, 4);
  let offset = dir.length;
  sizes.forEach((size, i) => {
    const e = 6 + 16 * i;
    dir.writeUInt8(size >= 256 ? 0 : size, e);
    dir.writeUInt8(size >= 256 ? 0 : size, e + 1);
    dir.writeUInt16LE(1, e + 4);
    dir.writeUInt16LE(32, e + 6);
    dir.writeUInt32LE(images[i].length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += images[i].length;
  });
  return Buffer.concat([dir, ...images]);
}

export async function main(buildDir = BUILD_DIR) {
  mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
  for (const size of PNG_SIZES)
    writeFileSync(path.join(buildDir, 'icons', `${size}x${size}.png`), await renderPng(size));
  writeFileSync(path.join(buildDir, 'icon.ico'), await buildIco());
  writeFileSync(path.join(buildDir, 'icon.png'), await renderPng(512));
  console.log(`icons written to ${buildDir}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
