/**
 * `npm run bench:analysis`: speed of the on-device analysis.
 *
 *  1. Whole analysis per stage (decode excluded) over the face set, through the product path
 *     (createAnalysisServices: ONNX Runtime in a worker thread), on cpu and on webgpu where it loads;
 *     with a stored chart calibration (the kiosk's normal mode) and, on one CPU thread, without
 *     one (approximate colour: the light is estimated, the iris network runs).
 *  2. BlazeFace + FaceMesh inference alone on identical inputs: ONNX Runtime (in-process, 1 thread
 *     and all threads) against TensorFlow.js wasm (the models they were converted from), with ratios.
 *  3. The live-guidance loop (preview frames back to back, 640×480) in frames per second.
 *  4. Resident memory over repeated analyses (a leak shows as steady growth).
 *
 * Figures are printed as p50/p95 milliseconds; docs/analysis.md records a run.
 * Options: --runs N (per image, default 15), --ep cpu|webgpu (only that provider), --json.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { createAnalysisServices, type AnalysisServices } from '../../electron/services/analysis-services';
import { sourceTreePaths } from '../../electron/services/kiosk-paths';
import { loadModelSet } from '../../electron/adapters/inference/model-files';
import { OrtSessionSet } from '../../electron/adapters/inference/ort-session-set';
import { FaceFinder } from '../../electron/core/analysis/face-finder';
import { KioskConfigSchema } from '../../electron/core/config/kiosk-config-schema';
import { letterboxRect, rectToImageTransform } from '../../electron/core/vision/affine-transform';
import { sampleTensor } from '../../electron/core/vision/bilinear-sampler';
import { detectionToLandmarkRoi } from '../../electron/core/vision/face-roi';
import type { Frame } from '../../electron/shared/schemas/analysis-schemas';
import type * as TfjsReference from '../support/tfjs-face-reference';
import { colorChart } from '../support/chart-photo';

type TfjsReferenceModule = typeof TfjsReference;

const { values: args } = parseArgs({
  options: {
    /** The repository root (model/ lives there); a bundled copy of this bench passes it explicitly. */
    root: { type: 'string' },
    runs: { type: 'string', default: '15' },
    ep: { type: 'string' },
    json: { type: 'boolean', default: false },
    /** A folder of single-face photos instead of the shared face set (GPU hosts do not have it). */
    faces: { type: 'string' },
    /** Leave out the TensorFlow.js comparison (it is CPU-only and needs the wasm files). */
    'skip-tfjs': { type: 'boolean', default: false },
  },
});
const RUNS = Math.max(3, Number(args.runs));
const repoRoot = path.resolve(args.root ?? path.join(import.meta.dirname, '../..'));

const sharedFaces = path.resolve(repoRoot, '../shared/data/faces');
const faceFiles = args.faces
  ? readdirSync(args.faces)
      .filter((f) => /\.(jpe?g|png|webp)$/i.test(f))
      .sort()
      .map((f) => path.join(args.faces!, f))
  : [
      path.join(sharedFaces, 'skimage-astronaut.png'),
      path.join(sharedFaces, 'matplotlib-grace_hopper.jpg'),
      ...readdirSync(path.join(sharedFaces, 'crops'))
        .filter((f) => f.endsWith('.jpg'))
        .sort()
        .map((f) => path.join(sharedFaces, 'crops', f)),
    ];

interface Stats {
  n: number;
  min: number;
  p50: number;
  p95: number;
}
const stats = (xs: number[]): Stats => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { n: s.length, min: s[0] ?? 0, p50: at(0.5), p95: at(0.95) };
};
const fmt = (s: Stats) =>
  `${s.p50.toFixed(2).padStart(7)} ${s.p95.toFixed(2).padStart(7)} ${s.min.toFixed(2).padStart(7)}`;

