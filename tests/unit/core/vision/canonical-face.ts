import { readFileSync } from 'node:fs';
import type { Point3 } from '../../../../electron/core/vision/facemesh-decoder';

/**
 * FaceMesh's canonical 468-point layout (the UV map MediaPipe publishes, as shipped in
 * @vladmandic/human's source), for tests that need a plausible face without running a network.
 */
let cached: [number, number][] | null = null;

export function canonicalUv(): [number, number][] {
  if (cached) return cached;
  const file = new URL(
    '../../../../node_modules/@vladmandic/human/src/face/facemeshcoords.ts',
    import.meta.url,
  );
  const text = readFileSync(file, 'utf8');
  const body = /export const UV468[^=]*=\s*\[([\s\S]*?)\];/.exec(text)?.[1];
  if (!body) throw new Error('UV468 not found');
  cached = JSON.parse(`[${body.replace(/,\s*$/, '')}]`) as [number, number][];
  return cached;
}

/** The canonical face `size` pixels across, centred on (cx, cy), rotated by `rotation` radians. */
export function canonicalFace(cx: number, cy: number, size: number, rotation = 0): Point3[] {
  const cos = Math.cos(rotation);
  const sin = Math.sin(rotation);
  return canonicalUv().map(([u, v]) => {
    const x = (u - 0.5) * size;
    const y = (v - 0.5) * size;
    return [cx + cos * x - sin * y, cy + sin * x + cos * y, 0] as const;
  });
}
