import { readFile } from 'node:fs/promises';
import { KioskConfigSchema } from '../core/config/kiosk-config-schema';
import { KioskError } from '../shared/result';
import type { AnalysisResult, InferenceStatus } from '../shared/schemas/analysis-schemas';
import type { AnalyzeOptions } from '../core/analysis/analysis-pipeline';
import type { KioskConfig } from '../core/config/kiosk-config-schema';
import { createAnalysisServices, type AnalysisServices } from '../services/analysis-services';
import { cliKiosk, repoRoot } from './cli-kiosk-config';
import { sourceTreePaths } from '../services/kiosk-paths';
import { captureStill } from '../adapters/inference/webcam-capture-adapter';
import { readCommandLine } from './command-line';

const USAGE = `Usage: skinkiosk analyze <image…> [--json] [--ep cpu|webgpu] [--data-dir DIR] [--calibration LABEL | --chart]
       skinkiosk analyze --camera [device] [--json] [--ep cpu|webgpu] [--data-dir DIR] [--calibration LABEL]

Runs the on-device skin analysis on JPEG, PNG or WebP files, or on one still taken from a camera
with fswebcam (Linux; device defaults to the system camera, e.g. /dev/video0). Prints the profile
and the time each stage took. Nothing is written: the still stays in memory. A photo the capture
gate refuses (QUALITY_SIZE, QUALITY_POSE, QUALITY_LIGHT, QUALITY_BLUR) gets no profile, only the
error and what to do about it.

  --json         one JSON object per input on stdout
  --ep           execution provider to try first (falls back to cpu when it cannot load)
  --data-dir     kiosk data folder, to use its stored colour calibration (skinkiosk calibrate)
  --calibration  which camera's calibration to use (default: the default one, or the only one)
  --chart        calibrate each photo from the colour chart held in the same photo`;

interface Outcome {
  input: string;
  result?: AnalysisResult;
  error?: { code: string; message: string };
}

/** `skinkiosk analyze`: checks camera + analysis on a kiosk over SSH, or profiles image files. */
export async function runAnalyzeCommand(argv: string[]): Promise<number> {
  const parsed = readCommandLine(
    {
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        ep: { type: 'string' },
        camera: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        calibration: { type: 'string' },
        chart: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const ep = values.ep;
  if (ep !== undefined && ep !== 'cpu' && ep !== 'webgpu') {
    console.error(`--ep must be cpu or webgpu, not "${ep}"\n\n${USAGE}`);
    return 2;
  }
  if (values.camera ? positionals.length > 1 : positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }

  if (values.camera && values.chart) {
    console.error(`--chart needs photos with a chart in them, not a camera still\n\n${USAGE}`);
    return 2;
  }
  const kiosk = await cliKiosk(values['data-dir']);
  const config: KioskConfig = {
    ...kiosk.config,
    analysis: {
      ...kiosk.config.analysis,
      executionProviders: ep ? [ep, 'cpu'] : KioskConfigSchema.parse({}).analysis.executionProviders,
    },
  };
  const services = createAnalysisServices(config, sourceTreePaths(repoRoot, kiosk.dataDir), {
    emit: () => {},
  });
  services.useCamera(values.calibration ?? null);
  const options = { chartInFrame: values.chart };
  const outcomes: Outcome[] = [];
  try {
    await services.ready();
    if (!values.json) printStatus(services.status(), values.chart);
    if (values.camera) {
      const device = positionals[0];
      outcomes.push(
        await analyzeOne(
          services,
          `camera ${device ?? '(default)'}`,
          () => captureStill({ device }),
          options,
        ),
      );
    } else {
      for (const file of positionals)
        outcomes.push(
          await analyzeOne(services, file, async () => new Uint8Array(await readFile(file)), options),
        );
    }
  } catch (error) {
    const shape = toShape(error);
    console.error(`${shape.code}: ${shape.message}`);
    return 1;
  } finally {
    await services.dispose();
  }

  for (const o of outcomes) {
    if (values.json) console.log(JSON.stringify(o));
    else printOutcome(o);
  }
  return outcomes.every((o) => o.result) ? 0 : 1;
}

async function analyzeOne(
  services: AnalysisServices,
  input: string,
  read: () => Promise<Uint8Array>,
  options: AnalyzeOptions,
): Promise<Outcome> {
  try {
    const bytes = await read();
    return { input, result: await services.analyzeEncoded(bytes, {}, options) };
  } catch (error) {
    if (error instanceof KioskError && error.code === 'CAMERA_UNAVAILABLE') throw error;
    return { input, error: toShape(error) };
  }
}

function toShape(error: unknown): { code: string; message: string } {
  if (error instanceof KioskError) return { code: error.code, message: error.message };
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT')
    return { code: 'NOT_FOUND', message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

function printStatus(status: InferenceStatus, chart: boolean): void {
  console.log(`execution provider: ${status.executionProvider}  (models ${status.modelVersion})`);
  for (const t of status.tried.filter((x) => !x.ok))
    console.log(`  skipped ${t.provider}: ${t.reason ?? ''}`);
  const stored = status.calibration.calibration;
  console.log(
    chart
      ? 'colour: calibrated from the chart in each photo'
      : stored
        ? `colour: calibrated (camera "${stored.camera}", ${stored.savedAt.slice(0, 10)}, mean ΔE00 ${stored.residualDeltaE.toFixed(2)}${status.calibration.state === 'stale' ? ', stale' : ''})`
        : 'colour: approximate (no chart calibration in the data folder: skinkiosk calibrate)',
  );
}

function printOutcome(o: Outcome): void {
  console.log(`\n${o.input}`);
  if (!o.result) {
    console.log(`  ${o.error?.code}: ${o.error?.message}`);
    return;
  }
  const { profile } = o.result;
  const tone = profile.tone;
  console.log(`  skin type: ${profile.type}${profile.sensitive ? ', sensitive' : ''}`);
  if (tone) {
    const depth =
      tone.ita !== null
        ? `Monk ${tone.monk}, ITA ${tone.ita.toFixed(1)}° (${tone.itaClass})`
        : `ITA and Monk withheld (${tone.withheld})`;
    console.log(
      `  tone (${tone.colourMode} colour): ${depth}, undertone ${tone.undertone.replace('_', ' ')}, ${tone.hex}, ` +
        `L*a*b* ${tone.lab.L.toFixed(1)} ${tone.lab.a.toFixed(1)} ${tone.lab.b.toFixed(1)}, confidence ${tone.confidence.toFixed(2)}`,
    );
  } else {
    console.log('  tone: not measured (the skin zones were hidden, clipped or too dark)');
  }
  for (const m of profile.metrics)
    console.log(
      `  ${m.key.padEnd(12)} ${m.score.toFixed(0).padStart(3)}  (confidence ${m.confidence.toFixed(2)})`,
    );
  for (const m of profile.notMeasured ?? [])
    console.log(`  ${m.key.padEnd(12)}   –  not measured (confidence ${m.confidence.toFixed(2)})`);
  if (profile.concerns.length > 0)
    console.log(
      `  concerns: ${profile.concerns.map((c) => `${c.concern} ${c.weight.toFixed(2)}`).join(', ')}`,
    );
  const timings = profile.meta?.timingsMs ?? {};
  console.log(
    `  timing (ms): ${Object.entries(timings)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ')}`,
  );
}