async function decode(file: string | Buffer, resize?: { width: number; height: number }): Promise<Frame> {
  let p = sharp(file).rotate();
  if (resize) p = p.resize({ ...resize, fit: 'contain', background: '#808080' });
  const { data, info } = await p.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}

type Colour = 'calibrated' | 'approximate';

function services(ep: 'cpu' | 'webgpu', threads: number, dataDir: string): AnalysisServices {
  const config = KioskConfigSchema.parse({ analysis: { executionProviders: [ep] } });
  return createAnalysisServices(
    config,
    sourceTreePaths(repoRoot, dataDir),
    { emit() {} },
    { intraOpNumThreads: threads },
  );
}

/** 1 + 3 + 4: whole analysis per stage, guidance fps and memory, for one execution provider. */
async function benchProvider(
  ep: 'cpu' | 'webgpu',
  threads: number,
  colour: Colour,
  frames: Frame[],
  previews: Frame[],
) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'analysis-bench-'));
  const svc = services(ep, threads, dataDir);
  const t0 = performance.now();
  await svc.ready();
  const startupMs = performance.now() - t0;
  // The default calibration applies to every camera, so every photo is analysed as calibrated.
  if (colour === 'calibrated') await svc.calibrate(colorChart(), null);
  const status = svc.status();
  if (status.executionProvider !== ep) {
    await svc.dispose();
    rmSync(dataDir, { recursive: true, force: true });
    return {
      ep,
      loaded: false as const,
      reason: status.tried.find((t) => t.provider === ep)?.reason ?? 'not tried',
    };
  }
  for (const f of frames) for (let i = 0; i < 3; i++) await svc.analyze(f, {});
  const stages: Record<string, number[]> = {};
  const rss0 = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < RUNS; r++) {
    for (const f of frames) {
      const result = await svc.analyze(f, {});
      for (const [k, v] of Object.entries(result.profile.meta!.timingsMs)) (stages[k] ??= []).push(v);
    }
  }
  const cpu1 = process.cpuUsage(cpu0);
  const rss1 = process.memoryUsage().rss;
  // Bad input must not leak either: refused files, a face-less frame, a group.
  const bad = [Buffer.from('not an image'), (await sharp(faceFiles[0]!).jpeg().toBuffer()).subarray(0, 4000)];
  const blank: Frame = { width: 320, height: 240, data: new Uint8Array(320 * 240 * 4).fill(128) };
  for (let i = 0; i < 100; i++) {
    for (const b of bad) await svc.analyzeEncoded(b).catch(() => undefined);
    await svc.analyze(blank, {}).catch(() => undefined);
  }
  const rss2 = process.memoryUsage().rss;
  for (const f of previews) for (let i = 0; i < 5; i++) await svc.preview(f);
  const latencies: number[] = [];
  const loopStart = performance.now();
  let n = 0;
  while (performance.now() - loopStart < 4000) {
    const t = performance.now();
    await svc.preview(previews[n % previews.length]!);
    latencies.push(performance.now() - t);
    n++;
  }
  const fps = n / ((performance.now() - loopStart) / 1000);
  await svc.dispose();
  rmSync(dataDir, { recursive: true, force: true });
  return {
    ep,
    threads,
    colour,
    loaded: true as const,
    startupMs,
    stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, stats(v)])),
    guidance: { fps, latency: stats(latencies) },
    rssGrowthMb: (rss1 - rss0) / 1e6,
    /** CPU time of all threads per analysis: the work itself, whatever else the machine is doing. */
    cpuMsPerAnalysis: (cpu1.user + cpu1.system) / 1000 / (RUNS * frames.length),
    badInputRssGrowthMb: (rss2 - rss1) / 1e6,
    analyses: RUNS * frames.length,
  };
}

