import { readFile } from 'node:fs/promises';
import type { Point } from '../core/color/homography';
import { createConsoleLogger } from '../adapters/logging/console-logger-adapter';
import { decodeImage } from '../adapters/inference/image-decoder-adapter';
import { KioskError } from '../shared/result';
import type { CalibrationReport } from '../shared/schemas/colour-schemas';
import { CalibrationService } from '../services/calibration-service';
import { cliKiosk } from './cli-kiosk-config';
import { readCommandLine } from './command-line';

const USAGE = `Usage: skinkiosk calibrate <chart photo> [--data-dir DIR] [--camera LABEL] [--corners x,y,x,y,x,y,x,y] [--json]

Calibrates the kiosk camera from a photo (JPEG, PNG or WebP) of the 24-patch colour chart taken by
that camera under the store's light. The chart is found anywhere in the photo; when it is not, give
its four outer corners in pixels (the brown "dark skin" patch's corner first, then clockwise).
Stores the same calibration the staff screen stores, prints the fit of every patch (CIEDE2000) and
refuses a fit that is too poor.

  --data-dir    the kiosk's data folder (default: the source tree's scratch folder)
  --camera      the camera's label as the kiosk reports it; without it the calibration is the
                default one, used by any camera that has none of its own
  --corners     the chart's corners when it is not found automatically
  --json        the stored calibration as JSON on stdout`;

function parseCorners(text: string): Point[] | null {
  const v = text.split(',').map(Number);
  if (v.length !== 8 || v.some((n) => !Number.isFinite(n))) return null;
  return [0, 2, 4, 6].map((k) => [v[k]!, v[k + 1]!] as const);
}

/** `skinkiosk calibrate`: the chart calibration from a photo, for IT over SSH. */
export async function runCalibrateCommand(argv: string[]): Promise<number> {
  const parsed = readCommandLine(
    {
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        camera: { type: 'string' },
        corners: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const corners = values.corners === undefined ? undefined : parseCorners(values.corners);
  if (positionals.length !== 1 || corners === null) {
    console.error(USAGE);
    return 2;
  }
  const { dataDir, config } = await cliKiosk(values['data-dir']);
  const service = new CalibrationService({
    dataDir,
    kioskId: config.kioskId,
    maxAgeDays: config.analysis.calibrationMaxAgeDays,
    logger: createConsoleLogger('calibrate', 'warn'),
  });
  try {
    const frame = await decodeImage(new Uint8Array(await readFile(positionals[0]!)));
    const camera = values.camera
      ? { label: values.camera, exposureLocked: false, whiteBalanceLocked: false, settings: {} }
      : null;
    const report = await service.calibrate(frame, camera, corners ? { corners } : {});
    if (values.json) console.log(JSON.stringify(report));
    else printReport(report, dataDir);
    return 0;
  } catch (error) {
    if (error instanceof KioskError) {
      console.error(`${error.code}: ${error.message}`);
      if (error.code === 'CHART_NOT_FOUND' && !corners)
        console.error('Give the chart corners with --corners when it cannot be found automatically.');
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`NOT_FOUND: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
}

function printReport(report: CalibrationReport, dataDir: string): void {
  console.log(`calibration stored for camera "${report.camera}" in ${dataDir} (${report.savedAt})`);
  console.log(`chart ${report.located}; white at ${(100 * report.whiteLevel).toFixed(0)} % of full scale`);
  console.log('\npatch            reference  ΔE00');
  for (const p of report.patches) {
    const d =
      p.deltaE === null
        ? '  (clipped, left out)'
        : `${p.deltaE.toFixed(2).padStart(5)}  ${'▇'.repeat(Math.min(20, Math.round(p.deltaE * 2)))}`;
    console.log(`${p.name.padEnd(16)} ${p.hex}   ${d}`);
  }
  console.log(`\nmean ΔE00 ${report.residualDeltaE.toFixed(2)}, largest ${report.maxDeltaE.toFixed(2)}`);
}
