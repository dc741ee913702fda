import path from 'node:path';
import { FaceFinder } from '../../../electron/core/analysis/face-finder';
import { estimateHeadPose } from '../../../electron/core/vision/head-pose';
import { loadModelSet } from '../../../electron/adapters/inference/model-files';
import { WorkerModelRunner } from '../../../electron/adapters/inference/worker-model-runner';
import { rgba, repoRoot } from '../../integration/analysis/analysis-fixtures';
import { placeChart, type ChartPlacement } from './chart-scene';
import { buildFaceScene, type FaceScene } from './face-scene';

export interface PreparedFace {
  readonly scene: FaceScene;
  readonly chart: ChartPlacement;
}

/**
 * Photos of a face turned further than this (yaw or pitch, degrees) are left out of the truth set:
 * the kiosk's live guidance asks for ±15° and its capture gate refuses beyond 30°, so such a face
 * never reaches the colour measurement, and one near the gate's limit would be refused on some
 * renders and not others — a pose figure, not a colour one.
 */
const MAX_TRUTH_POSE_DEG = 20;

/**
 * Decodes each photo, finds its face and FaceMesh landmarks with the kiosk's own networks, and takes
 * the skin apart for re-rendering (`face-scene.ts`). Faces turned beyond `MAX_TRUTH_POSE_DEG` are
 * reported through `onSkipped` and left out. The photos' pixels stay in memory.
 */
export async function prepareFaces(
  files: readonly string[],
  onSkipped: (file: string, reason: string) => void = () => undefined,
): Promise<PreparedFace[]> {
  const set = await loadModelSet(path.join(repoRoot, 'model'));
  const runner = await WorkerModelRunner.start({
    models: set.models.filter((m) => m.name === 'blazeface' || m.name === 'facemesh'),
    preference: ['cpu'],
  });
  try {
    const finder = new FaceFinder(runner, set.io);
    const prepared: PreparedFace[] = [];
    for (const [index, file] of files.entries()) {
      const image = await rgba(file);
      const [face] = await finder.detect(image);
      if (!face) throw new Error(`no face in ${file}`);
      const mesh = await finder.landmarks(image, face);
      const pose = estimateHeadPose(mesh.points);
      if (Math.abs(pose.yaw) > MAX_TRUTH_POSE_DEG || Math.abs(pose.pitch) > MAX_TRUTH_POSE_DEG) {
        onSkipped(file, `turned ${pose.yaw.toFixed(0)}° yaw, ${pose.pitch.toFixed(0)}° pitch`);
        continue;
      }
      const scene = buildFaceScene(path.basename(file).replace(/\.\w+$/, ''), image, mesh.points);
      prepared.push({ scene, chart: placeChart(scene, index) });
    }
    return prepared;
  } finally {
    await runner.dispose();
  }
}
