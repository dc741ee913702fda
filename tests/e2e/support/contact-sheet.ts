import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { artifactsDir } from './e2e-env';

const SHEET = 'contact-sheet.png';
const TILE_HEIGHT = 420;
const LABEL_HEIGHT = 28;
const SHEET_WIDTH = 4200;
const GAP = 16;

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * One PNG of every screenshot the E2E run left in tests/artifacts/e2e/, in name order (so the same
 * screen in both orientations and languages sits side by side), each tile labelled with its name.
 * Run by Playwright after the last test; a reviewer opens this one file.
 */
export default async function buildContactSheet(): Promise<void> {
  if (!existsSync(artifactsDir)) return;
  const files = readdirSync(artifactsDir)
    .filter((f) => f.endsWith('.png') && f !== SHEET)
    .sort();
  if (files.length === 0) return;
  const tiles = await Promise.all(
    files.map(async (file) => {
      const image = await sharp(path.join(artifactsDir, file))
        .resize({ height: TILE_HEIGHT })
        .png()
        .toBuffer();
      const { width = 0 } = await sharp(image).metadata();
      return { file, image, width };
    }),
  );
  // Tiles flow left to right in name order and wrap at the sheet's width.
  let x = GAP;
  let y = GAP;
  const rowHeight = TILE_HEIGHT + LABEL_HEIGHT + GAP;
  const composites = tiles.flatMap((t) => {
    if (x + t.width + GAP > SHEET_WIDTH) {
      x = GAP;
      y += rowHeight;
    }
    const left = x;
    x += t.width + GAP;
    const label = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${t.width}" height="${LABEL_HEIGHT}">` +
        `<text x="0" y="20" font-family="DejaVu Sans, sans-serif" font-size="15" fill="#1f1a17">${escapeXml(t.file.replace(/\.png$/, ''))}</text></svg>`,
    );
    return [
      { input: t.image, left, top: y },
      { input: label, left, top: y + TILE_HEIGHT + 4 },
    ];
  });
  await sharp({
    create: { width: SHEET_WIDTH, height: y + rowHeight, channels: 3, background: '#e9e4dc' },
  })
    .composite(composites)
    .png()
    .toFile(path.join(artifactsDir, SHEET));
  console.log(`contact sheet: ${files.length} screens → ${path.join(artifactsDir, SHEET)}`);
}
