import { exec } from 'node:child_process';
import { createRequire } from 'node:module';
import { KioskError } from '../../shared/result';

/** The slice of node-webcam's FSWebcam class the capture uses. */
interface FsWebcam {
  generateSh(location: string): string;
  runCaptureValidations(stderr: string): Error | null;
}
interface NodeWebcamModule {
  FSWebcam: new (options: Record<string, unknown>) => FsWebcam;
}

export interface StillCaptureOptions {
  /** V4L2 device, e.g. `/dev/video0`; the system default when omitted. */
  readonly device?: string;
  readonly width?: number;
  readonly height?: number;
  /** Frames dropped first so auto-exposure settles. */
  readonly skipFrames?: number;
  readonly timeoutMs?: number;
}

const DEVICE = /^[A-Za-z0-9_./:-]+$/;

/**
 * Takes one JPEG still from a camera with node-webcam's fswebcam driver (Linux). The still goes to
 * fswebcam's standard output and stays in memory: node-webcam would otherwise save it to a file,
 * and camera frames never touch the disk. A missing tool or camera is CAMERA_UNAVAILABLE.
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
  const { FSWebcam } = createRequire(import.meta.url)('node-webcam') as NodeWebcamModule;
  const webcam = new FSWebcam({
    width: options.width ?? 1280,
    height: options.height ?? 720,
    output: 'jpeg',
    quality: 95,
    device: options.device ?? false,
    skip: options.skipFrames ?? 10,
    delay: 0,
    frames: false,
    verbose: false,
  });
  // "-" is fswebcam's standard output.
  const command = webcam.generateSh('-');
  const { stdout, stderr, code } = await run(command, options.timeoutMs ?? 20_000);
  if (code === 127)
    throw new KioskError(
      'CAMERA_UNAVAILABLE',
      'fswebcam is not installed. Install it with: sudo apt-get install fswebcam',
    );
  const noCamera = webcam.runCaptureValidations(stderr);
  if (noCamera)
    throw new KioskError(
      'CAMERA_UNAVAILABLE',
      `No camera found${options.device ? ` at ${options.device}` : ''}: ${firstLine(stderr) || noCamera.message}`,
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

function run(command: string, timeout: number): Promise<{ stdout: Buffer; stderr: string; code: number }> {
  return new Promise((resolve) => {
    exec(command, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, timeout }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ stdout, stderr: stderr.toString('utf8'), code });
    });
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
