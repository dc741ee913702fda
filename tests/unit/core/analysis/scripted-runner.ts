import type {
  ModelName,
  ModelRunner,
  RunnerInfo,
  TensorMap,
} from '../../../../electron/core/analysis/model-runner-port';
import type { Point3 } from '../../../../electron/core/vision/facemesh-decoder';
import { ZONE_FEATURE_COUNT } from '../../../../electron/core/skin/skin-metrics-io';

/** A face for the scripted detector, in pixels of a 640×480 frame letterboxed to 256. */
export interface ScriptedFace {
  readonly cx: number;
  readonly cy: number;
  readonly width: number;
  readonly score?: number;
}

const SCALE = 640 / 256;
const OFFSET_Y = (640 - 480) / 2;

/**
 * Answers the pipeline's model calls with fixed arrays: detector rows placed at the given faces,
 * a given mesh in landmark-crop pixels, and constant zone statistics. It records every feed, so
 * tests can check what the pipeline sent. For orchestration tests; the real networks run in the
 * integration tests.
 */
export class ScriptedRunner implements ModelRunner {
  readonly calls: { model: ModelName; feeds: TensorMap }[] = [];

  constructor(
    private readonly faces: readonly ScriptedFace[],
    private readonly mesh: readonly Point3[],
    /** FaceMesh's face-presence answer; tests change it to lose a tracked face. */
    public faceFlag = 0.95,
  ) {}

  info(): RunnerInfo {
    return { executionProvider: 'scripted', tried: [], warm: true };
  }

  async run(model: ModelName, feeds: TensorMap): Promise<TensorMap> {
    this.calls.push({ model, feeds });
    if (model === 'blazeface') return this.detector();
    if (model === 'iris') {
      // The iris centre mid-crop with a radius of 8 px of the 64-px eye crop, every other point there too.
      const data = new Float32Array(76 * 3);
      for (let k = 0; k < 76; k++) data.set([32, 32, 0], 3 * k);
      [
        [40, 32],
        [32, 24],
        [24, 32],
        [32, 40],
      ].forEach(([x, y], k) => data.set([x!, y!, 0], 3 * (72 + k)));
      return { landmarks: { data, dims: [1, 76, 3] } };
    }
    if (model === 'facemesh') {
      const data = new Float32Array(468 * 3);
      this.mesh.forEach((p, i) => data.set(p, 3 * i));
      return {
        landmarks: { data, dims: [1, 468, 3] },
        face_flag: { data: new Float32Array([this.faceFlag]), dims: [1, 1] },
      };
    }
    const stats = new Float32Array(7 * ZONE_FEATURE_COUNT).map((_, i) => (i % ZONE_FEATURE_COUNT) + 1);
    return { zone_stats: { data: stats, dims: [1, 7, ZONE_FEATURE_COUNT] } };
  }

  private detector(): TensorMap {
    const scores = new Float32Array(896);
    const boxes = new Float32Array(896 * 16);
    this.faces.forEach((f, k) => {
      // Anchor k·40 of the stride-16 grid; the regressors carry the whole offset from it.
      const anchor = k * 40;
      const ax = 16 * ((anchor >> 1) % 16) + 8;
      const ay = 16 * Math.floor((anchor >> 1) / 16) + 8;
      const cx = f.cx / SCALE - ax;
      const cy = (f.cy + OFFSET_Y) / SCALE - ay;
      const w = f.width / SCALE;
      scores[anchor] = f.score ?? 0.9;
      boxes.set([cx, cy, w, w * 1.1, cx - 0.2 * w, cy - 0.15 * w, cx + 0.2 * w, cy - 0.15 * w], anchor * 16);
    });
    return { scores: { data: scores, dims: [1, 896, 1] }, boxes: { data: boxes, dims: [1, 896, 16] } };
  }
}
