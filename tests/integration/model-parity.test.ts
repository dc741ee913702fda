/**
 * The committed ONNX models against TensorFlow.js running the source models, on real face photos:
 * detector scores within 1e-4, coordinates within 1e-3 of the input size. Also checks that the
 * manifest describes the committed files and that a rebuild reproduces them byte for byte.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFaceModel } from '../../model/build/face-model-builder';
import { FACE_MODEL_RECIPES } from '../../model/build/face-model-recipes';
import { sha256Hex, type ModelManifest } from '../../model/build/model-manifest';
import {
  createTfjsFaceReference,
  HUMAN_MODELS_DIR,
  type TfjsFaceReference,
} from '../support/tfjs-face-reference';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const MODEL_DIR = join(REPO, 'model');
const FACES_DIR = join(REPO, '../shared/data/faces');
const CROPS_DIR = join(FACES_DIR, 'crops');
const PACKAGE_DIR = join(HUMAN_MODELS_DIR, '..');

if (!existsSync(CROPS_DIR))
  throw new Error(`face photos not found at ${FACES_DIR}; the parity test needs the shared face set`);
const photos = readdirSync(FACES_DIR)
  .filter((f) => /\.(jpe?g|png)$/i.test(f))
  .sort();
const crops = readdirSync(CROPS_DIR)
  .filter((f) => /\.jpe?g$/i.test(f))
  .sort();
const manifest = JSON.parse(readFileSync(join(MODEL_DIR, 'manifest.json'), 'utf8')) as ModelManifest;

/** RGB pixels of `file` resized to size×size (letterboxed for the detector, stretched for crops). */
async function rgb(file: string, size: number, fit: 'contain' | 'fill'): Promise<Uint8Array> {
  const { data, info } = await sharp(file)
    .removeAlpha()
    .toColourspace('srgb')
    .resize(size, size, { fit, background: '#000000' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  expect(info.channels).toBe(3);
  return new Uint8Array(data);
}

const normalise = (pixels: Uint8Array, scale: number, offset: number): Float32Array =>
  Float32Array.from(pixels, (v) => v / scale + offset);

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] as number) - (b[i] as number)));
  return max;
}

let reference: TfjsFaceReference;
const sessions = new Map<string, ort.InferenceSession>();
const session = (name: string): ort.InferenceSession => sessions.get(name) as ort.InferenceSession;

async function runOnnx(
  name: string,
  input: Float32Array,
  dims: number[],
): Promise<Record<string, ort.Tensor>> {
  return session(name).run({ image: new ort.Tensor('float32', input, dims) });
}

beforeAll(async () => {
  reference = await createTfjsFaceReference({ backend: 'wasm' });
  for (const name of ['blazeface', 'facemesh', 'iris']) {
    sessions.set(
      name,
      await ort.InferenceSession.create(join(MODEL_DIR, `${name}.onnx`), { executionProviders: ['cpu'] }),
    );
  }
});

afterAll(async () => {
  reference?.dispose();
  for (const s of sessions.values()) await s.release();
});

describe('model manifest', () => {
  it('matches the committed files, their sources and the sessions’ inputs and outputs', () => {
    expect(manifest.models.map((m) => m.name)).toEqual(
      expect.arrayContaining(['blazeface', 'facemesh', 'iris']),
    );
    for (const entry of manifest.models.filter((m) => m.source.kind === 'npm')) {
      const bytes = readFileSync(join(MODEL_DIR, entry.file));
      expect(sha256Hex(bytes)).toBe(entry.sha256);
      expect(bytes.length).toBe(entry.bytes);
      if (entry.source.kind !== 'npm') continue;
      expect(entry.source.version).toBe('3.3.6');
      for (const file of entry.source.files)
        expect(sha256Hex(readFileSync(join(PACKAGE_DIR, file.path)))).toBe(file.sha256);
      const s = session(entry.name);
      expect(s.inputMetadata.map((m) => (m.isTensor ? [m.name, m.type, [...m.shape]] : m.name))).toEqual(
        entry.inputs.map((i) => [i.name, i.dtype, i.shape]),
      );
      expect(s.outputMetadata.map((m) => (m.isTensor ? [m.name, m.type, [...m.shape]] : m.name))).toEqual(
        entry.outputs.map((o) => [o.name, o.dtype, o.shape]),
      );
    }
  });

  it('rebuilds every converted model byte for byte', () => {
    for (const recipe of FACE_MODEL_RECIPES) {
      const { bytes, entry } = buildFaceModel(recipe, PACKAGE_DIR);
      expect(Buffer.from(bytes).equals(readFileSync(join(MODEL_DIR, `${recipe.name}.onnx`)))).toBe(true);
      expect(entry).toEqual(manifest.models.find((m) => m.name === recipe.name));
    }
  });
});

