import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './e2e-env';

/**
 * A Y4M video of an empty, evenly lit wall (no face anywhere), for a fake camera that never passes
 * the guidance checks: the capture screen holds still and a photo taken anyway fails with NO_FACE.
 */
export function writeBlankY4m(width = 640, height = 480, frames = 10): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'skinkiosk-blank-'));
  const file = path.join(dir, 'blank.y4m');
  const frame = Buffer.concat([
    Buffer.from('FRAME\n'),
    Buffer.alloc(width * height, 150),
    Buffer.alloc((width / 2) * (height / 2) * 2, 128),
  ]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
  return file;
}

/** Debian's Chromium with the given Y4M as its camera (or no camera at all with `null`). */
export function launchWithCamera(video: string | null): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: chromiumArgs(video),
  });
}
