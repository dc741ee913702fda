import { labToLinearRgb, linearRgbToLab, srgbToLinear } from '../../../electron/core/color/color-spaces';
import type { Vec3 } from '../../../electron/core/color/matrix3';
import { FACE_OVAL } from '../../../electron/core/vision/face-mesh-topology';
import { EXCLUDED_OUTLINES, outlinePolygon, zonePolygon } from '../../../electron/core/vision/face-zones';
import type { Point3 } from '../../../electron/core/vision/facemesh-decoder';
import type { RgbaImage } from '../../../electron/core/vision/image-types';
import { fillPolygon } from '../../../electron/core/vision/polygon-raster';
import { boxMean, fitDichromatic, locusAtLightness, luma } from './skin-reflection';

/**
 * A face photo taken apart for re-rendering: its visible skin (FaceMesh face outline without eyes,
 * brows, lips and nostrils, plus the neck where its colour continues) split into diffuse shading,
 * colour texture and a white specular part (dichromatic reflection), everything else kept as the
 * photo's own linear colours. The photo is taken as white-balanced with the face at unit
 * irradiance: shading is normalised so that the cube-root mean over cheeks and forehead is 1, which
 * makes the mean CIELAB of a re-rendered face its albedo's.
 */
export interface FaceScene {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  /** Linear sRGB of every pixel of the photo (three floats a pixel). */
  readonly linear: Float32Array;
  /** Pixel indexes that are skin. */
  readonly skin: Int32Array;
  /** Per skin pixel: shading × colour texture per channel, multiplied into the new albedo. */
  readonly shade: Float32Array;
  /** Per skin pixel: specular (white) reflection in the photo's units. */
  readonly specular: Float32Array;
  /** The face outline's bounding box in pixels. */
  readonly faceBox: { x: number; y: number; width: number; height: number };
}

function mask(
  width: number,
  height: number,
  polygons: readonly (readonly number[])[],
  clear: readonly (readonly number[])[] = [],
): Uint8Array {
  const m = new Uint8Array(width * height);
  for (const p of polygons) fillPolygon(m, width, height, p, 1);
  for (const p of clear) fillPolygon(m, width, height, p, 0);
  return m;
}

