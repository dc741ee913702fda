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

/** Where screenshots of every screen are saved (ignored by git, kept by CI as artefacts). */
export const artifactsDir = path.join(repoRoot, 'tests', 'artifacts', 'e2e');
