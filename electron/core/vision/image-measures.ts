import type { TensorLayout } from './bilinear-sampler';
import type { FlatPolygon } from './polygon-raster';
import { fillPolygon } from './polygon-raster';

/** Lighting and focus of a face crop; luma is 0–255 (Rec. 709 weights on the encoded values). */
export interface FaceImageMeasures {
  /** Mean luma over the skin. */
  readonly brightness: number;
  /** Share of skin pixels with a channel at 250 or more (blown highlights). */
  readonly highlightClip: number;
  /** Share of skin pixels with luma at 10 or less (crushed shadows). */
  readonly shadowClip: number;
  /** |left − right| / brighter side, over the skin either side of the face's midline (0 = even). */
  readonly unevenness: number;
  /**
   * Variance of the 4-neighbour Laplacian of luma inside the face, in the units of a face whose
   * skin luma averages SHARPNESS_REFERENCE_LUMA: the same focus reads the same on light and deep
   * skin (the Laplacian of encoded luma scales with the skin's brightness).
   */
  readonly sharpness: number;
}

export interface MeasureRegions {
  /** Skin polygons (zone outlines) in crop pixels. */
  readonly skin: readonly FlatPolygon[];
  /** Polygons to clear from the skin (eyes, brows, lips, nostrils). */
  readonly excluded: readonly FlatPolygon[];
  /** The inner face (eyes, nose, mouth and the skin between) where focus is judged. */
  readonly inner: FlatPolygon;
  /** Two points on the face's midline; pixels are "left" or "right" of it. */
  readonly midline: readonly [number, number, number, number];
}

/** Skin luma that focus is expressed at (mid-grey). */
const SHARPNESS_REFERENCE_LUMA = 128;

/** Converts a float RGB tensor (values in `range`) to a luma plane in 0–255. */
export function lumaPlane(
  tensor: Float32Array,
  width: number,
  height: number,
  layout: TensorLayout,
  range: readonly [number, number],
): Float32Array {
  const plane = width * height;
  const luma = new Float32Array(plane);
  const scale = 255 / (range[1] - range[0]);
  const lo = range[0];
  for (let i = 0; i < plane; i++) {
    const r = layout === 'NCHW' ? tensor[i]! : tensor[3 * i]!;
    const g = layout === 'NCHW' ? tensor[plane + i]! : tensor[3 * i + 1]!;
    const b = layout === 'NCHW' ? tensor[2 * plane + i]! : tensor[3 * i + 2]!;
    luma[i] = (0.2126 * (r - lo) + 0.7152 * (g - lo) + 0.0722 * (b - lo)) * scale;
  }
  return luma;
}

/** Largest channel per pixel in 0–255, for highlight clipping. */
function maxChannel(
  tensor: Float32Array,
  i: number,
  plane: number,
  layout: TensorLayout,
  lo: number,
  scale: number,
): number {
  const r = layout === 'NCHW' ? tensor[i]! : tensor[3 * i]!;
  const g = layout === 'NCHW' ? tensor[plane + i]! : tensor[3 * i + 1]!;
  const b = layout === 'NCHW' ? tensor[2 * plane + i]! : tensor[3 * i + 2]!;
  return (Math.max(r, g, b) - lo) * scale;
}

/**
 * Measures a face crop (the landmark network's input) over regions drawn from its landmarks.
 * Everything is computed on the crop, so the figures do not depend on the camera's resolution.
 */
export function measureFaceImage(
  tensor: Float32Array,
  width: number,
  height: number,
  layout: TensorLayout,
  range: readonly [number, number],
  regions: MeasureRegions,
): FaceImageMeasures {
  const plane = width * height;
  const luma = lumaPlane(tensor, width, height, layout, range);
  const skin = new Uint8Array(plane);
  for (const poly of regions.skin) fillPolygon(skin, width, height, poly, 1);
  for (const poly of regions.excluded) fillPolygon(skin, width, height, poly, 0);
  const inner = new Uint8Array(plane);
  fillPolygon(inner, width, height, regions.inner, 1);

  const scale = 255 / (range[1] - range[0]);
  const [mx0, my0, mx1, my1] = regions.midline;
  let sum = 0;
  let count = 0;
  let high = 0;
  let low = 0;
  const side = [0, 0];
  const sideCount = [0, 0];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (skin[i] !== 1) continue;
      const l = luma[i]!;
      sum += l;
      count++;
      if (maxChannel(tensor, i, plane, layout, range[0], scale) >= 250) high++;
      if (l <= 10) low++;
      // Which side of the midline: sign of the cross product (image right is "left" of the subject).
      const s = (mx1 - mx0) * (y + 0.5 - my0) - (my1 - my0) * (x + 0.5 - mx0) > 0 ? 0 : 1;
      side[s]! += l;
      sideCount[s]!++;
    }
  }
  const meanA = sideCount[0]! > 0 ? side[0]! / sideCount[0]! : 0;
  const meanB = sideCount[1]! > 0 ? side[1]! / sideCount[1]! : 0;
  const brighter = Math.max(meanA, meanB);
  const brightness = count > 0 ? sum / count : 0;
  const focusScale = brightness > 0 ? (SHARPNESS_REFERENCE_LUMA / brightness) ** 2 : 0;
  return {
    brightness,
    highlightClip: count > 0 ? high / count : 0,
    shadowClip: count > 0 ? low / count : 0,
    unevenness: brighter > 0 ? Math.abs(meanA - meanB) / brighter : 0,
    sharpness: laplacianVariance(luma, width, height, inner) * focusScale,
  };
}

/** Variance of the 4-neighbour Laplacian over pixels whose whole neighbourhood is in `mask`. */
export function laplacianVariance(
  luma: Float32Array,
  width: number,
  height: number,
  mask: Uint8Array,
): number {
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (
        mask[i] !== 1 ||
        mask[i - 1] !== 1 ||
        mask[i + 1] !== 1 ||
        mask[i - width] !== 1 ||
        mask[i + width] !== 1
      )
        continue;
      const lap = luma[i - 1]! + luma[i + 1]! + luma[i - width]! + luma[i + width]! - 4 * luma[i]!;
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return sumSq / n - mean * mean;
}