/** A pixel this much brighter than its surroundings may carry specular light. */
const HIGHLIGHT = 1.25;
/** Colour texture (a channel relative to the pixel's shading) is kept within this factor. */
const TEXTURE_MAX = 1.2;
/** Skin this much darker than its surroundings is hair or a deep shadow, not lit skin. */
const MIN_RELIEF = 0.45;
/** Relief (local shading) is bounded above: brighter is a highlight, handled as specular. */
const MAX_RELIEF = 1.6;

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export function buildFaceScene(name: string, image: RgbaImage, points: readonly Point3[]): FaceScene {
  const { width, height, data } = image;
  const n = width * height;
  const linear = new Float32Array(n * 3);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) linear[3 * i + c] = srgbToLinear(data[4 * i + c]! / 255);
    y[i] = luma([linear[3 * i]!, linear[3 * i + 1]!, linear[3 * i + 2]!]);
  }
  const excluded = Object.values(EXCLUDED_OUTLINES).map((o) => outlinePolygon(points, o));
  const face = mask(width, height, [outlinePolygon(points, FACE_OVAL)], excluded);
  const tone = mask(
    width,
    height,
    (['forehead', 'left_cheek', 'right_cheek'] as const).map((z) => zonePolygon(points, z)),
    excluded,
  );

  // The diffuse skin colour: per-channel medians over the tone zones, highlights left out.
  const toneIdx = [...tone.keys()].filter((i) => tone[i] === 1);
  const yMedian = median(toneIdx.map((i) => y[i]!));
  const diffuse = toneIdx.filter((i) => y[i]! < 1.3 * yMedian && y[i]! > 0.5 * yMedian);
  const photoSkin: Vec3 = [0, 1, 2].map((c) =>
    median(diffuse.map((i) => linear[3 * i + c]!)),
  ) as unknown as Vec3;
  // The photo's own light is taken out first: the whole photo is white-balanced so that its skin has
  // the skin locus' colour at its own lightness. Eyes, hair and background then carry the same light
  // as the skin they surround, as in a real scene, whatever light the photographer had.
  const target = labToLinearRgb(locusAtLightness(linearRgbToLab(photoSkin).L));
  const balance = [0, 1, 2].map((c) => target[c]! / photoSkin[c]!);
  const keep = luma(photoSkin) / luma(balance.map((g, c) => g * photoSkin[c]!) as unknown as Vec3);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) linear[3 * i + c]! *= balance[c]! * keep;
    y[i] = luma([linear[3 * i]!, linear[3 * i + 1]!, linear[3 * i + 2]!]);
  }
  const k0: Vec3 = [0, 1, 2].map((c) => photoSkin[c]! * balance[c]! * keep) as unknown as Vec3;

  const xs = FACE_OVAL.map((i) => points[i]![0]);
  const ys = FACE_OVAL.map((i) => points[i]![1]);
  const box = {
    x: Math.min(...xs),
    y: Math.min(...ys),
    width: Math.max(...xs) - Math.min(...xs),
    height: Math.max(...ys) - Math.min(...ys),
  };
  const local = boxMean(y, width, height, Math.max(2, Math.round(box.width / 25)));

  // Skin outside the outline (the neck, the forehead up to the hairline): grown from the outline
  // while the colour stays skin's, within a box around the face.
  const candidate = (i: number): { a: number; m: number } | null =>
    fitDichromatic(
      [linear[3 * i]!, linear[3 * i + 1]!, linear[3 * i + 2]!],
      k0,
      y[i]! > HIGHLIGHT * local[i]!,
    );
  const isSkin = Uint8Array.from(face);
  const top = box.y - 0.25 * box.height;
  const bottom = Math.min(height, box.y + 1.8 * box.height);
  const stack = [...isSkin.keys()].filter((i) => isSkin[i] === 1);
  while (stack.length > 0) {
    const i = stack.pop()!;
    const px = i % width;
    for (const j of [i - 1, i + 1, i - width, i + width]) {
      const jx = j % width;
      const jy = Math.floor(j / width);
      if (j < 0 || j >= n || isSkin[j] === 1 || Math.abs(jx - px) > 1 || jy < top || jy >= bottom) continue;
      if (jx < box.x - 0.2 * box.width || jx > box.x + 1.2 * box.width || !candidate(j)) continue;
      isSkin[j] = 1;
      stack.push(j);
    }
  }
  // Brows grow back where their skin shows; eyes, lips and nostrils stay as they are.
  for (const part of ['left_eye', 'right_eye', 'lips', 'nostrils'] as const)
    fillPolygon(isSkin, width, height, outlinePolygon(points, EXCLUDED_OUTLINES[part]), 0);

  // Per pixel: specular part, shading (luminance against the skin colour) and colour texture.
  const specularAt = new Float32Array(n);
  const shadingAt = new Float32Array(n);
  const texture = new Float32Array(n * 3).fill(1);
  for (let i = 0; i < n; i++) {
    if (isSkin[i] !== 1) continue;
    const p: Vec3 = [linear[3 * i]!, linear[3 * i + 1]!, linear[3 * i + 2]!];
    const m = fitDichromatic(p, k0, y[i]! > HIGHLIGHT * local[i]!)?.m ?? 0;
    const a = Math.max(0, luma([p[0] - m, p[1] - m, p[2] - m])) / luma(k0);
    specularAt[i] = m;
    shadingAt[i] = a;
    for (let c = 0; c < 3; c++) texture[3 * i + c] = a > 0 ? Math.max(0, p[c]! - m) / k0[c]! / a : 1;
  }
  // The photo's own light direction and colour are replaced by the kiosk's even, white light (the
  // quality gate refuses side-lit faces): shading and colour texture are divided by their means
  // over the skin in a neighbourhood a sixth of the face wide, so relief, pores, freckles and
  // redness stay and the light's gradient goes. What is far darker than its surroundings (hair
  // across the face, a deep shadow) stays as it was photographed, as the kiosk would see it.
  const radius = Math.max(3, Math.round(box.width / 6));
  const weight = boxMean(Float32Array.from(isSkin), width, height, radius);
  const masked = (f: (i: number) => number): Float32Array =>
    boxMean(
      Float32Array.from({ length: n }, (_, i) => (isSkin[i] === 1 ? f(i) : 0)),
      width,
      height,
      radius,
    );
  const meanShading = masked((i) => shadingAt[i]!);
  const meanTexture = [0, 1, 2].map((c) => masked((i) => texture[3 * i + c]!));
  const relief = (i: number): number => (shadingAt[i]! * weight[i]!) / Math.max(1e-6, meanShading[i]!);
  for (let i = 0; i < n; i++) if (isSkin[i] === 1 && relief(i) < MIN_RELIEF) isSkin[i] = 0;

  const skin = Int32Array.from([...isSkin.keys()].filter((i) => isSkin[i] === 1));
  const shade = new Float32Array(skin.length * 3);
  const specular = new Float32Array(skin.length);
  skin.forEach((i, k) => {
    specular[k] = specularAt[i]!;
    const a = Math.min(MAX_RELIEF, relief(i));
    for (let c = 0; c < 3; c++) {
      const t = (texture[3 * i + c]! * weight[i]!) / Math.max(1e-6, meanTexture[c]![i]!);
      shade[3 * k + c] = a * Math.min(TEXTURE_MAX, Math.max(1 / TEXTURE_MAX, t));
    }
  });
  // Irradiance scale, per channel so the texture leaves no colour cast: the cube-root mean of the
  // shading over diffuse cheek and forehead skin is 1 (CIELAB is a cube root of linear light).
  for (let c = 0; c < 3; c++) {
    let root = 0;
    let count = 0;
    skin.forEach((i, k) => {
      if (tone[i] !== 1 || specular[k]! > 0) return;
      root += Math.cbrt(shade[3 * k + c]!);
      count++;
    });
    const scale = (root / count) ** 3;
    for (let k = 0; k < skin.length; k++) shade[3 * k + c]! /= scale;
  }
  return { name, width, height, linear, skin, shade, specular, faceBox: box };
}
