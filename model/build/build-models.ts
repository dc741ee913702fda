/**
 * `npm run model:build`: converts the face models from the pinned npm package, writes the `.onnx`
 * files and `manifest.json` into model/. Output is byte-identical on every run with the same sources.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFaceModel, checkSourcePackage } from './face-model-builder';
import { FACE_MODEL_RECIPES } from './face-model-recipes';
import { manifestText, type ModelManifestEntry } from './model-manifest';
import { buildSkinMetricsModel } from '../skin-metrics/build-skin-metrics-model';

const MODEL_DIR = fileURLToPath(new URL('..', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('../../node_modules/@vladmandic/human', import.meta.url));

function buildConvertedModels(outDir: string): ModelManifestEntry[] {
  checkSourcePackage(PACKAGE_DIR);
  return FACE_MODEL_RECIPES.map((recipe) => {
    const { bytes, entry } = buildFaceModel(recipe, PACKAGE_DIR);
    writeFileSync(join(outDir, entry.file), bytes);
    return entry;
  });
}

async function main(): Promise<void> {
  const entries: ModelManifestEntry[] = buildConvertedModels(MODEL_DIR);

  // Models written by code (no conversion) are added below: each builder writes its .onnx file into
  // MODEL_DIR and returns its ModelManifestEntry, which is pushed onto `entries`.
  entries.push(buildSkinMetricsModel(MODEL_DIR));

  writeFileSync(
    join(MODEL_DIR, 'manifest.json'),
    manifestText({ manifestVersion: 1, build: 'npm run model:build', models: entries }),
  );
  for (const entry of entries)
    console.log(`${entry.file.padEnd(20)} ${String(entry.bytes).padStart(9)} bytes  sha256 ${entry.sha256}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
