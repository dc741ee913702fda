import { linearToSrgb } from '../../../electron/core/color/color-spaces';
import { COLOR_CHECKER_LAB } from '../../../electron/core/color/color-checker';
import type { Mat3, Vec3 } from '../../../electron/core/color/matrix3';
import { MONK_SWATCHES_LAB, monkFromIta } from '../../../electron/core/skin/monk-scale';
import { skinLocusColour } from '../../../electron/core/skin/skin-locus';
import type { RgbaImage } from '../../../electron/core/vision/image-types';
import type { Lab } from '../../../electron/shared/schemas/skin-profile-schemas';
import { SURROUND, SURROUND_REFLECTANCE, type ChartPlacement } from './chart-scene';
import type { FaceScene } from './face-scene';
import { basisResponse, CAMERA_PROCESSING, NOMINAL_EXPOSURE, type Light } from './lights-and-camera';
import { cameraOf, D65_LIGHT, grey, labOf, reflectanceFor, type Spectrum } from './spectral-model';
import { rng } from '../seeded-random';

/**
 * The tone truth set: skin albedos of known colour, rendered onto real faces under known lights at
 * known exposures. Nothing here is stored; every frame is made in memory when a test asks for it.
 */

export interface ToneAlbedo {
  /** e.g. `monk-3` or `skin+37.5`. */
  readonly id: string;
  readonly spectrum: Spectrum;
  /** CIELAB (D65) of the albedo: the colour the kiosk should report. */
  readonly lab: Lab;
  /** atan((L* − 50)/b*) of the truth, in degrees. */
  readonly ita: number;
  /** Monk level of the truth by the documented mapping (docs/colour.md). */
  readonly monk: number;
}

const albedo = (id: string, target: Lab): ToneAlbedo => {
  const spectrum = reflectanceFor(target);
  const lab = labOf(spectrum);
  const ita = (Math.atan((lab.L - 50) / lab.b) * 180) / Math.PI;
  return { id, spectrum, lab, ita, monk: monkFromIta(ita) };
};

/** Measured-skin ITA° of the set: +60° to −60° in 7.5° steps, and the deepest skin at −70°. */
const MEASURED_SKIN_ITAS = [...Array.from({ length: 17 }, (_, k) => 60 - 7.5 * k), -70];

/** The ten Monk swatches and the measured-skin colours along the skin locus. */
export function toneAlbedos(): ToneAlbedo[] {
  return [
    ...MONK_SWATCHES_LAB.map((lab, i) => albedo(`monk-${i + 1}`, lab)),
    ...MEASURED_SKIN_ITAS.map((ita) => albedo(`skin${ita >= 0 ? '+' : ''}${ita}`, skinLocusColour(ita))),
  ];
}

/** What the camera sees of the scene's fixed surfaces under one light. */
export interface LitScene {
  readonly light: Light;
  readonly basis: Mat3;
  readonly white: Vec3;
  readonly chart: readonly Vec3[];
  /**
   * Raw channel gains of a camera whose white balance was locked where its auto white balance
   * settled under this light (the light's white made neutral in raw), as the staff screen locks
   * it before calibrating.
   */
  readonly lockedBalance: Vec3;
}

/** The camera on its daylight preset: raw channels as they come (the light's full cast). */
const DAYLIGHT_PRESET: Vec3 = [1, 1, 1];

const CHART_SPECTRA = COLOR_CHECKER_LAB.map((lab) => reflectanceFor(lab));

export function lightScene(light: Light): LitScene {
  const white = cameraOf(grey(1), light.spectrum);
  const d65 = cameraOf(grey(1), D65_LIGHT);
  return {
    light,
    basis: basisResponse(light.spectrum),
    white,
    lockedBalance: [d65[0] / white[0], d65[1] / white[1], d65[2] / white[2]],
    chart: [
      ...CHART_SPECTRA.map((s) => cameraOf(s, light.spectrum)),
      cameraOf(grey(SURROUND_REFLECTANCE), light.spectrum),
    ],
  };
}

/** Linear light → 8-bit sRGB level (fractional), on a grid fine enough for the darkest levels. */
const ENCODE = Float64Array.from({ length: 65536 }, (_, i) => 255 * linearToSrgb(i / 65535));

/** Sensor noise: one 8-bit level (standard deviation) on every channel. */
const NOISE_LEVELS = 1;

/**
 * One camera frame: the photo's surfaces under `lit`, its skin re-rendered with `skin` (the raw
 * camera response to the albedo), the chart drawn where `chart` puts it (none when null), through
 * raw white-balance gains `balance`, at `exposure` times the nominal exposure, clipped, encoded to
 * sRGB 8-bit with sensor noise.
 */
export function renderFrame(
  scene: FaceScene,
  lit: LitScene,
  skin: Vec3,
  exposure: number,
  chart: ChartPlacement | null,
  seed: number,
  balance: Vec3 = DAYLIGHT_PRESET,
): RgbaImage {
  const { width, height, linear } = scene;
  const raw = new Float32Array(width * height * 3);
  const m = lit.basis;
  for (let i = 0; i < width * height; i++) {
    const r = linear[3 * i]!;
    const g = linear[3 * i + 1]!;
    const b = linear[3 * i + 2]!;
    raw[3 * i] = m[0] * r + m[1] * g + m[2] * b;
    raw[3 * i + 1] = m[3] * r + m[4] * g + m[5] * b;
    raw[3 * i + 2] = m[6] * r + m[7] * g + m[8] * b;
  }
  scene.skin.forEach((i, k) => {
    const s = scene.specular[k]!;
    for (let c = 0; c < 3; c++) raw[3 * i + c] = scene.shade[3 * k + c]! * skin[c]! + s * lit.white[c]!;
  });
  if (chart) {
    chart.pixels.forEach((i, k) => {
      const mix = [0, 0, 0];
      for (let s = 0; s < 4; s++) {
        const label = chart.labels[4 * k + s]!;
        for (let c = 0; c < 3; c++)
          mix[c]! += (label === 255 ? raw[3 * i + c]! : lit.chart[Math.min(label, SURROUND)]![c]!) / 4;
      }
      for (let c = 0; c < 3; c++) raw[3 * i + c] = mix[c]!;
    });
  }
  const random = rng(seed);
  const data = new Uint8Array(width * height * 4);
  const k = NOMINAL_EXPOSURE * exposure;
  const p = CAMERA_PROCESSING;
  for (let i = 0; i < width * height; i++) {
    const r = raw[3 * i]! * balance[0];
    const g = raw[3 * i + 1]! * balance[1];
    const b = raw[3 * i + 2]! * balance[2];
    for (let c = 0; c < 3; c++) {
      const out = k * (p[3 * c]! * r + p[3 * c + 1]! * g + p[3 * c + 2]! * b);
      // A sum of three uniforms has the spread of NOISE_LEVELS with far less work than Box–Muller.
      const noise = (random() + random() + random() - 1.5) * 2 * NOISE_LEVELS;
      const level = ENCODE[Math.round(Math.min(1, Math.max(0, out)) * (ENCODE.length - 1))]! + noise;
      data[4 * i + c] = Math.min(255, Math.max(0, Math.round(level)));
    }
    data[4 * i + 3] = 255;
  }
  return { width, height, data };
}
