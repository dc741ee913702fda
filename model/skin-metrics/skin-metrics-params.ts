/**
 * Every constant of the skin-metrics network: filter scales, thresholds and kernel shapes. The ONNX
 * graph (skin-metrics-graph.ts) and the plain-TypeScript reference (skin-metrics-reference.ts) both
 * read them from here, so a change shows up in both and the parity test keeps them honest.
 * Units: texture thresholds are in contrast units u = 100·ln Y (1 unit ≈ 1% of luminance), colour
 * thresholds in CIELAB units, luminance as Y with white = 1; sizes and σ are pixels of the 256² crop.
 */
export const SKIN_METRICS_PARAMS = {
  /** A channel at or above this (gamma-encoded) is a blown highlight; all at or below, crushed. */
  clipHigh: 0.98,
  clipLow: 0.02,
  /**
   * Band values are clipped to ±this before squaring (a Huber-like energy), so a cast shadow or an
   * eyelid crease counts as one strong edge, not as most of a zone's energy.
   */
  energyClip: 12,
  /** Floor of the mask blur in normalised convolution (avoids 0/0 away from skin). */
  maskFloor: 1e-3,
  /**
   * Contrast u = 100·ln max(Y, this): about sRGB code 8, below the crushed-shadow limit, so only
   * pixels already counted as clipped are floored.
   */
  luminanceFloor: 1e-3,
  /** Scales computed at full resolution. */
  fineSigmas: [1, 2] as const,
  /** The coarse scale (σ ≈ 8) is computed on a grid pooled by this factor, with this σ there. */
  poolFactor: 4,
  coarseSigmaPooled: 2,
  /** Gaussian taps reach ±ceil(truncate·σ). */
  truncate: 3,
  /** Small dark dots: pore band G1 u − G2 u below −threshold (soft, logistic of this width). */
  pore: { threshold: 2.5, width: 0.8 },
  /**
   * Dark spots: the Hessian blob measure 4·λmin of G2 u above threshold (a 2.5-px spot about 8%
   * darker than its surround reaches 2); centres are maxima over nms × nms.
   */
  spot: { threshold: 2, width: 0.5, nms: 7 },
  /**
   * Redness: G2 a* above the zone's own a* at that lightness by threshold. Natural redness varies
   * by a few a* within a cheek; 5 leaves that out and keeps an erythema patch of +9 or more.
   */
  red: { threshold: 5, width: 1 },
  /** Specular: luminance Y above the zone mean's by `luminance`, chroma below the zone's. */
  shine: { luminance: 0.08, luminanceWidth: 0.02, chromaWidth: 2 },
  /** Not this zone's skin: u below the zone mean's by `darker` (≈ 40% darker), or a*b* far off. */
  occluded: { darker: 50, darkerWidth: 8, abDistance: 18, abWidth: 3 },
  /**
   * Even Gabor filters for line-like (wrinkle) structure, run on the detrended lightness pooled 2×2
   * (so wavelength 4 here is 8 px of the crop). Wave-vector angles in degrees.
   */
  gaborPool: 2,
  gabor: { wavelength: 4, sigma: 2, gamma: 0.5, size: 9, anglesDeg: [0, 45, 90, 135] as const },
} as const;

/** sRGB linearisation and CIELAB constants (IEC 61966-2-1, CIE 15). */
export const SRGB_THRESHOLD = 0.04045;
export const LAB_EPSILON = 216 / 24389;
export const LAB_KAPPA = 24389 / 27;

/** Linear sRGB → XYZ (IEC 61966-2-1) with each row divided by the D65 white, so Xn = Yn = Zn = 1. */
export const SRGB_TO_XYZ_N = [
  [0.4124564 / 0.95047, 0.3575761 / 0.95047, 0.1804375 / 0.95047],
  [0.2126729, 0.7151522, 0.072175],
  [0.0193339 / 1.08883, 0.119192 / 1.08883, 0.9503041 / 1.08883],
].flat();
