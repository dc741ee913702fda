import { writeFile } from 'node:fs/promises';
import { renderQrPng, renderQrSvg } from '../adapters/qr/qr-renderer-adapter';
import { readCommandLine } from './command-line';

const USAGE = `Usage: skinkiosk qr <url> --out <file.png|file.svg> [--scale <pixels per module>]

Writes the URL as a QR code (PNG, or SVG when the file ends in .svg), with the error-correction
level chosen by length and the four-module quiet zone kept.`;

/** `skinkiosk qr <url> --out file.png`: a QR code for printing (shelf talkers, counter signs). */
export async function runQrCommand(argv: string[]): Promise<number> {
  const parsed = readCommandLine(
    {
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        scale: { type: 'string', default: '8' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [url, ...extra] = positionals;
  const scale = Number(values.scale);
  if (!url || extra.length > 0 || !values.out || !Number.isInteger(scale) || scale < 1 || scale > 64) {
    console.error(USAGE);
    return 2;
  }
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(url);
  } catch {
    console.error(`Not a URL: ${url}`);
    return 2;
  }
  if (parsedUrl.protocol !== 'https:' && parsedUrl.protocol !== 'http:') {
    console.error(`Only http(s) URLs can be printed, not ${parsedUrl.protocol}`);
    return 2;
  }
  try {
    const data = values.out.toLowerCase().endsWith('.svg')
      ? await renderQrSvg(url)
      : await renderQrPng(url, scale);
    await writeFile(values.out, data);
  } catch (err) {
    console.error(`Could not write ${values.out}: ${(err as Error).message}`);
    return 1;
  }
  console.log(`Wrote ${values.out}`);
  return 0;
}
