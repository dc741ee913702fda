import { composeAffine, rectToImageTransform, applyAffine, type Affine } from '../vision/affine-transform';
import { sampleTensor } from '../vision/bilinear-sampler';
import { EYE_CORNERS, LEFT_LID, RIGHT_LID } from '../vision/face-mesh-topology';
import type { Point3 } from '../vision/facemesh-decoder';
import type { RgbaImage } from '../vision/image-types';
import type { EyeOpening } from '../color/eye-evidence';
import { MIN_IRIS_RADIUS } from '../color/illuminant-estimate';
import type { FaceModelsIo } from './face-models-io';
import type { ModelRunner } from './model-runner-port';

/** The iris network's crop: the eye corners' span × 2.3, as MediaPipe cuts it. */
const CROP_SCALE = 2.3;
/** Iris radius over the eye's corner-to-corner width (11.7 mm iris in a 30 mm eye). */
const IRIS_TO_EYE = 0.19;
/** Iris centre, then four points on its boundary, in the network's 76 output points. */
const IRIS_CENTRE = 71;

const dist = (p: Point3, q: Point3): number => Math.hypot(p[0] - q[0], p[1] - q[1]);

/**
 * Runs the iris network on the more open of the two eyes (one eye is evidence enough and keeps the
 * network's cost to one small run) and returns its opening, or null when neither eye is open enough
 * to show sclera or the network's iris falls outside the eye.
 */
export async function findEyeOpening(
  runner: ModelRunner,
  io: FaceModelsIo,
  image: RgbaImage,
  points: readonly Point3[],
): Promise<EyeOpening | null> {
  const spec = io.iris?.input;
  if (!spec || !io.iris) return null;
  const opening = (top: number, bottom: number, a: number, b: number): number =>
    dist(points[top]!, points[bottom]!) / Math.max(1, dist(points[a]!, points[b]!));
  const right = opening(159, 145, EYE_CORNERS.rightOuter, EYE_CORNERS.rightInner);
  const left = opening(386, 374, EYE_CORNERS.leftOuter, EYE_CORNERS.leftInner);
  if (Math.max(left, right) < 0.18) return null;
  // MediaPipe's iris model sees a left eye; the right eye is mirrored into that orientation.
  const useLeft = left >= right;
  const inner = points[useLeft ? EYE_CORNERS.leftInner : EYE_CORNERS.rightInner]!;
  const outer = points[useLeft ? EYE_CORNERS.leftOuter : EYE_CORNERS.rightOuter]!;
  const [from, to] = useLeft ? [inner, outer] : [outer, inner];
  const span = dist(inner, outer);
  // An iris is about a fifth of the eye's width; one too small for the sclera to count is not worth
  // the network's run.
  if (IRIS_TO_EYE * span < MIN_IRIS_RADIUS) return null;
  const toImage = rectToImageTransform(
    {
      cx: (inner[0] + outer[0]) / 2,
      cy: (inner[1] + outer[1]) / 2,
      width: span * CROP_SCALE,
      height: span * CROP_SCALE,
      rotation: Math.atan2(to[1] - from[1], to[0] - from[0]),
    },
    spec.size,
    spec.size,
  );
  const mirror: Affine = { a: -1, b: 0, c: spec.size, d: 0, e: 1, f: 0 };
  const cropToImage = useLeft ? toImage : composeAffine(toImage, mirror);
  const data = sampleTensor(image, cropToImage, {
    width: spec.size,
    height: spec.size,
    layout: spec.layout,
    range: spec.range,
    supersample: Math.min(3, Math.max(1, Math.round((span * CROP_SCALE) / spec.size))),
  });
  const dims = spec.layout === 'NHWC' ? [1, spec.size, spec.size, 3] : [1, 3, spec.size, spec.size];
  const out = (await runner.run('iris', { [spec.name]: { data, dims } }, { consumeInputs: true }))[
    io.iris.landmarks
  ];
  if (!out) return null;
  const at = (k: number): [number, number] =>
    applyAffine(cropToImage, out.data[3 * k]!, out.data[3 * k + 1]!);
  const [cx, cy] = at(IRIS_CENTRE);
  const r =
    [1, 2, 3, 4].reduce(
      (s, k) => s + Math.hypot(at(IRIS_CENTRE + k)[0] - cx, at(IRIS_CENTRE + k)[1] - cy),
      0,
    ) / 4;
  // An iris is about a fifth of the eye's width across; anything else is not one.
  if (!(r > 0.08 * span && r < 0.4 * span)) return null;
  const lid: number[] = [];
  for (const k of useLeft ? LEFT_LID : RIGHT_LID) lid.push(points[k]![0], points[k]![1]);
  return { lid, iris: { x: cx, y: cy, r } };
}
