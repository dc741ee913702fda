import type { Frame, QualityHint, QualityReport } from '../../../electron/shared/schemas/analysis-schemas';
import type { CameraState } from '../../../electron/shared/schemas/system-schemas';
import type { ErrorCode } from '../../../electron/shared/result';
import type { KioskClient } from './client/kiosk-client';
import type { KioskSession } from './kiosk-session.svelte';

/** Preview frames are small (guidance needs no detail); the captured photo is full size. */
const PREVIEW_SIDE = 320;
const CAPTURE_SIDE = 1280;
/** Every check must pass this long before the countdown starts on its own. */
export const READY_HOLD_MS = 1000;
export const COUNTDOWN_S = 3;
/**
 * A running countdown stops after this many failing reports in a row: one noisy preview frame (a
 * blink, a compression artefact) does not send the shopper back to "3", while a face that moves
 * away does. The shutter itself always needs the latest report to pass.
 */
const STOP_AFTER_FAILING_REPORTS = 2;

/** Where the camera comes from: the screen's <video> through the app's Camera. */
export interface FrameSource {
  /** Opens the camera; it tells main itself which camera opened (see Camera.start). */
  start(): Promise<CameraState>;
  grab(maxSide: number): Frame | null;
  /** The last grabbed frame as an in-memory image URL for the results overlay. */
  snapshotUrl(): Promise<string | null>;
}

export interface CaptureFlowDeps {
  client: KioskClient;
  session: KioskSession;
  /** Counts someone in front of the camera as activity (keeps "Still there?" away). */
  activity: () => void;
  frames: FrameSource;
  /** Resolves before the next preview frame (the display's next frame in the kiosk). */
  nextFrame?: () => Promise<void>;
  now?: () => number;
}

/**
 * guiding → countdown → capturing: once `capturing` starts nothing can bring the countdown back,
 * because the guidance loop stops before the photo is taken (a late "ready" report used to restart
 * the count and flash a "3" just before Analyzing).
 */
export type CapturePhase = 'starting' | 'guiding' | 'countdown' | 'capturing';

/** One meter beside the preview: where the shopper stands on distance or light. */
export type MeterState = 'unknown' | 'low' | 'good' | 'high';

/**
 * The capture step: starts the camera, runs live guidance (one preview frame in flight at a time),
 * counts down when every check has passed for a second (or on "Take photo"), and hands the frame to
 * Analyzing. Only a frame the guidance calls ready is ever captured: "Take photo" waits for one,
 * frames that keep failing stop any countdown, and the shutter fires only if the latest frame is
 * still ready (the analysis applies its own capture limits as well). Frames stay in memory; nothing here
 * stores or sends them anywhere but the kiosk.
 */
export class CaptureFlow {
  phase = $state<CapturePhase>('starting');
  report = $state<QualityReport | null>(null);
  countdown = $state<number | null>(null);
  guidanceError = $state<ErrorCode | null>(null);
  private readySince: number | null = null;
  private failingInARow = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private running = false;
  private readonly nextFrame: () => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly deps: CaptureFlowDeps) {
    this.nextFrame = deps.nextFrame ?? (() => new Promise((r) => requestAnimationFrame(() => r())));
    this.now = deps.now ?? (() => performance.now());
  }

  /** The message key under the preview: an error, the first failing check, ready, or starting. */
  get hintKey(): string {
    if (this.guidanceError) return `errors.${this.guidanceError}`;
    if (!this.report) return 'hints.starting';
    const first = this.report.hints[0];
    return first ? `hints.${first}` : 'hints.ready';
  }

  get distance(): MeterState {
    return this.meter('move_closer', 'move_back');
  }

  get light(): MeterState {
    return this.meter('more_light', 'less_light', ['even_light']);
  }

  /** Starts the camera; false (and the camera-unavailable screen) when there is none. */
  async start(): Promise<boolean> {
    const { session, frames } = this.deps;
    const state = await frames.start();
    // The camera itself reports to main which camera opened (and gets its locked colour settings).
    session.cameraState = state;
    if (state !== 'ok') {
      session.go('camera-unavailable');
      return false;
    }
    this.phase = 'guiding';
    this.running = true;
    void this.guide();
    return true;
  }

  /** Whether "Take photo" can start the countdown now: the latest frame passed every check. */
  get canTake(): boolean {
    return this.phase === 'guiding' && this.report?.ready === true && this.guidanceError === null;
  }

  /** "Take photo": starts the countdown at once, but only with a ready frame. */
  takePhoto(): boolean {
    if (!this.canTake) return false;
    this.startCountdown();
    return true;
  }

  stop(): void {
    this.running = false;
    this.stopCountdown();
  }

  private meter(low: QualityHint, high: QualityHint, alsoLow: QualityHint[] = []): MeterState {
    const r = this.report;
    if (!r || r.faceCount !== 1) return 'unknown';
    if (r.hints.includes(low) || alsoLow.some((h) => r.hints.includes(h))) return 'low';
    if (r.hints.includes(high)) return 'high';
    return 'good';
  }

  private async guide(): Promise<void> {
    const { client, frames } = this.deps;
    while (this.running) {
      const frame = frames.grab(PREVIEW_SIDE);
      if (!frame) {
        await sleep(50);
        continue;
      }
      const result = await client.invoke('analysis:preview-frame', frame);
      if (!this.running) return;
      if (!result.ok) {
        this.guidanceError = result.error.code;
        this.trackReadiness(false);
        await sleep(500);
        continue;
      }
      this.guidanceError = null;
      this.report = result.value;
      // Someone standing in front of the camera is using the kiosk, even without touching it.
      if (result.value.faceCount > 0) this.deps.activity();
      this.trackReadiness(result.value.ready);
      await this.nextFrame();
    }
  }

  private trackReadiness(ready: boolean): void {
    if (this.phase !== 'guiding' && this.phase !== 'countdown') return;
    if (!ready) {
      this.readySince = null;
      this.failingInARow += 1;
      if (this.phase === 'countdown' && this.failingInARow >= STOP_AFTER_FAILING_REPORTS)
        this.stopCountdown();
      return;
    }
    this.failingInARow = 0;
    this.readySince ??= this.now();
    if (this.phase === 'guiding' && this.now() - this.readySince >= READY_HOLD_MS) this.startCountdown();
  }

  private startCountdown(): void {
    this.stopCountdown();
    this.phase = 'countdown';
    this.countdown = COUNTDOWN_S;
    this.timer = setInterval(() => {
      const next = (this.countdown ?? 1) - 1;
      if (next > 0) this.countdown = next;
      else void this.capture();
    }, 1000);
  }

  private stopCountdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.countdown = null;
    if (this.phase === 'countdown') this.phase = 'guiding';
  }

  private async capture(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.report?.ready !== true) {
      // The frame stopped passing in the last second: no photo, and a fresh hold before the next count.
      this.readySince = null;
      this.stopCountdown();
      return;
    }
    // From here on no guidance report can restart the countdown.
    this.phase = 'capturing';
    this.running = false;
    const { frames, session } = this.deps;
    const frame = frames.grab(CAPTURE_SIDE);
    if (!frame) {
      this.phase = 'guiding';
      this.countdown = null;
      this.running = true;
      void this.guide();
      return;
    }
    const url = await frames.snapshotUrl();
    session.pendingFrame = frame;
    session.setPhoto(url ? { url, width: frame.width, height: frame.height } : null);
    session.go('analyzing');
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
