/**
 * `skinkiosk <command>`: tools for developers, staff and IT. Each command lives in its own file and
 * returns an exit code.
 */
import { runAnalyzeCommand } from './analyze-command';
import { runCalibrateCommand } from './calibrate-command';
import { runCatalogCommand } from './catalog-command';
import { runProvisionCommand } from './provision-command';
import { runQrCommand } from './qr-command';
import { runServeCommand } from './serve-command';

const commands: Record<string, (argv: string[]) => Promise<number>> = {
  analyze: runAnalyzeCommand,
  calibrate: runCalibrateCommand,
  catalog: runCatalogCommand,
  provision: runProvisionCommand,
  qr: runQrCommand,
  serve: runServeCommand,
};

const USAGE = `usage: skinkiosk <command> [options]

commands:
  analyze     skin profile and per-stage timing for images or a camera still
  calibrate   the camera's colour calibration from a photo of the 24-patch chart
  catalog     keygen | publish | import | sync — the product catalog and its signed feed
  provision   write a validated kiosk config file
  qr          render a URL as a QR code PNG
  serve       browser preview host on loopback (development, E2E tests)

Run "skinkiosk <command> --help" for a command's options.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(USAGE);
    return name === undefined || name === '--help' ? 0 : 2;
  }
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  },
);
