import type { z } from 'zod';
import type { ZoneOverlay } from '../../shared/schemas/analysis-schemas';
import {
  affineScale,
  applyAffine,
  invertAffine,
  rectToImageTransform,
  type Affine,
} from '../vision/affine-transform';
import { insideImageMask, sampleTensor } from '../vision/bilinear-sampler';
import type { Point3 } from '../vision/facemesh-decoder';
import { rasterizeZoneMasks, zonePolygon } from '../vision/face-zones';
import type { RgbaImage } from '../vision/image-types';
import { skinCropRect } from '../vision/skin-crop';
import { SKIN_CROP_SIZE, SKIN_ZONES, type SkinZone } from '../skin/skin-metrics-io';

/** Most bilinear taps per axis averaged into one crop pixel when a large face is shrunk. */
const MAX_SUPERSAMPLE = 3;

/** The skin-metrics network's `crop` and `masks` inputs, and the zone outlines for the results screen. */
export interface SkinInputs {
  /** [1,3,S,S] sRGB in [0,1], NCHW. */
  readonly crop: Float32Array;
  /** [1,7,S,S] 0/1 masks in SKIN_ZONES order. */
  readonly masks: Float32Array;
  readonly pixelCounts: Readonly<Record<SkinZone, number>>;
  /** Zone outlines in normalised image coordinates. */
  readonly overlays: z.infer<typeof ZoneOverlay>[];
  readonly cropToImage: Affine;
}

/**
 * Cuts the eye-levelled face square out of the image and draws the zone masks in it. When the face
 * spans more image pixels than the crop has, each crop pixel averages a grid of taps so pore-scale
 * texture is filtered rather than aliased.
 */
export function prepareSkinInputs(
  image: RgbaImage,
  points: readonly Point3[],
  size = SKIN_CROP_SIZE,
): SkinInputs {
  const cropToImage = rectToImageTransform(skinCropRect(points), size, size);
  const supersample = Math.min(MAX_SUPERSAMPLE, Math.max(1, Math.round(affineScale(cropToImage))));
  const crop = sampleTensor(image, cropToImage, {
    width: size,
    height: size,
    layout: 'NCHW',
    range: [0, 1],
    supersample,
  });
  // Only a face near the frame edge needs the per-pixel inside test.
  const corners = [
    applyAffine(cropToImage, 0, 0),
    applyAffine(cropToImage, size, 0),
    applyAffine(cropToImage, 0, size),
    applyAffine(cropToImage, size, size),
  ];
  const inside = corners.every(([x, y]) => x >= 0 && y >= 0 && x <= image.width && y <= image.height);
  const valid = inside ? undefined : insideImageMask(image.width, image.height, cropToImage, size, size);
  const { masks, pixelCounts } = rasterizeZoneMasks(points, invertAffine(cropToImage), size, size, valid);
  const overlays = SKIN_ZONES.map((zone) => {
    const flat = zonePolygon(points, zone);
    const polygon: [number, number][] = [];
    for (let i = 0; i < flat.length; i += 2)
      polygon.push([flat[i]! / image.width, flat[i + 1]! / image.height]);
    return { zone, polygon };
  });
  return { crop, masks, pixelCounts, overlays, cropToImage };
}
