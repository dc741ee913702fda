/**
 * `npm run bench:tone`: how true the kiosk's skin colour is, per skin tone.
 *
 * The shared face photos' skin is re-rendered at known albedos (the ten Monk swatches and measured
 * skin colours from ITA +60° to −70°), keeping each face's shading and texture, under four lights
 * (D65, ~2850 K incandescent, ~4100 K fluorescent, ~6500 K green-tinted LED) at exposures 0.8, 1.0
 * and 1.2, with a colour chart in frame (calibrated runs) or none (uncalibrated runs). Every frame
 * goes through the product path and is compared with its truth (tests/support/tone-truth/). The
 * frames are made in memory at run time; nothing is stored.
 *
 * Options: --faces N (the first N single-face photos, default all), --albedos id,id (a subset),
 * --write FILE (replace the tables between the markers in FILE, e.g. docs/fairness-report.md).
 */
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { singleFaces, startServices } from '../integration/analysis/analysis-fixtures';
import { prepareFaces } from '../support/tone-truth/face-photos';
import { LIGHTS, NOMINAL_EXPOSURE } from '../support/tone-truth/lights-and-camera';
import { modeTables } from '../support/tone-truth/tone-report';
import { runToneGrid, type ToneMode } from '../support/tone-truth/tone-run';
import { toneAlbedos } from '../support/tone-truth/truth-set';

const { values: args } = parseArgs({
  options: {
    faces: { type: 'string' },
    albedos: { type: 'string' },
    write: { type: 'string' },
  },
});

const EXPOSURES = [0.8, 1, 1.2];
const MODES: ToneMode[] = ['calibrated', 'uncalibrated'];
const START = '<!-- bench:tone tables start -->';
const END = '<!-- bench:tone tables end -->';

const load = (): string =>
  os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
const files = singleFaces.slice(0, args.faces ? Number(args.faces) : singleFaces.length);
const wanted = args.albedos?.split(',');
const albedos = toneAlbedos().filter((a) => !wanted || wanted.includes(a.id));

const started = performance.now();
console.log(
  `bench:tone — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load ${load()}`,
);
const faces = await prepareFaces(files, (file, reason) =>
  console.log(`  left out ${path.basename(file)}: ${reason} (beyond the capture pose; see face-photos.ts)`),
);
const fx = startServices();
await fx.services.ready();
let lastPrint = 0;
const records = await runToneGrid(
  fx.services,
  { faces, albedos, lights: LIGHTS, exposures: EXPOSURES, modes: MODES },
  (_r, done, total) => {
    if (performance.now() - lastPrint > 15_000 || done === total) {
      lastPrint = performance.now();
      console.log(
        `  ${done}/${total} frames, ${((performance.now() - started) / 1000).toFixed(0)} s, load ${load()}`,
      );
    }
  },
);
await fx.close();

const labels = Object.fromEntries(LIGHTS.map((l) => [l.name, l.label]));
const summary =
  `${records.length} frames: ${faces.length} faces × ${albedos.length} albedos × ${LIGHTS.length} lights × ` +
  `${EXPOSURES.length} exposures × ${MODES.length} modes; camera white at ${NOMINAL_EXPOSURE * 100} % of full scale at ×1.0; ` +
  `${((performance.now() - started) / 60_000).toFixed(1)} min, load at the end ${load()}.`;
const body = [
  summary,
  '',
  ...MODES.map(
    (mode) =>
      `### ${mode === 'calibrated' ? 'Calibrated' : 'Uncalibrated'}\n\n${modeTables(mode, records, labels)}\n`,
  ),
].join('\n');
console.log(`\n${body}`);

if (args.write) {
  const text = readFileSync(args.write, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a === -1 || b === -1) throw new Error(`${args.write} has no ${START} … ${END} markers`);
  writeFileSync(args.write, `${text.slice(0, a + START.length)}\n${body}\n${text.slice(b)}`);
  console.log(`tables written to ${args.write}`);
}
