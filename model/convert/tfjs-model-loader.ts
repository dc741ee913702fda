import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConversionError } from './conversion-error';
import type { TfjsGraphModel, TfjsModelJson } from './tfjs-model-types';
import { decodeWeightGroups } from './weight-decoder';

/** Parses a graph model from its JSON text and a shard reader. */
export function parseTfjsGraphModel(
  jsonText: string,
  readShards: (paths: readonly string[]) => Uint8Array,
): TfjsGraphModel {
  let json: TfjsModelJson;
  try {
    json = JSON.parse(jsonText) as TfjsModelJson;
  } catch (error) {
    throw new ConversionError(`model.json is not valid JSON: ${(error as Error).message}`);
  }
  if (json.format !== undefined && json.format !== 'graph-model') {
    throw new ConversionError(`expected a TensorFlow.js graph model, got format '${json.format}'`);
  }
  if (!Array.isArray(json.modelTopology?.node) || !Array.isArray(json.weightsManifest)) {
    throw new ConversionError('model.json lacks modelTopology.node or weightsManifest');
  }
  return { json, weights: decodeWeightGroups(json.weightsManifest, readShards) };
}

/** Reads `model.json` and its `.bin` shards (paths relative to the JSON file) from disk. */
export function loadTfjsGraphModel(jsonPath: string): TfjsGraphModel {
  const directory = dirname(jsonPath);
  return parseTfjsGraphModel(readFileSync(jsonPath, 'utf8'), (paths) => {
    const parts = paths.map((path) => readFileSync(join(directory, path)));
    return new Uint8Array(Buffer.concat(parts));
  });
}