/** 2: BlazeFace + FaceMesh inference alone, ONNX Runtime vs TensorFlow.js wasm, identical inputs. */
async function benchInference(frames: Frame[]) {
  const { io, models } = await loadModelSet(path.join(repoRoot, 'model'));
  const faceModels = models.filter((m) => m.name !== 'skin-metrics');
  const probe = await OrtSessionSet.open({ models: faceModels, preference: ['cpu'] });
  const finder = new FaceFinder(probe, io);
  const inputs: { det: Float32Array; mesh: Float32Array }[] = [];
  for (const f of frames) {
    const spec = io.detector.input;
    const det = sampleTensor(
      f,
      rectToImageTransform(letterboxRect(f.width, f.height), spec.size, spec.size),
      { width: 256, height: 256, layout: 'NHWC', range: spec.range },
    );
    const face = (await finder.detect(f))[0]!;
    const mesh = sampleTensor(f, rectToImageTransform(detectionToLandmarkRoi(face), 192, 192), {
      width: 192,
      height: 192,
      layout: 'NHWC',
      range: [0, 1],
    });
    inputs.push({ det, mesh });
  }
  await probe.dispose();

  const timeOrt = async (threads: number) => {
    const set = await OrtSessionSet.open({
      models: faceModels,
      preference: ['cpu'],
      intraOpNumThreads: threads,
    });
    const bf: number[] = [];
    const fm: number[] = [];
    const both: number[] = [];
    for (let r = 0; r < RUNS + 3; r++) {
      for (const x of inputs) {
        const t0 = performance.now();
        await set.run('blazeface', { image: { data: x.det, dims: [1, 256, 256, 3] } });
        const t1 = performance.now();
        await set.run('facemesh', { image: { data: x.mesh, dims: [1, 192, 192, 3] } });
        const t2 = performance.now();
        if (r < 3) continue;
        bf.push(t1 - t0);
        fm.push(t2 - t1);
        both.push(t2 - t0);
      }
    }
    await set.dispose();
    return { blazeface: stats(bf), facemesh: stats(fm), both: stats(both) };
  };
  const ort1 = await timeOrt(1);
  const ortAll = await timeOrt(0);

  if (args['skip-tfjs']) return { ort1, ortAll, tfjs: null };
  // Loaded by URL so a bundled copy of the bench (GPU hosts) does not pull TensorFlow.js in.
  const reference = new URL('../support/tfjs-face-reference.ts', import.meta.url).href;
  const { createTfjsFaceReference } = (await import(reference)) as TfjsReferenceModule;
  const tfjs = await createTfjsFaceReference({ backend: 'wasm' });
  const bf: number[] = [];
  const fm: number[] = [];
  const both: number[] = [];
  for (let r = 0; r < RUNS + 3; r++) {
    for (const x of inputs) {
      const t0 = performance.now();
      tfjs.runBlazeFace(x.det);
      const t1 = performance.now();
      tfjs.runFaceMesh(x.mesh);
      const t2 = performance.now();
      if (r < 3) continue;
      bf.push(t1 - t0);
      fm.push(t2 - t1);
      both.push(t2 - t0);
    }
  }
  tfjs.dispose();
  return {
    ort1,
    ortAll,
    tfjs: { backend: tfjs.backend, blazeface: stats(bf), facemesh: stats(fm), both: stats(both) },
  };
}

const frames = await Promise.all(faceFiles.map((f) => decode(f)));
const previews = await Promise.all(faceFiles.map((f) => decode(f, { width: 640, height: 480 })));
const eps = (args.ep ? [args.ep] : ['cpu', 'webgpu']) as ('cpu' | 'webgpu')[];
const machine = {
  cpus: os.cpus().length,
  model: os.cpus()[0]?.model ?? '?',
  load: os.loadavg().map((l) => +l.toFixed(2)),
  node: process.version,
};

const providers = [];
for (const ep of eps) {
  // On CPU both settings: every core (the kiosk's default; idle threads sleep) and one ORT thread
  // for comparison. The default also without a calibration, where the light estimate adds its work.
  const runs: [number, Colour][] =
    ep === 'cpu'
      ? [
          [0, 'calibrated'],
          [0, 'approximate'],
          [1, 'calibrated'],
        ]
      : [[0, 'calibrated']];
  for (const [threads, colour] of runs)
    providers.push(await benchProvider(ep, threads, colour, frames, previews));
}
const inference = await benchInference(frames);
const summary = { machine, faces: faceFiles.length, runsPerFace: RUNS, providers, inference };

