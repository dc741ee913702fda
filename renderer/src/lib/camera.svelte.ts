import type { Frame } from '../../../electron/shared/schemas/analysis-schemas';
import type { CameraState } from '../../../electron/shared/schemas/system-schemas';

/**
 * The attached camera. Frames are read from the <video> element into memory and handed to the
 * analysis over the contract; nothing here stores, uploads or logs them.
 */
export class Camera {
  state = $state<CameraState | 'starting' | 'idle'>('idle');
  stream = $state<MediaStream | null>(null);
  private canvas: HTMLCanvasElement | null = null;

  async start(): Promise<CameraState> {
    if (this.stream) return 'ok';
    this.state = 'starting';
    if (!navigator.mediaDevices?.getUserMedia) return (this.state = 'missing');
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: 'user' },
      });
      return (this.state = 'ok');
    } catch (err) {
      const name = err instanceof DOMException ? err.name : '';
      return (this.state = name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'missing');
    }
  }

  stop(): void {
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
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
