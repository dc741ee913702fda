import type { AnalysisServices } from '../../../electron/services/analysis-services';
import { KioskError } from '../../../electron/shared/result';
import type { SkinTone } from '../../../electron/shared/schemas/skin-profile-schemas';
import type { PreparedFace } from './face-photos';
import type { Light } from './lights-and-camera';
import { cameraOf } from './spectral-model';
import { lightScene, renderFrame, type ToneAlbedo } from './truth-set';

/**
 * Calibrated: the camera's white balance locked under the light, the chart in the frame and used.
 * Uncalibrated: the camera on its daylight preset (the light's whole cast), no chart, nothing stored.
 */
export type ToneMode = 'calibrated' | 'uncalibrated';

export interface ToneRecord {
  readonly mode: ToneMode;
  readonly photo: string;
  readonly albedo: ToneAlbedo;
  readonly light: string;
  readonly exposure: number;
  /** False when the analysis said there was no (single, large enough) face. */
  readonly faceFound: boolean;
  readonly tone: SkinTone | null;
  /** The error code when the analysis failed. */
  readonly error: string | null;
}

export interface ToneGrid {
  readonly faces: readonly PreparedFace[];
  readonly albedos: readonly ToneAlbedo[];
  readonly lights: readonly Light[];
  readonly exposures: readonly number[];
  readonly modes: readonly ToneMode[];
}

const FACE_ERRORS = new Set(['NO_FACE', 'MULTIPLE_FACES', 'FACE_TOO_SMALL']);

/**
 * Renders every case of the grid and analyses it through the kiosk's analysis services (the
 * product path: ONNX Runtime in its worker). Calibrated cases carry the chart in the frame and are
 * analysed with `chartInFrame`; uncalibrated ones have no chart and no stored calibration.
 */
export async function runToneGrid(
  services: AnalysisServices,
  grid: ToneGrid,
  onRecord: (record: ToneRecord, done: number, total: number) => void = () => {},
): Promise<ToneRecord[]> {
  const records: ToneRecord[] = [];
  const total =
    grid.faces.length * grid.lights.length * grid.albedos.length * grid.exposures.length * grid.modes.length;
  let seed = 1;
  for (const face of grid.faces) {
    for (const light of grid.lights) {
      const lit = lightScene(light);
      for (const albedo of grid.albedos) {
        const skin = cameraOf(albedo.spectrum, light.spectrum);
        for (const exposure of grid.exposures) {
          for (const mode of grid.modes) {
            const calibrated = mode === 'calibrated';
            const frame = calibrated
              ? renderFrame(face.scene, lit, skin, exposure, face.chart, seed++, lit.lockedBalance)
              : renderFrame(face.scene, lit, skin, exposure, null, seed++);
            let record: ToneRecord;
            try {
              const result = await services.analyze(
                frame,
                {},
                { emit: () => {} },
                {},
                { chartInFrame: calibrated },
              );
              record = {
                mode,
                photo: face.scene.name,
                albedo,
                light: light.name,
                exposure,
                faceFound: true,
                tone: result.profile.tone,
                error: null,
              };
            } catch (error) {
              const code = error instanceof KioskError ? error.code : 'INTERNAL';
              if (code === 'INTERNAL') throw error;
              record = {
                mode,
                photo: face.scene.name,
                albedo,
                light: light.name,
                exposure,
                faceFound: !FACE_ERRORS.has(code),
                tone: null,
                error: code,
              };
            }
            records.push(record);
            onRecord(record, records.length, total);
          }
        }
      }
    }
  }
  return records;
}
