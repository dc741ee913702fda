import type { Lab } from '../../shared/schemas/skin-profile-schemas';

/** Parametric weights kL, kC, kH of CIEDE2000; all 1 for the reference conditions. */
export interface DeltaEWeights {
  readonly kL?: number;
  readonly kC?: number;
  readonly kH?: number;
}

const DEG = Math.PI / 180;
const POW25_7 = 25 ** 7;

/** Hue angle in degrees [0, 360) of (a', b); 0 for a neutral colour, as Sharma et al. specify. */
function hueDeg(aPrime: number, b: number): number {
  if (aPrime === 0 && b === 0) return 0;
  const h = Math.atan2(b, aPrime) / DEG;
  return h < 0 ? h + 360 : h;
}

/**
 * CIEDE2000 colour difference (CIE 142-2001), implemented as in Sharma, Wu & Dalal, "The CIEDE2000
 * colour-difference formula: implementation notes, supplementary test data, and mathematical
 * observations", Color Res. Appl. 30(1), 2005 — including their hue-mean rule for neutral colours.
 * Symmetric in its two arguments.
 */
export function deltaE2000(lab1: Lab, lab2: Lab, weights: DeltaEWeights = {}): number {
  const { kL = 1, kC = 1, kH = 1 } = weights;
  const C1ab = Math.hypot(lab1.a, lab1.b);
  const C2ab = Math.hypot(lab2.a, lab2.b);
  const meanCab7 = ((C1ab + C2ab) / 2) ** 7;
  const G = 0.5 * (1 - Math.sqrt(meanCab7 / (meanCab7 + POW25_7)));
  const a1 = (1 + G) * lab1.a;
  const a2 = (1 + G) * lab2.a;
  const C1 = Math.hypot(a1, lab1.b);
  const C2 = Math.hypot(a2, lab2.b);
  const h1 = hueDeg(a1, lab1.b);
  const h2 = hueDeg(a2, lab2.b);

  const dL = lab2.L - lab1.L;
  const dC = C2 - C1;
  let dh = 0;
  if (C1 * C2 !== 0) {
    dh = h2 - h1;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  const dH = 2 * Math.sqrt(C1 * C2) * Math.sin((dh / 2) * DEG);

  const Lmean = (lab1.L + lab2.L) / 2;
  const Cmean = (C1 + C2) / 2;
  let hMean = h1 + h2;
  if (C1 * C2 !== 0) {
    if (Math.abs(h1 - h2) <= 180) hMean /= 2;
    else hMean = hMean < 360 ? (hMean + 360) / 2 : (hMean - 360) / 2;
  }

  const T =
    1 -
    0.17 * Math.cos((hMean - 30) * DEG) +
    0.24 * Math.cos(2 * hMean * DEG) +
    0.32 * Math.cos((3 * hMean + 6) * DEG) -
    0.2 * Math.cos((4 * hMean - 63) * DEG);
  const dTheta = 30 * Math.exp(-(((hMean - 275) / 25) ** 2));
  const Cmean7 = Cmean ** 7;
  const RC = 2 * Math.sqrt(Cmean7 / (Cmean7 + POW25_7));
  const L50 = (Lmean - 50) ** 2;
  const SL = 1 + (0.015 * L50) / Math.sqrt(20 + L50);
  const SC = 1 + 0.045 * Cmean;
  const SH = 1 + 0.015 * Cmean * T;
  const RT = -Math.sin(2 * dTheta * DEG) * RC;

  const tL = dL / (kL * SL);
  const tC = dC / (kC * SC);
  const tH = dH / (kH * SH);
  return Math.sqrt(tL * tL + tC * tC + tH * tH + RT * tC * tH);
}

/** CIE 1976 ΔE*ab, the Euclidean distance in CIELAB. */
export function deltaE76(lab1: Lab, lab2: Lab): number {
  return Math.hypot(lab1.L - lab2.L, lab1.a - lab2.a, lab1.b - lab2.b);
}