describe('BlazeFace parity with TensorFlow.js', () => {
  it.each(photos)('%s: scores within 1e-4, boxes and keypoints within 1e-3 of 256 px', async (photo) => {
    const input = normalise(await rgb(join(FACES_DIR, photo), 256, 'contain'), 127.5, -1);
    const onnx = await runOnnx('blazeface', input, [1, 256, 256, 3]);
    const tfjs = reference.runBlazeFace(input);
    expect(onnx.scores?.dims).toEqual([1, 896, 1]);
    expect(onnx.boxes?.dims).toEqual([1, 896, 16]);
    const scores = onnx.scores?.data as Float32Array;
    expect(maxAbsDiff(scores, tfjs.scores)).toBeLessThanOrEqual(1e-4);
    expect(maxAbsDiff(onnx.boxes?.data as Float32Array, tfjs.boxes)).toBeLessThanOrEqual(1e-3 * 256);
    // The comparison is only meaningful where the detector sees a face; the side-on camera photo may not hold one.
    if (!photo.includes('camera-profile')) expect(Math.max(...scores)).toBeGreaterThan(0.75);
  });
});

describe('FaceMesh parity with TensorFlow.js', () => {
  it.each(crops)('%s: landmarks within 1e-3 of 192 px, face flag within 1e-4', async (crop) => {
    const input = normalise(await rgb(join(CROPS_DIR, crop), 192, 'fill'), 255, 0);
    const onnx = await runOnnx('facemesh', input, [1, 192, 192, 3]);
    const tfjs = reference.runFaceMesh(input);
    expect(onnx.landmarks?.dims).toEqual([1, 468, 3]);
    expect(onnx.face_flag?.dims).toEqual([1, 1]);
    expect(maxAbsDiff(onnx.landmarks?.data as Float32Array, tfjs.landmarks)).toBeLessThanOrEqual(1e-3 * 192);
    expect(maxAbsDiff(onnx.face_flag?.data as Float32Array, tfjs.faceFlag)).toBeLessThanOrEqual(1e-4);
    expect((onnx.face_flag?.data as Float32Array)[0]).toBeGreaterThan(0.9);
  });

  it('gives each image of a batch the same landmarks as a run on its own', async () => {
    const [first, second] = await Promise.all(
      crops.slice(0, 2).map(async (c) => normalise(await rgb(join(CROPS_DIR, c), 192, 'fill'), 255, 0)),
    );
    const batch = new Float32Array([...(first as Float32Array), ...(second as Float32Array)]);
    const together = await runOnnx('facemesh', batch, [2, 192, 192, 3]);
    expect(together.landmarks?.dims).toEqual([2, 468, 3]);
    const alone = await runOnnx('facemesh', second as Float32Array, [1, 192, 192, 3]);
    expect(
      maxAbsDiff(
        (together.landmarks?.data as Float32Array).subarray(1404),
        alone.landmarks?.data as Float32Array,
      ),
    ).toBeLessThanOrEqual(1e-3);
  });
});

