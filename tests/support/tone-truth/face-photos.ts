import path from 'node:path';
import { FaceFinder } from '../../../electron/core/analysis/face-finder';
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
 * Decodes each photo, finds its face and FaceMesh landmarks with the kiosk's own networks, and takes
 * the skin apart for re-rendering (`face-scene.ts`). The photos' pixels stay in memory.
 */
export async function prepareFaces(files: readonly string[]): Promise<PreparedFace[]> {
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
      const scene = buildFaceScene(path.basename(file).replace(/\.\w+$/, ''), image, mesh.points);
      prepared.push({ scene, chart: placeChart(scene, index) });
    }
    return prepared;
  } finally {
    await runner.dispose();
  }
}
