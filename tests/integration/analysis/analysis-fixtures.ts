import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { KioskConfigSchema, type KioskConfigInput } from '../../../electron/core/config/kiosk-config-schema';
import type { RgbaImage } from '../../../electron/core/vision/image-types';
import type { Frame } from '../../../electron/shared/schemas/analysis-schemas';
import { createAnalysisServices, type AnalysisServices } from '../../../electron/services/analysis-services';
import type { EventSink, HandlerTable } from '../../../electron/services/handler-types';
import { createAnalysisHandlers } from '../../../electron/services/handlers/analysis-handlers';
import { invokeChannel } from '../../../electron/services/invoke-channel';
import { silentLogger } from '../../../electron/core/ports/logger-port';
import type { Result } from '../../../electron/shared/result';
import { sourceTreePaths } from '../../../electron/services/kiosk-paths';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const facesDir = path.resolve(repoRoot, '../shared/data/faces');

/** Photos of one frontal face each: the two portraits and the six crops from the group photos. */
export const singleFaces = [
  path.join(facesDir, 'skimage-astronaut.png'),
  path.join(facesDir, 'matplotlib-grace_hopper.jpg'),
  ...readdirSync(path.join(facesDir, 'crops'))
    .filter((f) => f.endsWith('.jpg'))
    .sort()
    .map((f) => path.join(facesDir, 'crops', f)),
];

/** The group photos (several people each). */
export const groupPhotos = [1, 2, 3, 4].map((n) => path.join(facesDir, `vladmandic-face-api-sample${n}.jpg`));

/**
 * A real face turned about 50° away from the camera: the head of the side-on photographer
 * (skimage-camera-profile.png, CC0) cut out and enlarged to 480 px wide, big enough to measure.
 */
export function turnedFace(): Promise<Buffer> {
  return sharp(path.join(facesDir, 'skimage-camera-profile.png'))
    .extract({ left: 123, top: 54, width: 203, height: 213 })
    .resize({ width: 480 })
    .png()
    .toBuffer();
}

/** Decodes a file to RGBA the way a camera frame arrives, optionally resized to `width`. */
export async function rgba(file: string | Buffer, width?: number): Promise<Frame> {
  const pipeline = sharp(file).rotate();
  const { data, info } = await (width ? pipeline.resize({ width }) : pipeline)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}

/** The same image with `gain` times the light: scaled in linear RGB, clipped like a sensor. */
export function exposed(image: RgbaImage, gain: number): Frame {
  const lut = new Uint8Array(256).map((_, v) => {
    const c = v / 255;
    const linear = Math.min(1, (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4) * gain);
    return Math.round(255 * (linear <= 0.0031308 ? 12.92 * linear : 1.055 * linear ** (1 / 2.4) - 0.055));
  });
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i++) data[i] = i % 4 === 3 ? 255 : lut[image.data[i]!]!;
  return { width: image.width, height: image.height, data };
}

export interface ServicesFixture {
  services: AnalysisServices;
  dataDir: string;
  events: { event: string; payload: unknown }[];
  sink: EventSink;
  close(): Promise<void>;
}

/** Real analysis services (ONNX Runtime in a worker) over the repository's models and a temp data folder. */
export function startServices(
  config: KioskConfigInput = { analysis: { executionProviders: ['cpu'] } },
): ServicesFixture {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kiosk-analysis-'));
  const events: { event: string; payload: unknown }[] = [];
  const sink: EventSink = { emit: (event, payload) => events.push({ event, payload }) };
  const services = createAnalysisServices(
    KioskConfigSchema.parse(config),
    sourceTreePaths(repoRoot, dataDir),
    sink,
  );
  return {
    services,
    dataDir,
    events,
    sink,
    close: async () => {
      await services.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Sends a raw payload to an analysis channel the way every host does: through the contract's invoke
 * path (input parsing, staff gate, output validation), with staff mode unlocked or not.
 */
export function invokeAnalysis(
  fx: ServicesFixture,
  channel: string,
  raw: unknown,
  staff = true,
): Promise<Result<unknown>> {
  return invokeChannel(
    {
      handlers: createAnalysisHandlers(fx.services) as unknown as HandlerTable,
      staffUnlocked: () => staff,
      logger: silentLogger,
    },
    channel,
    raw,
    fx.sink,
  );
}

export { colorChart } from '../../support/chart-photo';