if (args.json) {
  console.log(JSON.stringify(summary, null, 2));
} else {
  console.log(
    `machine: ${machine.cpus} cores (${machine.model}), load ${machine.load.join(' ')}, node ${machine.node}`,
  );
  console.log(
    `face set: ${faceFiles.length} photos (${frames.map((f) => `${f.width}×${f.height}`).join(', ')}), ${RUNS} runs each\n`,
  );
  for (const p of providers) {
    if (!p.loaded) {
      console.log(`[${p.ep}] did not load here: ${p.reason}\n`);
      continue;
    }
    const threads = p.threads === 0 ? `${machine.cpus} ORT threads (default)` : '1 ORT thread';
    console.log(
      `[${p.ep}, ${threads}, ${p.colour} colour] start-up incl. warm-up ${p.startupMs.toFixed(0)} ms`,
    );
    console.log(`  whole analysis per stage (ms)   p50     p95     min`);
    for (const k of ['detect', 'landmarks', 'zones', 'metrics', 'profile', 'total'])
      if (p.stages[k]) console.log(`  ${k.padEnd(10)} ${fmt(p.stages[k])}`);
    console.log(`  CPU time per analysis (all threads): ${p.cpuMsPerAnalysis.toFixed(1)} ms`);
    const total = p.stages.total!.p50;
    console.log(
      `  target: whole analysis ≤ 25 ms p50 → ${total.toFixed(1)} ms ${total <= 25 ? 'MET' : 'MISSED'}`,
    );
    console.log(
      `  guidance loop (640×480 preview frames): ${p.guidance.fps.toFixed(1)} fps, latency p50/p95/min ${fmt(p.guidance.latency)} ms → target ≥ 30 fps ${p.guidance.fps >= 30 ? 'MET' : 'MISSED'}`,
    );
    console.log(
      `  resident memory over ${p.analyses} analyses: ${p.rssGrowthMb >= 0 ? '+' : ''}${p.rssGrowthMb.toFixed(1)} MB; ` +
        `over 300 refused inputs: ${p.badInputRssGrowthMb >= 0 ? '+' : ''}${p.badInputRssGrowthMb.toFixed(1)} MB\n`,
    );
  }
  const { ort1, ortAll, tfjs } = inference;
  console.log(`BlazeFace + FaceMesh inference only, identical inputs (ms)   p50     p95     min`);
  const rows: [string, { blazeface: Stats; facemesh: Stats; both: Stats }][] = [
    ['ONNX Runtime cpu, 1 thread', ort1],
    [`ONNX Runtime cpu, ${machine.cpus} threads`, ortAll],
  ];
  if (tfjs) rows.push([`TensorFlow.js ${tfjs.backend} (1 thread)`, tfjs]);
  for (const [name, r] of rows) {
    console.log(`  ${name}`);
    console.log(`    blazeface              ${fmt(r.blazeface)}`);
    console.log(`    facemesh               ${fmt(r.facemesh)}`);
    console.log(`    both                   ${fmt(r.both)}`);
  }
  if (tfjs) {
    const ratio1 = tfjs.both.p50 / ort1.both.p50;
    const ratioAll = tfjs.both.p50 / ortAll.both.p50;
    const best = Math.max(ratio1, ratioAll);
    console.log(
      `  TF.js / ORT (p50): ${ratio1.toFixed(2)}× at 1 thread (same thread count as TF.js wasm), ${ratioAll.toFixed(2)}× at ${machine.cpus} threads → target ≥ 3× ${best >= 3 ? 'MET' : 'MISSED'}`,
    );
  }
}
