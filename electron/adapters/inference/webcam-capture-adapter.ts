import { execFile } from 'node:child_process';
import { KioskError } from '../../shared/result';

export interface StillCaptureOptions {
  /** V4L2 device, e.g. `/dev/video0`; the system default when omitted. */
  readonly device?: string;
  readonly width?: number;
  readonly height?: number;
  /** Frames dropped first so auto-exposure settles. */
  readonly skipFrames?: number;
  readonly timeoutMs?: number;
}

/** An absolute device path (`/dev/video0`, `/dev/v4l/by-id/…`); never something that reads as an option. */
const DEVICE = /^\/[A-Za-z0-9_./:-]+$/;

/** What fswebcam prints when the device cannot be opened (it still exits 0). */
const NO_CAMERA = /no such file or directory/i;

/**
 * Takes one JPEG still from a camera with fswebcam (Linux), run directly with an argument list —
 * never through a shell, so no device name or option can become a command. The still goes to
 * fswebcam's standard output and stays in memory: camera frames never touch the disk. A missing
 * tool or camera is CAMERA_UNAVAILABLE.
 */
export async function captureStill(options: StillCaptureOptions = {}): Promise<Uint8Array> {
  if (process.platform !== 'linux') {
    throw new KioskError(
      'CAMERA_UNAVAILABLE',
      'Camera capture from the command line uses fswebcam and is available on Linux kiosks only.',
    );
  }
  if (options.device !== undefined && !DEVICE.test(options.device)) {
    throw new KioskError('INVALID_INPUT', `"${options.device}" is not a camera device path.`);
  }
  const args = [
    '--quiet',
    '--resolution',
    `${options.width ?? 1280}x${options.height ?? 720}`,
    '--jpeg',
    '95',
    '--skip',
    String(options.skipFrames ?? 10),
    '--no-banner',
    ...(options.device ? ['--device', options.device] : []),
    // "-" is fswebcam's standard output.
    '-',
  ];
  const { stdout, stderr, code } = await run(args, options.timeoutMs ?? 20_000);
  if (code === 'ENOENT')
    throw new KioskError(
      'CAMERA_UNAVAILABLE',
      'fswebcam is not installed. Install it with: sudo apt-get install fswebcam',
    );
  if (code === 'TIMEOUT')
    throw new KioskError('CAMERA_UNAVAILABLE', 'The camera did not deliver a still in time.');
  if (NO_CAMERA.test(stderr))
    throw new KioskError(
      'CAMERA_UNAVAILABLE',
      `No camera found${options.device ? ` at ${options.device}` : ''}: ${firstLine(stderr)}`,
    );
  if (code !== 0)
    throw new KioskError(
      'CAMERA_UNAVAILABLE',
      `fswebcam failed (exit ${code}): ${firstLine(stderr) || 'no message'}`,
    );
  if (stdout.length === 0)
    throw new KioskError(
      'CAMERA_UNAVAILABLE',
      `The camera returned no image: ${firstLine(stderr) || 'no message'}`,
    );
  return new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.byteLength);
}

type ExitCode = number | 'ENOENT' | 'TIMEOUT';

function run(args: string[], timeout: number): Promise<{ stdout: Buffer; stderr: string; code: ExitCode }> {
  return new Promise((resolve) => {
    execFile(
      'fswebcam',
      args,
      { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, timeout, shell: false },
      (error, stdout, stderr) => {
        const failure = error as (NodeJS.ErrnoException & { killed?: boolean }) | null;
        const code: ExitCode = !failure
          ? 0
          : failure.code === 'ENOENT'
            ? 'ENOENT'
            : failure.killed
              ? 'TIMEOUT'
              : typeof failure.code === 'number'
                ? failure.code
                : 1;
        resolve({ stdout, stderr: stderr.toString('utf8'), code });
      },
    );
  });
}

/** First non-empty line, without the terminal colour codes fswebcam puts around its errors. */
function firstLine(text: string): string {
  const plain = text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
  return (
    plain
      .split('\n')
      .find((l) => l.trim().length > 0)
      ?.trim() ?? ''
  );
}
