import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as childProcess from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureStill } from '../../../../electron/adapters/inference/webcam-capture-adapter';
import { KioskError } from '../../../../electron/shared/result';

const still = path.resolve(
  import.meta.dirname,
  '../../../../../shared/data/faces/crops/vladmandic-face-api-sample3-face2.jpg',
);

// Every process the adapter starts is seen here (the real functions still run).
vi.mock('node:child_process', async (importOriginal) => {
  const real = await importOriginal<typeof childProcess>();
  return { ...real, exec: vi.fn(real.exec), execFile: vi.fn(real.execFile) };
});

/**
 * A stand-in for the fswebcam binary (the hardware edge): it records its arguments one per line,
 * writes a known JPEG to standard output when the output name is "-", and for /dev/video9 behaves
 * as fswebcam 20140113 does without a camera: a coloured "stat: No such file or directory" on
 * stderr, no image, exit status 0.
 */
const standIn = (argvFile: string) => `#!/bin/sh
printf '%s\\n' "$@" > "${argvFile}"
for last in "$@"; do :; done
case " $* " in *" /dev/video9 "*) printf '\\033[31mstat: No such file or directory\\n\\033[0m' >&2; exit 0;; esac
if [ "$last" = "-" ]; then cat "${still}"; else cat "${still}" > "$last"; fi
`;

let bin: string;
const savedPath = process.env.PATH;

beforeAll(() => {
  bin = mkdtempSync(path.join(tmpdir(), 'fswebcam-stand-in-'));
  writeFileSync(path.join(bin, 'fswebcam'), standIn(path.join(bin, 'argv.txt')));
  chmodSync(path.join(bin, 'fswebcam'), 0o755);
});
afterAll(() => rmSync(bin, { recursive: true, force: true }));
afterEach(() => {
  process.env.PATH = savedPath;
});

async function failure(p: Promise<unknown>): Promise<KioskError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KioskError);
  return error as KioskError;
}

describe.runIf(process.platform === 'linux')('captureStill', () => {
  it('returns the JPEG fswebcam writes to standard output, byte for byte', async () => {
    process.env.PATH = `${bin}:/usr/bin:/bin`;
    const bytes = await captureStill({ device: '/dev/video0' });
    expect(Buffer.from(bytes).equals(readFileSync(still))).toBe(true);
  });

  it('says the camera is missing when fswebcam cannot open the device', async () => {
    process.env.PATH = `${bin}:/usr/bin:/bin`;
    const error = await failure(captureStill({ device: '/dev/video9' }));
    expect(error.code).toBe('CAMERA_UNAVAILABLE');
    expect(error.message).toBe('No camera found at /dev/video9: stat: No such file or directory');
  });

  it('says how to install fswebcam when it is not on the PATH', async () => {
    process.env.PATH = path.join(bin, 'empty');
    const error = await failure(captureStill());
    expect(error.code).toBe('CAMERA_UNAVAILABLE');
    expect(error.message).toMatch(/fswebcam is not installed/);
  });

  it('refuses a device name that is not a path', async () => {
    const error = await failure(captureStill({ device: '/dev/video0; rm -rf /' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect((await failure(captureStill({ device: '--exec=reboot' }))).code).toBe('INVALID_INPUT');
  });

  it('runs fswebcam with an argument list, never through a shell', async () => {
    process.env.PATH = `${bin}:/usr/bin:/bin`;
    vi.mocked(childProcess.exec).mockClear();
    vi.mocked(childProcess.execFile).mockClear();
    await captureStill({
      device: '/dev/v4l/by-path/pci-0000:00:14.0-usb-0:1:1.0-video-index0',
      skipFrames: 3,
    });
    expect(childProcess.exec).not.toHaveBeenCalled();
    expect(childProcess.execFile).toHaveBeenCalledTimes(1);
    const [file, args, options] = vi.mocked(childProcess.execFile).mock.calls[0] as unknown as [
      string,
      string[],
      { shell?: unknown },
    ];
    expect(file).toBe('fswebcam');
    expect(options.shell).toBeFalsy();
    expect(args).toEqual(readFileSync(path.join(bin, 'argv.txt'), 'utf8').trimEnd().split('\n'));
    expect(args).toEqual([
      '--quiet',
      '--resolution',
      '1280x720',
      '--jpeg',
      '95',
      '--skip',
      '3',
      '--no-banner',
      '--device',
      '/dev/v4l/by-path/pci-0000:00:14.0-usb-0:1:1.0-video-index0',
      '-',
    ]);
  });
});