/** Square eye crops (right eye mirrored, as MediaPipe feeds the iris model) cut around the FaceMesh eye corners. */
async function eyeCrops(cropFile: string, landmarks: Float32Array): Promise<Float32Array> {
  const { width = 0, height = 0 } = await sharp(cropFile).metadata();
  const scale = width / 192;
  const eye = async (outer: number, inner: number, mirror: boolean): Promise<Uint8Array> => {
    const [x1, y1, x2, y2] = [
      landmarks[outer * 3],
      landmarks[outer * 3 + 1],
      landmarks[inner * 3],
      landmarks[inner * 3 + 1],
    ] as number[];
    const side = Math.round(Math.abs((x2 as number) - (x1 as number)) * 2.3 * scale);
    const left = Math.max(0, Math.round((((x1 as number) + (x2 as number)) / 2) * scale - side / 2));
    const top = Math.max(0, Math.round((((y1 as number) + (y2 as number)) / 2) * scale - side / 2));
    const region = { left, top, width: Math.min(side, width - left), height: Math.min(side, height - top) };
    const { data } = await sharp(cropFile)
      .removeAlpha()
      .extract(region)
      .flop(mirror)
      .resize(64, 64, { fit: 'fill' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return new Uint8Array(data);
  };
  const pixels = [...(await eye(263, 362, false)), ...(await eye(33, 133, true))];
  return normalise(Uint8Array.from(pixels), 255, 0);
}

describe('Iris parity with TensorFlow.js', () => {
  it.each(crops)('%s: both eyes in one batch, points within 1e-3 of 64 px', async (crop) => {
    const file = join(CROPS_DIR, crop);
    const mesh = await runOnnx('facemesh', normalise(await rgb(file, 192, 'fill'), 255, 0), [1, 192, 192, 3]);
    const input = await eyeCrops(file, mesh.landmarks?.data as Float32Array);
    const onnx = await runOnnx('iris', input, [2, 64, 64, 3]);
    expect(onnx.landmarks?.dims).toEqual([2, 76, 3]);
    const points = onnx.landmarks?.data as Float32Array;
    expect(maxAbsDiff(points, reference.runIris(input, 2).landmarks)).toBeLessThanOrEqual(1e-3 * 64);
    // The iris centre (point 71) of each eye lies inside its 64×64 crop.
    for (const offset of [71 * 3, 76 * 3 + 71 * 3]) {
      expect(points[offset]).toBeGreaterThan(0);
      expect(points[offset]).toBeLessThan(64);
    }
  });
});

/** sRGB 8-bit → linear light, scaled by `exposure`, plus Gaussian noise of `sigma` 8-bit levels, back to [-1, 1]. */
function degrade(pixels: Uint8Array, exposure: number, sigma: number): Float32Array {
  let state = 7;
  const uniform = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 1) / 2 ** 32;
  };
  const toLinear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const toSrgb = (l: number): number => (l <= 0.0031308 ? l * 12.92 : 1.055 * l ** (1 / 2.4) - 0.055);
  return Float32Array.from(pixels, (v) => {
    const noise = sigma * Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    const level = Math.min(255, Math.max(0, Math.round(toSrgb(toLinear(v / 255) * exposure) * 255 + noise)));
    return level / 127.5 - 1;
  });
}

describe('BlazeFace under low light (figures quoted in MODEL_CARD.md)', () => {
  const frontal = photos.filter((p) => !p.includes('camera-profile'));
  const topScore = async (photo: string, exposure: number, sigma: number): Promise<number> => {
    const input = degrade(await rgb(join(FACES_DIR, photo), 256, 'contain'), exposure, sigma);
    return Math.max(...((await runOnnx('blazeface', input, [1, 256, 256, 3])).scores?.data as Float32Array));
  };

  it('keeps every frontal face above 0.75 at 1/16 exposure without noise', async () => {
    for (const photo of frontal) expect(await topScore(photo, 1 / 16, 0)).toBeGreaterThan(0.75);
  });

  it('loses faces as sensor noise grows: all found at σ = 8 levels, none at σ = 48', async () => {
    for (const photo of frontal) {
      const clean = await topScore(photo, 1, 0);
      const light = await topScore(photo, 1, 8);
      const heavy = await topScore(photo, 1, 48);
      expect(light).toBeGreaterThan(0.75);
      expect(await topScore(photo, 1, 32)).toBeLessThan(clean);
      expect(heavy).toBeLessThan(0.5);
    }
  });
});
