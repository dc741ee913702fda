import type { Frame } from '../../../electron/shared/schemas/analysis-schemas';
import type {
  CameraColourSettings,
  CameraDescription,
} from '../../../electron/shared/schemas/colour-schemas';
import type { CameraState } from '../../../electron/shared/schemas/system-schemas';
import { currentColourSettings, planColourLock, type ColourCapabilities } from './camera-colour-lock';
import type { KioskClient } from './client/kiosk-client';

/** Time the camera's automatic exposure and white balance get to settle before they are locked. */
const SETTLE_MS = 1500;

/**
 * The attached camera. Frames are read from the <video> element into memory and handed to the
 * analysis over the contract; nothing here stores, uploads or logs them. Each start tells the kiosk
 * which camera opened and restores the exposure and white balance locked when it was calibrated,
 * so skin is measured under the settings its calibration holds for.
 */
export class Camera {
  state = $state<CameraState | 'starting' | 'idle'>('idle');
  stream = $state<MediaStream | null>(null);
  /** The open camera and what of its colour is locked, for the calibration screen. */
  description = $state<CameraDescription | null>(null);
  private canvas: HTMLCanvasElement | null = null;

  constructor(private readonly client: KioskClient) {}

  async start(): Promise<CameraState> {
    if (this.stream) return 'ok';
    this.state = 'starting';
    let state: CameraState;
    if (!navigator.mediaDevices?.getUserMedia) state = 'missing';
    else {
      try {
        this.stream = await navigator.mediaDevices.getUserMedia({
          audio: false,
          video: { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: 'user' },
        });
        state = 'ok';
      } catch (err) {
        const name = err instanceof DOMException ? err.name : '';
        state = name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'missing';
      }
    }
    const label = this.track()?.label || 'camera';
    const answer = await this.client.invoke('session:camera-state', {
      state,
      ...(state === 'ok' ? { camera: { label } } : {}),
    });
    if (state === 'ok') await this.lock(answer.ok ? answer.value.settings : null, label);
    return (this.state = state);
  }

  /**
   * Locks exposure and white balance where the camera's automatic modes have settled (after about
   * 1.5 s), for a calibration: the frames that follow, and every shopper's, keep these settings.
   */
  async lockCurrent(): Promise<CameraDescription | null> {
    const track = this.track();
    if (!track) return null;
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    return this.lock(
      currentColourSettings(track.getSettings() as Record<string, unknown>),
      track.label || 'camera',
    );
  }

  private track(): MediaStreamTrack | null {
    return this.stream?.getVideoTracks()[0] ?? null;
  }

  private async lock(values: CameraColourSettings | null, label: string): Promise<CameraDescription> {
    const track = this.track();
    const capabilities = (track?.getCapabilities?.() ?? {}) as ColourCapabilities;
    const plan = values ? planColourLock(capabilities, values) : null;
    let applied = false;
    if (track && plan && Object.keys(plan.constraints).length > 0) {
      // A camera that refuses the constraints keeps running on its automatic modes.
      applied = await track
        .applyConstraints({ advanced: [plan.constraints as MediaTrackConstraintSet] })
        .then(
          () => true,
          () => false,
        );
    }
    return (this.description = {
      label,
      exposureLocked: applied && plan!.exposureLocked,
      whiteBalanceLocked: applied && plan!.whiteBalanceLocked,
      settings: applied ? plan!.constraints : {},
    });
  }

  stop(): void {
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    this.description = null;
    this.state = 'idle';
  }

  /** Grabs the current video frame as RGBA, scaled so its longer side is at most `maxSide`. */
  grab(video: HTMLVideoElement, maxSide: number): Frame | null {
    const w = video.videoWidth;
    const h = video.videoHeight;
    if (!w || !h) return null;
    const scale = Math.min(1, maxSide / Math.max(w, h));
    const width = Math.round(w * scale);
    const height = Math.round(h * scale);
    this.canvas ??= document.createElement('canvas');
    this.canvas.width = width;
    this.canvas.height = height;
    const ctx = this.canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    ctx.drawImage(video, 0, 0, width, height);
    const pixels = ctx.getImageData(0, 0, width, height).data;
    return { width, height, data: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength) };
  }

  /** The shopper's photo for the results overlay, as an in-memory object URL (never a file). */
  async snapshotUrl(): Promise<string | null> {
    if (!this.canvas) return null;
    const blob = await new Promise<Blob | null>((resolve) => this.canvas?.toBlob(resolve, 'image/jpeg', 0.9));
    return blob ? URL.createObjectURL(blob) : null;
  }
}
