/**
 * Skin-metrics stage timings: the ONNX network on CPU (2 intra-op threads, as on the kiosk), the
 * plain-TypeScript reference of the same math for comparison, the profile post-processing, and
 * gray-world white balance on a 1280×720 frame. Run: `npx tsx tests/bench/skin-metrics-bench.ts`
 * (ORT_THREADS=1 for one intra-op thread).
 */
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { diag3 } from '../../electron/core/color/matrix3';
import { grayWorldGains } from '../../electron/core/color/white-balance';
import { buildSkinProfile } from '../../electron/core/skin/skin-profile-builder';
import {
  decodeZoneStats,
  SKIN_CROP_SIZE as N,
  SKIN_METRICS_SHAPES,
} from '../../electron/core/skin/skin-metrics-io';
import { referenceZoneStats } from '../../model/skin-metrics/skin-metrics-reference';
import { illuminantGains, renderScene } from '../unit/core/color/synthetic-frames';
import { renderCrop, zoneMasks } from '../unit/model/skin-metrics/synthetic-crops';

interface Timing {
  readonly min: number;
  readonly p50: number;
  readonly p95: number;
}

async function timeIt(runs: number, work: () => unknown): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    min: times[0]!,
    p50: times[Math.floor(runs * 0.5)]!,
    p95: times[Math.min(runs - 1, Math.floor(runs * 0.95))]!,
  };
}

// The minimum shows the cost on an idle machine; p50/p95 include whatever else the cores were doing.
const fmt = ({ min, p50, p95 }: Timing) =>
  `min ${min.toFixed(2)} ms  p50 ${p50.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms`;

/** Intra-op threads for the network: ORT_THREADS, 2 (the kiosk's cores) unless given. */
const THREADS = Number(process.env.ORT_THREADS ?? 2);

async function main(): Promise<void> {
  const crop = renderCrop({ n: N, skin: { L: 60, a: 12, b: 17 }, texture: 2, quantise: true });
  const masks = zoneMasks(N);
  const color = diag3([1.1, 1, 0.9]);
  const session = await ort.InferenceSession.create(
    readFileSync(new URL('../../model/skin-metrics.onnx', import.meta.url)),
    {
      executionProviders: ['cpu'],
      intraOpNumThreads: THREADS,
    },
  );
  const feeds = {
    crop: new ort.Tensor('float32', crop, [...SKIN_METRICS_SHAPES.crop]),
    masks: new ort.Tensor('float32', masks, [...SKIN_METRICS_SHAPES.masks]),
    color: new ort.Tensor('float32', Float32Array.from(color), [...SKIN_METRICS_SHAPES.color]),
  };
  for (let i = 0; i < 10; i++) await session.run(feeds);
  const network = await timeIt(100, () => session.run(feeds));
  const reference = await timeIt(5, () => referenceZoneStats(crop, masks, color, N));
  const outputs = decodeZoneStats((await session.run(feeds)).zone_stats!.data as Float32Array);
  const context = { executionProvider: 'cpu', modelVersion: 'bench', timingsMs: {} };
  const profile = await timeIt(1000, () => buildSkinProfile(outputs, {}, context));
  const face = { x: 480, y: 160, width: 320, height: 400 };
  const frame = renderScene({
    width: 1280,
    height: 720,
    face,
    skin: { L: 60, a: 12, b: 17 },
    illuminant: illuminantGains('F2'),
  });
  const balance = await timeIt(50, () => grayWorldGains(frame, 1280, 720, face));
  await session.release();

  console.log(`skin-metrics network (ORT cpu, ${THREADS} thread${THREADS > 1 ? 's' : ''})  ${fmt(network)}`);
  console.log(
    `plain-TypeScript reference                ${fmt(reference)}  (${(reference.p50 / network.p50).toFixed(0)}× the network)`,
  );
  console.log(`buildSkinProfile                          ${fmt(profile)}`);
  console.log(`grayWorldGains 1280×720                   ${fmt(balance)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
