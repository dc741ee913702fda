import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Face photos and the fake-camera video live beside the repository (../shared/data/faces). */
const facesDir = (): string =>
  process.env.SKINKIOSK_FACES_DIR ?? path.resolve(repoRoot, '../shared/data/faces');

export const fakeCameraVideo = (): string => path.join(facesDir(), 'astronaut-640x480.y4m');

/** Debian's Chromium; override with CHROMIUM_PATH elsewhere. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => !!p,
  );
  return candidates.find((p) => existsSync(p)) ?? '/usr/bin/chromium';
}

/**
 * Chromium's flags for every E2E browser: no sandbox, GPU, background traffic or first-run UI, and
 * the given Y4M file as the camera (with its permission prompt answered), or no camera with `null`.
 */
export function chromiumArgs(video: string | null): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    ...(video
      ? [
          '--use-fake-device-for-media-stream',
          '--use-fake-ui-for-media-stream',
          `--use-file-for-fake-video-capture=${video}`,
        ]
      : []),
  ];
}

/** Where screenshots of every screen are saved (ignored by git, kept by CI as artefacts). */
export const artifactsDir = path.join(repoRoot, 'tests', 'artifacts', 'e2e');
