import { floatTensor, GraphBuilder, int64Tensor } from '../onnx';
import { SKIN_METRICS_IO, SKIN_ZONES, ZONE_FEATURES } from '../../electron/core/skin/skin-metrics-io';
import { BLOB_KERNELS, gaborKernels, gaussianTaps, upsampleMatrix } from './skin-filter-kernels';
import {
  LAB_EPSILON,
  LAB_KAPPA,
  SKIN_METRICS_PARAMS as P,
  SRGB_THRESHOLD,
  SRGB_TO_XYZ_N,
} from './skin-metrics-params';

/** f(X), f(Y), f(Z) → L* + 16, a*, b*. */
const F_TO_LAB = [0, 116, 0, 500, -500, 0, 0, 200, -200];
const RIDGE_COUNT = P.gabor.anglesDeg.length;

/**
 * The skin-metrics network as an ONNX graph: colour conversion, normalised multi-scale blurs, band
 * energies, blob and line detectors, and per-zone means, all with fixed weights. `size` is the side
 * of the square crop (256 in the shipped model; tests build smaller ones). docs/skin-metrics.md
 * walks through the same steps; skin-metrics-reference.ts computes them with plain loops.
 */
export function buildSkinMetricsGraph(size: number): GraphBuilder {
  if (size % (P.poolFactor * P.gaborPool) !== 0)
    throw new RangeError(`crop size ${size} must be a multiple of 8`);
  const n = size;
  const hw = n * n;
  const zones = SKIN_ZONES.length;
  const g = new GraphBuilder(
    'skin_metrics',
    'Per-zone skin statistics from an aligned face crop and zone masks.',
  );
  let count = 0;
  const k = (dims: number[], values: ArrayLike<number>) =>
    g.initializer(`k${count++}`, floatTensor(dims, values));
  const ints = (values: number[]) => g.initializer(`i${count++}`, int64Tensor([values.length], values));
  const op = (type: string, inputs: string[], attrs: Record<string, number | number[] | string> = {}) =>
    g.node(type, inputs, attrs);
  const split = (x: string, parts: number[], axis = 1) =>
    g.nodeMulti('Split', [x, ints(parts)], parts.length, { axis });
  const add = (a: string, b: string) => op('Add', [a, b]);
  const sub = (a: string, b: string) => op('Sub', [a, b]);
  const mul = (a: string, b: string) => op('Mul', [a, b]);
  const div = (a: string, b: string) => op('Div', [a, b]);
  const scalar = (v: number) => k([], [v]);
  const sq = (a: string) => mul(a, a);
  const clippedEnergy = (band: string) => sq(op('Min', [op('Abs', [band]), scalar(P.energyClip)]));
  const one = scalar(1);
  /** Logistic step sigmoid((x − t) / w): a soft threshold, so scores move smoothly. */
  const step = (x: string, t: number, w: number) => op('Sigmoid', [div(sub(x, scalar(t)), scalar(w))]);
  const concat = (xs: string[], axis = 1) => op('Concat', xs, { axis });
  // exp(p·ln x) runs vectorised on the CPU provider, several times faster than Pow; x = 0 gives 0.
  const power = (v: string, p: number) => op('Exp', [mul(op('Log', [v]), scalar(p))]);
  const reshape = (x: string, dims: number[]) => op('Reshape', [x, ints(dims)]);

  const crop = g.input(
    SKIN_METRICS_IO.crop,
    'float32',
    [1, 3, n, n],
    'aligned face crop, sRGB in [0,1], NCHW',
  );
  const masks = g.input(
    SKIN_METRICS_IO.masks,
    'float32',
    [1, zones, n, n],
    `0/1 zone masks: ${SKIN_ZONES.join(', ')}`,
  );
  const color = g.input(
    SKIN_METRICS_IO.color,
    'float32',
    [1, 3, 3],
    'colour matrix on linear RGB (out = M · rgb)',
  );

  // ── Colour: camera values → linear RGB → corrected → CIELAB. ──
  const x = op('Clip', [crop, scalar(0), one]);
  const rawLuma = op('Conv', [x, k([1, 3, 1, 1], [0.2126, 0.7152, 0.0722])]);
  const hi = op('ReduceMax', [x], { axes: [1], keepdims: 1 });
  const clipHit = op('Or', [
    op('GreaterOrEqual', [hi, scalar(P.clipHigh)]),
    op('LessOrEqual', [hi, scalar(P.clipLow)]),
  ]);
  const linear = op('Where', [
    op('LessOrEqual', [x, scalar(SRGB_THRESHOLD)]),
    div(x, scalar(12.92)),
    power(div(add(x, scalar(0.055)), scalar(1.055)), 2.4),
  ]);
  const toXyz = op('MatMul', [k([3, 3], SRGB_TO_XYZ_N), color]);
  const xyz = op('Max', [op('MatMul', [toXyz, reshape(linear, [1, 3, hw])]), scalar(0)]);
  const f = op('Where', [
    op('Greater', [xyz, scalar(LAB_EPSILON)]),
    power(xyz, 1 / 3),
    div(add(mul(xyz, scalar(LAB_KAPPA)), scalar(16)), scalar(116)),
  ]);
  const lab = add(op('MatMul', [k([3, 3], F_TO_LAB), f]), k([3, 1], [-16, 0, 0])); // [1,3,hw]
  const [L, a, b] = split(reshape(lab, [1, 3, n, n]), [1, 1, 1]);
  // Texture works on u = 100·ln Y (1 unit ≈ 1% of luminance): a contrast, not a lightness step,
  // so the same relative blemish scores the same on light and deep skin. It is taken from Y itself:
  // L* turns linear below L* 8, which would flatten the contrast of the deepest skin's shadows.
  const [, Y] = split(reshape(xyz, [1, 3, n, n]), [1, 1, 1]);
  const u = mul(op('Log', [op('Max', [Y!, scalar(P.luminanceFloor)])]), scalar(100));
  const contrast = (lightness: string) =>
    mul(op('Log', [div(add(lightness, scalar(16)), scalar(116))]), scalar(300));

  // ── Zone means of L*, a*, b* (first pass), broadcast back onto each zone's pixels. ──
  const masksFlat = reshape(masks, [1, zones, hw]);
  const masksT = op('Transpose', [masksFlat], { perm: [0, 2, 1] });
  const cover = op('ReduceSum', [masks, ints([1])], { keepdims: 1 });
  const skin = op('Min', [cover, one]);
  const labSums = op('MatMul', [lab, masksT]); // [1,3,7]
  const area = op('ReduceSum', [masksFlat, ints([2])], { keepdims: 1 }); // [1,7,1]
  const zoneLab = div(labSums, op('Max', [op('Transpose', [area], { perm: [0, 2, 1] }), one]));
  const ref = div(op('MatMul', [zoneLab, masksFlat]), op('Max', [reshape(cover, [1, 1, hw]), scalar(1e-6)]));
  const [Lref, aref, bref] = split(reshape(ref, [1, 3, n, n]), [1, 1, 1]);

  const chroma = op('Sqrt', [add(sq(a!), sq(b!))]);
  const chromaRef = op('Sqrt', [add(sq(aref!), sq(bref!))]);
  // Specular light adds the same luminance whatever the skin's own tone: threshold ΔY, not ΔL*.
  const uRef = contrast(Lref!);
  const luminance = (contrastU: string) => op('Exp', [mul(contrastU, scalar(0.01))]);
  const shine = mul(
    step(sub(luminance(u), luminance(uRef)), P.shine.luminance, P.shine.luminanceWidth),
    op('Sigmoid', [div(sub(chromaRef, chroma), scalar(P.shine.chromaWidth))]),
  );
  const darker = step(sub(uRef, u), P.occluded.darker, P.occluded.darkerWidth);
  const abDistance = op('Sqrt', [add(sq(sub(a!, aref!)), sq(sub(b!, bref!)))]);
  const offHue = step(abDistance, P.occluded.abDistance, P.occluded.abWidth);
  const occluded = sub(one, mul(sub(one, darker), sub(one, offHue)));
  // A clipped pixel's colour is wrong (one channel is cut), so it does not count towards the tone.
  const clipped = op('Cast', [clipHit], { to: 1 });
  const toneWeight = mul(mul(sub(one, shine), sub(one, occluded)), sub(one, clipped));

  // ── Normalised blurs G(v·S) / G(S): hair, eyes and background never leak into the skin. ──
  const blur = (stack: string, channels: number, sigma: number): string => {
    const taps = gaussianTaps(sigma);
    const r = (taps.length - 1) / 2;
    const padded = op('Pad', [stack, ints([0, 0, r, r, 0, 0, r, r])], { mode: 'reflect' });
    const rows = op('Conv', [padded, k([channels, 1, 1, taps.length], Array(channels).fill(taps).flat())], {
      group: channels,
      kernel_shape: [1, taps.length],
    });
    return op('Conv', [rows, k([channels, 1, taps.length, 1], Array(channels).fill(taps).flat())], {
      group: channels,
      kernel_shape: [taps.length, 1],
    });
  };
  /** Blurs [v1·S … vk·S, S] and returns each vi's normalised blur. */
  const normalised = (values: string[], mask: string, sigma: number): string[] => {
    const parts = split(blur(concat([...values, mask]), values.length + 1, sigma), [values.length, 1]);
    const ratio = div(parts[0]!, op('Max', [parts[1]!, scalar(P.maskFloor)]));
    return values.length === 1
      ? [ratio]
      : split(
          ratio,
          values.map(() => 1),
        );
  };
  const uS = mul(u, skin);
  const aS = mul(a!, skin);
  const [G1u] = normalised([uS], skin, P.fineSigmas[0]);
  const [G2u, G2a] = normalised([uS, aS], skin, P.fineSigmas[1]);

  const small = n / P.poolFactor;
  const poolBy = (v: string, s: number) => op('AveragePool', [v], { kernel_shape: [s, s], strides: [s, s] });
  const [pu, pS] = split(poolBy(concat([uS, skin]), P.poolFactor), [1, 1]);
  const [coarseSmall] = normalised([pu!], pS!, P.coarseSigmaPooled);
  const up = k([n, small], upsampleMatrix(small, P.poolFactor));
  const G8u = op('MatMul', [op('MatMul', [up, coarseSmall!]), op('Transpose', [up], { perm: [1, 0] })]);

  // ── Bands and detectors. ──
  const detail = sub(u, G1u!);
  const poreBand = sub(G1u!, G2u!);
  const negSpot = sub(G8u, G2u!);
  // Dark blobs: the smaller eigenvalue of the Hessian of G2 u, scale-normalised (× σ² = 4). Both
  // curvatures are positive only at a local darkening; shading gradients, shadow edges and lines
  // have one curvature near zero, so they are not spots.
  const hessian = op('Conv', [
    op('Pad', [G2u!, ints([0, 0, 1, 1, 0, 0, 1, 1])], { mode: 'reflect' }),
    k([3, 1, 3, 3], BLOB_KERNELS),
  ]);
  const [half2, diff2, cross4] = split(hessian, [1, 1, 1]);
  const blob = sub(half2!, op('Sqrt', [add(sq(diff2!), sq(cross4!))]));
  const r = (P.spot.nms - 1) / 2;
  const localMax = op('MaxPool', [blob], { kernel_shape: [P.spot.nms, P.spot.nms], pads: [r, r, r, r] });
  const isCentre = op('And', [
    op('Equal', [blob, localMax]),
    op('Greater', [blob, scalar(P.spot.threshold)]),
  ]);
  // Redness: a* above what the zone's own colour gives at this pixel's lightness. a* grows with
  // lightness at a fixed hue, so shading alone would read as redness on strongly coloured skin;
  // a_ref · exp((G2 u − u_ref)/300) is the zone's mean a* scaled to the local L* + 16. The zone's
  // own mean, not the face's: cheeks, nose and chin are redder than the forehead on most faces.
  const redBand = sub(G2a!, mul(aref!, op('Exp', [div(sub(G2u!, uRef), scalar(300))])));

  // ── Per-pixel maps in ZONE_FEATURES order (before the ridges), zone means in one MatMul. ──
  const maps = concat([
    add(mul(L!, scalar(0)), one),
    rawLuma,
    clipped,
    L!,
    a!,
    b!,
    shine,
    occluded,
    toneWeight,
    mul(toneWeight, L!),
    mul(toneWeight, a!),
    mul(toneWeight, b!),
    clippedEnergy(detail),
    clippedEnergy(poreBand),
    step(op('Neg', [poreBand]), P.pore.threshold, P.pore.width),
    step(blob, P.spot.threshold, P.spot.width),
    op('Cast', [isCentre], { to: 1 }),
    step(redBand, P.red.threshold, P.red.width),
    clippedEnergy(negSpot),
  ]);
  const pixelFeatures = ZONE_FEATURES.length - RIDGE_COUNT;
  const sums = op('Transpose', [op('MatMul', [reshape(maps, [1, pixelFeatures, hw]), masksT])], {
    perm: [0, 2, 1],
  });
  const [areaCol, rest] = split(sums, [1, pixelFeatures - 1], 2);
  const means = div(rest!, op('Max', [areaCol!, one]));

  // ── Wrinkles: Gabor bank on the detrended contrast, pooled 2×2; zone means on that grid. ──
  const { size: gs } = P.gabor;
  const half = n / P.gaborPool;
  const detrended = poolBy(mul(sub(u, G8u!), skin), P.gaborPool);
  const gabor = op('Conv', [detrended, k([RIDGE_COUNT, 1, gs, gs], gaborKernels())], {
    kernel_shape: [gs, gs],
    pads: Array(4).fill((gs - 1) / 2),
  });
  const ridges = reshape(clippedEnergy(op('Relu', [op('Neg', [gabor])])), [1, RIDGE_COUNT, half * half]);
  const masksHalf = reshape(poolBy(masks, P.gaborPool), [1, zones, half * half]);
  const ridgeSums = op('MatMul', [masksHalf, op('Transpose', [ridges], { perm: [0, 2, 1] })]); // [1,7,4]
  const halfArea = op('ReduceSum', [masksHalf, ints([2])], { keepdims: 1 });
  const ridgeMeans = div(ridgeSums, op('Max', [halfArea, scalar(1e-6)]));

  const out = g.node(
    'Concat',
    [areaCol!, means, ridgeMeans],
    { axis: 2 },
    { outputs: [SKIN_METRICS_IO.zoneStats] },
  );
  g.output(out, 'float32', [1, zones, ZONE_FEATURES.length]);
  return g;
}
